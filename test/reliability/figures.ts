/**
 * The figures the reliability suite publishes: what it tried and what went wrong. Each section
 * adds to them; the suite prints them at the end and writes `docs/reliability.md`.
 */
import { join } from 'node:path';
import { writeGeneratedSection } from '../../scripts/docs/generatedSection';

export const figures = {
	faultKinds: new Set<string>(),
	faultRuns: 0,
	badInputs: 0,
	badInputOperations: new Set<string>(),
	/** SOAP calls (other than authentication) that reached the sandbox for bad input. */
	badInputCallsSent: 0,
	itemsIn: 0,
	itemsOut: 0,
	itemsLost: 0,
	itemsDuplicated: 0,
	/** Process calls sent again after the first attempt may have reached Yuki. */
	blindResends: 0,
	validInvoicesRoundTripped: 0,
	validInvoicesThroughSandbox: 0,
	invalidInvoicesStopped: 0,
	invalidInvoicesSent: 0,
	xxeAttempts: 0,
	xxeLeaks: 0,
	injectionAttempts: 0,
	injectionsThrough: 0,
	capturedTexts: 0,
	capturedLogLines: 0,
	secretsChecked: 0,
	secretsFound: 0,
};

/** Counts one run of items through the node: every input item must come out exactly once. */
export function countItems(inputCount: number, pairedIndexes: number[]): { lost: number; duplicated: number } {
	const seen = new Map<number, number>();
	for (const index of pairedIndexes) seen.set(index, (seen.get(index) ?? 0) + 1);
	let lost = 0;
	let duplicated = 0;
	for (let index = 0; index < inputCount; index++) {
		const times = seen.get(index) ?? 0;
		if (times === 0) lost++;
		if (times > 1) duplicated += times - 1;
	}
	figures.itemsIn += inputCount;
	figures.itemsOut += pairedIndexes.length;
	figures.itemsLost += lost;
	figures.itemsDuplicated += duplicated;
	return { lost, duplicated };
}

function rows(): Array<[string, string]> {
	const kinds = [...figures.faultKinds].sort();
	return [
		['Fault kinds injected', `${kinds.length} (${kinds.join(', ')})`],
		['Fault scenarios run', String(figures.faultRuns)],
		['Bad inputs tried', `${figures.badInputs} across ${figures.badInputOperations.size} operations`],
		['Yuki calls sent for bad input', String(figures.badInputCallsSent)],
		['Items in / out', `${figures.itemsIn} / ${figures.itemsOut}`],
		['Items lost', String(figures.itemsLost)],
		['Items duplicated', String(figures.itemsDuplicated)],
		['Process calls resent blindly', String(figures.blindResends)],
		['Random valid invoices built and parsed back', String(figures.validInvoicesRoundTripped)],
		['Random valid invoices accepted by the sandbox', String(figures.validInvoicesThroughSandbox)],
		['Random invalid invoices stopped before sending', `${figures.invalidInvoicesStopped} (sent: ${figures.invalidInvoicesSent})`],
		['XXE payloads parsed / leaked', `${figures.xxeAttempts} / ${figures.xxeLeaks}`],
		['XML injection attempts / elements injected', `${figures.injectionAttempts} / ${figures.injectionsThrough}`],
		['Captured texts scanned (outputs, errors, log lines)', `${figures.capturedTexts} (of which ${figures.capturedLogLines} log lines)`],
		['Secrets scanned for (key, client secret, session IDs)', String(figures.secretsChecked)],
		['Secrets found', String(figures.secretsFound)],
	];
}

export function figuresText(): string {
	const width = Math.max(...rows().map(([name]) => name.length));
	return ['Reliability suite figures', ...rows().map(([name, value]) => `  ${name.padEnd(width)}  ${value}`)].join('\n');
}

/** Rewrites the figures in docs/reliability.md; the prose around them stays as written. */
export function writeReliabilityDoc(root: string): void {
	const lines = [
		`Last full run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.`,
		'',
		'| Figure | Value |',
		'|---|---|',
		...rows().map(([name, value]) => `| ${name} | ${value} |`),
	];
	writeGeneratedSection(join(root, 'docs', 'reliability.md'), 'reliability-figures', lines.join('\n'), 'Reliability');
}
