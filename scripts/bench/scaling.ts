/**
 * Scaling through n8n's engine as the package is today: Payment → Get Status for 1k / 10k / 100k
 * references (one per item) and the payment trigger's first and second poll over as many open
 * items; time, peak memory over the baseline, and Yuki calls. The sandbox's answers are recorded
 * once and replayed instantly, and the sandbox's own state is dropped before the clock starts,
 * so time and memory are the node's (plus the replayed answer text held in memory).
 */
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { sandboxCredentials } from '../harness/credentials';
import { pollTrigger } from '../harness/pollTrigger';
import type { IDataObject } from 'n8n-workflow';
import { getStatusRun } from './engineRuns';
import { withPeakMemory } from './peak';
import { startReplayServer, totalCalls } from './replay';
import type { BenchRow, BenchSection } from './report';
import { formatCount, formatMb, formatMs, formatSpread, quick, ROUNDS, spread } from './report';
import type { RunningSandbox } from './sandboxRuns';

const GET_STATUS_TARGET_MS = 5000;

interface Measured {
	ms: number[];
	peak: number[];
	calls: number;
}

async function rounds(count: number, work: () => Promise<unknown>, calls: () => number, reset: () => void): Promise<Measured> {
	const measured: Measured = { ms: [], peak: [], calls: 0 };
	for (let round = 0; round < count; round++) {
		reset();
		const run = await withPeakMemory(work);
		measured.ms.push(run.ms);
		measured.peak.push(run.peakBytes);
		measured.calls = calls();
	}
	return measured;
}

function describe(measured: Measured): string {
	const runs = measured.ms.length;
	const peak = spread(measured.peak);
	return `${runs > 1 ? formatSpread(spread(measured.ms)) : formatMs(measured.ms[0])}; peak +${formatMb(peak.median)}; ${measured.calls} call${measured.calls === 1 ? '' : 's'}`;
}

export async function scalingScenario(sandbox: RunningSandbox): Promise<BenchSection> {
	const sizes = quick() ? [1000, 10_000] : [1000, 10_000, 100_000];
	const replay = await startReplayServer(sandbox.url);
	const credentials = sandboxCredentials({ url: replay.url, demo: sandbox.demo });
	const rows: BenchRow[] = [];
	try {
		for (const size of sizes) {
			sandbox.reset();
			const seeded = sandbox.seedOpenItems(size);
			const first = Number(seeded.firstReference.replace(/^\D+/, ''));
			const prefix = seeded.firstReference.replace(/\d+$/, '');
			const width = seeded.firstReference.length - prefix.length;
			const references = Array.from({ length: size }, (_, index) => `${prefix}${String(first + index).padStart(width, '0')}`);

			// Record the list answers (Get Status and the poll), then drop the sandbox's state.
			replay.mode = 'record';
			resetTransportCaches();
			await getStatusRun(credentials, references);
			const recordedPoll = await pollTrigger({ parameters: { side: 'debtor' }, credentials });
			await pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData: recordedPoll.staticData });
			sandbox.reset();
			replay.mode = 'replay';

			const runs = size >= 100_000 ? 1 : ROUNDS;
			const calls = () => totalCalls(replay.calls);
			const status = await rounds(runs, () => getStatusRun(credentials, references), calls, () => replay.resetCount());
			let staticData: IDataObject | undefined;
			const firstPoll = await rounds(
				runs,
				async () => (staticData = (await pollTrigger({ parameters: { side: 'debtor' }, credentials })).staticData),
				calls,
				() => replay.resetCount(),
			);
			const secondPoll = await rounds(runs, () => pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData }), calls, () => replay.resetCount());

			const statusMs = spread(status.ms).median;
			rows.push(
				{
					scenario: `Get Status, ${formatCount(size)} references (one per item)`,
					measured: describe(status),
					naive: `per reference: ${formatCount(size)} CheckOutstandingItem calls`,
					target: size >= 100_000 ? `< ${formatMs(GET_STATUS_TARGET_MS)}; linear` : 'linear',
					pass: size < 100_000 || statusMs < GET_STATUS_TARGET_MS,
				},
				{
					scenario: `Trigger poll, ${formatCount(size)} open items: first / second poll`,
					measured: `${describe(firstPoll)} / ${describe(secondPoll)}`,
					naive: '—',
					target: 'second poll no slower than the first',
					pass: spread(secondPoll.ms).median <= spread(firstPoll.ms).median * 1.2,
				},
			);
		}
	} finally {
		await replay.close();
	}
	return {
		title: 'Scaling: payment status and the trigger poll',
		method: [
			'Open invoices seeded in the sandbox\'s demo administration (1k, 10k, 100k); the sandbox\'s answers to the node\'s requests are recorded once and replayed instantly, and the sandbox\'s state is dropped before timing.',
			'Get Status: one item per reference, "One Reference per Item", through n8n\'s real engine, session cached. Trigger poll: the Yuki Trigger\'s poll as n8n runs it; the second poll gets the static data the first left.',
			`Time: ${ROUNDS} rounds, median (min–max), except at 100,000 (one round: Get Status is measured as the package is, while it is being made linear). Peak: the process's resident memory sampled every 10 ms, over the baseline after a garbage collection just before the run (median over rounds). Calls: counted by the replay server (a cached session needs no Authenticate).`,
		].join(' '),
		rows,
	};
}
