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
