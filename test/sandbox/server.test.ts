import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { startSandbox } from '../../sandbox/server';
import type { RunningSandbox } from '../../sandbox/server';
import { textOf } from '../../sandbox/xml';
import { administrations, authenticate, authenticateClient, envelope, findAll, items, outstanding, param, processSales, salesInvoiceXml, soapCall } from './soapHelpers';
import { withSandbox } from './support';

describe('sandbox protocol strictness', () => {
	let sandbox: RunningSandbox;
	let session: string;
	before(async () => {
		sandbox = await startSandbox();
		session = await authenticate(sandbox.url);
	});
	after(() => sandbox.close());

	it('serves every service on loopback under /ws/<Service>.asmx', async () => {
		assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
		for (const service of ['Accounting', 'AccountingInfo', 'Archive', 'Purchase', 'Sales', 'Vat']) {
			const answer = await soapCall(sandbox.url, service, 'Authenticate', param('accessKey', DEMO.accessKey));
			assert.equal(answer.status, 200, service);
			assert.match(textOf(answer.result!), /^[0-9a-f-]{36}$/);
		}
	});

	it('rejects a SOAPAction without quotes or for another namespace like ASMX', async () => {
		for (const soapAction of ['http://www.theyukicompany.com/Administrations', '"http://www.theyukicompany.com/administrations"', '"Administrations"']) {
			const answer = await soapCall(sandbox.url, 'Accounting', 'Administrations', param('sessionID', session), { soapAction });
			assert.equal(answer.status, 500);
			assert.match(answer.fault!, /^Server did not recognize the value of HTTP Header SOAPAction/);
		}
	});

	it('rejects an operation sent to the wrong service', async () => {
		const answer = await soapCall(sandbox.url, 'Sales', 'Administrations', param('sessionID', session));
		assert.equal(answer.status, 500);
		assert.match(answer.fault!, /SOAPAction: http:\/\/www\.theyukicompany\.com\/Administrations/);
	});

	it('rejects a body element in another namespace', async () => {
		const body = envelope('Administrations', param('sessionID', session), 'http://www.theyukicompany.com');
		const answer = await soapCall(sandbox.url, 'Accounting', 'Administrations', '', { body });
		assert.equal(answer.status, 500);
		assert.match(answer.fault!, /was not expected/);
	});

	it('rejects a content type other than text/xml', async () => {
		const answer = await soapCall(sandbox.url, 'Accounting', 'Administrations', param('sessionID', session), { contentType: 'application/json' });
		assert.equal(answer.status, 415);
	});

	it('treats a wrongly cased parameter as absent and answers with a misleading session fault', async () => {
		const wrongCase = await soapCall(sandbox.url, 'Accounting', 'Administrations', param('sessionId', session));
		assert.equal(wrongCase.status, 500);
		assert.match(wrongCase.fault!, /session/i);
		// ProcessSalesInvoices wants sessionId/administrationId: the capital-ID spelling fails the same way,
		// in the session's name as well as in the administration's alone.
		const sales = (sessionName: string) =>
			soapCall(sandbox.url, 'Sales', 'ProcessSalesInvoices', param(sessionName, session) + param('administrationID', DEMO.organisation.id) + '<xmlDoc/>');
		assert.match((await sales('sessionID')).fault!, /session/i);
		assert.match((await sales('sessionId')).fault!, /session/i);
	});

	it('treats parameters out of WSDL order as absent', async () => {
		const answer = await soapCall(
			sandbox.url,
			'Accounting',
			'OutstandingDebtorItems',
			param('administrationID', DEMO.organisation.id) + param('sessionID', session) + param('includeBankTransactions', 'false') + param('sortOrder', 'DateAsc'),
		);
		assert.equal(answer.status, 500);
		assert.match(answer.fault!, /session/i);
	});

	it('accepts prefixed parameters in the Yuki namespace', async () => {
		const body =
			'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
			`<y:Administrations xmlns:y="http://www.theyukicompany.com/"><y:sessionID>${session}</y:sessionID></y:Administrations>` +
			'</s:Body></s:Envelope>';
		const answer = await soapCall(sandbox.url, 'Accounting', 'Administrations', '', { body });
		assert.equal(answer.status, 200);
		assert.equal(findAll(answer.result!, 'Administration').length, 2);
	});

	it('reads xsi:nil as a missing value and refuses an XML declaration inside xmlDoc', async () => {
		const nil = await soapCall(
			sandbox.url,
			'Accounting',
			'Administrations',
			'<sessionID xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true" />',
		);
		assert.match(nil.fault!, /session/i);
		const declared = await soapCall(
			sandbox.url,
			'Sales',
			'ProcessSalesInvoices',
			param('sessionId', session) + param('administrationId', DEMO.organisation.id) + '<xmlDoc><?xml version="1.0" encoding="utf-8"?><SalesInvoices/></xmlDoc>',
		);
		assert.equal(declared.status, 500);
		assert.match(declared.fault!, /^Server was unable to read request.*XML declaration/);
	});

	it('refuses a request carrying a DTD', async () => {
		const body = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + envelope('Administrations', `<sessionID>${session}&e;</sessionID>`);
		const answer = await soapCall(sandbox.url, 'Accounting', 'Administrations', '', { body });
		assert.equal(answer.status, 500);
		assert.match(answer.fault!, /DTD is prohibited/);
	});
});

describe('sandbox sessions and quota', () => {
	it('rejects an unknown access key with "Invalid access key"', async () => {
		const sandbox = await startSandbox();
		try {
			const answer = await soapCall(sandbox.url, 'Accounting', 'Authenticate', param('accessKey', '00000000-0000-0000-0000-000000000000'));
			assert.equal(answer.status, 500);
			assert.equal(answer.fault, 'Invalid access key');
		} finally {
			await sandbox.close();
		}
	});

	it('lets a session expire after its lifetime', async () => {
		let clock = new Date('2025-11-20T10:00:00Z');
		await withSandbox(
			async (sandbox, session) => {
				assert.equal((await administrations(sandbox.url, session)).status, 200);
				clock = new Date('2025-11-20T10:01:01Z');
				const expired = await administrations(sandbox.url, session);
				assert.equal(expired.status, 500);
				assert.match(expired.fault!, /session/i);
				const fresh = await authenticate(sandbox.url);
				assert.equal((await administrations(sandbox.url, fresh)).status, 200);
			},
			{ now: () => clock, sessionTtlMs: 60_000 },
		);
	});

	it('expireSessions() kills every session', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.expireSessions();
			const answer = await administrations(sandbox.url, session);
			assert.match(answer.fault!, /session/i);
		}));

	it('counts every call, Authenticate included, per domain and day, then answers "Daily limit"', async () => {
		let clock = new Date('2025-11-20T22:30:00Z'); // 23:30 in Amsterdam
		// withSandbox's Authenticate, which opens the session, is call 1.
		await withSandbox(
			async (sandbox, session) => {
				await administrations(sandbox.url, session); // 2
				await authenticate(sandbox.url, DEMO.departmentAccessKey); // 3: same domain
				const over = await administrations(sandbox.url, session);
				assert.equal(over.status, 500);
				assert.match(over.fault!, /Daily limit/);
				assert.match((await soapCall(sandbox.url, 'Accounting', 'Authenticate', param('accessKey', DEMO.accessKey))).fault!, /Daily limit/);
				clock = new Date('2025-11-20T23:05:00Z'); // past midnight in Amsterdam: a new day
				assert.equal((await administrations(sandbox.url, session)).status, 200);
				sandbox.resetQuota();
				assert.deepEqual(sandbox.state.quota, {});
			},
			{ dailyQuota: 3, now: () => clock },
		);
	});

	it('lets the department key reach only the department administration', async () => {
		const sandbox = await startSandbox();
		try {
			const session = await authenticate(sandbox.url, DEMO.departmentAccessKey);
			const answer = await administrations(sandbox.url, session);
			assert.deepEqual(findAll(answer.result!, 'Administration').map((admin) => admin.attrs.ID), [DEMO.department.id]);
			const denied = await outstanding(sandbox.url, session, 'Debtor', 'DateAsc', DEMO.organisation.id);
			assert.equal(denied.status, 500);
			assert.doesNotMatch(denied.fault!, /session/i);
			assert.equal(items(await outstanding(sandbox.url, session, 'Debtor', 'DateAsc', DEMO.department.id)).length, 1);
		} finally {
			await sandbox.close();
		}
	});

	it('checks the domain in SetCurrentDomain and resolves AdministrationID by name', () =>
		withSandbox(async (sandbox, session) => {
			const ok = await soapCall(sandbox.url, 'Accounting', 'SetCurrentDomain', param('sessionID', session) + param('domainID', DEMO.domainId));
			assert.equal(ok.status, 200);
			assert.match(ok.body, /<SetCurrentDomainResponse xmlns="http:\/\/www\.theyukicompany\.com\/" \/>/);
			const wrong = await soapCall(sandbox.url, 'Accounting', 'SetCurrentDomain', param('sessionID', session) + param('domainID', '11111111-1111-1111-1111-111111111111'));
			assert.equal(wrong.fault, 'Webservice calls have to be made on a valid domain');
			const id = await soapCall(sandbox.url, 'Accounting', 'AdministrationID', param('sessionID', session) + param('administrationName', DEMO.department.name));
			assert.equal(textOf(id.result!), DEMO.department.id);
		}));

	it('issues client sessions with AuthenticateClient only for the right ID and secret', async () => {
		const sandbox = await startSandbox();
		try {
			assert.match(await authenticateClient(sandbox.url), /^[0-9a-f-]{36}$/);
			const wrong = await soapCall(
				sandbox.url,
				'Purchase',
				'AuthenticateClient',
				param('clientID', DEMO.clientId) + param('clientSecret', 'wrong') + param('accessKey', DEMO.accessKey),
			);
			assert.equal(wrong.status, 500);
			assert.doesNotMatch(wrong.body, /wrong|demo-secret/);
		} finally {
			await sandbox.close();
		}
	});
});

describe('sandbox call log, admin endpoints and state file', () => {
	it('records every SOAP call in order', () =>
		withSandbox(async (sandbox, session) => {
			await outstanding(sandbox.url, session, 'Debtor');
			await soapCall(sandbox.url, 'Accounting', 'Administrations', param('sessionId', session));
			assert.deepEqual(
				sandbox.calls.map((call) => [call.service, call.operation, call.ok, call.administrationId]),
				[
					['Accounting', 'Authenticate', true, undefined],
					['Accounting', 'OutstandingDebtorItems', true, DEMO.organisation.id],
					['Accounting', 'Administrations', false, undefined],
				],
			);
			assert.match(sandbox.calls[2].fault!, /session/i);
			const viaHttp = (await (await fetch(`${sandbox.url}/sandbox/calls`)).json()) as unknown[];
			assert.equal(viaHttp.length, 3);
		}));

	it('offers payments, bulk open items, faults, state and reset over HTTP', async () => {
		const sandbox = await startSandbox();
		const post = (path: string, body?: unknown, method = 'POST') =>
			fetch(`${sandbox.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		try {
			const paid = await post('/sandbox/payments', { reference: 'DEMO-2025-003', amount: '99.95' });
			assert.equal(paid.status, 200);
			assert.equal(((await paid.json()) as { fullyPaid: boolean }).fullyPaid, true);
			const tooMuch = await post('/sandbox/payments', { reference: 'DEMO-2025-001', amount: 5000 });
			assert.equal(tooMuch.status, 400);
			assert.match(((await tooMuch.json()) as { error: string }).error, /more than the open amount/);
			const bulk = await post('/sandbox/open-items', { count: 3, side: 'creditor' });
			assert.deepEqual(await bulk.json(), { created: 3, firstReference: 'BULK-000001', lastReference: 'BULK-000003' });
			assert.equal((await post('/sandbox/faults', { kind: 'nonsense' })).status, 400);
			assert.equal((await post('/sandbox/faults', { kind: 'fault', operation: 'Administrations', times: 2 })).status, 200);
			const pending = (await (await fetch(`${sandbox.url}/sandbox/faults`)).json()) as Array<{ times: number }>;
			assert.equal(pending[0].times, 2);
			assert.equal((await post('/sandbox/faults', undefined, 'DELETE')).status, 200);
			const state = (await (await fetch(`${sandbox.url}/sandbox/state`)).json()) as { items: Array<{ reference: string; openAmount: string }> };
			assert.equal(state.items.find((item) => item.reference === 'DEMO-2025-003')!.openAmount, '0.00');
			assert.equal(state.items.filter((item) => item.reference.startsWith('BULK-')).length, 3);
			assert.equal((await post('/sandbox/reset')).status, 200);
			assert.equal(sandbox.state.items.find((item) => item.reference === 'DEMO-2025-003')!.openAmount, '99.95');
			assert.equal(sandbox.calls.length, 0);
			assert.equal((await fetch(`${sandbox.url}/sandbox/nothing`)).status, 404);
			const demo = (await (await fetch(`${sandbox.url}/sandbox/demo`)).json()) as typeof DEMO;
			assert.equal(demo.accessKey, DEMO.accessKey);
			assert.equal(demo.organisation.id, DEMO.organisation.id);
		} finally {
			await sandbox.close();
		}
	});

	it('saves the state on every change and loads it at the next start', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'yuki-sandbox-'));
		const stateFile = join(dir, 'state.json');
		try {
			const first = await startSandbox({ stateFile });
			const session = await authenticate(first.url);
			const booked = await processSales(first.url, session, salesInvoiceXml({ reference: 'SAVE-1' }));
			assert.equal(booked.status, 200);
			first.recordPayment('SAVE-1', '21.00');
			await first.close();
			assert.ok(existsSync(stateFile));
			assert.ok(JSON.parse(readFileSync(stateFile, 'utf8')).invoices.some((invoice: { reference: string }) => invoice.reference === 'SAVE-1'));

			const second = await startSandbox({ stateFile });
			try {
				// Sessions survive a restart too, like Yuki's do.
				const open = items(await outstanding(second.url, session, 'Debtor')).find((item) => item.Reference === 'SAVE-1');
				assert.equal(open?.OpenAmount, '100.00');
				assert.equal(open?.OriginalAmount, '121.00');
				second.save(join(dir, 'copy.json'));
				assert.deepEqual(JSON.parse(readFileSync(join(dir, 'copy.json'), 'utf8')), JSON.parse(readFileSync(stateFile, 'utf8')));
			} finally {
				await second.close();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses to start on a file that is not a sandbox state, naming the file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'yuki-sandbox-'));
		try {
			const broken = join(dir, 'broken.json');
			writeFileSync(broken, '{ "items": ');
			await assert.rejects(startSandbox({ stateFile: broken }), /broken\.json is not a readable sandbox state file/);
			const other = join(dir, 'other.json');
			writeFileSync(other, '{"name": "something else"}');
			await assert.rejects(startSandbox({ stateFile: other }), /other\.json is not a sandbox state file/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
