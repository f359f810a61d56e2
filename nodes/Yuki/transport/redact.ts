/**
 * Every text the transport lets out (error messages, hints, Yuki's fault texts, log lines) passes
 * through one `Redactor`, which removes the access key, the client secret and every session ID
 * the client has seen, in every form a server or proxy may echo them: any case, with or without
 * the dashes of a GUID (or with other separators between the characters), and any GUID that
 * follows the word "session" (Yuki may echo a session back in a fault, including one this client
 * never saw).
 */

export const REDACTED = '[redacted]';

/** Shorter values are too likely to occur in ordinary text to be replaced blindly. */
const MIN_SECRET_LENGTH = 3;

const ECHOED_SESSION =
	/(session[\s_-]*(?:id)?[^0-9a-f]{0,20})(\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?)/gi;

const ASCII_ONLY = /^\p{ASCII}*$/u;
const NOT_ASCII_LETTER_OR_DIGIT = /[^A-Za-z0-9]+/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

interface SecretMatcher {
	secret: string;
	/** Built when first needed: a run that never meets the secret never builds them. */
	patterns?: RegExp[];
	/**
	 * The secret's letters and digits in lower case, when they are all ASCII. In ASCII text every
	 * form the patterns find is these characters in order once the other characters are taken out,
	 * so text without them cannot hold the secret and the patterns need not run.
	 */
	asciiCore?: string;
}

export class Redactor {
	private readonly secrets = new Set<string>();

	private matchers: SecretMatcher[] = [];

	add(secret: string | undefined): void {
		const value = secret?.trim();
		if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
		this.secrets.add(value);
		const known = new Map(this.matchers.map((matcher) => [matcher.secret, matcher]));
		this.matchers = [...this.secrets].sort((a, b) => b.length - a.length).map((value) => known.get(value) ?? secretMatcher(value));
	}

	redact(text: string): string;
	redact(text: string | undefined): string | undefined;
	redact(text: string | undefined): string | undefined {
		if (text === undefined) return undefined;
		let result = text;
		// The patterns are costly to compile (V8 compiles a regular expression on its first use, and
		// again after a garbage collection dropped it), so they run only on text that may hold the secret.
		let lettersAndDigits: string | undefined;
		// Longest first, so a secret that contains another is removed whole.
		for (const matcher of this.matchers) {
			if (matcher.asciiCore !== undefined && ASCII_ONLY.test(result)) {
				lettersAndDigits ??= result.replace(NOT_ASCII_LETTER_OR_DIGIT, '').toLowerCase();
				if (!lettersAndDigits.includes(matcher.asciiCore)) continue;
			}
			matcher.patterns ??= secretPatterns(matcher.secret);
			for (const pattern of matcher.patterns) {
				const replaced = result.replace(pattern, REDACTED);
				if (replaced !== result) lettersAndDigits = undefined;
				result = replaced;
			}
		}
		return result.replace(ECHOED_SESSION, (_match, prefix: string) => `${prefix}${REDACTED}`);
	}
}

function secretMatcher(secret: string): SecretMatcher {
	const core = secret.replace(NOT_LETTER_OR_DIGIT, '');
	return { secret, asciiCore: ASCII_ONLY.test(core) ? core.toLowerCase() : undefined };
}

/**
 * The secret as written (any case), and its letters and digits in order with up to three
 * separators (dashes, spaces, braces, punctuation) between any two: `7C2D4E6F8A9B…` and
 * `7c2d 4e6f-…` are the same key.
 */
function secretPatterns(secret: string): RegExp[] {
	const exact = new RegExp(escapeRegExp(secret), 'gi');
	const core = secret.replace(NOT_LETTER_OR_DIGIT, '');
	if (core.length < MIN_SECRET_LENGTH) return [exact];
	const spaced = [...core].map(escapeRegExp).join('[^\\p{L}\\p{N}]{0,3}');
	// A short secret only as a word of its own; a long one wherever it appears.
	const source = core.length >= 8 ? spaced : `(?<![\\p{L}\\p{N}])${spaced}(?![\\p{L}\\p{N}])`;
	return [exact, new RegExp(source, 'giu')];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
