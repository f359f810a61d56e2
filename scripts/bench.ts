/**
 * `npm run bench`: the figures that show what the node costs in Yuki calls (shared 1,000-a-day
 * quota), time and memory, each next to the naive way in the same run, with PASS/MISS against
 * the targets. Runs against the sandbox on loopback and prints the tables; with `--write` it
 * also writes docs/benchmarks.md with the machine and the date (never from `npm test`).
 * Timings are never asserted in tests: the machines are shared, so they are published here.
 *
 *   npm run bench                      every scenario, full sizes
 *   npm run bench -- --quick parse     chosen scenarios, small sizes (while developing)
 *   npm run bench -- --write           full run, then docs/benchmarks.md
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { callScenarios } from './bench/calls';
import { memoryScenario } from './bench/memory';
import { alternativesScenario } from './bench/alternatives';
import { clientCostScenario } from './bench/clientCost';
import { loadScenario } from './bench/load';
import { parseScenario } from './bench/parse';
import { scalingScenario } from './bench/scaling';
import type { BenchSection } from './bench/report';
import { machine, printRows, writeBenchmarksDoc } from './bench/report';
import { benchSandbox } from './bench/sandboxRuns';

const SCENARIOS = [
	{ name: 'calls', run: callScenarios },
	{ name: 'client', run: clientCostScenario },
	{ name: 'alternatives', run: alternativesScenario },
	{ name: 'scaling', run: scalingScenario },
	{ name: 'parse', run: parseScenario },
	{ name: 'memory', run: memoryScenario },
	{ name: 'load', run: loadScenario },
];

const SECTION_MARKER = 'BENCH-SECTION ';

let quickRun = false;

/** Child mode: one scenario against a fresh sandbox; its section goes to stdout as JSON. */
async function runScenario(name: string): Promise<void> {
	const scenario = SCENARIOS.find((candidate) => candidate.name === name);
	if (!scenario) throw new Error(`Unknown scenario ${name}`);
	const sandbox = await benchSandbox();
	try {
		console.log(SECTION_MARKER + JSON.stringify(await scenario.run(sandbox)));
	} finally {
		await sandbox.close();
	}
}

/**
 * Each scenario runs in a process of its own, so that the heap, the JIT state and the
 * transport's caches one scenario leaves behind (lists of 10,000 open items) do not slow the next.
 */
async function scenarioInChild(name: string): Promise<BenchSection> {
	const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', __filename, '--scenario', name], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, BENCH_QUICK: quickRun ? '1' : (process.env.BENCH_QUICK ?? '') },
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
	const line = output.split('\n').find((candidate) => candidate.startsWith(SECTION_MARKER));
	if (code !== 0 || !line) throw new Error(`The ${name} scenario failed (exit ${code}):\n${output}`);
	return JSON.parse(line.slice(SECTION_MARKER.length)) as BenchSection;
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	if (args[0] === '--scenario') return await runScenario(args[1]);
	const write = args.includes('--write');
	quickRun = args.includes('--quick');
	const only = args.filter((arg) => !arg.startsWith('--'));
	const startedAt = new Date();
	const host = machine();
	console.log(`Benchmarks on ${host.cpu}, ${host.cores} cores, ${host.ramGb} GB RAM, Node ${host.node}`);
	const sections: BenchSection[] = [];
	for (const scenario of SCENARIOS) {
		if (only.length > 0 && !only.includes(scenario.name)) continue;
		const began = Date.now();
		const section = await scenarioInChild(scenario.name);
		sections.push(section);
		printRows(`${section.title} (${((Date.now() - began) / 1000).toFixed(0)} s)`, section.rows);
	}
	const seconds = (Date.now() - startedAt.getTime()) / 1000;
	if (write && only.length === 0 && !quickRun) {
		writeBenchmarksDoc(join(__dirname, '..'), sections, startedAt, seconds);
		console.log(`\nWrote docs/benchmarks.md (${seconds.toFixed(0)} s).`);
	} else {
		const why = write ? 'only a full run (every scenario, no --quick) is written' : 'add --write to write it';
		console.log(`\nFinished in ${seconds.toFixed(0)} s; docs/benchmarks.md left unchanged (${why}).`);
	}
	const misses = sections.flatMap((section) => section.rows).filter((row) => !row.pass).length;
	if (misses > 0) console.log(`${misses} target(s) missed.`);
}

main()
	.catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	})
	// n8n-core keeps background timers (e.g. its SSH tunnel cleanup) that would hold the process open.
	.finally(() => process.exit());
