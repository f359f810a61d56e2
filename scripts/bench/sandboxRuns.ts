/**
 * What the benchmark scenarios share: a sandbox on loopback, fresh invoice numbers, and a count of
 * the calls the sandbox received (server-side truth) between two points of a scenario. The
 * credential and the sample invoice are the reliability suite's (test/reliability), so the bench
 * measures the input the suite checks.
 */
import { startSandbox } from '../../sandbox/server';
import type { RunningSandbox } from '../../sandbox/server';

export type { RunningSandbox };

/** A sandbox whose quota never gets in the way of a benchmark. */
export async function benchSandbox(): Promise<RunningSandbox> {
	return await startSandbox({ port: 0, host: '127.0.0.1', dailyQuota: 100_000_000 });
}

let referenceRun = 0;

/** `count` invoice numbers no earlier scenario used (the sandbox refuses a number twice). */
export function freshReferences(count: number, prefix = 'BENCH'): string[] {
	referenceRun++;
	return Array.from({ length: count }, (_, index) => `${prefix}-${referenceRun}-${String(index + 1).padStart(5, '0')}`);
}

export interface CallTally {
	total: number;
	byOperation: Record<string, number>;
	authentications: number;
}

/** Counts the calls the sandbox received since `from` (an index into its call log). */
export function callsSince(sandbox: RunningSandbox, from: number): CallTally {
	const byOperation: Record<string, number> = {};
	for (const call of sandbox.calls.slice(from)) byOperation[call.operation] = (byOperation[call.operation] ?? 0) + 1;
	const authentications = (byOperation.Authenticate ?? 0) + (byOperation.AuthenticateClient ?? 0);
	return { total: sandbox.calls.length - from, byOperation, authentications };
}
