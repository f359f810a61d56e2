/**
 * The figures the reliability suite publishes: what it tried and what went wrong. Each section
 * adds to them; the suite prints them at the end. `docs/reliability.md` is written only when
 * asked (`npm run reliability:figures`), never by `npm test`: tests do not modify tracked files.
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
	/** Process or Upload calls sent again although the first attempt may have reached Yuki (no proof it did not). */
	resentWithoutProof: 0,
	/** The same invoice booked twice in a sandbox (same number, or same content without a number). */
	doubleBookings: 0,
	/** The same receipt stored twice in a sandbox's archive. */
	duplicateUploads: 0,
	/** Invoices reported "paid" that were not paid. */
	falsePaid: 0,
	/** Payments emitted more than once. */
	paymentsReportedTwice: 0,
	/** Invoices and receipts the trust scenarios sent or checked (the base of the four figures above). */
	trustChecks: 0,
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

/** Issue 9's numbered failures, each of which must be a named scenario (see scenario.ts). */
export const TRUST_FAILURES = Array.from({ length: 15 }, (_, index) => index + 1);

/** Scenario names by the failure of issue 9 they reproduce. */
export const trustScenarios = new Map<number, string[]>();

function trustCoverage(): string {
	const runs = [...trustScenarios.values()].reduce((sum, names) => sum + names.length, 0);
	const missing = TRUST_FAILURES.filter((failure) => !trustScenarios.has(failure));
	const covered = TRUST_FAILURES.length - missing.length;
	return `${runs} (${covered} of ${TRUST_FAILURES.length} failures${missing.length ? `; without a scenario: ${missing.join(', ')}` : ''})`;
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
		['Trust scenarios run (issue 9 failures covered)', trustCoverage()],
		['Invoices and receipts checked by them', String(figures.trustChecks)],
		['Double bookings', String(figures.doubleBookings)],
		['Duplicate uploads', String(figures.duplicateUploads)],
		['False "paid"', String(figures.falsePaid)],
		['Payments reported twice', String(figures.paymentsReportedTwice)],
		['Process/Upload calls resent without proof', String(figures.resentWithoutProof)],
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
