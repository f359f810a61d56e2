import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createYukiClient } from '../../../helpers/n8nRequest';
import { ACCESS_KEY_HINT, DOMAIN_HINT, NOT_LICENSED_HINT, QUOTA_HINT } from '../../../../nodes/Yuki/transport/faults';
import type { YukiConnectionSettings } from '../../../../nodes/Yuki/transport/types';
import { YukiError } from '../../../../nodes/Yuki/transport/types';
import { fixture, uniqueAccessKey } from './fakeYuki';
import { closedPort, useFakeYuki } from './fixtureServer';

const ADMINISTRATION = 'e5151219-a7bd-44f7-b9b2-a87d379e71f6';

const { yuki, settings } = useFakeYuki();

function client(extra: Partial<YukiConnectionSettings> = {}) {
	return createYukiClient(settings(extra));
}

async function failure(promise: Promise<unknown>): Promise<YukiError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof YukiError, `expected a YukiError, got ${String(error)}`);
		return error;
	}
	assert.fail('the call should have failed');
}

describe('faults', () => {
	it('reports an HTTP 500 SOAP fault with Yuki\'s text and the access-key hint', async () => {
		yuki.reply('Authenticate', { fixture: 'Fault.InvalidAccessKey' });
		const error = await failure(client().administrations());
		assert.equal(error.kind, 'fault');
		assert.equal(error.operation, 'Authenticate');
		assert.equal(error.service, 'Accounting');
		assert.equal(error.httpStatus, 500);
		assert.equal(error.faultCode, 'soap:Server');
		assert.equal(error.faultString, 'System.Web.Services.Protocols.SoapException: Invalid access key');
		assert.equal(error.hint, ACCESS_KEY_HINT);
		assert.equal(error.mayHaveReachedYuki, false);
		assert.match(error.message, /Invalid access key/);
		assert.deepEqual(yuki.operations(), ['Authenticate'], 'nothing is called after a failed sign-in');
	});

	it('reports a fault inside an HTTP 200 answer the same way', async () => {
		yuki.reply('Administrations', { fixture: 'Fault.NotLicensed', status: 200 });
		const error = await failure(client().administrations());
		assert.equal(error.kind, 'fault');
		assert.equal(error.httpStatus, 200);
		assert.equal(error.faultString, 'The domain is not licensed for this functionality');
		assert.equal(error.hint, NOT_LICENSED_HINT);
	});

	it('explains the daily limit and a missing domain', async () => {
		yuki.reply('ActiveVATCodesList', { fixture: 'Fault.DailyLimit' });
		const quota = await failure(client().activeVatCodes(ADMINISTRATION));
		assert.equal(quota.faultString, 'Daily limit exceeded');
		assert.equal(quota.hint, QUOTA_HINT);
		assert.match(quota.hint ?? '', /1,000 .* a day per domain/);

		yuki.reply('Administrations', { fixture: 'Fault.ValidDomain' });
		const domain = await failure(client().administrations());
		assert.equal(domain.hint, DOMAIN_HINT);
	});

	it('asks for the Purchase client ID and secret before calling anything', async () => {
		const error = await failure(client({ clientId: 'only-an-id' }).processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>'));
		assert.equal(error.kind, 'configuration');
		assert.equal(error.operation, 'ProcessPurchaseInvoices');
		assert.match(error.hint ?? '', /ask Yuki support to enable the Purchase service/);
		assert.match(error.hint ?? '', /client ID and secret/);
		assert.equal(yuki.requests.length, 0);
	});
});

describe('answers that are not SOAP', () => {
	it('calls an HTML page in a 200 answer malformed', async () => {
		yuki.reply('Administrations', { body: '<html><body>Maintenance</body></html>', contentType: 'text/html' });
		const error = await failure(client().administrations());
		assert.equal(error.kind, 'malformed');
		assert.equal(error.mayHaveReachedYuki, true);
		assert.match(error.message, /could not be read/);
	});

	it('calls a truncated document malformed, and does not repeat a Process call', async () => {
		const full = fixture('ProcessSalesInvoices');
		yuki.reply('ProcessSalesInvoices', { body: full.slice(0, full.length - 120) });
		const error = await failure(client().processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'));
		assert.equal(error.kind, 'malformed');
		assert.equal(error.mayHaveReachedYuki, true);
		assert.match(error.message, /truncated/);
		assert.equal(yuki.operations().filter((operation) => operation === 'ProcessSalesInvoices').length, 1);
	});

	it('reports an HTTP 404 as a wrong base URL or region, not reached', async () => {
		yuki.reply('Administrations', { body: 'Not Found', status: 404, contentType: 'text/plain' });
		const error = await failure(client().administrations());
		assert.equal(error.kind, 'http');
		assert.equal(error.httpStatus, 404);
		assert.equal(error.mayHaveReachedYuki, false);
		assert.match(error.hint ?? '', /base URL or region/);
	});

	it('reports an HTTP 500 without a fault as an unreadable answer', async () => {
		yuki.reply('Administrations', { body: 'Server Error', status: 500, contentType: 'text/plain' });
		const error = await failure(client().administrations());
		assert.equal(error.kind, 'malformed');
		assert.equal(error.mayHaveReachedYuki, true);
	});
});

describe('network', () => {
	it('reports a refused connection as network, not reached, naming the host', async () => {
		const port = await closedPort();
		const refused = client({ customBaseUrl: `http://127.0.0.1:${port}` });
		const error = await failure(refused.administrations());
		assert.equal(error.kind, 'network');
		assert.equal(error.mayHaveReachedYuki, false);
		assert.match(error.message, new RegExp(`could not reach Yuki at 127\\.0\\.0\\.1:${port}`, 'i'));
		assert.match(error.message, /ECONNREFUSED/);
		assert.match(error.message, /region\/base URL/);
	});

	it('times out, aborts, and says the request may have reached Yuki', async () => {
		yuki.reply('ProcessSalesInvoices', { hang: true });
		const error = await failure(client({ timeoutMs: 2000 }).processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'));
		assert.equal(error.kind, 'timeout');
		assert.equal(error.mayHaveReachedYuki, true);
		assert.match(error.message, /did not answer Sales\.ProcessSalesInvoices/);
		assert.equal(yuki.operations().filter((operation) => operation === 'ProcessSalesInvoices').length, 1, 'never repeated');
	});

	it('reports a connection reset in the middle of the answer as network, possibly reached, not repeated', async () => {
		yuki.reply('UploadDocumentWithData', { resetMidResponse: fixture('UploadDocumentWithData') });
		const error = await failure(
			client().uploadDocument({ administrationId: ADMINISTRATION, fileName: 'a.pdf', data: Buffer.from('x'), folder: 1, amount: '1.00', paymentMethod: 0 }),
		);
		assert.equal(error.kind, 'network');
		assert.equal(error.mayHaveReachedYuki, true);
		assert.equal(yuki.operations().filter((operation) => operation === 'UploadDocumentWithData').length, 1);
	});

	it('reports a reset before any answer after the request was sent as possibly reached', async () => {
		yuki.reply('ProcessSalesInvoices', { resetBeforeAnswer: true });
		const error = await failure(client().processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'));
		assert.equal(error.kind, 'network');
		assert.equal(error.mayHaveReachedYuki, true);
		assert.equal(yuki.operations().filter((operation) => operation === 'ProcessSalesInvoices').length, 1);
	});
});

describe('settings that cannot work', () => {
	it('refuses plain http:// to a host that is not loopback before sending anything (the access key would travel unencrypted)', async () => {
		const error = await failure(client({ customBaseUrl: 'http://yuki.example.nl' }).administrations());
		assert.equal(error.kind, 'configuration');
		assert.equal(error.mayHaveReachedYuki, false);
		assert.match(error.message, /unencrypted/);
		assert.equal(yuki.requests.length, 0);
	});

	it('stops before any call without an access key or with an unknown region', async () => {
		const noKey = await failure(client({ accessKey: '  ' }).administrations());
		assert.equal(noKey.kind, 'configuration');
		assert.match(noKey.message, /access key/);
		const noRegion = await failure(createYukiClient({ region: 'xx' as never, accessKey: uniqueAccessKey() }).administrations());
		assert.equal(noRegion.kind, 'configuration');
		assert.match(noRegion.message, /region/);
		assert.equal(yuki.requests.length, 0);
	});
});

describe('redirects', () => {
	it('does not follow a redirect (the document would go elsewhere or be lost): a wrong base URL, not sent for processing', async () => {
		// A 307 keeps the method and body: following it would send the invoices a second time.
		yuki.reply('ProcessSalesInvoices', { body: '', status: 307, contentType: 'text/plain', location: `${yuki.baseUrl}/ws/Sales.asmx?again` });
		const error = await failure(client().processSalesInvoices(ADMINISTRATION, '<SalesInvoices/>'));
		assert.equal(error.kind, 'http');
		assert.equal(error.httpStatus, 307);
		assert.equal(error.mayHaveReachedYuki, false);
		assert.match(error.hint ?? '', /base URL/);
		assert.equal(yuki.operations().filter((operation) => operation === 'ProcessSalesInvoices').length, 1);
	});
});
