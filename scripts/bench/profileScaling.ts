/**
 * Developer tool (not part of `npm run bench`): runs one size of the scaling scenario in this
 * process and writes a CPU profile of the timed part. Usage:
 *   node --expose-gc --import tsx scripts/bench/profileScaling.ts <size> <status|list|poll|polls> [out.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { IDataObject } from 'n8n-workflow';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { sandboxCredentials } from '../harness/credentials';
import { pollTrigger } from '../harness/pollTrigger';
import { consecutiveReferences, getStatusListRun, getStatusRun } from './engineRuns';
import { startReplayServer } from './replay';
import { benchSandbox } from './sandboxRuns';

async function main(): Promise<void> {
	const size = Number(process.argv[2] ?? 10_000);
	const what = process.argv[3] ?? 'status';
	const out = process.argv[4];
	const sandbox = await benchSandbox();
	const replay = await startReplayServer(sandbox.url);
	const credentials = sandboxCredentials({ url: replay.url, demo: sandbox.demo });
	const seeded = sandbox.seedOpenItems(size);
	const refs = consecutiveReferences(seeded.firstReference, size);
	replay.mode = 'record';
	resetTransportCaches();
	if (what !== 'poll') await getStatusRun(credentials, refs.slice(0, 10));
	const first = await pollTrigger({ parameters: { side: 'debtor' }, credentials });
	replay.mode = 'replay';
	sandbox.reset();
	let staticData: IDataObject | undefined = first.staticData;
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 1000 });
	(globalThis as { gc?: () => void }).gc?.();
	if (out) await session.post('Profiler.start');
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	if (what === 'status') await getStatusRun(credentials, refs);
	else if (what === 'list') await getStatusListRun(credentials, refs);
	else if (what === 'polls') {
		// First and second poll alternately, as the bench compares them.
		for (let round = 0; round < 3; round++) {
			// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
			const cpuMs = (since: NodeJS.CpuUsage) => Math.round((process.cpuUsage(since).user + process.cpuUsage(since).system) / 1000);
			let began = performance.now();
			let cpu = process.cpuUsage();
			const fresh = await pollTrigger({ parameters: { side: 'debtor' }, credentials });
			const firstMs = performance.now() - began;
			const firstCpuMs = cpuMs(cpu);
			began = performance.now();
			cpu = process.cpuUsage();
			await pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData: fresh.staticData });
			console.log(JSON.stringify({ round, firstMs: Math.round(firstMs), firstCpuMs, secondMs: Math.round(performance.now() - began), secondCpuMs: cpuMs(cpu) }));
		}
	} else staticData = (await pollTrigger({ parameters: { side: 'debtor' }, credentials, staticData })).staticData;
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	if (out) {
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(out, JSON.stringify(profile));
	}
	console.log(JSON.stringify({ size, what, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) }));
	void staticData;
	await replay.close();
	await sandbox.close();
}

main().finally(() => process.exit());
