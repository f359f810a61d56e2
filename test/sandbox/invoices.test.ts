import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import {
	processPurchase,
	purchaseInvoiceXml,
	authenticateClient,
	importResult,
	importSales,
	items,
	outstanding,
	param,
	processSales,
	salesInvoiceXml,
	soapCall,
} from './soapHelpers';
import { PDF_BASE64, withSandbox } from './support';

describe('sandbox ProcessSalesInvoices', () => {
	it('answers a mixed batch per invoice: good, unknown VAT pair, duplicate reference', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await processSales(
				sandbox.url,
				session,
				salesInvoiceXml({ reference: 'MIX-1' }) +
					salesInvoiceXml({ reference: 'MIX-2', lines: [{ vatType: '9', vatPercentage: '21.00' }] }) +
					salesInvoiceXml({ reference: 'DEMO-2025-001' }) +
					salesInvoiceXml({ reference: 'MIX-1' }),
			);
			assert.equal(answer.status, 200);
			assert.match(answer.body, /<SalesInvoicesImportResponse xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:salesinvoicesresponse"><TimeStamp xmlns="">/);
			const result = importResult(answer);
			assert.deepEqual(result.totals, { succeeded: 1, failed: 3, skipped: 0 });
			assert.deepEqual(
				result.invoices.map((invoice) => [invoice.Reference, invoice.Succeeded, invoice.Processed, invoice.Message]),
				[
					['MIX-1', 'true', 'true', ''],
					['MIX-2', 'false', 'false', 'Sales tax code with percentage 21.00 and type 9 cannot be found'],
					['DEMO-2025-001', 'false', 'false', 'An invoice with reference DEMO-2025-001 already exists'],
					['MIX-1', 'false', 'false', 'An invoice with reference MIX-1 already exists'],
				],
			);
			assert.equal(sandbox.state.invoices.length, 1);
		}));

	it('stops after 6 incorrect invoices and skips the rest', () =>
		withSandbox(async (sandbox, session) => {
			const bad = Array.from({ length: 6 }, (_, index) => salesInvoiceXml({ reference: `BAD-${index}`, lines: [{ vatType: '99' }] })).join('');
			const answer = await processSales(sandbox.url, session, salesInvoiceXml({ reference: 'OK-1' }) + bad + salesInvoiceXml({ reference: 'OK-2' }) + salesInvoiceXml({ reference: 'OK-3' }));
			const result = importResult(answer);
			assert.deepEqual(result.totals, { succeeded: 1, failed: 6, skipped: 2 });
			assert.equal(result.invoices.length, 9);
			assert.equal(result.invoices[7].Message, 'Not processed: the batch was stopped after 6 incorrect invoices');
			assert.equal(result.invoices[8].Succeeded, 'false');
			assert.deepEqual(sandbox.state.invoices.map((invoice) => invoice.reference), ['OK-1']);
		}));

	it('rejects the whole batch on a schema error, naming the invoice and element, and changes nothing', () =>
		withSandbox(async (sandbox, session) => {
			const before = JSON.stringify({ ...sandbox.state, quota: {}, sessions: [] });
			const answer = await processSales(
				sandbox.url,
				session,
				salesInvoiceXml({ reference: 'S-1' }) + salesInvoiceXml({ reference: 'S-2' }) + salesInvoiceXml({ reference: 'S-3', lines: [{}, { price: '12.34567' }] }),
			);
			assert.equal(answer.status, 500);
			assert.match(answer.fault!, /^XML validation failed: .*SalesPrice.*4 decimals.*invoice line 2 \(SalesInvoice 3, element InvoiceLines\/InvoiceLine\/Product\/SalesPrice\)$/);
			assert.equal(JSON.stringify({ ...sandbox.state, quota: {}, sessions: [] }), before);
		}));

	it('checks element order, unknown and missing elements, types, dates, enums and the namespace', () =>
		withSandbox(async (sandbox, session) => {
			const valid = salesInvoiceXml({ reference: 'V-1' });
			const cases: Array<[string, RegExp]> = [
				[valid.replace('<Subject>Advieswerk</Subject>', '').replace('<Reference>V-1</Reference>', '<Reference>V-1</Reference>').replace('<PaymentMethod>ElectronicTransfer</PaymentMethod>', '<PaymentMethod>ElectronicTransfer</PaymentMethod><Subject>x</Subject>'), /Subject is out of order.*element Subject\)/],
				[valid.replace('<Subject>', '<Colour>red</Colour><Subject>'), /Colour is not expected/],
				[valid.replace(/<Date>[^<]*<\/Date>/, ''), /required element Date is missing/],
				[valid.replace(/<Date>[^<]*<\/Date>/, '<Date>03-11-2025</Date>'), /YYYY-MM-DD.*element Date\)/],
				[valid.replace(/<Date>[^<]*<\/Date>/, '<Date>2025-02-30</Date>'), /element Date\)/],
				[valid.replace('<Process>true</Process>', '<Process>yes</Process>'), /true or false.*element Process\)/],
				[valid.replace('ElectronicTransfer', 'Bitcoin'), /allowed values are .*ElectronicTransfer.*element PaymentMethod\)/],
				[valid.replace('<ProductQuantity>2</ProductQuantity>', '<ProductQuantity>2,5</ProductQuantity>'), /element InvoiceLines\/InvoiceLine\/ProductQuantity\)/],
				[valid.replace('<VATType>1</VATType>', '<VATType>1.5</VATType>'), /whole number/],
				[valid.replace('<Description>Advies per uur</Description>', ''), /required element Description is missing in invoice line 1/],
				[valid.replace(/<InvoiceLines>.*<\/InvoiceLines>/, '<InvoiceLines></InvoiceLines>'), /at least 1 InvoiceLine/],
			];
			for (const [invoice, expected] of cases) {
				const answer = await processSales(sandbox.url, session, invoice);
				assert.equal(answer.status, 500, String(expected));
				assert.match(answer.fault!, /^XML validation failed: /);
				assert.match(answer.fault!, expected);
			}
			const noNamespace = await soapCall(
				sandbox.url,
				'Sales',
				'ProcessSalesInvoices',
				param('sessionId', session) + param('administrationId', DEMO.organisation.id) + `<xmlDoc><SalesInvoices>${valid}</SalesInvoices></xmlDoc>`,
			);
			assert.match(noNamespace.fault!, /^XML validation failed: the root element SalesInvoices must be in namespace/);
			const escaped = await soapCall(
				sandbox.url,
				'Sales',
				'ProcessSalesInvoices',
				param('sessionId', session) + param('administrationId', DEMO.organisation.id) + param('xmlDoc', `<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices">${valid}</SalesInvoices>`),
			);
			assert.match(escaped.fault!, /^XML validation failed: xmlDoc holds text, not XML elements/);
			assert.equal(sandbox.state.invoices.length, 0);
		}));

	it('books Process=true as an open debtor item with the exact total incl. VAT; Process=false stays a draft', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await processSales(
				sandbox.url,
				session,
				salesInvoiceXml({
					reference: 'BOOK-1',
					fullName: 'Bakkerij De Korenaar',
					lines: [
						{ quantity: '3', price: '0.1', vatPercentage: '21.00', vatType: '1' }, // 0.30 + 0.06
						{ quantity: '1.5', price: '33.3333', vatPercentage: '9.00', vatType: '2' }, // 50.00 + 4.50
						{ quantity: '1', price: '121.00', vatIncluded: 'true' }, // 121.00 incl.
						{ quantity: '1', price: '10.00', lineAmount: '10.00', lineVatAmount: '2.11' }, // given amounts win: 12.11
					],
				}) + salesInvoiceXml({ reference: 'DRAFT-1', process: 'false' }),
			);
			assert.deepEqual(importResult(answer).totals, { succeeded: 2, failed: 0, skipped: 0 });
			const open = items(await outstanding(sandbox.url, session, 'Debtor'));
			const booked = open.find((item) => item.Reference === 'BOOK-1')!;
			assert.equal(booked.OriginalAmount, '187.97');
			assert.equal(booked.OpenAmount, '187.97');
			assert.equal(booked.typeId, '6');
			assert.equal(booked.Type, 'Verkoopfactuur');
			assert.equal(booked.Contact, 'Bakkerij De Korenaar');
			assert.equal(booked.ContactCode, 'K1001'); // matched by name: no new contact
			assert.equal(open.some((item) => item.Reference === 'DRAFT-1'), false);
			assert.equal(sandbox.state.invoices.find((invoice) => invoice.reference === 'DRAFT-1')!.booked, false);
		}));

	it('matches contacts by ContactCode, then FullName, else creates one', () =>
		withSandbox(async (sandbox, session) => {
			const before = sandbox.state.contacts.length;
			await processSales(
				sandbox.url,
				session,
				salesInvoiceXml({ reference: 'C-1', contactCode: 'K1002', fullName: 'Jansen (new name)' }) +
					salesInvoiceXml({ reference: 'C-2', fullName: 'sanne de vries' }) +
					salesInvoiceXml({ reference: 'C-3', fullName: 'Brand New B.V.' }),
			);
			assert.equal(sandbox.state.contacts.length, before + 1);
			const contactOf = (reference: string) =>
				sandbox.state.contacts.find((contact) => contact.id === sandbox.state.invoices.find((invoice) => invoice.reference === reference)!.contactId)!;
			assert.equal(contactOf('C-1').code, 'K1002');
			assert.equal(contactOf('C-2').code, 'K1003');
			assert.equal(contactOf('C-3').fullName, 'Brand New B.V.');
		}));

	it('sends e-mail only where invoicing e-mail is configured', () =>
		withSandbox(async (sandbox, session) => {
			const organisation = await importSales(
				sandbox.url,
				session,
				salesInvoiceXml({ reference: 'E-1', emailToCustomer: 'true', fullName: 'Sanne de Vries' }) +
					salesInvoiceXml({ reference: 'E-3', emailToCustomer: 'true', fullName: 'Zonder E-mail B.V.' }),
			);
			assert.equal(organisation.invoices[0].EmailSent, 'true');
			assert.equal(organisation.invoices[0].Message, '');
			assert.equal(organisation.invoices[1].Succeeded, 'true');
			assert.equal(organisation.invoices[1].EmailSent, 'false');
			assert.equal(organisation.invoices[1].Message, 'The invoice was not e-mailed: the contact has no e-mail address');
			const department = await importSales(sandbox.url, session, salesInvoiceXml({ reference: 'E-2', emailToCustomer: 'true' }), DEMO.department.id);
			assert.equal(department.invoices[0].Succeeded, 'true');
			assert.equal(department.invoices[0].EmailSent, 'false');
			assert.match(department.invoices[0].Message, /invoicing e-mail is not set up/);
		}));

	it('accepts a custom PDF of the invoice, but not another file', () =>
		withSandbox(async (sandbox, session) => {
			const withDocument = (reference: string, base64: string) =>
				salesInvoiceXml({ reference }).replace('<Contact>', `<DocumentFileName>${reference}.pdf</DocumentFileName><DocumentBase64>${base64}</DocumentBase64><Contact>`);
			const result = await importSales(
				sandbox.url,
				session,
				withDocument('PDF-1', PDF_BASE64) + withDocument('PDF-2', Buffer.from('PK zip file').toString('base64')),
			);
			assert.deepEqual(result.invoices.map((invoice) => invoice.Succeeded), ['true', 'false']);
			assert.match(result.invoices[1].Message, /PDF/);
		}));

	it('rejects closed periods and disabled GL accounts with Yuki\'s texts', () =>
		withSandbox(async (sandbox, session) => {
			const result = await importSales(
				sandbox.url,
				session,
				salesInvoiceXml({ reference: 'P-1', date: '2023-12-31' }) + salesInvoiceXml({ reference: 'P-2', lines: [{ glAccount: '4990' }] }),
			);
			assert.equal(result.invoices[0].Message, `Could not create or modify transactions before 01-01-2024 for administration ${DEMO.organisation.name}`);
			assert.equal(result.invoices[1].Message, 'Cannot book this transaction line because the GLAccount is disabled');
		}));
});

describe('sandbox ProcessPurchaseInvoices', () => {
	it('needs a client session from AuthenticateClient', () =>
		withSandbox(async (sandbox, plainSession) => {
			const answer = await processPurchase(sandbox.url, plainSession, purchaseInvoiceXml());
			assert.equal(answer.status, 500);
			assert.match(answer.fault!, /client authentication/);
			assert.equal(sandbox.state.invoices.length, 0);
		}));

	it('books a purchase invoice as an open creditor item and answers without EmailSent', () =>
		withSandbox(async (sandbox) => {
			const session = await authenticateClient(sandbox.url);
			const answer = await processPurchase(sandbox.url, session, purchaseInvoiceXml({ reference: 'LEV-1' }));
			assert.match(answer.body, /<PurchaseInvoicesImportResponse xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:purchaseinvoicesresponse">/);
			assert.doesNotMatch(answer.body, /EmailSent/);
			assert.deepEqual(importResult(answer).totals, { succeeded: 1, failed: 0, skipped: 0 });
			const open = items(await outstanding(sandbox.url, session, 'Creditor')).find((item) => item.Reference === 'LEV-1')!;
			assert.equal(open.OriginalAmount, '121.00');
			assert.equal(open.typeId, '2');
			assert.equal(open.Type, 'Aankoopfactuur');
		}));

	it('rejects a non-PDF document, a missing bank account and Process=true without Reference, rolling back created contacts', () =>
		withSandbox(async (sandbox) => {
			const session = await authenticateClient(sandbox.url);
			const contactsBefore = sandbox.state.contacts.length;
			const result = importResult(
				await processPurchase(
					sandbox.url,
					session,
					purchaseInvoiceXml({ reference: 'NP-1', pdf: Buffer.from('GIF89a not a pdf').toString('base64'), supplier: 'Ghost Supplier 1' }) +
						purchaseInvoiceXml({ reference: 'NP-2', bank: '', supplier: 'Ghost Supplier 2' }) +
						purchaseInvoiceXml({ reference: '', supplier: 'Ghost Supplier 3' }) +
						purchaseInvoiceXml({ reference: 'NP-4', vatType: '1', supplier: 'Ghost Supplier 4' }) +
						purchaseInvoiceXml({ reference: 'NP-5', amount: '150.00', supplier: 'Ghost Supplier 5' }),
				),
			);
			assert.deepEqual(result.totals, { succeeded: 0, failed: 5, skipped: 0 });
			assert.match(result.invoices[0].Message, /PDF/);
			assert.match(result.invoices[1].Message, /bank account/i);
			assert.match(result.invoices[2].Message, /^Reference is required when Process is true/);
			assert.match(result.invoices[3].Message, /Purchase tax code with type 1 cannot be found/);
			assert.match(result.invoices[4].Message, /does not equal/);
			assert.equal(sandbox.state.contacts.length, contactsBefore);
			assert.equal(sandbox.state.invoices.length, 0);
		}));

	it('overwrites a supplier found by ContactCode, only fills empty fields of one found by FullName', () =>
		withSandbox(async (sandbox) => {
			const session = await authenticateClient(sandbox.url);
			const supplier = sandbox.state.contacts.find((contact) => contact.code === 'L2001')!;
			const byName = purchaseInvoiceXml({ reference: 'CN-1', supplier: supplier.fullName, bank: 'NL55INGB0000000001' }).replace('<CountryCode>NL</CountryCode>', '<CountryCode>NL</CountryCode><City>Rotterdam</City>');
			assert.equal(importResult(await processPurchase(sandbox.url, session, byName)).totals.succeeded, 1);
			assert.equal(supplier.fields.BankAccount, 'NL91ABNA0417164300');
			assert.equal(supplier.fields.City, 'Amsterdam');
			const byCode = purchaseInvoiceXml({ reference: 'CN-2', supplier: 'Kantoorhuis (renamed)', bank: 'NL55INGB0000000001' }).replace('<FullName>', '<ContactCode>L2001</ContactCode><FullName>');
			assert.equal(importResult(await processPurchase(sandbox.url, session, byCode)).totals.succeeded, 1);
			assert.equal(supplier.fields.BankAccount, 'NL55INGB0000000001');
			assert.equal(sandbox.state.contacts.filter((contact) => contact.code === 'L2001').length, 1);
		}));

	it('auto-corrects a rounding difference of a few cents unless disableAutoCorrect is true', () =>
		withSandbox(async (sandbox) => {
			const session = await authenticateClient(sandbox.url);
			assert.equal(importResult(await processPurchase(sandbox.url, session, purchaseInvoiceXml({ reference: 'R-1', amount: '121.02' }))).totals.succeeded, 1);
			assert.equal(importResult(await processPurchase(sandbox.url, session, purchaseInvoiceXml({ reference: 'R-2', amount: '121.02' }), 'true')).totals.failed, 1);
		}));

	it('keeps Process=false invoices out of the open items, and treats duplicates per supplier', () =>
		withSandbox(async (sandbox) => {
			const session = await authenticateClient(sandbox.url);
			const result = importResult(
				await processPurchase(
					sandbox.url,
					session,
					purchaseInvoiceXml({ reference: 'D-1', process: 'false' }) +
						purchaseInvoiceXml({ reference: 'D-1' }) +
						purchaseInvoiceXml({ reference: 'D-1', supplier: 'Andere Leverancier' }),
				),
			);
			assert.deepEqual(result.invoices.map((invoice) => invoice.Succeeded), ['true', 'false', 'true']);
			const open = items(await outstanding(sandbox.url, session, 'Creditor')).filter((item) => item.Reference === 'D-1');
			assert.deepEqual(open.map((item) => item.Contact), ['Andere Leverancier']);
		}));
});
