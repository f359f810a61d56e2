import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createYukiClient } from '../../../helpers/n8nRequest';
import { resetTransportCaches } from '../../../../nodes/Yuki/transport/client';
import { SESSION_HINT } from '../../../../nodes/Yuki/transport/faults';
import { YukiError } from '../../../../nodes/Yuki/transport/types';
import { useFakeYuki } from './fixtureServer';

const FIRST_SESSION = 'a00912fb-558c-4165-a521-d3a095f88cc7';
const SECOND_SESSION = 'b1111111-2222-4333-8444-555555555555';
const ADMINISTRATION = 'e5151219-a7bd-44f7-b9b2-a87d379e71f6';

const { yuki, settings } = useFakeYuki();

function authenticateAnswer(sessionId: string) {
	return {
		body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><AuthenticateResponse xmlns="http://www.theyukicompany.com/"><AuthenticateResult>${sessionId}</AuthenticateResult></AuthenticateResponse></soap:Body></soap:Envelope>`,
	};
}

const sessionOf = (operation: string) =>
	yuki.requests.filter((request) => request.operation === operation).map((request) => request.parameters[0][1]);

describe('sessions', () => {
	it('signs in lazily, once, and shares the session with later clients (runs) of the same credential', async () => {
		const connection = settings();
		const first = createYukiClient(connection);
		assert.equal(yuki.requests.length, 0, 'creating a client calls nothing');
		await first.administrations();
		await first.activeVatCodes(ADMINISTRATION);
		const second = createYukiClient(connection);
		await second.documentFolders();

		assert.deepEqual(yuki.operations(), ['Authenticate', 'Administrations', 'ActiveVATCodesList', 'DocumentFolders']);
		assert.deepEqual(sessionOf('DocumentFolders'), [FIRST_SESSION]);
	});

	it('keeps sessions of different credentials apart', async () => {
		await createYukiClient(settings()).administrations();
		await createYukiClient(settings()).administrations();
		assert.deepEqual(yuki.operations(), ['Authenticate', 'Administrations', 'Authenticate', 'Administrations']);
	});

	it('signs in only once when the first calls of a run start together', async () => {
		const client = createYukiClient(settings());
		await Promise.all([client.administrations(), client.activeVatCodes(ADMINISTRATION), client.documentFolders(), client.glAccounts(ADMINISTRATION)]);
		assert.equal(yuki.operations().filter((operation) => operation === 'Authenticate').length, 1);
		assert.equal(yuki.requests.length, 5);
	});

	it('signs in again once and repeats the refused call once when Yuki refuses the session', async () => {
		yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
		yuki.reply('ProcessSalesInvoices', { fixture: 'Fault.InvalidSession' });
		const client = createYukiClient(settings());
		const result = await client.processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>');

		assert.equal(result.totalSucceeded, 1);
		assert.deepEqual(yuki.operations(), ['Authenticate', 'ProcessSalesInvoices', 'Authenticate', 'ProcessSalesInvoices']);
		assert.deepEqual(sessionOf('ProcessSalesInvoices'), [FIRST_SESSION, SECOND_SESSION]);
	});

	it('gives up after one renewal, with a hint', async () => {
		yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
		yuki.always('Administrations', { fixture: 'Fault.InvalidSession' });
		try {
			await assert.rejects(createYukiClient(settings()).administrations(), (error: YukiError) => {
				assert.equal(error.kind, 'fault');
				assert.equal(error.hint, SESSION_HINT);
				assert.equal(error.mayHaveReachedYuki, false);
				return true;
			});
			assert.deepEqual(yuki.operations(), ['Authenticate', 'Administrations', 'Authenticate', 'Administrations']);
		} finally {
			yuki.always('Administrations', { fixture: 'Administrations' });
		}
	});

	it('reuses the renewed session in later runs', async () => {
		const connection = settings();
		yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
		yuki.reply('Administrations', { fixture: 'Fault.InvalidSession' });
		await createYukiClient(connection).administrations();
		await createYukiClient(connection).documentFolders();
		assert.deepEqual(sessionOf('DocumentFolders'), [SECOND_SESSION]);
		assert.equal(yuki.operations().filter((operation) => operation === 'Authenticate').length, 2);
	});

	it('does not repeat a call that failed for another reason', async () => {
		yuki.reply('ProcessSalesInvoices', { fixture: 'Fault.NotLicensed' });
		await assert.rejects(createYukiClient(settings()).processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'), YukiError);
		assert.deepEqual(yuki.operations(), ['Authenticate', 'ProcessSalesInvoices']);
	});

	it('renews a session that is 20 hours old', async () => {
		let clock = new Date('2026-11-20T08:00:00Z');
		const connection = settings();
		const now = () => clock;
		yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
		await createYukiClient(connection, { now }).administrations();
		clock = new Date('2026-11-21T03:59:00Z');
		await createYukiClient(connection, { now }).administrations();
		assert.equal(yuki.operations().filter((operation) => operation === 'Authenticate').length, 1, 'still fresh after 19 h 59 min');
		clock = new Date('2026-11-21T04:00:00Z');
		await createYukiClient(connection, { now }).administrations();
		assert.equal(yuki.operations().filter((operation) => operation === 'Authenticate').length, 2);
		assert.deepEqual(sessionOf('Administrations'), [FIRST_SESSION, FIRST_SESSION, SECOND_SESSION]);
	});

	it('sets the current domain right after signing in, only when a domain ID is set', async () => {
		await createYukiClient(settings()).administrations();
		assert.ok(!yuki.operations().includes('SetCurrentDomain'));

		yuki.requests.length = 0;
		const domainId = 'e9570a5f-9339-452b-b621-144dd8574468';
		const client = createYukiClient(settings({ domainId }));
		await client.administrations();
		await client.documentFolders();
		assert.deepEqual(yuki.operations(), ['Authenticate', 'SetCurrentDomain', 'Administrations', 'DocumentFolders']);
		assert.deepEqual(yuki.requests[1].parameters, [
			['sessionID', FIRST_SESSION],
			['domainID', domainId],
		]);
	});

	it('uses a client session from AuthenticateClient for purchase invoices only', async () => {
		const client = createYukiClient(settings({ clientId: 'client-1', clientSecret: 'secret-of-client-1', domainId: 'dom-1' }));
		await client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>');
		await client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>');
		await client.processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>');
		assert.deepEqual(yuki.operations(), [
			'AuthenticateClient',
			'SetCurrentDomain',
			'ProcessPurchaseInvoices',
			'ProcessPurchaseInvoices',
			'Authenticate',
			'SetCurrentDomain',
			'ProcessSalesInvoices',
		]);
		assert.equal(yuki.requests[0].path, '/ws/Purchase.asmx');
	});
});

describe('sessions under concurrency', () => {
	beforeEach(() => {
		yuki.requests.length = 0;
		resetTransportCaches();
	});

	it('renews a refused session once for calls that were refused together', async () => {
		yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
		yuki.reply('Administrations', { fixture: 'Fault.InvalidSession' });
		yuki.reply('DocumentFolders', { fixture: 'Fault.InvalidSession' });
		const client = createYukiClient(settings());
		await client.activeVatCodes(ADMINISTRATION);
		await Promise.all([client.administrations(), client.documentFolders()]);
		assert.equal(yuki.operations().filter((operation) => operation === 'Authenticate').length, 2);
		assert.deepEqual(sessionOf('Administrations'), [FIRST_SESSION, SECOND_SESSION]);
		assert.deepEqual(sessionOf('DocumentFolders'), [FIRST_SESSION, SECOND_SESSION]);
	});
});

describe('repeating a call after a session fault', () => {
	const fault = (text: string) => ({
		status: 500,
		body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${text}</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
	});
	const upload = { administrationId: ADMINISTRATION, fileName: 'bon.pdf', data: Buffer.from('%PDF-1.4'), folder: 8, amount: '26.40', paymentMethod: 0 };

	it('never signs in again and resends a Process or Upload call on a fault that merely mentions "session"', async () => {
		for (const text of ['Timeout while saving the session state of invoice VF-0001', 'Session: invalid session ID', 'Invalid session ID detected after booking 2 invoices; rolled back 1']) {
			yuki.requests.length = 0;
			resetTransportCaches();
			yuki.reply('ProcessSalesInvoices', fault(text));
			await assert.rejects(createYukiClient(settings()).processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'), (error: YukiError) => {
				assert.equal(error.kind, 'fault');
				return true;
			});
			assert.deepEqual(yuki.operations(), ['Authenticate', 'ProcessSalesInvoices'], text);

			yuki.requests.length = 0;
			yuki.reply('UploadDocumentWithData', fault(text));
			await assert.rejects(createYukiClient(settings()).uploadDocument(upload), YukiError);
			assert.deepEqual(yuki.operations(), ['Authenticate', 'UploadDocumentWithData'], text);
		}
	});

	it('repeats a Process or Upload call once after the exact session fault Yuki raises before processing', async () => {
		for (const text of [
			'System.Web.Services.Protocols.SoapException: Invalid session ID',
			'Invalid session ID.',
			'invalid session id: the session does not exist or has expired',
		]) {
			yuki.requests.length = 0;
			resetTransportCaches();
			yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
			yuki.reply('UploadDocumentWithData', fault(text));
			assert.equal(await createYukiClient(settings()).uploadDocument(upload), '5d5a3213-34ed-4c96-bf2f-f6bb23804597', text);
			assert.deepEqual(yuki.operations(), ['Authenticate', 'UploadDocumentWithData', 'Authenticate', 'UploadDocumentWithData'], text);
			assert.deepEqual(sessionOf('UploadDocumentWithData'), [FIRST_SESSION, SECOND_SESSION]);
		}
	});

	it('repeats a read call after any fault that mentions the session (nothing can be booked twice)', async () => {
		yuki.reply('Authenticate', authenticateAnswer(FIRST_SESSION), authenticateAnswer(SECOND_SESSION));
		yuki.reply('Administrations', fault('Your session has timed out, please log in'));
		await createYukiClient(settings()).administrations();
		assert.deepEqual(yuki.operations(), ['Authenticate', 'Administrations', 'Authenticate', 'Administrations']);
	});
});

describe('sessions belong to the exact credential', () => {
	const client = { clientId: 'client-1', clientSecret: 'secret-of-client-1' };
	const invalidClient = {
		status: 500,
		body: '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Invalid client ID or client secret</faultstring></soap:Fault></soap:Body></soap:Envelope>',
	};

	it('does not accept a wrong client secret while a session of the right one is cached', async () => {
		const right = settings(client);
		await createYukiClient(right).processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>');
		yuki.reply('AuthenticateClient', invalidClient);
		await assert.rejects(
			createYukiClient({ ...right, clientSecret: 'a-wrong-secret' }).processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>'),
			(error: YukiError) => {
				assert.equal(error.operation, 'AuthenticateClient');
				assert.equal(error.kind, 'fault');
				return true;
			},
		);
		assert.deepEqual(yuki.operations(), ['AuthenticateClient', 'ProcessPurchaseInvoices', 'AuthenticateClient']);
		assert.deepEqual(
			yuki.requests.filter((request) => request.operation === 'AuthenticateClient').map((request) => request.parameters[1][1]),
			['secret-of-client-1', 'a-wrong-secret'],
		);
	});

	it('keeps sessions apart for every part of the credential: access key, client ID, client secret, domain, URL', async () => {
		const base = settings(client);
		const variants = [
			base,
			{ ...base, accessKey: `${base.accessKey}-other` },
			{ ...base, clientId: 'client-2' },
			{ ...base, clientSecret: 'secret-2' },
			{ ...base, domainId: 'dom-2' },
			{ ...base, customBaseUrl: `${base.customBaseUrl}/` .replace(/\/$/, '/ws') },
			{ ...base, customBaseUrl: base.customBaseUrl?.replace('127.0.0.1', 'localhost') },
		];
		for (const variant of variants) await createYukiClient(variant).administrations();
		assert.equal(yuki.operations().filter((operation) => operation === 'Authenticate').length, 6, 'the same URL written with /ws shares the session');
	});
});
