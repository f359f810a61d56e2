import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createYukiClient } from '../../../helpers/n8nRequest';
import { resetTransportCaches } from '../../../../nodes/Yuki/transport/client';
import type { YukiError } from '../../../../nodes/Yuki/transport/types';
import { uniqueAccessKey } from './fakeYuki';
import { useFakeYuki } from './fixtureServer';

const SESSION = 'a00912fb-558c-4165-a521-d3a095f88cc7';
const CLIENT_SESSION = 'c1c1c1c1-2222-4333-8444-555566667777';
const ADMINISTRATION = 'e5151219-a7bd-44f7-b9b2-a87d379e71f6';

const { yuki, settings } = useFakeYuki();

function lastRequest(operation: string) {
	const request = [...yuki.requests].reverse().find((candidate) => candidate.operation === operation);
	assert.ok(request, `no ${operation} request was made`);
	return request;
}

describe('requests', () => {
	it('signs in once, then calls the service with the session, SOAPAction and content type Yuki expects', async () => {
		const connection = settings();
		const client = createYukiClient(connection);
		await client.administrations();
		await client.activeVatCodes(ADMINISTRATION);

		assert.deepEqual(yuki.operations(), ['Authenticate', 'Administrations', 'ActiveVATCodesList']);
		const authenticate = lastRequest('Authenticate');
		assert.equal(authenticate.method, 'POST');
		assert.equal(authenticate.path, '/ws/Accounting.asmx');
		assert.equal(authenticate.soapAction, '"http://www.theyukicompany.com/Authenticate"');
		assert.equal(authenticate.contentType, 'text/xml; charset=utf-8');
		assert.deepEqual(authenticate.parameters, [['accessKey', connection.accessKey]]);

		const vat = lastRequest('ActiveVATCodesList');
		assert.equal(vat.path, '/ws/Vat.asmx');
		assert.equal(vat.soapAction, '"http://www.theyukicompany.com/ActiveVATCodesList"');
		assert.deepEqual(vat.parameters, [
			['sessionID', SESSION],
			['administrationID', ADMINISTRATION],
		]);
		assert.match(vat.body, /<soap:Envelope xmlns:soap="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/"/);
		assert.match(vat.body, /<ActiveVATCodesList xmlns="http:\/\/www\.theyukicompany\.com\/">/);
	});

	it('sends every operation its parameters in WSDL order with Yuki\'s casing', async () => {
		const client = createYukiClient(settings({ clientId: 'client-1', clientSecret: 'secret-of-client-1' }));
		await client.administrations();
		await client.checkOutstandingItem(ADMINISTRATION, 'VF-0001');
		await client.outstandingItems('debtor', ADMINISTRATION, { includeBankTransactions: false, sortOrder: 'DateAsc' });
		await client.outstandingItems('creditor', ADMINISTRATION, { includeBankTransactions: true, sortOrder: 'AmountDesc' });
		yuki.reply('OutstandingDebtorItemsByDate', { fixture: 'OutstandingDebtorItemsByDate' });
		await client.outstandingItems('debtor', ADMINISTRATION, {
			includeBankTransactions: false,
			sortOrder: 'ContactAsc',
			startDate: '2026-01-01',
			endDate: '2026-10-31',
		});
		yuki.reply('OutstandingCreditorItemsByDate', {
			body: envelope('OutstandingCreditorItemsByDate', '<OutstandingCreditorItems xmlns="" />'),
		});
		await client.outstandingItems('creditor', ADMINISTRATION, { includeBankTransactions: false, sortOrder: 'DateDesc', startDate: '2026-01-01' });
		await client.processSalesInvoices(ADMINISTRATION, '<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"/>');
		await client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:purchaseinvoices"/>');
		await client.glAccounts(ADMINISTRATION);
		await client.documentFolders();
		await client.uploadDocument({
			administrationId: ADMINISTRATION,
			fileName: 'bon.pdf',
			data: Buffer.from('%PDF-1.4'),
			folder: 8,
			amount: '26.40',
			paymentMethod: 0,
		});

		const names = (operation: string) => lastRequest(operation).parameters.map(([name]) => name);
		assert.deepEqual(names('Administrations'), ['sessionID']);
		assert.deepEqual(names('CheckOutstandingItemAdmin'), ['sessionID', 'administrationID', 'Reference']);
		assert.deepEqual(names('OutstandingDebtorItems'), ['sessionID', 'administrationID', 'includeBankTransactions', 'sortOrder']);
		assert.deepEqual(names('OutstandingCreditorItems'), ['sessionID', 'administrationID', 'includeBankTransactions', 'sortOrder']);
		assert.deepEqual(names('OutstandingDebtorItemsByDate'), [
			'sessionID',
			'administrationID',
			'includeBankTransactions',
			'sortOrder',
			'startDate',
			'endDate',
		]);
		assert.deepEqual(names('ProcessSalesInvoices'), ['sessionId', 'administrationId', 'xmlDoc']);
		assert.deepEqual(names('AuthenticateClient'), ['clientID', 'clientSecret', 'accessKey']);
		assert.deepEqual(names('ProcessPurchaseInvoices'), ['sessionId', 'administrationId', 'disableAutoCorrect', 'xmlDoc']);
		assert.deepEqual(names('GetGLAccountScheme'), ['sessionID', 'administrationID']);
		assert.deepEqual(names('DocumentFolders'), ['sessionID']);
		// Optional parameters left empty are left out; the rest keep WSDL order.
		assert.deepEqual(names('UploadDocumentWithData'), ['sessionID', 'fileName', 'data', 'folder', 'administrationID', 'amount', 'paymentMethod']);

		assert.deepEqual(lastRequest('CheckOutstandingItemAdmin').parameters[2], ['Reference', 'VF-0001']);
		assert.deepEqual(lastRequest('OutstandingCreditorItems').parameters.slice(2), [
			['includeBankTransactions', 'true'],
			['sortOrder', 'AmountDesc'],
		]);
		assert.deepEqual(lastRequest('OutstandingDebtorItemsByDate').parameters.slice(4), [
			['startDate', '2026-01-01T00:00:00'],
			['endDate', '2026-10-31T00:00:00'],
		]);
		// Only a start date: the period runs to the latest date .NET knows.
		assert.deepEqual(lastRequest('OutstandingCreditorItemsByDate').parameters.slice(4), [
			['startDate', '2026-01-01T00:00:00'],
			['endDate', '9999-12-31T00:00:00'],
		]);
		assert.equal(lastRequest('ProcessPurchaseInvoices').parameters[0][1], CLIENT_SESSION, 'purchase uses the client session');
		assert.equal(lastRequest('ProcessSalesInvoices').parameters[0][1], SESSION, 'sales uses the access-key session');
		assert.deepEqual(lastRequest('ProcessPurchaseInvoices').parameters[2], ['disableAutoCorrect', 'false']);
		assert.equal(lastRequest('ProcessPurchaseInvoices').path, '/ws/Purchase.asmx');
		assert.equal(lastRequest('UploadDocumentWithData').path, '/ws/Archive.asmx');
		assert.equal(lastRequest('GetGLAccountScheme').path, '/ws/AccountingInfo.asmx');
	});

	it('puts the invoice document into xmlDoc as XML elements, without a declaration', async () => {
		const client = createYukiClient(settings());
		const document =
			'<?xml version="1.0" encoding="utf-8"?>\n<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice><Reference>VF-0001</Reference><Subject>Koffie &amp; thee</Subject></SalesInvoice></SalesInvoices>';
		await client.processSalesInvoices(ADMINISTRATION, document);

		const request = lastRequest('ProcessSalesInvoices');
		const xmlDoc = request.operationElement.children.find((child) => child.name === 'xmlDoc');
		assert.ok(xmlDoc);
		assert.equal(xmlDoc.children.length, 1);
		assert.equal(xmlDoc.children[0].name, 'SalesInvoices');
		assert.equal(xmlDoc.children[0].children[0].children[1].text, 'Koffie & thee');
		assert.ok(!request.body.includes('&lt;SalesInvoices'), 'not an escaped string');
		assert.equal(request.body.match(/<\?xml/g)?.length, 1, 'only the envelope has a declaration');
		assert.match(request.body, /<xmlDoc><SalesInvoices xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:salesinvoices">/);
	});

	it('escapes text parameters', async () => {
		const client = createYukiClient(settings());
		await client.checkOutstandingItem(ADMINISTRATION, 'A&B <1>');
		assert.deepEqual(lastRequest('CheckOutstandingItemAdmin').parameters[2], ['Reference', 'A&B <1>']);
		assert.match(lastRequest('CheckOutstandingItemAdmin').body, /<Reference>A&amp;B &lt;1&gt;<\/Reference>/);
	});

	it('uploads the file as base64 and returns the new document ID', async () => {
		const client = createYukiClient(settings());
		const data = Buffer.alloc(1_000_003);
		for (let index = 0; index < data.length; index++) data[index] = (index * 7919) % 256;
		const documentId = await client.uploadDocument({
			administrationId: ADMINISTRATION,
			fileName: 'bonnetje.pdf',
			data,
			folder: 8,
			currency: 'EUR',
			amount: '26.40',
			costCategory: 'Reiskosten',
			paymentMethod: 1,
			project: 'P-12',
			remarks: 'Lunch met klant',
		});
		assert.equal(documentId, '5d5a3213-34ed-4c96-bf2f-f6bb23804597');
		const parameters = Object.fromEntries(lastRequest('UploadDocumentWithData').parameters);
		assert.ok(Buffer.from(parameters.data, 'base64').equals(data));
		assert.equal(parameters.data, data.toString('base64'));
		assert.deepEqual(
			{ ...parameters, data: undefined, sessionID: undefined },
			{
				data: undefined,
				sessionID: undefined,
				fileName: 'bonnetje.pdf',
				folder: '8',
				administrationID: ADMINISTRATION,
				currency: 'EUR',
				amount: '26.40',
				costCategory: 'Reiskosten',
				paymentMethod: '1',
				project: 'P-12',
				remarks: 'Lunch met klant',
			},
		);
	});

	it('uses the region hosts and refuses an unusable custom base URL without calling anything', async () => {
		for (const customBaseUrl of ['ftp://example.com', 'not a url', '']) {
			const client = createYukiClient({ region: 'custom', customBaseUrl, accessKey: uniqueAccessKey() });
			await assert.rejects(client.administrations(), (error: Error & { kind?: string; mayHaveReachedYuki?: boolean }) => {
				assert.equal(error.kind, 'configuration');
				assert.equal(error.mayHaveReachedYuki, false);
				assert.match(error.message, /base URL/);
				return true;
			});
		}
		assert.equal(yuki.requests.length, 0);
	});

	it('accepts a custom base URL with a trailing slash or /ws', async () => {
		for (const suffix of ['/', '/ws', '/ws/']) {
			resetTransportCaches();
			const client = createYukiClient(settings({ customBaseUrl: yuki.baseUrl + suffix }));
			await client.documentFolders();
			assert.equal(lastRequest('DocumentFolders').path, '/ws/Archive.asmx');
		}
	});
});

describe('results', () => {
	it('reads administrations with the ID attribute, dates and booleans', async () => {
		const administrations = await createYukiClient(settings()).administrations();
		assert.deepEqual(administrations, [
			{
				id: '38a97d9b-xxxx-xxxxx-xxxx-b9d5793723ee',
				name: 'Highpro BV',
				addressLine: 'Rijnkaai 37',
				postcode: '2000',
				city: 'Antwerpen',
				country: 'BE',
				cocNumber: '0123456749',
				vatNumber: 'BE0123.456.749',
				startDate: '2016-02-05',
				domainId: 'e9570a5f-9339-452b-b621-144dd8574468',
				active: true,
			},
		]);
	});

	it('reads open items: numbers, exact amount texts, the type ID, and leaves empty elements out', async () => {
		const client = createYukiClient(settings());
		const [journal] = await client.outstandingItems('debtor', ADMINISTRATION, { includeBankTransactions: false, sortOrder: 'DateAsc' });
		assert.deepEqual(journal, {
			id: '7407c636-3fd2-40d9-af28-a61b7d87ffef',
			date: '2018-12-30',
			description: 'test',
			openAmount: 1000,
			originalAmount: 1000,
			openAmountText: '1000.00',
			originalAmountText: '1000.00',
			type: 'Diverse posten boeking',
			typeId: 21,
			documentId: '5d5a3213-34ed-4c96-bf2f-f6bb23804597',
		});

		const [purchase] = await client.outstandingItems('creditor', ADMINISTRATION, { includeBankTransactions: false, sortOrder: 'DateAsc' });
		assert.equal(purchase.typeId, 2);
		assert.equal(purchase.openAmount, 75.86);
		assert.equal(purchase.openAmountText, '75.86');
		assert.equal(purchase.dueDate, '2015-03-09');
		assert.equal(purchase.contact, 'Belgian Shell S.A.');

		const [sales] = await client.checkOutstandingItem(ADMINISTRATION, 'A1010');
		assert.equal(sales.reference, 'A1010');
		assert.equal(sales.typeId, 6);
		assert.equal(sales.originalAmountText, '91.80');
		assert.equal(sales.city, 'Aalst');
		assert.equal('postcode' in sales, false);
	});

	it('returns every record as a list, also one or none', async () => {
		const client = createYukiClient(settings());
		yuki.reply('CheckOutstandingItemAdmin', {
			body: envelope('CheckOutstandingItemAdmin', '<OutstandingItems xmlns="" />'),
		});
		assert.deepEqual(await client.checkOutstandingItem(ADMINISTRATION, 'PAID-1'), []);
		// A Result without the list element is not what Yuki sends: unreadable, never "no items" (issue 9 item 3).
		yuki.reply('CheckOutstandingItemAdmin', { body: envelope('CheckOutstandingItemAdmin', '') });
		await assert.rejects(client.checkOutstandingItem(ADMINISTRATION, 'PAID-1'), { kind: 'malformed' });
		const items = Array.from({ length: 3 }, (_, index) => item(`id-${index}`, `${index}.50`)).join('');
		yuki.reply('CheckOutstandingItemAdmin', { body: envelope('CheckOutstandingItemAdmin', `<OutstandingItems xmlns="">${items}</OutstandingItems>`) });
		const found = await client.checkOutstandingItem(ADMINISTRATION, 'R');
		assert.deepEqual(
			found.map((entry) => [entry.id, entry.openAmount, entry.openAmountText]),
			[
				['id-0', 0.5, '0.50'],
				['id-1', 1.5, '1.50'],
				['id-2', 2.5, '2.50'],
			],
		);
	});

	it('calls an open-items answer that does not hold the list malformed, never an empty list', async () => {
		const client = createYukiClient(settings());
		const answers = {
			'no result element': '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CheckOutstandingItemAdminResponse xmlns="http://www.theyukicompany.com/" /></soap:Body></soap:Envelope>',
			'an empty result': envelope('CheckOutstandingItemAdmin', ''),
			'another list': envelope('CheckOutstandingItemAdmin', `<Administrations xmlns="">${item('id-1', '1.00')}</Administrations>`),
		};
		for (const [what, body] of Object.entries(answers)) {
			yuki.reply('CheckOutstandingItemAdmin', { body });
			await assert.rejects(client.checkOutstandingItem(ADMINISTRATION, 'PAID-1'), (error: YukiError) => {
				assert.equal(error.kind, 'malformed', what);
				assert.equal(error.mayHaveReachedYuki, true, what);
				return true;
			});
		}
	});

	it('keeps amounts exact as text where a number could not (many decimals, large values)', async () => {
		yuki.reply('CheckOutstandingItemAdmin', {
			body: envelope('CheckOutstandingItemAdmin', `<OutstandingItems xmlns="">${item('big', '12345678901234567.89')}</OutstandingItems>`),
		});
		const [big] = await createYukiClient(settings()).checkOutstandingItem(ADMINISTRATION, 'R');
		assert.equal(big.openAmountText, '12345678901234567.89');
		assert.equal(typeof big.openAmount, 'number');
	});

	it('reads VAT codes: integer types, decimal percentages, nil dates left out', async () => {
		const codes = await createYukiClient(settings()).activeVatCodes(ADMINISTRATION);
		assert.deepEqual(codes, [
			{ description: 'VAT 12%', type: 21, typeDescription: 'VAT medium', percentage: 12 },
			{
				description: 'OSS NL',
				type: 40,
				typeDescription: 'VAT digital services and/or distance selling (OSS)',
				percentage: 21,
				country: 'NL',
				startDate: '2021-07-01',
			},
			{ description: 'VAT reverse-charge', type: 17, typeDescription: 'VAT reverse-charged, sales', percentage: 0 },
		]);
	});

	it('reads GL accounts as Yuki types them (GlAccount, lower-camel, "descripton") and document folders (DocumentFolder[@ID])', async () => {
		const client = createYukiClient(settings());
		assert.deepEqual(await client.glAccounts(ADMINISTRATION), [
			{ code: '400000', description: 'Omzet hoog', type: 8, subtype: 80, isEnabled: true },
			{ code: '458000', description: 'Reis- & verblijfkosten', type: 4, subtype: 41, isEnabled: false },
			{ code: '020200', description: 'RC directie', type: 2 },
		]);
		assert.deepEqual(await client.documentFolders(), [
			{ id: 1, description: 'Purchase', icon: 'DocumentFolder_red_label.png', processedByYuki: true },
			{ id: 2, description: 'Sales', icon: 'DocumentFolder_red_label.png', processedByYuki: true },
			{ id: 8, description: 'Expense claims & receipts', icon: 'DocumentFolder_yellow_label.png', processedByYuki: false },
		]);
	});

	it('reads the import response of sales and purchase invoices, one result per invoice in order', async () => {
		const client = createYukiClient(settings({ clientId: 'client-1', clientSecret: 'secret-of-client-1' }));
		yuki.reply('ProcessSalesInvoices', { fixture: 'ProcessSalesInvoices.TwoInvoices' });
		assert.deepEqual(await client.processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'), {
			timeStamp: '2026-11-20',
			administrationId: ADMINISTRATION,
			totalSucceeded: 1,
			totalFailed: 1,
			totalSkipped: 0,
			invoices: [
				{
					succeeded: true,
					processed: true,
					emailSent: false,
					reference: 'VF-0001',
					subject: 'Consultancy oktober',
					contact: 'Bakkerij De Gouden Korrel',
				},
				{
					succeeded: false,
					processed: false,
					emailSent: false,
					reference: 'VF-0002',
					subject: 'Consultancy november',
					contact: 'Bakkerij De Gouden Korrel',
					message: 'Sales tax code with percentage 19.00 and type 1 cannot be found',
				},
			],
		});
		const purchase = await client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>');
		assert.equal(purchase.totalSucceeded, 1);
		assert.deepEqual(purchase.invoices, [
			{ succeeded: true, processed: false, reference: 'INK-2026-0042', subject: 'Brandstof november', contact: 'Belgian Shell S.A.' },
		]);
	});

	it('reports a document Yuki refused as a whole as a fault that booked nothing', async () => {
		yuki.reply('ProcessSalesInvoices', { fixture: 'ProcessSalesInvoices.Rejected' });
		await assert.rejects(createYukiClient(settings()).processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'), (error: Error & Record<string, unknown>) => {
			assert.equal(error.kind, 'fault');
			assert.equal(error.faultString, "The element 'SalesInvoice' has invalid child element 'Foo'.");
			assert.equal(error.mayHaveReachedYuki, false);
			assert.match(String(error.hint), /nothing was booked/);
			return true;
		});
	});
});

export function envelope(operation: string, result: string): string {
	return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${operation}Response xmlns="http://www.theyukicompany.com/"><${operation}Result>${result}</${operation}Result></${operation}Response></soap:Body></soap:Envelope>`;
}

export function item(id: string, amount: string): string {
	return `<Item ID="${id}"><Date>2026-10-01</Date><OpenAmount>${amount}</OpenAmount><OriginalAmount>${amount}</OriginalAmount><Type ID="6">Verkoopfactuur</Type><Reference>R</Reference></Item>`;
}
