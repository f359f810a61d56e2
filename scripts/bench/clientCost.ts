/**
 * The client's own cost: N sales invoices through the node in n8n's engine against the instant
 * replay server, next to a raw POST of the very request bodies the node sent (pre-built batches)
 * to the same server. Once with instant answers (the client's cost alone) and once with 150 ms
 * per call standing in for Yuki's own time (what a user waits for).
 */
import { performance } from 'node:perf_hooks';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { sandboxCredentials } from '../harness/credentials';
import { engineAloneRun, references, salesItems, salesRun, timedNode, timedYukiNode } from './engineRuns';
import { minimalYukiNode } from './minimalNode';
import { rawSoapPost, rawSoapPostViaN8n } from './rawPost';
import { startReplayServer, totalCalls } from './replay';
import type { BenchRow, BenchSection } from './report';
import { formatCount, formatMs, formatSpread, quick, ROUNDS, spread } from './report';
import type { RunningSandbox } from './sandboxRuns';

const INSTANT_TARGET = 3;
const DELAYED_TARGET = 1.1;
const DELAY_MS = 150;

/** CPU time of the whole process (this process also runs the replay server, for both sides alike). */
const cpuMsSince = (since: NodeJS.CpuUsage) => {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
};

/** Wall time of `work`, and its CPU time in `cpu` (less disturbed by other work on a shared machine). */
async function timed(work: () => Promise<unknown>, cpu?: number[]): Promise<number> {
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	await work();
	const ms = performance.now() - started;
	cpu?.push(cpuMsSince(cpuBefore));
	return ms;
}

export async function clientCostScenario(sandbox: RunningSandbox): Promise<BenchSection> {
	const sizes = quick() ? [1, 10, 100, 1000] : [1, 10, 100, 1000, 10_000];
	const replay = await startReplayServer(sandbox.url);
	const credentials = sandboxCredentials({ url: replay.url, demo: sandbox.demo });
	const rows: BenchRow[] = [];
	try {
		for (const count of sizes) {
			const invoices = references(`CC${count}`, count);
			// Record: the sandbox books them once; its answers are kept for the exact requests sent.
			replay.mode = 'record';
			resetTransportCaches();
			const recordedBefore = replay.recordedBodies('ProcessSalesInvoices').length;
			await salesRun(credentials, invoices);
			const bodies = replay.recordedBodies('ProcessSalesInvoices').slice(recordedBefore);
			replay.mode = 'replay';
			const raw = async () => {
				for (const body of bodies) {
					const answer = await rawSoapPost(replay.url, 'Sales', 'ProcessSalesInvoices', body);
					if (answer.status !== 200) throw new Error(`raw POST: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
				}
			};
			// The floor of an n8n node: the same bodies through n8n's request helper (shown, not the target).
			const rawViaN8n = async () => {
				for (const body of bodies) await rawSoapPostViaN8n(replay.url, 'Sales', 'ProcessSalesInvoices', body);
			};
			// Built before the clock, as the raw side's bodies are.
			const items = salesItems(invoices);
			const timedYuki = timedYukiNode();
			const node = () => salesRun(credentials, invoices, { items, nodeType: timedYuki.nodeType });
			const engine = () => engineAloneRun(credentials, invoices, items);
			const minimal = timedNode(minimalYukiNode());
			const minimalRun = () => salesRun(credentials, invoices, { items, nodeType: minimal.nodeType });

			for (const delayMs of [0, DELAY_MS]) {
				replay.delayMs = delayMs;
				// n8n's engine alone makes no call: timed once, with instant answers.
				const withEngine = delayMs === 0;
				await node(); // warm-up (JIT, cached session) before the clock
				await raw();
				if (withEngine) await engine();
				if (withEngine) await rawViaN8n();
				if (withEngine) await minimalRun();
				const viaN8nTimes: number[] = [];
				const minimalTimes: number[] = [];
				const nodeTimes: number[] = [];
				const workflowTimes: number[] = [];
				const rawTimes: number[] = [];
				const engineTimes: number[] = [];
				const nodeCpu: number[] = [];
				const rawCpu: number[] = [];
				let calls = 0;
				for (let round = 0; round < ROUNDS; round++) {
					// Alternate the order so that neither side always runs second.
					if (round % 2 === 1) rawTimes.push(await timed(raw, rawCpu));
					replay.resetCount();
					workflowTimes.push(await timed(node));
					nodeTimes.push(timedYuki.lastMs());
					nodeCpu.push(timedYuki.lastCpuMs());
					calls = totalCalls(replay.calls);
					if (round % 2 === 0) rawTimes.push(await timed(raw, rawCpu));
					if (withEngine) engineTimes.push(await timed(engine));
					if (withEngine) viaN8nTimes.push(await timed(rawViaN8n));
					if (withEngine) {
						await minimalRun();
						minimalTimes.push(minimal.lastMs());
					}
				}
				const nodeSpread = spread(nodeTimes);
				const rawSpread = spread(rawTimes);
				const ratio = nodeSpread.median / rawSpread.median;
				const target = delayMs === 0 ? INSTANT_TARGET : DELAYED_TARGET;
				const applies = delayMs > 0 || count === 10_000;
				const cpuRatio = spread(nodeCpu).median / spread(rawCpu).median;
				const cpuNote = withEngine ? `; CPU ${formatMs(spread(nodeCpu).median)} vs ${formatMs(spread(rawCpu).median)} = ${cpuRatio.toFixed(2)}×` : '';
				const viaN8n = withEngine ? spread(viaN8nTimes) : undefined;
				const floorNote = viaN8n
					? `; the same bodies through n8n's request helper: ${formatSpread(viaN8n)} (node = ${(nodeSpread.median / viaN8n.median).toFixed(2)}× that)`
					: '';
				const minimalSpread = withEngine ? spread(minimalTimes) : undefined;
				const minimalNote = minimalSpread
					? `; a minimal node on the same code (see method): ${formatSpread(minimalSpread)} = ${(minimalSpread.median / rawSpread.median).toFixed(2)}× raw`
					: '';
				const workflow = spread(workflowTimes);
				const workflowNote = `; the whole workflow run: ${formatSpread(workflow)} = ${(workflow.median / rawSpread.median).toFixed(2)}× raw`;
				const engineNote = `${cpuNote}${workflowNote}${withEngine ? `; n8n's engine alone with these items: ${formatSpread(spread(engineTimes))}${floorNote}${minimalNote}` : ''}`;
				rows.push({
					scenario: `${formatCount(count)} sales invoice${count === 1 ? '' : 's'}, ${delayMs === 0 ? 'instant answers' : `${delayMs} ms per call`} (${calls} call${calls === 1 ? '' : 's'})`,
					measured: `${formatSpread(nodeSpread)} = ${ratio.toFixed(2)}× raw${engineNote}`,
					naive: `raw POST of the same ${bodies.length} bod${bodies.length === 1 ? 'y' : 'ies'}: ${formatSpread(rawSpread)}`,
					target: applies ? `≤ ${target}× raw` : 'shown for the curve',
					pass: !applies || ratio <= target,
				});
			}
			replay.delayMs = 0;
		}
	} finally {
		await replay.close();
	}
	return {
		title: 'Client cost against an instant replay server',
		method: [
			'A loopback server first records the sandbox\'s answers to the exact requests the node sends (as a proxy), then replays them from memory: no parsing, no booking, so only the client\'s own cost and loopback HTTP are timed.',
			'Node side: N sales invoices (JSON input, default Batch Size 50) through the node in n8n\'s real engine with a cached session — validation, XML writing, envelopes, HTTP, reading Yuki\'s answers, output items. Timed is the node\'s own run inside the engine: from the moment n8n\'s engine calls its `execute` with the input items (built before the clock, as the raw side\'s bodies are) until it returns its output items, everything it asks of n8n on the way included (parameters, the request helper, hints); this is what n8n itself reports as the node\'s execution time. The whole workflow run around it (the test harness\'s start node copying the items as a trigger would produce them, and n8n\'s engine) is shown next to it, with its own ratio.',
			'Raw side: the very request bodies the node sent for those invoices, built before the clock starts, POSTed one after another with node\'s http to the same server (the floor any client pays); like the node (n8n\'s request helper), it opens a connection per call.',
			'Both sides run in one process with the replay server, so both pay its (small) work per call. "n8n\'s engine alone" is the whole workflow run with the same items and a node that passes its items on in the Yuki node\'s place: what the workflow around the node costs.',
			`Each row: ${ROUNDS} rounds after one warm-up round each, alternating which side goes first; median (min–max); the ratio is of the medians. "${DELAY_MS} ms per call" delays every answer by ${DELAY_MS} ms on both sides, standing in for Yuki's own time.`,
			'With instant answers the row also shows the same bodies POSTed through n8n\'s own request helper (the function behind `this.helpers.httpRequest`, axios included, with the options the node gives it): the floor of any n8n node, which may not use node\'s http; it is shown for reference, the target stays the raw POST.',
			'With instant answers the row also times a minimal node built on the package\'s own code (scripts/bench/minimalNode.ts), the same way as the node: it validates each invoice and writes its XML, sends batches of 50 through the same transport (envelopes, n8n\'s request helper, reading and checking Yuki\'s answers) and gives one output item per invoice from Yuki\'s entry, with none of the invoice operations\' own work (per-item parameters, accounting for every invoice, resending skipped ones, run duplicates, memory for Retry On Fail, reports). The node\'s distance from it is what the invoice operations add; its distance from the request helper is what validation, XML and reading answers cost.',
			'With instant answers the row also gives the median CPU time of the process during the node\'s run and during the raw POST (both include the replay server\'s work, the same for both): less disturbed than wall time by other work on a shared machine.',
			`Targets (on the node's wall time): within ${INSTANT_TARGET}× the raw POST at N = 10,000 with instant answers; within ${DELAYED_TARGET}× at every N with ${DELAY_MS} ms per call.`,
		].join(' '),
		rows,
	};
}
