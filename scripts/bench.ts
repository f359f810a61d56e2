/**
 * `npm run bench`: the figures that show what the node costs in Yuki calls (shared 1,000-a-day
 * quota), time and memory, each next to the naive way in the same run, with PASS/MISS against
 * the targets. Runs against the sandbox on loopback, prints a table and writes
 * docs/benchmarks.md with the machine and the date. Timings are never asserted in tests: the
 * machines are shared, so they are published here instead.
 */
import { join } from 'node:path';
import { callScenarios } from './bench/calls';
import { memoryScenario } from './bench/memory';
import { overheadScenario } from './bench/overhead';
import { parseScenario } from './bench/parse';
import type { BenchSection } from './bench/report';
import { machine, printRows, writeBenchmarksDoc } from './bench/report';
import { benchSandbox } from './bench/sandboxRuns';

const SCENARIOS = [
	{ name: 'calls', run: callScenarios },
	{ name: 'overhead', run: overheadScenario },
	{ name: 'parse', run: parseScenario },
	{ name: 'memory', run: memoryScenario },
];

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const startedAt = new Date();
	const host = machine();
	console.log(`Benchmarks on ${host.cpu}, ${host.cores} cores, ${host.ramGb} GB RAM, Node ${host.node}`);
	const sections: BenchSection[] = [];
	for (const scenario of SCENARIOS) {
		if (only.length > 0 && !only.includes(scenario.name)) continue;
		// A fresh sandbox per scenario: the invoices one books do not slow down the next.
		const sandbox = await benchSandbox();
		const began = Date.now();
		try {
			const section = await scenario.run(sandbox);
			sections.push(section);
			printRows(`${section.title} (${((Date.now() - began) / 1000).toFixed(0)} s)`, section.rows);
		} finally {
			await sandbox.close();
		}
	}
	const seconds = (Date.now() - startedAt.getTime()) / 1000;
	if (only.length === 0) {
		writeBenchmarksDoc(join(__dirname, '..'), sections, startedAt, seconds);
		console.log(`\nWrote docs/benchmarks.md (${seconds.toFixed(0)} s).`);
	} else {
		console.log(`\nPartial run (${only.join(', ')}): docs/benchmarks.md left unchanged.`);
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
