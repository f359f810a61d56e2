/**
 * The one place the node writes its run log (n8n's log, through `this.logger`): what was sent to
 * Yuki, what Yuki said, what failed and why. Secrets never reach it: values of secret-looking
 * keys are dropped and GUID-like session IDs or keys inside texts are masked.
 */
import type { Logger } from 'n8n-workflow';
import type { YukiLogger } from '../transport/types';

const SECRET_KEY = /access.?key|secret|session|password|token|authori[sz]ation/i;
/** Access keys and session IDs are GUIDs; administration IDs are too, but they are no secret. */
const SECRET_VALUE_PATTERNS: RegExp[] = [/(accessKey|sessionI[Dd]|clientSecret)(["'=:>\s]+)[^"'<&\s,;]+/g];

/** The text with known secret parameter values masked. */
export function maskSecrets(text: string): string {
	return SECRET_VALUE_PATTERNS.reduce((masked, pattern) => masked.replace(pattern, '$1$2***'), text);
}

/** Log metadata without secrets: secret-looking keys are dropped, texts masked. */
export function safeMeta(meta: Record<string, unknown> = {}): Record<string, unknown> {
	const safe: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(meta)) {
		if (SECRET_KEY.test(key)) continue;
		if (typeof value === 'string') safe[key] = maskSecrets(value);
		else if (value && typeof value === 'object' && !Array.isArray(value)) safe[key] = safeMeta(value as Record<string, unknown>);
		else safe[key] = value;
	}
	return safe;
}

interface HasLogger {
	logger: Logger;
}

const PREFIX = 'Yuki: ';

/** The logger handed to the transport: every Yuki call's line goes to n8n's log, secret-free. */
export function yukiLogger(context: HasLogger): YukiLogger {
	return {
		debug: (message, meta) => context.logger.debug(PREFIX + maskSecrets(message), safeMeta(meta)),
		warn: (message, meta) => context.logger.warn(PREFIX + maskSecrets(message), safeMeta(meta)),
	};
}

/** What the node is about to send (one line per Yuki request, not per byte of it). */
export function logSent(context: HasLogger, what: string, meta?: Record<string, unknown>): void {
	context.logger.debug(`${PREFIX}sending ${maskSecrets(what)}`, safeMeta(meta));
}

/** What Yuki answered. */
export function logAnswer(context: HasLogger, what: string, meta?: Record<string, unknown>): void {
	context.logger.debug(`${PREFIX}${maskSecrets(what)}`, safeMeta(meta));
}

/** An item that failed, and why (logged whether or not Continue On Fail keeps the run going). */
export function logItemFailure(context: HasLogger, itemIndex: number, error: Error): void {
	context.logger.warn(`${PREFIX}item ${itemIndex} failed: ${maskSecrets(error.message)}`, safeMeta({ itemIndex }));
}
