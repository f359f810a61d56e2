/**
 * The router through n8n's engine: the run log item an operation adds when its Options ask for it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IDataObject } from 'n8n-workflow';
import type { InvoiceSandbox } from '../invoices/invoiceFixtures';
import { invoiceSandbox, runProcess, salesInvoice, withUnknownVatPair } from '../invoices/invoiceFixtures';

let yuki: InvoiceSandbox;
before(async () => {
	yuki = await invoiceSandbox();
});
after(async () => await yuki.close());

const items = (...invoices: IDataObject[]) => invoices.map((invoice) => ({ json: invoice }));

describe('run log item (Options › Add Run Log Item)', () => {
	it('adds one flat row after the results: offered, booked, duplicates, failed and the calls spent', async () => {
		yuki.beginTest();
		await runProcess(yuki, 'salesInvoice', items(salesInvoice('RL-1')));
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(salesInvoice('RL-2'), withUnknownVatPair(salesInvoice('RL-3')), salesInvoice('RL-1'), { reference: 'RL-4' }),
			{ options: { runLog: true } },
			{ continueOnFail: true },
		);
		assert.equal(run.items.length, 5, 'four results and the run log');
		const log = run.items[4];
		assert.deepEqual(log.pairedItem, [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const { startedAt, finishedAt, durationSeconds, callsToday, ...counts } = log.json;
		assert.ok(Date.parse(String(startedAt)) <= Date.parse(String(finishedAt)));
		assert.equal(typeof durationSeconds, 'number');
		assert.equal(typeof callsToday, 'number');
		assert.deepEqual(counts, {
			recordType: 'yukiRunLog',
			category: 'Sales Invoice › Process',
			inputItems: 4,
			offered: 4,
			succeeded: 2,
			booked: 1,
			drafts: 0,
			duplicates: 1,
			unknown: 0,
			failed: 2,
			calls: 1,
			dailyLimit: 1000,
		});
		assert.equal(log.json.yukiRun, undefined, 'a flat row, without the nested call summary');
	});

	it('adds nothing unless asked', async () => {
		const run = await runProcess(yuki, 'salesInvoice', items(salesInvoice('RL-10')));
		assert.equal(run.items.length, 1);
	});
});
