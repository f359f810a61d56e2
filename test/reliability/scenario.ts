/**
 * The trust scenarios: each reproduces one numbered failure of issue 9 ("booked once, paid means
 * paid") and asserts the correct behaviour. Files in test/reliability/scenarios/ are loaded by the
 * suite on their own (one file per area: bookings, payments, transport…), so an area adds its
 * scenarios without touching the suite.
 *
 *   scenario(4, 'a lost answer after Yuki booked is "unknown", never "rejected"', async () => { … })
 *
 * gives the test "#4 a lost answer …" and counts it for failure 4 in the figures. The sandboxes
 * of the suite are checked for double bookings and duplicate uploads when they close (env.ts).
 */
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import type { RunningSandbox } from '../../sandbox/server';
import { TRUST_FAILURES, trustScenarios } from './figures';

/** A named scenario for failure `failure` (or several) of issue 9. */
export function scenario(failure: number | number[], title: string, fn: () => Promise<void>): void {
	const failures = Array.isArray(failure) ? failure : [failure];
	for (const number of failures) {
		if (!TRUST_FAILURES.includes(number)) throw new Error(`Issue 9 has no failure ${number} (scenario "${title}")`);
		trustScenarios.set(number, [...(trustScenarios.get(number) ?? []), title]);
	}
	it(`${failures.map((number) => `#${number}`).join(' ')} ${title}`, fn);
}

function repeats(keys: string[]): number {
	const seen = new Map<string, number>();
	for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
	return [...seen.values()].reduce((sum, times) => sum + times - 1, 0);
}

/**
 * Invoices the sandbox holds twice: the same number in one administration (Yuki's own check
 * should make that impossible), or, without a number, the same customer, date, subject and total.
 */
export function doubleBookingsIn(sandbox: RunningSandbox): number {
	return repeats(
		sandbox.state.invoices.map((invoice) =>
			[invoice.administrationId, invoice.kind, invoice.reference || `(none) ${invoice.contactId} ${invoice.date} ${invoice.subject} ${invoice.total}`].join('\u0000'),
		),
	);
}

/** Receipts the sandbox's archive holds twice: same administration, folder, amount and file. */
export function duplicateUploadsIn(sandbox: RunningSandbox): number {
	return repeats(
		sandbox.state.documents.map((document) =>
			[document.administrationId, document.folder, document.amount, createHash('sha256').update(document.dataBase64).digest('hex')].join('\u0000'),
		),
	);
}
