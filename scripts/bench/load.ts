/**
 * Loading the built node, as n8n does at every start and in every worker: `require` of the
 * compiled Yuki.node.js in a fresh process that has already loaded n8n-workflow (n8n has), timed
 * in-process, with the packages the require pulled in. The package is compiled by the bench
 * into .cache/bench-dist (tsc, the same settings as `npm run build`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRow, BenchSection } from './report';
import { formatSpread, ROUNDS, spread } from './report';

const TARGET_MS = 50;
const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, '.cache', 'bench-dist');

/** Runs in the child: preload n8n-workflow, time the require, list what it loaded by package. */
const PROBE = `
require('n8n-workflow');
const before = new Set(Object.keys(require.cache));
const started = process.hrtime.bigint();
require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const packages = {};
for (const file of Object.keys(require.cache)) {
	if (before.has(file)) continue;
	const match = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
	const name = match ? match[1] : 'own modules';
	packages[name] = (packages[name] || 0) + 1;
}
console.log(JSON.stringify({ ms, packages }));
`;

function measure(file: string): { ms: number; packages: Record<string, number> } {
	const child = spawnSync(process.execPath, ['-e', PROBE, file], { cwd: ROOT, encoding: 'utf8' });
	if (child.status !== 0) throw new Error(`require(${file}) failed: ${child.stderr.slice(0, 500)}`);
	return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; packages: Record<string, number> };
}

export async function loadScenario(): Promise<BenchSection> {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT], { cwd: ROOT, stdio: 'inherit' });
	const rows: BenchRow[] = [];
	for (const node of ['Yuki', 'YukiTrigger']) {
		const file = join(OUT, 'nodes', 'Yuki', `${node}.node.js`);
		measure(file); // warm the file system cache
		const runs = Array.from({ length: ROUNDS }, () => measure(file));
		const times = spread(runs.map((run) => run.ms));
		const packages = Object.entries(runs[0].packages).sort((a, b) => b[1] - a[1]);
		const shown = packages.slice(0, 4).map(([name, files]) => `${name} (${files})`);
		const loaded = shown.join(', ') + (packages.length > 4 ? ` and ${packages.length - 4} more packages` : '');
		rows.push({
			scenario: `require('dist/nodes/Yuki/${node}.node.js'), n8n-workflow already loaded`,
			measured: formatSpread(times),
			naive: `loaded: ${loaded}`,
			target: `< ${TARGET_MS} ms; no heavy library at start`,
			pass: times.median < TARGET_MS && !['soap', 'xmlbuilder2'].some((name) => name in runs[0].packages),
		});
	}
	return {
		title: 'Loading the built node',
		method: [
			`The package compiled with tsc (the build's settings); each of ${ROUNDS} rounds is a fresh Node process that first loads n8n-workflow (n8n always has) and then times \`require\` of the node file in-process; median (min–max).`,
			'The "naive way" column lists what the require loaded, by package, with the number of files (the largest four).',
		].join(' '),
		rows,
	};
}
