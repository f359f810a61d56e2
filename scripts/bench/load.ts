/**
 * Loading the built node, as n8n does at every start and in every worker: `require` of the
 * compiled node file, `new` of its class and reading its description, in a fresh process that has
 * already loaded n8n-workflow (n8n has), timed in-process, with the packages the load pulled in.
 * The package is compiled by the bench (tsc, the same settings as `npm run build`) into a folder
 * of this run's own: .cache may be shared by several checkouts, whose benches must not overwrite
 * each other's build while it is measured.
 *
 * CPU time is the figure the target is judged on: it is what the load costs, and on a shared
 * machine it does not include the time other processes hold the cores (wall time does, and is
 * shown next to it). On an idle machine the two are the same: the load is synchronous work on one
 * thread, reading files the page cache holds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow, BenchSection } from './report';
import { formatSpread, ROUNDS, spread } from './report';

const TARGET_MS = 50;
/** Packages that must not load at start: the run-time ones (dates, the SOAP and XML libraries of earlier versions). */
const HEAVY_PACKAGES = ['luxon', 'soap', 'xmlbuilder2'];
/** A load costs ~0.1 s: more rounds than the other scenarios, for a steadier median. */
const LOAD_ROUNDS = Math.max(ROUNDS, 11);
const ROOT = join(__dirname, '..', '..');

/** Runs in the child: preload n8n-workflow, time require + new + description, list what it loaded by package. */
const PROBE = `
const { dirname } = require('node:path');
const [file, className] = process.argv.slice(1);
require(require.resolve('n8n-workflow', { paths: [dirname(file)] }));
const before = new Set(Object.keys(require.cache));
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
const loaded = require(file)[className];
const instance = new loaded();
const description = instance.description ?? instance;
if (!Array.isArray(description.properties)) throw new Error('no description.properties');
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
const packages = {};
for (const path of Object.keys(require.cache)) {
	if (before.has(path)) continue;
	const match = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(path);
	const name = match ? match[1] : 'own modules';
	packages[name] = (packages[name] || 0) + 1;
}
console.log(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, packages }));
`;

interface Probe {
	wallMs: number;
	cpuMs: number;
	packages: Record<string, number>;
}

function measure(file: string, className: string): Probe {
	const child = spawnSync(process.execPath, ['-e', PROBE, file, className], { cwd: ROOT, encoding: 'utf8' });
	if (child.status !== 0) throw new Error(`loading ${file} failed: ${child.stderr.slice(0, 500)}`);
	return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Probe;
}

/** Rounds of one file, each a fresh process, after one that warms the file system cache. */
function rounds(file: string, className: string): { cpu: ReturnType<typeof spread>; wall: ReturnType<typeof spread>; packages: Record<string, number> } {
	measure(file, className);
	const runs = Array.from({ length: LOAD_ROUNDS }, () => measure(file, className));
	return { cpu: spread(runs.map((run) => run.cpuMs)), wall: spread(runs.map((run) => run.wallMs)), packages: runs[0].packages };
}

function loadedText(packages: Record<string, number>): string {
	const sorted = Object.entries(packages).sort((a, b) => b[1] - a[1]);
	const shown = sorted.slice(0, 4).map(([name, files]) => `${name} (${files})`);
	return shown.join(', ') + (sorted.length > 4 ? ` and ${sorted.length - 4} more packages` : '');
}

/**
 * A node of n8n's own of about this size (QuickBooks: resources and operations, fields per
 * operation), from the n8n the end-to-end tests install into .cache; none when it is not installed.
 */
function peer(): { label: string; file: string; className: string } | undefined {
	const cache = join(ROOT, '.cache');
	if (!existsSync(cache)) return undefined;
	for (const folder of readdirSync(cache).filter((name) => /^n8n-\d/.test(name)).sort().reverse()) {
		const file = join(cache, folder, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes', 'QuickBooks', 'QuickBooks.node.js');
		if (existsSync(file)) return { label: `n8n's QuickBooks node (${folder})`, file, className: 'QuickBooks' };
	}
	return undefined;
}

export async function loadScenario(): Promise<BenchSection> {
	const out = join(ROOT, '.cache', `bench-dist-${process.pid}`);
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT, stdio: 'inherit' });
	const rows: BenchRow[] = [];
	try {
		const reference = peer();
		const peerFigure = reference ? rounds(reference.file, reference.className) : undefined;
		const peerText = reference && peerFigure ? `; ${reference.label}: CPU ${formatSpread(peerFigure.cpu)}` : '';
		const files = [
			{ path: 'nodes/Yuki/Yuki.node.js', className: 'Yuki' },
			{ path: 'nodes/Yuki/YukiTrigger.node.js', className: 'YukiTrigger' },
			{ path: 'credentials/YukiApi.credentials.js', className: 'YukiApi' },
		];
		for (const [index, { path, className }] of files.entries()) {
			const figure = rounds(join(out, path), className);
			rows.push({
				scenario: `dist/${path}: require, new ${className}(), description; n8n-workflow already loaded`,
				measured: `CPU ${formatSpread(figure.cpu)}; wall ${formatSpread(figure.wall)}`,
				naive: `loaded: ${loadedText(figure.packages)}${index === 0 ? peerText : ''}`,
				target: `< ${TARGET_MS} ms CPU; no ${HEAVY_PACKAGES.join('/')} at start`,
				pass: figure.cpu.median < TARGET_MS && !HEAVY_PACKAGES.some((name) => name in figure.packages),
			});
		}
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
	return {
		title: 'Loading the built node',
		method: [
			`The package compiled with tsc (the build's settings) into a folder of the run's own; each of ${LOAD_ROUNDS} rounds is a fresh Node process that first loads n8n-workflow (n8n always has) and then does what n8n does with a node file: \`require\` it, \`new\` its class, read its description; timed in-process, median (min–max).`,
			'The target is judged on the process\'s CPU time for that work (what the load costs; on a shared machine wall time also counts other processes\' turns on the cores); wall time is shown next to it.',
			'The "naive way" column lists what the load pulled in, by package, with the number of files (the largest four), and a node of n8n\'s own of similar size measured the same way, when n8n is installed in .cache.',
		].join(' '),
		rows,
	};
}
