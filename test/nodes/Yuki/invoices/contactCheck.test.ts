/**
 * Options › Check Contact Codes through n8n's engine against the sandbox: each distinct code is
 * looked up once; an unknown code warns, or keeps its invoice from being sent.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { IDataObject } from 'n8n-workflow';
import type { InvoiceSandbox } from './invoiceFixtures';
import { invoiceSandbox, runProcess, salesInvoice } from './invoiceFixtures';

let yuki: InvoiceSandbox;
before(async () => {
	yuki = await invoiceSandbox();
});
after(async () => await yuki.close());
beforeEach(() => yuki.beginTest());

const withCode = (reference: string, contactCode: string): IDataObject => {
	const invoice = salesInvoice(reference);
	return { ...invoice, contact: { ...(invoice.contact as IDataObject), contactCode } };
};
const items = (...invoices: IDataObject[]) => invoices.map((invoice) => ({ json: invoice }));
const lookups = () => yuki.calls().filter((call) => call.operation === 'SearchContacts').length;

describe('Check Contact Codes', () => {
	it('Warn: sends every invoice, one lookup per distinct code, a warning on the unknown code', async () => {
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(withCode('CC-1', 'K1001'), withCode('CC-2', 'K1001'), withCode('CC-3', 'NEW-9')),
			{ options: { checkContactCodes: 'warn' } },
		);
		assert.equal(run.error, undefined, run.error?.message);
		assert.deepEqual(run.json.map((json) => json.status), ['booked', 'booked', 'booked']);
		assert.deepEqual(run.json[0].warnings, []);
		assert.match(String((run.json[2].warnings as string[])[0]), /contact code "NEW-9" is not in Yuki/);
		assert.equal(lookups(), 2);
	});

	it('Fail: the invoice with the unknown code is not sent; the others are', async () => {
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(withCode('CC-10', 'K1002'), withCode('CC-11', 'NEW-10')),
			{ options: { checkContactCodes: 'fail' } },
			{ continueOnFail: true },
		);
		assert.equal(run.json[0].status, 'booked');
		assert.match(String(run.json[1].error), /^Item 1: contact code "NEW-10" is not in Yuki.*; the invoice was not sent/);
		assert.ok(!yuki.referencesInYuki().includes('CC-11'));
		assert.deepEqual(run.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }]);
	});

	it('Off (default): no lookup at all', async () => {
		await runProcess(yuki, 'salesInvoice', items(withCode('CC-20', 'NEW-20')));
		assert.equal(lookups(), 0);
	});
});
