import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { IDataObject } from 'n8n-workflow';
import type { InvoiceSandbox } from '../../invoices/invoiceFixtures';
import { PDF, invoiceSandbox, runProcess, salesInvoice, withUnknownVatPair } from '../../invoices/invoiceFixtures';

let yuki: InvoiceSandbox;
before(async () => {
	yuki = await invoiceSandbox();
});
after(async () => await yuki.close());
beforeEach(() => yuki.beginTest());

const items = (...invoices: IDataObject[]) => invoices.map((invoice) => ({ json: invoice }));
const errorMessage = (run: { error?: { message: string } }) => run.error?.message ?? '';

describe('Sales Invoice → Process (From Input JSON)', () => {
	it('books a mixed batch in one call: good invoices booked, a VAT-pair error and a duplicate reported per item', async () => {
		await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-100')));
		const callsBefore = yuki.processCalls('Sales');

		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(salesInvoice('S-101'), withUnknownVatPair(salesInvoice('S-102')), salesInvoice('S-100'), salesInvoice('S-103')),
			{},
			{ continueOnFail: true },
		);

		assert.equal(yuki.processCalls('Sales') - callsBefore, 1, 'one call for the whole batch');
		assert.deepEqual(run.json.map((json) => json.status), ['booked', 'rejected', 'alreadyInYuki', 'booked']);
		assert.deepEqual(run.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		assert.match(String(run.json[1].error), /^Item 1: Yuki rejected invoice S-102: .*(VAT|tax).*/i);
		assert.match(String(run.json[2].error), /Invoice S-100 is already in Yuki \(/);
		assert.deepEqual(run.json[0].batch, { number: 1, size: 4 });
		assert.equal(run.json[0].administrationId, yuki.organisationId);
		// The administration the user knows, after the result's own keys; the error items are left as n8n routes them.
		assert.equal(run.json[0].administration, yuki.organisationId);
		assert.equal(Object.keys(run.json[0]).at(-1), 'administration');
		assert.equal(run.json[1].administration, undefined);
		assert.equal(run.json[0].succeeded, true);
		assert.equal(run.json[0].processed, true);
		assert.equal(run.json[0].emailSent, false);
		assert.equal(run.json[0].reference, 'S-101');
		assert.deepEqual(run.json[0].warnings, []);
	});

	it('stops the workflow on a rejected invoice when Continue On Fail is off, after booking the others', async () => {
		const run = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-110'), withUnknownVatPair(salesInvoice('S-111'))));
		assert.match(errorMessage(run), /Item 1: Yuki rejected invoice S-111/);
		assert.ok(yuki.referencesInYuki().includes('S-110'));
		assert.ok(!yuki.referencesInYuki().includes('S-111'));
	});

	describe('duplicates', () => {
		it('across runs: an item error "already in Yuki", or a normal item with Treat Duplicates As Success', async () => {
			await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-200')));

			const strict = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-200')));
			assert.match(errorMessage(strict), /Invoice S-200 is already in Yuki/);

			const lenient = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-200')), { options: { treatDuplicatesAsSuccess: true } });
			assert.equal(lenient.error, undefined);
			assert.equal(lenient.json[0].status, 'alreadyInYuki');
			assert.match(String(lenient.json[0].message), /^Invoice S-200 is already in Yuki/);
			assert.equal(yuki.referencesInYuki().filter((reference) => reference === 'S-200').length, 1);
		});

		it('within a run: the second copy is not sent and names the first item', async () => {
			const run = await runProcess(
				yuki,
				'salesInvoice',
				items(salesInvoice('S-210'), salesInvoice('S-211'), salesInvoice('S-210')),
				{ options: { treatDuplicatesAsSuccess: true } },
			);
			assert.deepEqual(run.json.map((json) => json.status), ['booked', 'booked', 'alreadyInYuki']);
			assert.equal(run.json[2].duplicateOf, 0);
			assert.match(String(run.json[2].message), /sent by item 0 of this run/);
			assert.deepEqual(run.json[0].batch, { number: 1, size: 2 }, 'only two invoices were sent');

			const strict = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-212'), salesInvoice('S-212')), {}, { continueOnFail: true });
			assert.equal(strict.json[0].status, 'booked');
			assert.match(String(strict.json[1].error), /^Item 1: Invoice S-212 is already in Yuki/);
		});
	});

	it('re-sends the invoices Yuki skipped after 6 incorrect ones, and books each good invoice once', async () => {
		const bad = Array.from({ length: 7 }, (_, index) => withUnknownVatPair(salesInvoice(`S-3${index}0`)));
		const good = [salesInvoice('S-391'), salesInvoice('S-392'), salesInvoice('S-393')];
		const run = await runProcess(yuki, 'salesInvoice', items(...bad, ...good), { options: { batchSize: 10 } }, { continueOnFail: true });

		assert.deepEqual(run.json.slice(7).map((json) => json.status), ['booked', 'booked', 'booked']);
		assert.deepEqual(run.json.slice(0, 7).map((json) => json.status), Array(7).fill('rejected'));
		assert.ok(run.json.slice(0, 7).every((json) => /Sales tax code|VAT/i.test(String(json.message))), 'each bad one has Yuki’s own reason');
		assert.equal(yuki.processCalls('Sales'), 2);
		assert.deepEqual(run.json[9].batch, { number: 2, size: 4 });
		for (const reference of ['S-391', 'S-392', 'S-393']) {
			assert.equal(yuki.referencesInYuki().filter((found) => found === reference).length, 1);
		}
	});

	it('sends N invoices in ⌈N / Batch Size⌉ Process calls (+1 Authenticate)', async () => {
		const invoices = Array.from({ length: 23 }, (_, index) => salesInvoice(`S-4${String(index).padStart(2, '0')}`));
		const run = await runProcess(yuki, 'salesInvoice', items(...invoices), { options: { batchSize: 10 } });
		assert.equal(run.error, undefined);
		assert.equal(yuki.processCalls('Sales'), 3);
		assert.ok(yuki.calls().length <= 1 + 3, `calls: ${yuki.calls().map((call) => call.operation).join(', ')}`);
		assert.deepEqual(run.json[22].batch, { number: 3, size: 3 });
		assert.equal(run.json[0].yukiRun, undefined, 'the call count is not repeated on every item');
		assert.match(run.hints.map((hint) => hint.message).join('\n'), new RegExp(`This run used ${yuki.calls().length} Yuki calls`));
	});

	it('sends each administration its own calls when the administration is set per item', async () => {
		const run = await runProcess(
			yuki,
			'salesInvoice',
			[
				{ json: { invoice: salesInvoice('S-500'), admin: yuki.organisationId } },
				{ json: { invoice: salesInvoice('S-501'), admin: yuki.departmentId } },
				{ json: { invoice: salesInvoice('S-502'), admin: yuki.organisationId } },
			],
			{ jsonProperty: 'invoice', administrationId: '={{ $json.admin }}' },
		);
		assert.equal(run.error, undefined);
		const calls = yuki.calls().filter((call) => call.operation === 'ProcessSalesInvoices');
		assert.deepEqual(calls.map((call) => call.administrationId), [yuki.organisationId, yuki.departmentId]);
		assert.deepEqual(run.json.map((json) => json.administrationId), [yuki.organisationId, yuki.departmentId, yuki.organisationId]);
		assert.deepEqual(run.json.map((json) => (json.batch as IDataObject).number), [1, 2, 1]);
	});

	it('never resends a batch that may have reached Yuki; the other batches continue', async () => {
		yuki.sandbox.injectFault({ operation: 'ProcessSalesInvoices', kind: 'drop', times: 1 });
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(salesInvoice('S-600'), salesInvoice('S-601'), salesInvoice('S-602')),
			{ options: { batchSize: 2 } },
			{ continueOnFail: true },
		);
		assert.match(String(run.json[0].error), /Invoice S-600 may have been booked; check Yuki before sending it again/);
		assert.match(String(run.json[1].error), /Invoice S-601 may have been booked/);
		assert.deepEqual([run.json[0].status, run.json[1].status], ['unknown', 'unknown']);
		assert.equal(run.json[2].status, 'booked');
		assert.equal(yuki.processCalls('Sales'), 2, 'the dropped batch was not sent again');
	});
});

describe('Sales Invoice → Process: checks before sending', () => {
	it('reports every invalid item with its index, the field and what is allowed, and sends only the valid ones', async () => {
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(
				salesInvoice('S-700', { date: '31-03-2026' }),
				salesInvoice('S-701', { paymentMethod: 'Bank' }),
				salesInvoice('S-702', { invoiceLines: [] }),
				salesInvoice('S-703'),
				salesInvoice('S-704', { contact: { fullName: 'No Code B.V.' } }),
				salesInvoice('S-705', { vatpercentage: 21 }),
			),
			{},
			{ continueOnFail: true },
		);
		const errors = run.json.map((json) => String(json.error ?? ''));
		assert.match(errors[0], /^Item 0: date \(Date\) .*YYYY-MM-DD/);
		assert.match(errors[1], /^Item 1: paymentMethod \(Payment Method\) .*ElectronicTransfer/);
		assert.match(errors[2], /^Item 2: invoiceLines \(Invoice Lines\) is required \(allowed: 1 to 1000 entries\)/);
		assert.equal(run.json[3].status, 'booked');
		assert.match(errors[4], /^Item 4: contact\.contactCode \(Contact Code\) is empty.*allowed/);
		assert.match(errors[5], /^Item 5: .*unknown key "vatpercentage"/);
		assert.deepEqual(run.items.map((item) => item.pairedItem), [0, 1, 2, 3, 4, 5].map((item) => ({ item })));
		assert.deepEqual(yuki.referencesInYuki().filter((reference) => reference.startsWith('S-7')), ['S-703']);
		assert.deepEqual(run.json[3].batch, { number: 1, size: 1 });
	});

	it('with Continue On Fail off, an invalid item stops the run before any call to Yuki', async () => {
		const run = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-710'), salesInvoice('S-711', { currency: 'euro' })));
		assert.match(errorMessage(run), /^Item 1: currency \(Currency\) .*three-letter/);
		assert.equal(yuki.processCalls(), 0);
	});

	it('reads amounts as exact decimals and refuses ambiguous ones, naming the field', async () => {
		const price = 0.1 + 0.2;
		const exact = salesInvoice('S-720', {
			invoiceLines: [{ productQuantity: 1, lineAmount: price, product: { description: 'Float test', salesPrice: price, vatPercentage: 21, vatType: 1 } }],
		});
		const dry = await runProcess(yuki, 'salesInvoice', items(exact), { options: { dryRun: true } });
		assert.equal(dry.error, undefined, errorMessage(dry));
		assert.match(String(dry.json[0].xml), /<LineAmount>0\.30<\/LineAmount>/);
		assert.match(String(dry.json[0].xml), /<SalesPrice>0\.3000<\/SalesPrice>/);

		const ambiguous = salesInvoice('S-721', {
			invoiceLines: [{ productQuantity: 1, lineAmount: '1.234,5', product: { description: 'X', salesPrice: '1234.50', vatPercentage: 21, vatType: 1 } }],
		});
		const run = await runProcess(yuki, 'salesInvoice', items(ambiguous));
		assert.match(errorMessage(run), /^Item 0: invoiceLines\[0\]\.lineAmount \(Line Amount\) is ambiguous.*allowed: .*a dot as the decimal separator/);
	});

	it('Missing Contact Code: Warn sends the invoice and adds a warning; Ignore sends it silently', async () => {
		const noCode = salesInvoice('S-730', { contact: { fullName: 'Zonder Code B.V.', countryCode: 'NL' } });
		const warn = await runProcess(yuki, 'salesInvoice', items(noCode), { options: { missingContactCode: 'warn' } });
		assert.equal(warn.json[0].status, 'booked');
		assert.match(String((warn.json[0].warnings as string[])[0]), /contactCode.*relation number/);
		const ignore = await runProcess(yuki, 'salesInvoice', items({ ...noCode, reference: 'S-731' }), { options: { missingContactCode: 'ignore' } });
		assert.deepEqual(ignore.json[0].warnings, []);
	});

	it('Dry Run builds and returns the XML without any call to Yuki', async () => {
		const run = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-740'), salesInvoice('S-741')), { options: { dryRun: true } });
		assert.equal(yuki.calls().length, 0);
		assert.equal(run.json[0].dryRun, true);
		assert.deepEqual(run.json[1].batch, { number: 1, size: 2 });
		assert.match(String(run.json[0].xml), /^<SalesInvoices xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:salesinvoices"><SalesInvoice><Reference>S-740<\/Reference>/);
	});

	it('sends a custom PDF from a binary property as DocumentFileName + DocumentBase64', async () => {
		const parameters = { binaryPropertyName: 'pdf', options: { dryRun: true } };
		const run = await runProcess(yuki, 'salesInvoice', [{ json: salesInvoice('S-750'), binary: { pdf: PDF } }], parameters);
		assert.equal(run.error, undefined, errorMessage(run));
		const xml = String(run.json[0].xml);
		assert.match(xml, /<DocumentFileName>F2026-0142\.pdf<\/DocumentFileName><DocumentBase64>([A-Za-z0-9+/=]+)<\/DocumentBase64>/);
		const base64 = /<DocumentBase64>([^<]+)</.exec(xml)?.[1] ?? '';
		assert.deepEqual(Buffer.from(base64, 'base64'), PDF.data);

		const booked = await runProcess(yuki, 'salesInvoice', [{ json: salesInvoice('S-751'), binary: { pdf: PDF } }], { binaryPropertyName: 'pdf' });
		assert.equal(booked.json[0].status, 'booked', errorMessage(booked));
	});
});

describe('Sales Invoice → Process (XML Document)', () => {
	const ns = 'urn:xmlns:http://www.theyukicompany.com:salesinvoices';
	const invoiceXml = (reference: string, extra = '') =>
		`<SalesInvoice><Reference>${reference}</Reference><Subject>XML ${reference}</Subject><Process>true</Process><Date>2026-03-31</Date>${extra}` +
		'<Contact><ContactCode>1042</ContactCode><FullName>Bakkerij De Korenschoof B.V.</FullName></Contact>' +
		'<InvoiceLines><InvoiceLine><ProductQuantity>1</ProductQuantity><Product><Description>Consultancy hour</Description><SalesPrice>95.00</SalesPrice><VATPercentage>21.00</VATPercentage><VATType>1</VATType></Product></InvoiceLine></InvoiceLines></SalesInvoice>';
	const documentXml = (...invoices: string[]) => `<?xml version="1.0" encoding="utf-8"?>\n<SalesInvoices xmlns="${ns}">${invoices.join('')}</SalesInvoices>`;

	it('passes a document through and lists each invoice’s result on its item', async () => {
		const run = await runProcess(yuki, 'salesInvoice', [{ json: { xml: documentXml(invoiceXml('X-1'), invoiceXml('X-2')) } }], {
			invoiceSource: 'xml',
			xmlDocument: '={{ $json.xml }}',
		});
		assert.equal(run.error, undefined, errorMessage(run));
		assert.equal(run.json[0].status, 'booked');
		assert.equal(run.json[0].invoiceCount, 2);
		assert.deepEqual((run.json[0].invoices as IDataObject[]).map((invoice) => invoice.reference), ['X-1', 'X-2']);
		assert.equal(yuki.processCalls('Sales'), 1);
	});

	it('isolates the invoice that breaks Yuki’s schema by splitting the batch, without resending booked ones', async () => {
		const broken = invoiceXml('X-13', '<Colour>blue</Colour>');
		const document = documentXml(invoiceXml('X-11'), invoiceXml('X-12'), broken, invoiceXml('X-14'));
		const run = await runProcess(yuki, 'salesInvoice', [{ json: { xml: document } }], { invoiceSource: 'xml', xmlDocument: '={{ $json.xml }}' }, { continueOnFail: true });

		const invoices = run.json[0].invoices as IDataObject[];
		assert.deepEqual(invoices.map((invoice) => invoice.status), ['booked', 'booked', 'rejected', 'booked']);
		assert.match(String(invoices[2].message), /^XML validation failed/);
		assert.match(String(run.json[0].error), /1 of 4 invoices of the XML document were not booked: Yuki rejected invoice X-13 as invalid XML: XML validation failed/);
		for (const reference of ['X-11', 'X-12', 'X-14']) {
			assert.equal(yuki.referencesInYuki().filter((found) => found === reference).length, 1, `${reference} booked once`);
		}
		const processCalls = yuki.calls().filter((call) => call.operation === 'ProcessSalesInvoices');
		// Whole document rejected; halves: X-11+X-12 booked, X-13+X-14 rejected; then X-13 rejected, X-14 booked.
		assert.deepEqual(processCalls.map((call) => call.ok), [false, true, false, false, true]);
	});

	it('refuses a document with the wrong root or namespace before sending', async () => {
		const run = await runProcess(yuki, 'salesInvoice', [{ json: { xml: '<SalesInvoices><SalesInvoice/></SalesInvoices>' } }], {
			invoiceSource: 'xml',
			xmlDocument: '={{ $json.xml }}',
		});
		assert.match(errorMessage(run), /^Item 0: XML Document: .*xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:salesinvoices"/);
		assert.equal(yuki.processCalls(), 0);
	});
});

describe('Sales Invoice → Process (Mapped Fields)', () => {
	it('builds the invoice from the node fields, with expressions per item', async () => {
		const parameters = {
			invoiceSource: 'fields',
			date: '2026-03-31',
			contact: { contactCode: '={{ $json.customer }}', fullName: 'Bakkerij De Korenschoof B.V.' },
			invoiceLines: {
				line: [
					{
						productQuantity: '={{ $json.hours }}',
						productDescription: 'Consultancy hour',
						productSalesPrice: '95.00',
						productVatPercentage: '21.00',
						productVatType: 1,
					},
				],
			},
			reference: '={{ $json.number }}',
			additionalFields: { process: true },
		};
		const run = await runProcess(
			yuki,
			'salesInvoice',
			[{ json: { number: 'S-800', customer: '1042', hours: 2 } }, { json: { number: 'S-801', customer: '1043', hours: 1.5 } }],
			parameters,
		);
		assert.equal(run.error, undefined, errorMessage(run));
		assert.deepEqual(run.json.map((json) => [json.reference, json.status]), [['S-800', 'booked'], ['S-801', 'booked']]);
		assert.equal(yuki.processCalls('Sales'), 1);
	});
});

describe('Sales Invoice → Process: booked once', () => {
	it('requires a reference by default; Allow Invoices Without Reference sends it with a warning on the item', async () => {
		const { reference: _reference, ...withoutNumber } = salesInvoice('unused');
		const strict = await runProcess(yuki, 'salesInvoice', items(withoutNumber));
		assert.match(errorMessage(strict), /Item 0: "reference" \(Reference\) is empty/);
		assert.equal(yuki.processCalls('Sales'), 0, 'nothing was sent');

		const spaces = await runProcess(yuki, 'salesInvoice', items(salesInvoice('   ')), { allowNoReference: true });
		assert.match(errorMessage(spaces), /Item 0: "reference" \(Reference\) is only spaces/);
		assert.equal(yuki.processCalls('Sales'), 0, 'a reference of only spaces was not sent');

		const allowed = await runProcess(yuki, 'salesInvoice', items(withoutNumber), { allowNoReference: true });
		assert.equal(allowed.error, undefined, errorMessage(allowed));
		assert.equal(allowed.json[0].status, 'booked');
		assert.match(String((allowed.json[0].warnings as string[])[0]), /no reference: it cannot be protected against double delivery/);
	});

	it('the mapped-fields form starts with Reference, required unless invoices without reference are allowed', async () => {
		const { description } = await import('../../../../../nodes/Yuki/actions/salesInvoice/process.operation');
		const mapped = description.filter((property) => property.displayOptions?.show?.invoiceSource?.includes('fields'));
		assert.equal(mapped[0].name, 'reference');
		assert.equal(mapped[0].required, true);
		assert.deepEqual(mapped[0].displayOptions?.hide, { allowNoReference: [true] });
		assert.equal(mapped[1].name, 'reference');
		assert.equal(mapped[1].required, undefined);
	});

	it('a lost answer is "unknown"; a later run that meets Yuki\'s duplicate answer confirms the booking', async () => {
		yuki.sandbox.injectFault({ operation: 'ProcessSalesInvoices', kind: 'drop' });
		const lost = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-900')), {}, { continueOnFail: true });
		assert.equal(lost.json[0].status, 'unknown');
		assert.match(String(lost.json[0].error), /S-900 may have been booked; check Yuki/);
		assert.ok(yuki.referencesInYuki().includes('S-900'), 'the sandbox booked it before dropping the answer');

		const again = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-900')), {}, { staticData: lost.staticData });
		assert.equal(again.error, undefined, errorMessage(again));
		assert.equal(again.json[0].status, 'booked');
		assert.equal(again.json[0].bookedEarlier, 'lostAnswer');
		assert.match(String(again.json[0].message), /S-900 is booked: an earlier run sent it .* and lost Yuki's answer; Yuki now reports the number as already there/);
		assert.equal(yuki.referencesInYuki().filter((reference) => reference === 'S-900').length, 1);

		// Once confirmed, a third delivery is an ordinary duplicate again.
		const third = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-900')), {}, { staticData: again.staticData });
		assert.match(errorMessage(third), /S-900 is already in Yuki/);
	});

	it('with Continue On Fail off, the error of a run that booked some invoices lists each of them with Yuki\'s answer', async () => {
		const run = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-910'), salesInvoice('S-911'), withUnknownVatPair(salesInvoice('S-912'))));
		const description = String((run.error as { description?: string } | undefined)?.description ?? '');
		assert.match(errorMessage(run), /Item 2: Yuki rejected invoice S-912/);
		assert.match(description, /Booked in Yuki by this run \(2\); do not send these again:/);
		assert.match(description, /item 0, S-910 \(booked/);
		assert.match(description, /item 1, S-911 \(booked/);
	});

	it('Retry On Fail: a retried run books nothing twice and reports the invoices of the first try as booked', async () => {
		// Batch 1 booked, batch 2's answer lost: the node fails, n8n runs it again.
		yuki.sandbox.injectFault({ operation: 'ProcessSalesInvoices', kind: 'slow', delayMs: 0 });
		yuki.sandbox.injectFault({ operation: 'ProcessSalesInvoices', kind: 'drop' });
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(salesInvoice('S-920'), salesInvoice('S-921'), salesInvoice('S-922')),
			{ options: { batchSize: 2 } },
			{ nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 } },
		);
		assert.equal(run.error, undefined, errorMessage(run));
		assert.deepEqual(run.json.map((json) => json.status), ['booked', 'booked', 'booked']);
		assert.deepEqual(run.json.map((json) => json.bookedEarlier), ['retry', 'retry', 'lostAnswer']);
		for (const reference of ['S-920', 'S-921', 'S-922']) {
			assert.equal(yuki.referencesInYuki().filter((known) => known === reference).length, 1, `${reference} booked once`);
		}
	});

	it('Retry On Fail with an invoice without reference: refuses to run and says why', async () => {
		const { reference: _reference, ...withoutNumber } = salesInvoice('unused');
		const run = await runProcess(yuki, 'salesInvoice', items(salesInvoice('S-930'), withoutNumber), { allowNoReference: true }, {
			nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 },
		});
		assert.match(errorMessage(run), /Retry On Fail is on, but item 1 has an invoice without a reference: a retry would book it twice\. Nothing was sent/);
		assert.equal(yuki.processCalls('Sales'), 0);
	});

	it('"Continue (using error output)": failed invoices go to the error output with their status, booked ones to the success output', async () => {
		yuki.sandbox.injectFault({ operation: 'ProcessSalesInvoices', kind: 'slow', delayMs: 0 });
		yuki.sandbox.injectFault({ operation: 'ProcessSalesInvoices', kind: 'drop' });
		const run = await runProcess(
			yuki,
			'salesInvoice',
			items(salesInvoice('S-940'), withUnknownVatPair(salesInvoice('S-941')), salesInvoice('S-942')),
			{ options: { batchSize: 2 } },
			{ nodeSettings: { onError: 'continueErrorOutput' } },
		);
		assert.equal(run.error, undefined);
		const [success, failure] = run.runData.Yuki[0].data?.main ?? [];
		assert.deepEqual(success?.map((item) => [item.json.reference, item.json.status]), [['S-940', 'booked']]);
		const errors = (failure ?? []).map((item) => item.json.error as IDataObject);
		assert.deepEqual(errors.map((error) => [error.reference, error.status]), [['S-941', 'rejected'], ['S-942', 'unknown']]);
		assert.match(String(errors[1].message), /S-942 may have been booked/);
		// n8n merges the input item underneath: the webhook body is still at hand on the error branch.
		assert.equal((failure ?? [])[0].json.reference, 'S-941');
		assert.deepEqual((failure ?? []).map((item) => item.pairedItem), [{ item: 1 }, { item: 2 }]);
	});
});
