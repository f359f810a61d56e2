/**
 * Bulk from one webhook: an item holding a list of invoices ("From Input JSON") gives one output
 * item per invoice, each paired with that item, through n8n's engine against the sandbox.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { IDataObject } from 'n8n-workflow';
import type { InvoiceSandbox } from './invoiceFixtures';
import { invoiceSandbox, runProcess, salesInvoice, withUnknownVatPair } from './invoiceFixtures';

let yuki: InvoiceSandbox;
before(async () => {
	yuki = await invoiceSandbox();
});
after(async () => await yuki.close());
beforeEach(() => yuki.beginTest());

const body = (invoices: unknown) => ({ json: { body: invoices } as IDataObject });

describe('Sales Invoice → Process, a list of invoices in one item', () => {
	it('sends the whole list in one call and answers each invoice in its own item, paired with the item', async () => {
		const run = await runProcess(
			yuki,
			'salesInvoice',
			[
				body([salesInvoice('BULK-1'), withUnknownVatPair(salesInvoice('BULK-2')), { ...salesInvoice('BULK-3'), date: '31-03-2024' }]),
				body(salesInvoice('BULK-4')),
			],
			{ jsonProperty: 'body' },
			{ continueOnFail: true },
		);
		assert.equal(yuki.processCalls('Sales'), 1, 'one call for every valid invoice of the run');
		assert.deepEqual(run.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 0 }, { item: 0 }, { item: 1 }]);
		assert.deepEqual(run.json.map((json) => json.listIndex), [0, 1, 2, undefined]);
		assert.deepEqual(run.json.map((json) => json.status), ['booked', 'rejected', undefined, 'booked']);
		assert.match(String(run.json[1].error), /^Item 0: Yuki rejected invoice BULK-2/);
		assert.match(String(run.json[2].error), /^Item 0, invoice 2: date \(Date\) is "31-03-2024"/);
		assert.deepEqual(yuki.referencesInYuki().filter((reference) => reference.startsWith('BULK-')).sort(), ['BULK-1', 'BULK-4']);
	});

	it('stops before sending anything when an entry is bad and Continue On Fail is off, naming the entry', async () => {
		const run = await runProcess(yuki, 'salesInvoice', [body([salesInvoice('BULK-10'), 'not an invoice'])], { jsonProperty: 'body' });
		assert.match(run.error?.message ?? '', /^Item 0, invoice 1: entry 1 of the list must hold the sales invoice as a JSON object, but holds a string/);
		assert.equal(yuki.processCalls(), 0);
	});

	it('refuses an empty list, and sends a number twice in one list only once', async () => {
		const empty = await runProcess(yuki, 'salesInvoice', [body([])], { jsonProperty: 'body' }, { continueOnFail: true });
		assert.match(String(empty.json[0].error), /^Item 0: the property "body" holds an empty list/);

		const twice = await runProcess(
			yuki,
			'salesInvoice',
			[body([salesInvoice('BULK-20'), salesInvoice('BULK-20')])],
			{ jsonProperty: 'body', options: { treatDuplicatesAsSuccess: true } },
		);
		assert.deepEqual(twice.json.map((json) => json.status), ['booked', 'alreadyInYuki']);
		assert.equal(yuki.referencesInYuki().filter((reference) => reference === 'BULK-20').length, 1);
	});
});
