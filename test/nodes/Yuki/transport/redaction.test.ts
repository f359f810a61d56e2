import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createYukiClient } from '../../../helpers/n8nRequest';
import { Redactor } from '../../../../nodes/Yuki/transport/redact';
import type { YukiLogger } from '../../../../nodes/Yuki/transport/types';
import { YukiError } from '../../../../nodes/Yuki/transport/types';
import { useFakeYuki } from './fixtureServer';

const ACCESS_KEY = '7c2d4e6f-8a9b-4c1d-9e2f-3a4b5c6d7e8f';
const CLIENT_SECRET = 'S3cr3t-of-the-purchase-client';
const SESSION = 'a00912fb-558c-4165-a521-d3a095f88cc7';
const CLIENT_SESSION = 'c1c1c1c1-2222-4333-8444-555566667777';
const ADMINISTRATION = 'e5151219-a7bd-44f7-b9b2-a87d379e71f6';

const { yuki } = useFakeYuki();

function faultSaying(text: string) {
	return {
		status: 500,
		body: `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${text}</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
	};
}

class RecordingLogger implements YukiLogger {
	lines: string[] = [];
	debug(message: string, meta?: Record<string, unknown>) {
		this.lines.push(message + JSON.stringify(meta ?? {}));
	}
	warn(message: string, meta?: Record<string, unknown>) {
		this.lines.push(message + JSON.stringify(meta ?? {}));
	}
}

function assertNoSecret(text: string, where: string) {
	for (const secret of [ACCESS_KEY, CLIENT_SECRET, SESSION, CLIENT_SESSION]) {
		assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `${where} reveals ${secret}: ${text}`);
	}
}

function everythingOf(error: YukiError): string {
	return [error.message, error.stack, error.hint, error.faultString, JSON.stringify(error)].join('\n');
}

describe('secrets never leave the transport', () => {
	it('removes the access key, client secret and session IDs from errors and log lines', async () => {
		const logger = new RecordingLogger();
		const client = createYukiClient(
			{ region: 'custom', customBaseUrl: yuki.baseUrl, accessKey: ACCESS_KEY, clientId: 'client-1', clientSecret: CLIENT_SECRET },
			{ logger },
		);
		const errors: YukiError[] = [];
		const collect = (promise: Promise<unknown>) =>
			promise.then(
				() => assert.fail('expected a failure'),
				(error: YukiError) => errors.push(error),
			);

		// A read whose fault mentions the session is signed in again and repeated once: fail both times.
		const administrationsFault = faultSaying(`Access key ${ACCESS_KEY} has no rights (session ${SESSION.toUpperCase()})`);
		yuki.reply('Administrations', administrationsFault, administrationsFault);
		await collect(client.administrations());
		const purchaseFault = faultSaying(`Client secret ${CLIENT_SECRET} expired for sessionId=${CLIENT_SESSION}; rights missing`);
		// Not a known session fault: a Process call is not repeated.
		yuki.reply('ProcessPurchaseInvoices', purchaseFault);
		await collect(client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>'));
		yuki.reply('DocumentFolders', { body: `<html>${SESSION} ${ACCESS_KEY}</html>` });
		await collect(client.documentFolders());

		assert.equal(errors.length, 3);
		for (const error of errors) assertNoSecret(everythingOf(error), `error ${error.operation}`);
		assert.match(errors[0].faultString ?? '', /Access key \[redacted\] has no rights \(session \[redacted\]\)/);
		assert.ok(logger.lines.length >= 5, 'one line per call');
		for (const line of logger.lines) assertNoSecret(line, 'log line');
		// The requests themselves do carry them: that is where they belong.
		assert.ok(yuki.requests.some((request) => request.body.includes(ACCESS_KEY)));
	});

	it('removes every form of every secret: any case, GUIDs without dashes or with other separators', async () => {
		const logger = new RecordingLogger();
		const client = createYukiClient(
			{ region: 'custom', customBaseUrl: yuki.baseUrl, accessKey: ACCESS_KEY, clientId: 'client-1', clientSecret: CLIENT_SECRET },
			{ logger },
		);
		const bare = (guid: string) => guid.replace(/-/g, '');
		const forms = [
			bare(ACCESS_KEY),
			bare(ACCESS_KEY).toUpperCase(),
			`{${ACCESS_KEY.toUpperCase()}}`,
			ACCESS_KEY.replace(/-/g, ' '),
			CLIENT_SECRET.toUpperCase(),
			CLIENT_SECRET.replace(/-/g, ''),
			bare(CLIENT_SESSION).toUpperCase(),
			bare(SESSION),
		];
		const echo = faultSaying(`Not allowed: ${forms.join(' / ')}`);
		// The client has seen both sessions; the fault is no session fault, so the Process call fails once.
		await client.administrations();
		await client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>');
		yuki.reply('ProcessPurchaseInvoices', echo);
		const error = await client.processPurchaseInvoices(ADMINISTRATION, '<PurchaseInvoices/>').then(
			() => assert.fail('expected a failure'),
			(failure: YukiError) => failure,
		);
		const text = everythingOf(error) + logger.lines.join('\n');
		for (const form of forms) assert.ok(!text.toLowerCase().includes(form.toLowerCase()), `${form} was not redacted: ${error.faultString}`);
		assert.doesNotMatch(error.faultString ?? '', /[0-9a-f]{8}/i);
		assert.match(error.faultString ?? '', /^Not allowed: \[redacted\] \/ /);
	});

	it('leaves ordinary text alone', () => {
		const redactor = new Redactor();
		redactor.add(ACCESS_KEY);
		assert.equal(redactor.redact('Invoice VF-0001 of 7c2d-4e6f: not a key'), 'Invoice VF-0001 of 7c2d-4e6f: not a key');
	});

	it('finds every form in plain ASCII text, in text with other characters, and secrets with non-ASCII letters', () => {
		const redactor = new Redactor();
		redactor.add('5a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d');
		redactor.add('geheim-sleutel-kort');
		redactor.add('Ünïcode-Sécret');
		const cases: Array<[string, string]> = [
			['key 5A7B1C2D3E4F4A5B8C6D7E8F9A0B1C2D end', 'key [redacted] end'],
			['key {5a7b 1c2d.3e4f/4a5b_8c6d 7e8f-9a0b 1c2d} end', 'key {[redacted]} end'],
			['clé 5a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d — fin', 'clé [redacted] — fin'],
			['GEHEIM SLEUTEL KORT and geheim-sleutel-kort', '[redacted] and [redacted]'],
			// Kelvin sign (U+212A) folds to k: the same secret to a case-insensitive reader.
			['geheim-sleutel-\u212Aort', '[redacted]'],
			['ünïcode sécret', '[redacted]'],
			['nothing here 5a7b1c2d', 'nothing here 5a7b1c2d'],
		];
		for (const [text, expected] of cases) assert.equal(redactor.redact(text), expected, text);
	});

	it('removes a session ID Yuki echoes back even when this client never saw it', () => {
		const redactor = new Redactor();
		assert.equal(
			redactor.redact('Session 0b7c6a4e-1111-4222-8333-944445555666 has expired; administration e5151219-a7bd-44f7-b9b2-a87d379e71f6'),
			'Session [redacted] has expired; administration e5151219-a7bd-44f7-b9b2-a87d379e71f6',
		);
		assert.equal(redactor.redact('Invalid sessionID: 0B7C6A4E-1111-4222-8333-944445555666'), 'Invalid sessionID: [redacted]');
		assert.equal(redactor.redact('session 0b7c6a4e111142228333944445555666 expired'), 'session [redacted] expired');
	});

	it('logs one line per call with service, operation, administration, duration, outcome and size, never the document', async () => {
		const logger = new RecordingLogger();
		const client = createYukiClient({ region: 'custom', customBaseUrl: yuki.baseUrl, accessKey: ACCESS_KEY }, { logger });
		await client.processSalesInvoices(ADMINISTRATION, '<SalesInvoices><SalesInvoice><Subject>Geheim project</Subject></SalesInvoice></SalesInvoices>');
		assert.equal(logger.lines.length, 2);
		assert.match(logger.lines[1], /^Yuki Sales\.ProcessSalesInvoices: ok/);
		const meta = JSON.parse(logger.lines[1].slice(logger.lines[1].indexOf('{'))) as Record<string, unknown>;
		assert.equal(meta.service, 'Sales');
		assert.equal(meta.operation, 'ProcessSalesInvoices');
		assert.equal(meta.administrationId, ADMINISTRATION);
		assert.equal(meta.outcome, 'ok');
		assert.equal(typeof meta.durationMs, 'number');
		assert.ok((meta.requestBytes as number) > 0 && (meta.responseBytes as number) > 0);
		for (const line of logger.lines) assert.ok(!line.includes('Geheim project'));
	});
});
