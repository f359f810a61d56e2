/**
 * Injected faults: the ways a call to Yuki goes wrong, queued and consumed by matching calls.
 *
 * Faults that act BEFORE the operation (malformed, fault, fault-in-200, quota-exhausted, xxe,
 * http-status) leave the state untouched. Faults that act on the ANSWER (slow, drop,
 * reset-mid-response, truncated) let the operation run first: Yuki may well have booked an
 * invoice whose answer never arrived, and a client must not resend it blindly.
 * expire-session kills every session just before the call, which then runs normally.
 */

export const FAULT_KINDS = [
	'slow',
	'drop',
	'reset-mid-response',
	'malformed',
	'truncated',
	'fault',
	'fault-in-200',
	'expire-session',
	'quota-exhausted',
	'xxe',
	'http-status',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
	/** Yuki operation it applies to, e.g. `ProcessSalesInvoices`; any operation when absent. */
	operation?: string;
	/** How many matching calls it hits (default 1). */
	times?: number;
	kind: FaultKind;
	/** For `fault` / `fault-in-200`. */
	faultString?: string;
	/** For `slow` (default 2000 ms). */
	delayMs?: number;
	/** For `http-status` (default 503). */
	status?: number;
}

/** Kinds that answer without running the operation. */
export const FAULTS_BEFORE_OPERATION: ReadonlySet<FaultKind> = new Set([
	'malformed',
	'fault',
	'fault-in-200',
	'quota-exhausted',
	'xxe',
	'http-status',
]);

/** A generic ASMX crash text, used when a `fault` has no faultString. */
export const DEFAULT_FAULT_STRING = 'Server was unable to process request. ---> Object reference not set to an instance of an object.';

export function validateFaultSpec(input: unknown): FaultSpec {
	if (!input || typeof input !== 'object') throw new Error('A fault must be an object with at least a kind');
	const spec = input as Record<string, unknown>;
	if (!FAULT_KINDS.includes(spec.kind as FaultKind)) {
		throw new Error(`Unknown fault kind ${JSON.stringify(spec.kind)}; allowed: ${FAULT_KINDS.join(', ')}`);
	}
	for (const [name, check] of [
		['times', (value: unknown) => Number.isInteger(value) && (value as number) > 0],
		['delayMs', (value: unknown) => Number.isInteger(value) && (value as number) >= 0],
		['status', (value: unknown) => Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 599],
		['operation', (value: unknown) => typeof value === 'string' && value !== ''],
		['faultString', (value: unknown) => typeof value === 'string'],
	] as const) {
		if (spec[name] !== undefined && !check(spec[name])) throw new Error(`Fault field ${name} is invalid: ${JSON.stringify(spec[name])}`);
	}
	return spec as unknown as FaultSpec;
}

export class FaultQueue {
	private queue: Array<{ spec: FaultSpec; remaining: number }> = [];

	add(spec: FaultSpec): void {
		this.queue.push({ spec: validateFaultSpec(spec), remaining: spec.times ?? 1 });
	}

	clear(): void {
		this.queue = [];
	}

	/** Takes the first fault matching this operation, counting one use of it. */
	take(operation: string): FaultSpec | undefined {
		const index = this.queue.findIndex((entry) => !entry.spec.operation || entry.spec.operation === operation);
		if (index === -1) return undefined;
		const entry = this.queue[index];
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.queue.splice(index, 1);
		return entry.spec;
	}

	pending(): FaultSpec[] {
		return this.queue.map((entry) => ({ ...entry.spec, times: entry.remaining }));
	}
}

/** An answer that tries to make the client read a local file through an external entity. */
export function xxeBody(operation: string): string {
	return (
		'<?xml version="1.0" encoding="utf-8"?>' +
		'<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<${operation}Response xmlns="http://www.theyukicompany.com/"><${operation}Result>&xxe;</${operation}Result></${operation}Response>` +
		'</soap:Body></soap:Envelope>'
	);
}
