/**
 * Scaling through n8n's engine as the package is today: Payment → Get Status for 1k / 10k / 100k
 * references (one per item, and all in one list item) and the payment trigger's first and second poll over as many open
 * items; time, peak memory over the baseline, and Yuki calls. The sandbox's answers are recorded
 * once and replayed instantly, and the sandbox's own state is dropped before the clock starts,
 * so time and memory are the node's (plus the replayed answer text held in memory).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { sandboxCredentials } from '../harness/credentials';
import { pollTrigger } from '../harness/pollTrigger';
import { consecutiveReferences, getStatusRun } from './engineRuns';
import { startReplayServer, totalCalls } from './replay';
import type { BenchRow, BenchSection } from './report';
import { formatCount, formatMb, formatMs, formatSpread, quick, ROUNDS, spread } from './report';
import type { RunningSandbox } from './sandboxRuns';

const GET_STATUS_TARGET_MS = 5000;

interface Kind {
	ms: number[];
	peak: number;
}

interface ChildResult {
	status?: Kind;
	list?: Kind;
	firstPoll?: Kind;
	secondPoll?: Kind;
	error?: string;
}

function inChild(credentials: Record<string, unknown>, firstReference: string, size: number, rounds: number, only = ''): Promise<ChildResult> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(__dirname, 'scalingChild.ts')], {
			cwd: join(__dirname, '..', '..'),
			env: { ...process.env, BENCH_CREDENTIALS: JSON.stringify(credentials), BENCH_FIRST_REFERENCE: firstReference, BENCH_SIZE: String(size), BENCH_ROUNDS: String(rounds), BENCH_ONLY: only },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', () => {
			try {
				resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as ChildResult);
			} catch {
				resolve({ error: output.slice(-300) || 'no output' });
			}
		});
	});
}

function describe(kind: Kind | undefined, calls: number): string {
	if (!kind) return 'failed';
	const time = kind.ms.length > 1 ? formatSpread(spread(kind.ms)) : formatMs(kind.ms[0]);
	return `${time}; peak +${formatMb(kind.peak)}; ${calls} call${calls === 1 ? '' : 's'}`;
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
			const references = consecutiveReferences(seeded.firstReference, size);

			// Record the list answers (Get Status and the poll), then drop the sandbox's state.
			replay.mode = 'record';
			resetTransportCaches();
			await getStatusRun(credentials, references);
			replay.resetCount();
			await getStatusRun(credentials, references);
			const statusCalls = totalCalls(replay.calls);
			replay.resetCount();
			const recordedPoll = await pollTrigger({ parameters: { side: 'debtor' }, credentials });
			const pollCalls = totalCalls(replay.calls);
			await pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData: recordedPoll.staticData });
			sandbox.reset();
			replay.mode = 'replay';

			const result = await inChild(credentials, seeded.firstReference, size, ROUNDS);
			if (result.error) throw new Error(`scaling at ${size}: ${result.error}`);
			const listResult = await inChild(credentials, seeded.firstReference, size, ROUNDS, 'list');
			if (listResult.error) throw new Error(`scaling at ${size}, one list item: ${listResult.error}`);
			const median = (kind: Kind | undefined) => (kind ? spread(kind.ms).median : Number.POSITIVE_INFINITY);
			const statusRow = (what: string, kind: Kind | undefined): BenchRow => ({
				scenario: `Get Status, ${formatCount(size)} references (${what})`,
				measured: describe(kind, statusCalls),
				naive: `per reference: ${formatCount(size)} CheckOutstandingItem calls`,
				target: size >= 100_000 ? `< ${formatMs(GET_STATUS_TARGET_MS)}; linear` : 'linear',
				pass: size < 100_000 || median(kind) < GET_STATUS_TARGET_MS,
			});
			rows.push(
				statusRow('one per item', result.status),
				statusRow('one list item', listResult.list),
				{
					scenario: `Trigger poll, ${formatCount(size)} open items: first / second poll`,
					measured: `${describe(result.firstPoll, pollCalls)} / ${describe(result.secondPoll, pollCalls)}`,
					naive: '—',
					target: 'second poll no slower than the first',
					pass: result.firstPoll !== undefined && result.secondPoll !== undefined && spread(result.secondPoll.ms).median <= spread(result.firstPoll.ms).median * 1.2,
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
			'Get Status through n8n\'s real engine, session cached: one item per reference ("One Reference per Item", Reference `={{ $json.reference }}`), and one item holding all references ("A List of References", `={{ $json.refs }}`). Trigger poll: the Yuki Trigger\'s poll as n8n runs it; the second poll gets the static data the first left.',
			`Each size runs in a fresh process after a small warm-up run (the list item in a process of its own). Time: ${ROUNDS} rounds, median (min–max). Peak: the first round's resident memory (sampled every 10 ms, and the kernel's high-water mark when the run set a new one) over the baseline after a garbage collection just before it. Calls: counted by the replay server for one run with a cached session.`,
		].join(' '),
		rows,
	};
}
