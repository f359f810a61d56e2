/**
 * Every text the transport lets out (error messages, hints, Yuki's fault texts, log lines) passes
 * through one `Redactor`, which removes the access key, the client secret and every session ID
 * the client has seen, and any GUID that follows the word "session" (Yuki may echo a session
 * back in a fault, including one this client never saw).
 */

export const REDACTED = '[redacted]';

/** Shorter values are too likely to occur in ordinary text to be replaced blindly. */
const MIN_SECRET_LENGTH = 3;

const ECHOED_SESSION = /(session[\s_-]*(?:id)?[^0-9a-f]{0,20})([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

export class Redactor {
	private readonly secrets = new Set<string>();

	add(secret: string | undefined): void {
		const value = secret?.trim();
		if (value && value.length >= MIN_SECRET_LENGTH) this.secrets.add(value);
	}

	redact(text: string): string;
	redact(text: string | undefined): string | undefined;
	redact(text: string | undefined): string | undefined {
		if (text === undefined) return undefined;
		let result = text;
		// Longest first, so a secret that contains another is removed whole; case-insensitive
		// because GUIDs come back in either case.
		for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
			result = result.replace(new RegExp(escapeRegExp(secret), 'gi'), REDACTED);
		}
		return result.replace(ECHOED_SESSION, (_match, prefix: string) => `${prefix}${REDACTED}`);
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
