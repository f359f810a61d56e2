/**
 * Developer tool (not part of `npm run bench`): the client-cost scenario at one size in this
 * process, with where the node's time goes. Records the sandbox's answers once, then times (CPU
 * and wall) the node's run through n8n's engine (the whole workflow, and the node's execute alone), the same engine run with a pass-through node in
 * the Yuki node's place (the engine's and the harness's own per-item cost), a minimal node on the
 * package's own code (minimalNode.ts: what the invoice operations add), and the raw POST of the
 * bodies the node sent, both with node's http alone and through n8n's own request helper (what
 * `this.helpers.httpRequest` adds, axios included, with the node's options); optionally writes a
 * CPU profile of one node run. Usage:
 *   node --expose-gc --import tsx scripts/bench/profileClient.ts [size] [rounds] [out.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { sandboxCredentials } from '../harness/credentials';
import { engineAloneRun, references, salesItems, salesRun, timedNode, timedYukiNode } from './engineRuns';
import { minimalYukiNode } from './minimalNode';
import { rawSoapPost, rawSoapPostViaN8n } from './rawPost';
import { startReplayServer } from './replay';
import { benchSandbox } from './sandboxRuns';

async function main(): Promise<void> {
	const size = Number(process.argv[2] ?? 10_000);
	const rounds = Number(process.argv[3] ?? 3);
	const out = process.argv[4];
	const sandbox = await benchSandbox();
	const replay = await startReplayServer(sandbox.url);
	const credentials = sandboxCredentials({ url: replay.url, demo: sandbox.demo });
	const invoices = references('PC', size);
	replay.mode = 'record';
	resetTransportCaches();
	await salesRun(credentials, invoices);
	const bodies = replay.recordedBodies('ProcessSalesInvoices');
	replay.mode = 'replay';

	const items = salesItems(invoices);
	const timed = timedYukiNode();
	const minimal = timedNode(minimalYukiNode());
	const sides: Record<string, () => Promise<unknown>> = {
		node: () => salesRun(credentials, invoices, { items, nodeType: timed.nodeType }),
		engineOnly: () => engineAloneRun(credentials, invoices, items),
		minimal: () => salesRun(credentials, invoices, { items, nodeType: minimal.nodeType }),
		raw: async () => {
			for (const body of bodies) await rawSoapPost(replay.url, 'Sales', 'ProcessSalesInvoices', body);
		},
		rawViaN8n: async () => {
			for (const body of bodies) await rawSoapPostViaN8n(replay.url, 'Sales', 'ProcessSalesInvoices', body);
		},
	};
	const gc = (globalThis as { gc?: () => void }).gc;
	for (const work of Object.values(sides)) await work(); // warm-up
	const results: Record<string, Array<{ ms: number; cpuMs: number }>> = {};
	for (let round = 0; round < rounds; round++) {
		for (const [name, work] of Object.entries(sides)) {
			gc?.();
			const cpu = process.cpuUsage();
			const began = performance.now();
			await work();
			const ms = performance.now() - began;
			const used = process.cpuUsage(cpu);
			(results[name] ??= []).push({ ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000) });
			if (name === 'node') (results.nodeExecute ??= []).push({ ms: Math.round(timed.lastMs()), cpuMs: Math.round(timed.lastCpuMs()) });
			if (name === 'minimal') (results.minimalExecute ??= []).push({ ms: Math.round(minimal.lastMs()), cpuMs: Math.round(minimal.lastCpuMs()) });
		}
	}
	for (const [name, list] of Object.entries(results)) console.log(name.padEnd(11), list.map((r) => `${r.ms} ms (cpu ${r.cpuMs})`).join('  '));
	if (out) {
		const session = new Session();
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.setSamplingInterval', { interval: 200 });
		gc?.();
		await session.post('Profiler.start');
		await sides.node();
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(out, JSON.stringify(profile));
		// Where the allocations of one node run come from (sampled, collected objects included).
		await session.post('HeapProfiler.enable');
		gc?.();
		await session.post('HeapProfiler.startSampling', {
			samplingInterval: 4096,
			includeObjectsCollectedByMajorGC: true,
			includeObjectsCollectedByMinorGC: true,
		} as never);
		await sides.node();
		const { profile: heap } = await session.post('HeapProfiler.stopSampling');
		writeFileSync(out.replace(/\.cpuprofile$/, '') + '.heapprofile', JSON.stringify(heap));
	}
	await replay.close();
	await sandbox.close();
}

main()
	.catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(() => process.exit());
