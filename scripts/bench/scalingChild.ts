/**
 * One size of the scaling scenario in a process of its own (spawned by scaling.ts with
 * --expose-gc), against the replay server the parent runs: Get Status (one reference per item)
 * and the trigger's first and second poll, or (BENCH_ONLY=list) Get Status with one list item, each timed over several rounds, with the peak memory of its first round over
 * a baseline taken after a garbage collection. Prints one JSON line.
 */
import type { IDataObject } from 'n8n-workflow';
import { pollTrigger } from '../harness/pollTrigger';
import { consecutiveReferences, getStatusListRun, getStatusRun, references } from './engineRuns';
import { withPeakMemory } from './peak';

interface Kind {
	ms: number[];
	peak: number;
}

async function measure(rounds: number, work: () => Promise<unknown>): Promise<Kind> {
	const kind: Kind = { ms: [], peak: 0 };
	for (let round = 0; round < rounds; round++) {
		const run = await withPeakMemory(work);
		kind.ms.push(run.ms);
		if (round === 0) kind.peak = run.peakBytes;
	}
	return kind;
}

async function main(): Promise<void> {
	const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '{}') as Record<string, unknown>;
	const all = consecutiveReferences(process.env.BENCH_FIRST_REFERENCE ?? 'BULK-000001', Number(process.env.BENCH_SIZE ?? 0));
	const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
	// Warm-up on a few references: loads every module and caches the session.
	await getStatusRun(credentials, all.slice(0, 10).length ? all.slice(0, 10) : references('WARM', 1));
	const warmPoll = await pollTrigger({ parameters: { side: 'debtor' }, credentials });
	await pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData: warmPoll.staticData });

	if (process.env.BENCH_ONLY === 'list') {
		// A process of its own: its peak memory is not hidden by the heap the other runs grew.
		console.log(JSON.stringify({ list: await measure(rounds, () => getStatusListRun(credentials, all)) }));
		return;
	}
	const status = await measure(rounds, () => getStatusRun(credentials, all));
	let staticData: IDataObject | undefined;
	const firstPoll = await measure(rounds, async () => (staticData = (await pollTrigger({ parameters: { side: 'debtor' }, credentials })).staticData));
	const secondPoll = await measure(rounds, () => pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData }));
	console.log(JSON.stringify({ status, firstPoll, secondPoll }));
}

main()
	.catch((error: unknown) => {
		console.log(JSON.stringify({ error: (error as Error).message }));
		process.exitCode = 1;
	})
	// n8n-core keeps background timers that would hold the process open.
	.finally(() => process.exit());
