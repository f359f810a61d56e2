/**
 * Issue 9, transport and credentials (failures 6, 11, 12, 14): a Process call is repeated only on
 * the exact session fault Yuki raises before processing; sessions belong to the exact credential;
 * every form of every secret is redacted; the access key never travels over plain HTTP to another host.
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { INodeParameters } from 'n8n-workflow';
import type { RunningSandbox } from '../../../sandbox/server';
import { testCredential } from '../../helpers';
import type { TestItem } from '../../helpers';
import { capture } from '../capture';
import { closeSandbox, credentialsFor, openSandbox, runNode } from '../env';
import { figures } from '../figures';
import { purchaseInvoiceInput, salesInvoiceInput, samplePdf } from '../samples';
import { doubleBookingsIn, scenario } from '../scenario';

const SALES: INodeParameters = { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' };
const PURCHASE: INodeParameters = { resource: 'purchaseInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '', binaryPropertyName: 'data' };
const ADMINISTRATIONS: INodeParameters = { resource: 'administration', operation: 'getMany' };

const sales = (reference: string): TestItem[] => [{ json: salesInvoiceInput.json(reference) }];
const purchase = (reference: string): TestItem[] => [
	{ json: purchaseInvoiceInput.json(reference), binary: { data: { data: samplePdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' } } },
];
const calls = (sandbox: RunningSandbox, operation: string) => sandbox.calls.filter((call) => call.operation === operation).length;

/** Called by the suite (reliability.test.ts), which loads every file of scenarios/. */
export function describeScenarios(): void {
	describe('trust: sessions, secrets and the wire', () => {
		let sandbox: RunningSandbox;
		before(async () => {
			sandbox = await openSandbox();
		});
		after(async () => await closeSandbox(sandbox));
		const credentials = () => credentialsFor(sandbox);

		scenario(6, 'a fault that merely mentions "session" after a Process call: no sign-in, no resend; the exact session fault is repeated once', async () => {
			await runNode('#6 warm-up', sandbox, { parameters: ADMINISTRATIONS, items: [{ json: {} }], credentials: credentials() });
			const before = calls(sandbox, 'ProcessSalesInvoices');
			sandbox.injectFault({ kind: 'fault', operation: 'ProcessSalesInvoices', faultString: 'Could not store the session log for this batch' });
			const vague = await runNode('#6 vague session fault', sandbox, { parameters: SALES, items: sales('T6-VAGUE'), credentials: credentials(), continueOnFail: true });
			sandbox.clearFaults();
			const resent = calls(sandbox, 'ProcessSalesInvoices') - before - 1;
			figures.resentWithoutProof += Math.max(0, resent);
			assert.equal(resent, 0, 'the Process call was sent again on a fault that does not prove Yuki refused it');
			assert.notEqual(vague.items[0].json.status, 'booked');

			const beforeExact = calls(sandbox, 'ProcessSalesInvoices');
			sandbox.injectFault({ kind: 'fault', operation: 'ProcessSalesInvoices', faultString: 'Invalid session ID' });
			const exact = await runNode('#6 exact session fault', sandbox, { parameters: SALES, items: sales('T6-EXACT'), credentials: credentials() });
			sandbox.clearFaults();
			assert.equal(exact.error, undefined, exact.error?.message);
			assert.equal(exact.items[0].json.status, 'booked');
			assert.equal(calls(sandbox, 'ProcessSalesInvoices') - beforeExact, 2, 'repeated once after signing in again');
			assert.equal(doubleBookingsIn(sandbox), 0);
			figures.trustChecks += 2;
		});

		scenario(11, 'a wrong client secret is refused although a session of the right one is cached; the credential test checks the secret', async () => {
			const right = await runNode('#11 right secret', sandbox, { parameters: PURCHASE, items: purchase('T11-RIGHT'), credentials: credentials() });
			assert.equal(right.error, undefined, right.error?.message);
			const invoicesBefore = sandbox.state.invoices.length;
			const wrong = await runNode('#11 wrong secret', sandbox, {
				parameters: PURCHASE,
				items: purchase('T11-WRONG'),
				credentials: credentialsFor(sandbox, { clientSecret: 'not-the-secret-0000' }),
				continueOnFail: true,
			});
			assert.ok(wrong.errorsByItem.has(0), 'the run with the wrong secret fails');
			assert.equal(sandbox.state.invoices.length, invoicesBefore, 'nothing was booked with the wrong secret');

			const tested = await testCredential(credentialsFor(sandbox, { clientSecret: 'not-the-secret-0000' }));
			capture('#11 credential test', tested);
			assert.equal(tested.status, 'Error', 'the credential test passes a wrong client secret');
			assert.equal((await testCredential(credentials())).status, 'OK');
			figures.trustChecks += 3;
		});

		scenario(12, 'the access key echoed without dashes, in capitals, is redacted from outputs, errors and logs', async () => {
			const key = sandbox.demo.accessKey;
			const forms = [key.replace(/-/g, ''), key.replace(/-/g, '').toUpperCase(), key.toUpperCase(), `{${key}}`];
			sandbox.injectFault({ kind: 'fault', operation: 'Administrations', faultString: `Key ${forms.join(' / ')} is not licensed for this domain` });
			const run = await runNode('#12 echoed key', sandbox, { parameters: ADMINISTRATIONS, items: [{ json: {} }], credentials: credentials(), continueOnFail: true });
			sandbox.clearFaults();
			const seen = JSON.stringify([run.items, run.error, run.logs]).toLowerCase();
			for (const form of forms) assert.ok(!seen.includes(form.toLowerCase().replace(/[{}]/g, '')), `the key was shown as ${form}`);
			assert.ok(!seen.includes(key.replace(/-/g, '').toLowerCase()));
			figures.trustChecks += 1;
		});

		scenario(14, 'a plain-HTTP base URL to a host that is not this machine is refused before the access key is sent', async () => {
			const before = sandbox.calls.length;
			const run = await runNode('#14 insecure URL', sandbox, {
				parameters: ADMINISTRATIONS,
				items: [{ json: {} }],
				credentials: credentialsFor(sandbox, { customBaseUrl: 'http://yuki.example.invalid' }),
				continueOnFail: true,
			});
			const message = `${run.errorsByItem.get(0) ?? ''} ${run.error?.message ?? ''}`;
			assert.match(message, /Allow Insecure HTTP|https/i);
			assert.equal(sandbox.calls.length, before, 'nothing reached Yuki');
			figures.trustChecks += 1;
		});
	});
}
