/**
 * The benchmark's result table: one row per figure, the package's way next to the naive way,
 * and PASS/MISS against the target. Printed and written to docs/benchmarks.md.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedSection } from '../docs/generatedSection';

export interface BenchRow {
	scenario: string;
	/** What the package does, e.g. "2 calls". */
	measured: string;
	/** The naive way in the same run, e.g. "1,001 calls". */
	naive: string;
	/** Target in words, e.g. "≤ 2 calls". */
	target: string;
	pass: boolean;
}

export interface Machine {
	cpu: string;
	cores: number;
	ramGb: number;
	node: string;
	platform: string;
}

export function machine(): Machine {
	const list = cpus();
	return {
		cpu: list[0]?.model.trim() ?? 'unknown',
		cores: list.length,
		ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
	};
}

export const formatCount = (value: number): string => value.toLocaleString('en-US');
export const formatMs = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(2)) + ' ms';
export const formatMb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1) + ' MB';

function table(rows: BenchRow[]): string[] {
	return [
		'| Scenario | This package | Naive way | Target | Result |',
		'|---|---|---|---|---|',
		...rows.map((row) => `| ${row.scenario} | ${row.measured} | ${row.naive} | ${row.target} | ${row.pass ? 'PASS' : 'MISS'} |`),
	];
}

export function printRows(title: string, rows: BenchRow[]): void {
	console.log(`\n${title}`);
	const cells = rows.map((row) => [row.scenario, row.measured, row.naive, row.target, row.pass ? 'PASS' : 'MISS']);
	const header = ['Scenario', 'This package', 'Naive way', 'Target', 'Result'];
	const widths = header.map((name, column) => Math.max(name.length, ...cells.map((cell) => cell[column].length)));
	const line = (cell: string[]) => cell.map((text, column) => text.padEnd(widths[column])).join('  ');
	console.log(line(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const cell of cells) console.log(line(cell));
}

export interface BenchSection {
	title: string;
	/** How the section measures, one paragraph. */
	method: string;
	rows: BenchRow[];
}

/** Rewrites the results in docs/benchmarks.md; the prose around them stays as written. */
export function writeBenchmarksDoc(root: string, sections: BenchSection[], startedAt: Date, seconds: number): void {
	const host = machine();
	const misses = sections.flatMap((section) => section.rows).filter((row) => !row.pass).length;
	const lines = [
		`Run on ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC in ${seconds.toFixed(0)} s against the Yuki sandbox on loopback.`,
		'',
		`Machine: ${host.cpu}, ${host.cores} cores, ${host.ramGb} GB RAM, ${host.platform}, Node ${host.node}.`,
		'The machine is shared, so timings vary between runs; call counts do not.',
		'',
		misses === 0 ? 'Every target was met in this run.' : `${misses} target(s) missed in this run (marked MISS).`,
		...sections.flatMap((section) => ['', `### ${section.title}`, '', section.method, '', ...table(section.rows)]),
	];
	writeGeneratedSection(join(root, 'docs', 'benchmarks.md'), 'benchmark-results', lines.join('\n'), 'Benchmarks');
}
