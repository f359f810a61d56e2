import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdministrationPlan, UnitOutcome } from '../../../../nodes/Yuki/invoices/batching';
import { UnitBuildError, readBatchAnswer, sendInBatches } from '../../../../nodes/Yuki/invoices/batching';
import type { ImportInvoiceResult, ImportResponse } from '../../../../nodes/Yuki/transport/types';
import { YukiError } from '../../../../nodes/Yuki/transport/types';

/** A fake Yuki: invoices are strings; "bad…" fails, "schema…" breaks the schema, "dup…" is known. */
function fakeYuki(options: { stopAfter?: number; fault?: (invoices: string[]) => YukiError | undefined } = {}) {
	const calls: Array<{ administrationId: string; invoices: string[] }> = [];
	const booked: string[] = [];
	return {
		calls,
		booked,
		sender: (batchSize: number) => ({
			batchSize,
			build: async (_administrationId: string, units: string[]) => units.join(','),
			send: async (administrationId: string, xml: string): Promise<ImportResponse> => {
				const invoices = xml.split(',');
				calls.push({ administrationId, invoices });
				const fault = options.fault?.(invoices);
				if (fault) throw fault;
				if (invoices.some((invoice) => invoice.startsWith('schema'))) {
					throw new YukiError('Yuki answered with a fault', {
						kind: 'fault',
						operation: 'ProcessSalesInvoices',
						service: 'Sales',
						faultString: `XML validation failed: element Foo not expected (${invoices.find((i) => i.startsWith('schema'))})`,
						mayHaveReachedYuki: true,
					});
				}
				const results: ImportInvoiceResult[] = [];
				let failed = 0;
				let skipped = 0;
				for (const invoice of invoices) {
					if (failed >= (options.stopAfter ?? 6)) {
						skipped++;
						results.push({ succeeded: false, processed: false, reference: invoice, message: 'Not processed' });
						continue;
					}
					const ok = !invoice.startsWith('bad');
					if (!ok) failed++;
					else booked.push(invoice);
					results.push({ succeeded: ok, processed: ok, reference: invoice, message: ok ? '' : 'VAT pair not found' });
				}
				return { totalSucceeded: invoices.length - failed - skipped, totalFailed: failed, totalSkipped: skipped, invoices: results };
			},
		}),
	};
}

function plan(units: string[], administrationId = 'admin-1'): AdministrationPlan<string> {
	return { administrationId, units, documents: [] };
}

function kinds(outcomes: Map<string, UnitOutcome>): Record<string, string> {
	return Object.fromEntries([...outcomes].map(([unit, outcome]) => [unit, outcome.kind]));
}

describe('sendInBatches', () => {
	it('sends N invoices in ceil(N / batchSize) calls and numbers the batches', async () => {
		const yuki = fakeYuki();
		const units = Array.from({ length: 23 }, (_, i) => `inv${i}`);
		const outcomes = await sendInBatches([plan(units)], yuki.sender(10));
		assert.equal(yuki.calls.length, 3);
		assert.deepEqual(yuki.calls.map((call) => call.invoices.length), [10, 10, 3]);
		assert.deepEqual(outcomes.get('inv22'), {
			kind: 'answered',
			result: { succeeded: true, processed: true, reference: 'inv22', message: '' },
			batch: { number: 3, size: 3 },
		});
	});

	it('re-sends the invoices Yuki skipped after 6 incorrect ones, in the next batch, without resending others', async () => {
		const yuki = fakeYuki();
		const units = [...Array.from({ length: 7 }, (_, i) => `bad${i}`), 'good1', 'good2', 'good3'];
		const outcomes = await sendInBatches([plan(units)], yuki.sender(10));
		// bad0..bad5 fail, bad6 + goods skipped, then re-sent: bad6 fails, goods booked.
		assert.deepEqual(yuki.calls.map((call) => call.invoices), [units, ['bad6', 'good1', 'good2', 'good3']]);
		assert.deepEqual(yuki.booked, ['good1', 'good2', 'good3']);
		assert.equal(outcomes.get('good1')?.kind, 'answered');
		assert.deepEqual((outcomes.get('good1') as { batch: unknown }).batch, { number: 2, size: 4 });
		assert.equal(new Set(yuki.booked).size, yuki.booked.length, 'nothing booked twice');
	});

	it('finds skipped invoices from TotalSkipped (whether or not TotalFailed counts them)', () => {
		const failed = { succeeded: false, processed: false };
		const ok = { succeeded: true, processed: true };
		const sent = ['a', 'b', 'c', 'd'];
		const reading = readBatchAnswer({ totalSucceeded: 1, totalFailed: 1, totalSkipped: 2, invoices: [ok, failed, failed, failed] }, sent);
		assert.deepEqual([...reading.skipped], [3, 2]);
		assert.equal(reading.unaccounted.size, 0);
		const counted = readBatchAnswer({ totalSucceeded: 1, totalFailed: 3, totalSkipped: 2, invoices: [ok, failed, failed, failed] }, sent);
		assert.deepEqual([...counted.skipped], [3, 2]);
	});

	it('an answer listing fewer invoices than were sent leaves the missing ones unaccounted, never skipped', () => {
		const ok = { succeeded: true, processed: true };
		const reading = readBatchAnswer({ totalSucceeded: 1, totalFailed: 0, totalSkipped: 0, invoices: [ok] }, ['a', 'b', 'c']);
		assert.deepEqual([...reading.skipped], []);
		assert.deepEqual([...reading.unaccounted.keys()], [1, 2]);
		assert.match(reading.unaccounted.get(1) ?? '', /only 1 of the 3/);
	});

	it('totals that disagree with the entries, or an entry for another invoice number, leave the whole call unaccounted', () => {
		const ok = { succeeded: true, processed: true };
		const failed = { succeeded: false, processed: false };
		const totals = readBatchAnswer({ totalSucceeded: 2, totalFailed: 0, totalSkipped: 1, invoices: [ok, failed] }, ['a', 'b']);
		assert.deepEqual([...totals.unaccounted.keys()], [0, 1]);
		assert.equal(totals.skipped.size, 0);
		assert.match(totals.unaccounted.get(0) ?? '', /totals/);
		const swapped = readBatchAnswer({ totalSucceeded: 2, totalFailed: 0, totalSkipped: 0, invoices: [{ ...ok, reference: 'b' }, { ...ok, reference: 'a' }] }, ['a', 'b']);
		assert.deepEqual([...swapped.unaccounted.keys()], [0, 1]);
	});

	it('never resends invoices a short answer leaves out; they may have been booked', async () => {
		const yuki = fakeYuki();
		const sender = yuki.sender(50);
		const send = sender.send;
		sender.send = async (administrationId, xml) => {
			const answer = await send(administrationId, xml);
			return { ...answer, totalSucceeded: 1, invoices: answer.invoices.slice(0, 1) };
		};
		const outcomes = await sendInBatches([plan(['a', 'b', 'c'])], { ...sender, referenceOf: (unit: string) => unit });
		assert.equal(yuki.calls.length, 1, 'the unaccounted invoices were sent again');
		assert.deepEqual(kinds(outcomes), { a: 'answered', b: 'unaccounted', c: 'unaccounted' });
	});

	it('isolates schema-breaking invoices by bisection, books the good ones once', async () => {
		const yuki = fakeYuki();
		const units = ['a', 'b', 'schemaC', 'd', 'e', 'f', 'schemaG', 'h'];
		const outcomes = await sendInBatches([plan(units)], yuki.sender(50));
		assert.deepEqual(yuki.booked.sort(), ['a', 'b', 'd', 'e', 'f', 'h']);
		assert.equal(outcomes.get('schemaC')?.kind, 'schemaRejected');
		assert.equal(outcomes.get('schemaG')?.kind, 'schemaRejected');
		const rejected = outcomes.get('schemaC') as { error: YukiError };
		assert.match(rejected.error.faultString ?? '', /XML validation failed.*schemaC/);
		assert.equal(new Set(yuki.booked).size, yuki.booked.length, 'no invoice booked twice');
	});

	it('never repeats a call that may have reached Yuki; other batches continue', async () => {
		const timeout = new YukiError('No answer from Yuki within 120 s', {
			kind: 'timeout',
			operation: 'ProcessSalesInvoices',
			service: 'Sales',
			mayHaveReachedYuki: true,
		});
		const yuki = fakeYuki({ fault: (invoices) => (invoices.includes('x1') ? timeout : undefined) });
		const outcomes = await sendInBatches([plan(['x1', 'x2', 'y1', 'y2'])], yuki.sender(2));
		assert.equal(yuki.calls.length, 2);
		assert.deepEqual(kinds(outcomes), { x1: 'mayHaveBeenBooked', x2: 'mayHaveBeenBooked', y1: 'answered', y2: 'answered' });
	});

	it('stops sending after a configuration problem; later invoices are reported as not sent', async () => {
		const missing = new YukiError('The Purchase service needs a client ID and secret', {
			kind: 'configuration',
			operation: 'ProcessPurchaseInvoices',
			service: 'Purchase',
			mayHaveReachedYuki: false,
		});
		const yuki = fakeYuki({ fault: () => missing });
		const outcomes = await sendInBatches([plan(['a', 'b', 'c']), plan(['d'], 'admin-2')], yuki.sender(2));
		assert.equal(yuki.calls.length, 1);
		assert.deepEqual(kinds(outcomes), { a: 'batchFailed', b: 'batchFailed', c: 'notSent', d: 'notSent' });
	});

	it('sends each administration in its own calls', async () => {
		const yuki = fakeYuki();
		await sendInBatches([plan(['a1', 'a2'], 'A'), plan(['b1'], 'B')], yuki.sender(50));
		assert.deepEqual(yuki.calls, [
			{ administrationId: 'A', invoices: ['a1', 'a2'] },
			{ administrationId: 'B', invoices: ['b1'] },
		]);
	});

	it('sends a ready document unchanged first', async () => {
		const yuki = fakeYuki();
		const outcomes = await sendInBatches(
			[{ administrationId: 'A', units: ['n1'], documents: [{ units: ['d1', 'd2'], xml: 'd1,d2' }] }],
			yuki.sender(50),
		);
		assert.deepEqual(yuki.calls.map((call) => call.invoices), [['d1', 'd2'], ['n1']]);
		assert.equal(outcomes.size, 3);
	});

	it('drops an invoice whose document cannot be built and sends the rest', async () => {
		const yuki = fakeYuki();
		const sender = yuki.sender(50);
		sender.build = async (_administrationId, units) => {
			if (units.includes('unreadable')) throw new UnitBuildError('unreadable', new Error('The PDF could not be read'));
			return units.join(',');
		};
		const outcomes = await sendInBatches([plan(['a', 'unreadable', 'b'])], sender);
		assert.deepEqual(yuki.calls.map((call) => call.invoices), [['a', 'b']]);
		assert.equal(outcomes.get('unreadable')?.kind, 'buildFailed');
	});
});
