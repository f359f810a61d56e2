/**
 * Everything the reliability suite sees a user could see: output items, error messages and
 * descriptions, and every log line. It is kept as text so that the final check can scan all of
 * it for secrets (access key, client secret, session IDs) in one go.
 */

interface Captured {
	/** Where the text came from, for the failure message (e.g. "fault reset: item 3 error"). */
	source: string;
	text: string;
}

const captured: Captured[] = [];

/** Turns anything (items, errors with their own properties, log metadata) into scannable text. */
export function textOf(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Error) {
		const own: Record<string, unknown> = {};
		for (const key of Object.getOwnPropertyNames(value)) own[key] = (value as unknown as Record<string, unknown>)[key];
		return `${value.name}: ${value.message}\n${safeJson(own)}`;
	}
	return safeJson(value);
}

function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return (
			JSON.stringify(value, (_key, inner: unknown) => {
				if (typeof inner === 'bigint') return inner.toString();
				if (inner instanceof Error) return { ...inner, name: inner.name, message: inner.message };
				if (Buffer.isBuffer(inner)) return `<buffer ${inner.length} bytes>`;
				if (inner && typeof inner === 'object') {
					if (seen.has(inner)) return '[circular]';
					seen.add(inner);
				}
				return inner;
			}) ?? String(value)
		);
	} catch {
		return String(value);
	}
}

export function capture(source: string, value: unknown): void {
	captured.push({ source, text: textOf(value) });
}

export function capturedCount(): { total: number; logLines: number } {
	return { total: captured.length, logLines: captured.filter((entry) => entry.source.endsWith('log')).length };
}

export interface CapturingLogger {
	error(message: string, meta?: object): void;
	warn(message: string, meta?: object): void;
	info(message: string, meta?: object): void;
	debug(message: string, meta?: object): void;
	verbose(message: string, meta?: object): void;
	/** Lines logged so far, as text. */
	lines: string[];
}

/** A logger with n8n's Logger methods that keeps every line (message and metadata). */
export function capturingLogger(source: string): CapturingLogger {
	const lines: string[] = [];
	const log = (level: string) => (message: string, meta?: object) => {
		const line = `${level} ${message}${meta ? ' ' + textOf(meta) : ''}`;
		lines.push(line);
		captured.push({ source: `${source} log`, text: line });
	};
	return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug'), verbose: log('verbose'), lines };
}

let consoleRestore: (() => void) | undefined;

/** Also keeps what anything prints through `console` while the suite runs (still printed). */
export function captureConsole(): void {
	if (consoleRestore) return;
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const originals = methods.map((method) => console[method]);
	methods.forEach((method, index) => {
		console[method] = (...args: unknown[]) => {
			captured.push({ source: `console.${method}`, text: args.map(textOf).join(' ') });
			originals[index].apply(console, args);
		};
	});
	consoleRestore = () => methods.forEach((method, index) => (console[method] = originals[index]));
}

export function releaseConsole(): void {
	consoleRestore?.();
	consoleRestore = undefined;
}

export interface SecretFinding {
	secret: string;
	source: string;
}

/** Every place a secret occurs in the captured text (secrets shorter than 8 characters are skipped as too ambiguous). */
export function findSecrets(secrets: Record<string, string[]>): SecretFinding[] {
	const findings: SecretFinding[] = [];
	for (const [kind, values] of Object.entries(secrets)) {
		for (const value of values) {
			if (!value || value.length < 8) continue;
			const lower = value.toLowerCase();
			for (const entry of captured) {
				if (entry.text.toLowerCase().includes(lower)) findings.push({ secret: kind, source: entry.source });
			}
		}
	}
	return findings;
}
