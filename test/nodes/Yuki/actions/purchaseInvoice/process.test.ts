import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { IDataObject } from 'n8n-workflow';
import type { InvoiceSandbox } from '../../invoices/invoiceFixtures';
import { NOT_A_PDF, PDF, invoiceSandbox, purchaseInvoice, runProcess } from '../../invoices/invoiceFixtures';

let yuki: InvoiceSandbox;
before(async () => {
	yuki = await invoiceSandbox();
});
after(async () => await yuki.close());
beforeEach(() => yuki.beginTest());

const withPdf = (invoice: IDataObject, pdf = PDF) => ({ json: invoice, binary: { data: pdf } });
const errorMessage = (run: { error?: { message: string } }) => run.error?.message ?? '';

describe('Purchase Invoice → Process', () => {
	it('books purchase invoices with the PDF from the binary property, in one call', async () => {
		const run = await runProcess(yuki, 'purchaseInvoice', [withPdf(purchaseInvoice('P-100')), withPdf(purchaseInvoice('P-101'))]);
		assert.equal(run.error, undefined, errorMessage(run));
		assert.deepEqual(run.json.map((json) => json.status), ['booked', 'booked']);
		assert.equal('emailSent' in run.json[0], false);
		assert.deepEqual(run.json[1].batch, { number: 1, size: 2 });
		assert.equal(yuki.processCalls('Purchase'), 1);
		assert.ok(yuki.calls().some((call) => call.operation === 'AuthenticateClient'));
	});

	it('a draft without a reference goes to Yuki with a warning that a second delivery would be stored twice', async () => {
		const run = await runProcess(yuki, 'purchaseInvoice', [
			withPdf(purchaseInvoice('', { process: false, paymentReference: 'P-105' })),
			withPdf(purchaseInvoice('P-106')),
		]);
		assert.equal(run.error, undefined, errorMessage(run));
		assert.deepEqual(run.json.map((json) => json.status), ['draft', 'booked']);
		assert.match(String((run.json[0].warnings as string[])[0]), /no reference, so it goes to Yuki as a draft that cannot be protected against double delivery/);
		assert.deepEqual(run.json[1].warnings, []);
	});

	it('puts the file name and the exact PDF bytes in the document', async () => {
		const run = await runProcess(yuki, 'purchaseInvoice', [withPdf(purchaseInvoice('P-110'))], { options: { dryRun: true } });
		const xml = String(run.json[0].xml);
		assert.match(xml, /<DocumentFileName>F2026-0142\.pdf<\/DocumentFileName>/);
		assert.deepEqual(Buffer.from(/<DocumentBase64>([^<]+)</.exec(xml)?.[1] ?? '', 'base64'), PDF.data);
		assert.equal(yuki.calls().length, 0);
	});

	it('rejects a file that is not a PDF, and an item without its PDF, before sending', async () => {
		const run = await runProcess(
			yuki,
			'purchaseInvoice',
			[withPdf(purchaseInvoice('P-120'), NOT_A_PDF), { json: purchaseInvoice('P-121') }, withPdf(purchaseInvoice('P-122'))],
			{},
			{ continueOnFail: true },
		);
		assert.match(String(run.json[0].error), /^Item 0: the file "invoice\.txt" in binary property "data" is not/);
		assert.match(String(run.json[0].description), /PDF/);
		assert.match(String(run.json[1].error), /data/);
		assert.equal(run.json[2].status, 'booked');
		assert.deepEqual(yuki.referencesInYuki().filter((reference) => reference.startsWith('P-12')), ['P-122']);
	});

	it('without the client ID and secret, says what is missing and makes no Process call', async () => {
		const credentials = { ...yuki.credentials, clientId: '', clientSecret: '' };
		const run = await runProcess(yuki, 'purchaseInvoice', [withPdf(purchaseInvoice('P-130')), withPdf(purchaseInvoice('P-131'))], {}, { credentials, continueOnFail: true });
		assert.match(String(run.json[0].error), /client ID/i);
		assert.match(String(run.json[1].error), /client ID/i);
		assert.equal(yuki.processCalls('Purchase'), 0);

		const stopped = await runProcess(yuki, 'purchaseInvoice', [withPdf(purchaseInvoice('P-132'))], {}, { credentials });
		assert.match(errorMessage(stopped), /client ID/i);
	});

	it('validates the purchase rules with item, field and what is allowed', async () => {
		const run = await runProcess(
			yuki,
			'purchaseInvoice',
			[
				withPdf(purchaseInvoice('P-140', { reference: '' })),
				withPdf(purchaseInvoice('P-141', { contact: { fullName: 'Geen Bank B.V.' } })),
				withPdf(purchaseInvoice('P-142', { invoiceAmount: '1.234,5' })),
			],
			{},
			{ continueOnFail: true },
		);
		assert.match(String(run.json[0].error), /^Item 0: reference \(Reference\) is required when Process is true/);
		assert.match(String(run.json[1].error), /^Item 1: contact\.bankAccount \(Bank Account\) is required/);
		assert.match(String(run.json[2].error), /^Item 2: invoiceAmount \(Invoice Amount\) is ambiguous/);
		assert.equal(yuki.processCalls(), 0);
	});

	it('passes Disable Auto-Correct through and treats a duplicate as success when asked', async () => {
		await runProcess(yuki, 'purchaseInvoice', [withPdf(purchaseInvoice('P-150'))], { options: { disableAutoCorrect: true } });
		const again = await runProcess(yuki, 'purchaseInvoice', [withPdf(purchaseInvoice('P-150'))], { options: { treatDuplicatesAsSuccess: true } });
		assert.equal(again.json[0].status, 'alreadyInYuki');
		assert.match(String(again.json[0].message), /^Invoice P-150 is already in Yuki/);
	});

	it('reads PDFs one batch at a time: batches of 10 PDFs, each document built just before its call', async () => {
		const invoices = Array.from({ length: 25 }, (_, index) => withPdf(purchaseInvoice(`P-2${String(index).padStart(2, '0')}`)));
		const run = await runProcess(yuki, 'purchaseInvoice', invoices);
		assert.equal(run.error, undefined, errorMessage(run));
		assert.equal(yuki.processCalls('Purchase'), 3);
		assert.deepEqual(run.json.map((json) => (json.batch as IDataObject).size), [...Array(20).fill(10), ...Array(5).fill(5)]);
	});

	it('takes mapped fields, with the PDF from the binary property', async () => {
		const parameters = {
			invoiceSource: 'fields',
			invoiceAmount: '121.00',
			invoiceVatAmount: '21.00',
			contact: { fullName: 'Kantoorhandel Jansen B.V.', bankAccount: 'NL91ABNA0417164300' },
			invoiceLines: { line: [{ lineAmount: '100.00', lineVatType: 11, additionalFields: { lineVatPercentage: '21.00', description: 'Toner' } }] },
			additionalFields: { process: true, reference: 'P-300', date: '2026-03-28' },
		};
		const run = await runProcess(yuki, 'purchaseInvoice', [withPdf({})], parameters);
		assert.equal(run.error, undefined, errorMessage(run));
		assert.equal(run.json[0].status, 'booked');
		assert.equal(run.json[0].reference, 'P-300');
	});
});
