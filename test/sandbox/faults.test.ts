import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSandbox } from '../../sandbox/server';
import { administrations, authenticate, importResult, importSales, param, processSales, salesInvoiceXml, soapCall } from './soapHelpers';
import { withSandbox } from './support';

const booked = (sandbox: RunningSandbox, reference: string) => sandbox.state.invoices.some((invoice) => invoice.reference === reference);

describe('sandbox injected faults', () => {
	it('fault: HTTP 500 soap:Fault with the given text, operation not run', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'fault', operation: 'ProcessSalesInvoices', faultString: 'Kaboom & co' });
			const answer = await processSales(sandbox.url, session, salesInvoiceXml({ reference: 'F-1' }));
			assert.equal(answer.status, 500);
			assert.equal(answer.fault, 'Kaboom & co');
			assert.equal(booked(sandbox, 'F-1'), false);
			assert.equal(sandbox.calls.at(-1)!.fault, 'injected fault');
			assert.equal(sandbox.calls.at(-1)!.ok, false);
		}));

	it('fault-in-200: a soap:Fault inside an HTTP 200', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'fault-in-200' });
			const answer = await administrations(sandbox.url, session);
			assert.equal(answer.status, 200);
			assert.match(answer.fault!, /Server was unable to process request/);
		}));

	it('applies only to the named operation and as many times as asked', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'http-status', status: 502, operation: 'Administrations', times: 2 });
			assert.equal((await soapCall(sandbox.url, 'Accounting', 'Authenticate', param('accessKey', sandbox.demo.accessKey))).status, 200);
			const first = await administrations(sandbox.url, session);
			assert.equal(first.status, 502);
			assert.match(first.contentType, /text\/html/);
			assert.match(first.body, /<html>/);
			assert.equal((await administrations(sandbox.url, session)).status, 502);
			assert.equal((await administrations(sandbox.url, session)).status, 200);
		}));

	it('malformed: a non-XML HTTP 200 body, operation not run', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'malformed' });
			const answer = await processSales(sandbox.url, session, salesInvoiceXml({ reference: 'M-1' }));
			assert.equal(answer.status, 200);
			assert.equal(answer.result, undefined);
			assert.equal(answer.fault, undefined);
			assert.doesNotMatch(answer.body, /^</);
			assert.equal(booked(sandbox, 'M-1'), false);
		}));

	it('truncated: the XML is cut off, but the invoice was booked', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'truncated', operation: 'ProcessSalesInvoices' });
			const answer = await processSales(sandbox.url, session, salesInvoiceXml({ reference: 'T-1' }));
			assert.equal(answer.status, 200);
			assert.match(answer.body, /^<\?xml/);
			assert.doesNotMatch(answer.body, /<\/soap:Envelope>$/);
			assert.equal(answer.result, undefined);
			assert.equal(booked(sandbox, 'T-1'), true);
		}));

	it('drop: the connection closes without an answer, but the invoice was booked', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'drop', operation: 'ProcessSalesInvoices' });
			await assert.rejects(processSales(sandbox.url, session, salesInvoiceXml({ reference: 'D-1' })));
			assert.equal(booked(sandbox, 'D-1'), true);
			assert.deepEqual([sandbox.calls.at(-1)!.ok, sandbox.calls.at(-1)!.fault], [false, 'injected drop']);
			// A blind resend is caught as a duplicate, as Yuki would.
			const resend = await importSales(sandbox.url, session, salesInvoiceXml({ reference: 'D-1' }));
			assert.match(resend.invoices[0].Message, /already exists/);
		}));

	it('reset-mid-response: half an answer, then a reset; the invoice was booked', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'reset-mid-response', operation: 'ProcessSalesInvoices' });
			await assert.rejects(processSales(sandbox.url, session, salesInvoiceXml({ reference: 'R-1' })));
			assert.equal(booked(sandbox, 'R-1'), true);
		}));

	it('slow: answers late, the operation already applied', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'slow', delayMs: 30, operation: 'ProcessSalesInvoices' });
			const pending = processSales(sandbox.url, session, salesInvoiceXml({ reference: 'S-1' }));
			const answer = await pending;
			assert.equal(importResult(answer).totals.succeeded, 1);
			assert.equal(booked(sandbox, 'S-1'), true);
			assert.equal(sandbox.calls.at(-1)!.injected, 'slow');
			assert.equal(sandbox.calls.at(-1)!.ok, true);
		}));

	it('expire-session: the session dies just before the call', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'expire-session', operation: 'Administrations' });
			const answer = await administrations(sandbox.url, session);
			assert.equal(answer.status, 500);
			assert.match(answer.fault!, /session/i);
			const fresh = await authenticate(sandbox.url);
			assert.equal((await administrations(sandbox.url, fresh)).status, 200);
		}));

	it('quota-exhausted: the daily-limit fault, without using quota', () =>
		withSandbox(async (sandbox, session) => {
			const before = JSON.stringify(sandbox.state.quota);
			sandbox.injectFault({ kind: 'quota-exhausted' });
			const answer = await administrations(sandbox.url, session);
			assert.equal(answer.status, 500);
			assert.match(answer.fault!, /Daily limit/);
			assert.equal(JSON.stringify(sandbox.state.quota), before);
		}));

	it('xxe: an answer with a DOCTYPE whose external entity points at a local file', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'xxe' });
			const answer = await administrations(sandbox.url, session);
			assert.equal(answer.status, 200);
			assert.match(answer.body, /<!DOCTYPE[^>]*<!ENTITY xxe SYSTEM "file:\/\/\/etc\/passwd">/);
			assert.match(answer.body, /<AdministrationsResult>&xxe;<\/AdministrationsResult>/);
		}));

	it('clearFaults() drops pending faults; bad specs are refused', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.injectFault({ kind: 'fault', times: 5 });
			sandbox.clearFaults();
			assert.equal((await administrations(sandbox.url, session)).status, 200);
			assert.throws(() => sandbox.injectFault({ kind: 'explode' as never }), /Unknown fault kind/);
			assert.throws(() => sandbox.injectFault({ kind: 'slow', delayMs: -1 }), /delayMs/);
		}));
});
