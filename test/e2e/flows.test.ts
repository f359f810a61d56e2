/**
 * The example flows in a real n8n (installed from the npm registry by scripts/n8n/ensure-n8n.mjs)
 * with the package `npm pack`ed and installed as n8n's community package installer does, against
 * the local Yuki sandbox; binary data on the filesystem (N8N_DEFAULT_BINARY_DATA_MODE=filesystem).
 * Everything is asserted on what n8n itself recorded or answered.
 *
 * n8n version: the pinned one, or N8N_E2E_VERSION (e.g. N8N_E2E_VERSION=1.123.0 npm test -- e2e).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningSandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import type { WorkflowFile } from '../../scripts/n8n/examples';
import { EXAMPLES_DIR, WEBHOOK_HEADER, YUKI_CREDENTIAL, demoCredential, exampleCredentials, nodeNamed, readExample } from '../../scripts/n8n/examples';
import { N8n, waitFor } from '../../scripts/n8n/instance';
import { expenseClaimFlow, filesHolding, postReceipt, receiptPdf } from './expenseClaim';

const INSTALL_TIMEOUT = 30 * 60_000;
const WEBHOOK_TOKEN = 'e2e-webhook-token-4d1f';


const invoiceBody = (): Record<string, unknown> =>
	JSON.parse(readFileSync(join(EXAMPLES_DIR, 'sales-invoice-body.json'), 'utf8')) as Record<string, unknown>;

/** A copy of an example under another id, changed for a fast test run. */
function variant(workflow: WorkflowFile, id: string, change: (copy: WorkflowFile) => void): WorkflowFile {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowFile;
	copy.id = id;
	copy.versionId = randomUUID();
	copy.name = `${copy.name} (e2e)`;
	change(copy);
	return copy;
}

describe('example flows in a real n8n', { concurrency: false }, () => {
	let sandbox: RunningSandbox;
	let n8n: N8n;
	const schedule = readExample('payment-status-schedule');
	const webhook = readExample('sales-invoice-webhook');
	const trigger = readExample('payment-trigger');
	// The shipped schedule and trigger run at 07:00 and 14:00; the test copies run every 5 seconds
	// and (n8n's shortest poll interval) every minute.
	const fastSchedule = variant(schedule, 'e2eScheduleFast1', (copy) => {
		nodeNamed(copy, 'At 07:00 and 14:00').parameters.rule = { interval: [{ field: 'seconds', secondsInterval: 5 }] };
	});
	const fastTrigger = variant(trigger, 'e2eTriggerFast01', (copy) => {
		nodeNamed(copy, 'Yuki Trigger').parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	});
	const expenseClaim = expenseClaimFlow();

	before(
		async () => {
			sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
			n8n = await N8n.create({
				version: process.env.N8N_E2E_VERSION || undefined,
				env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
			});
			n8n.importCredentials(exampleCredentials(demoCredential(sandbox.url), WEBHOOK_TOKEN));
			n8n.importWorkflows([schedule, webhook, trigger, fastSchedule, fastTrigger, expenseClaim].map((workflow) => n8n.workflow(workflow)));
			await n8n.start();
			await n8n.signIn();
		},
		{ timeout: INSTALL_TIMEOUT },
	);

	after(async () => {
		await n8n?.stop();
		await sandbox?.close();
		// KEEP_N8N_E2E=1 keeps n8n's folder (database, n8n.log) for a look after a failure.
		if (n8n && !process.env.KEEP_N8N_E2E) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	test('the shipped schedule flow runs at 07:00 and 14:00 in Europe/Amsterdam', () => {
		const rule = nodeNamed(schedule, 'At 07:00 and 14:00').parameters.rule as { interval: Array<{ triggerAtHour: number; triggerAtMinute: number }> };
		assert.deepEqual(
			rule.interval.map((entry) => [entry.triggerAtHour, entry.triggerAtMinute]),
			[
				[7, 0],
				[14, 0],
			],
		);
		assert.equal(schedule.settings.timezone, 'Europe/Amsterdam');
	});

	test('the credential test succeeds with the sandbox key and fails clearly with a wrong one', async (t) => {
		if (n8n.loadAs === 'customExtension') {
			t.skip('n8n looks for node-defined credential tests only in installed packages, not in custom extensions');
			return;
		}
		const data = {
			accessKey: sandbox.demo.accessKey,
			region: 'custom',
			customBaseUrl: sandbox.url,
			administrationId: sandbox.demo.organisation.id,
		};
		// As the credential form does: the saved credential's id with the values on the form.
		const test = async (accessKey: string) =>
			await n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
				credentials: { id: YUKI_CREDENTIAL.id, name: YUKI_CREDENTIAL.name, type: 'yukiApi', data: { ...data, accessKey } },
			});
		const good = await test(sandbox.demo.accessKey);
		assert.equal(good.status, 'OK', `credential test said: ${good.message}`);
		const wrongKey = '00000000-0000-4000-8000-000000000000';
		const bad = await test(wrongKey);
		assert.equal(bad.status, 'Error');
		assert.match(bad.message, /access key/i);
		assert.ok(!bad.message.includes(wrongKey), 'the key itself is never echoed');
	});

	describe('webhook flow: an invoicing tool posts a sales invoice', () => {
		const url = () => `${n8n.url}/webhook/yuki/sales-invoice`;
		const post = async (body: unknown, token = WEBHOOK_TOKEN) => {
			const response = await fetch(url(), {
				method: 'POST',
				headers: { 'content-type': 'application/json', [WEBHOOK_HEADER]: token },
				body: JSON.stringify(body),
			});
			const text = await response.text();
			return { status: response.status, text, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
		};

		before(async () => {
			await n8n.activate(webhook.id);
			// Newer n8n versions register webhooks shortly after publishing: wait until the path
			// answers (an unauthenticated call, which books nothing).
			await waitFor(async () => (await post({}, 'not-the-token')).status !== 404, 'the webhook to be registered');
		});
		after(async () => await n8n.deactivate(webhook.id).catch(() => undefined));

		test('answers without booking when the token is missing', async () => {
			const before = sandbox.state.invoices.length;
			const answer = await post(invoiceBody(), 'not-the-token');
			assert.ok(answer.status === 401 || answer.status === 403, `status ${answer.status}`);
			assert.equal(sandbox.state.invoices.length, before);
		});

		test('books the invoice and answers with Yuki’s result', async () => {
			const invoice = invoiceBody();
			const answer = await post(invoice);
			assert.equal(answer.status, 200, answer.text);
			assert.equal(answer.json.status, 'booked');
			assert.equal(answer.json.reference, invoice.reference);
			const booked = sandbox.state.invoices.filter((entry) => entry.reference === invoice.reference);
			assert.equal(booked.length, 1, 'the sandbox booked the invoice once');
		});

		test('answers 409 with Yuki’s duplicate message when the same invoice comes again', async () => {
			const invoice = invoiceBody();
			const answer = await post(invoice);
			assert.equal(answer.status, 409, answer.text);
			assert.equal(answer.json.status, 'alreadyInYuki');
			assert.match(String(answer.json.error), new RegExp(String(invoice.reference)));
			assert.equal(sandbox.state.invoices.filter((entry) => entry.reference === invoice.reference).length, 1);
		});

		test('answers 400 naming the field when the invoice is broken, and books nothing', async () => {
			const before = sandbox.state.invoices.length;
			const answer = await post({ ...invoiceBody(), reference: 'F2026-0201', date: '31-04-2026' });
			assert.equal(answer.status, 400, answer.text);
			assert.match(String(answer.json.error), /date/i);
			assert.equal(sandbox.state.invoices.length, before);
		});
	});

	test('expense claim: a PDF receipt posted to a webhook lands in Yuki’s archive, through n8n’s filesystem binary data', async () => {
		const pdf = receiptPdf();
		await n8n.activate(expenseClaim.id);
		try {
			await waitFor(async () => (await postReceipt(n8n.url, pdf, '26.40', 'not-the-token')).status !== 404, 'the expense claim webhook to be registered');
			const documentsBefore = sandbox.state.documents.length;
			const response = await postReceipt(n8n.url, pdf, '26.40', WEBHOOK_TOKEN);
			const text = await response.text();
			assert.equal(response.status, 200, text);
			const answer = JSON.parse(text) as Record<string, unknown>;
			assert.equal(answer.fileName, 'train-ticket.pdf');
			assert.equal(answer.mimeType, 'application/pdf');
			assert.equal(answer.amount, '26.40');
			assert.equal(answer.folder, sandbox.demo.expenseClaimFolder);

			const stored = sandbox.state.documents.slice(documentsBefore);
			assert.equal(stored.length, 1, 'one document in the archive');
			assert.equal(stored[0].id, answer.documentId);
			assert.equal(stored[0].fileName, 'train-ticket.pdf');
			assert.equal(stored[0].amount, '26.40');
			assert.equal(stored[0].size, pdf.length);
			assert.ok(Buffer.from(stored[0].dataBase64, 'base64').equals(pdf), 'Yuki got the PDF byte for byte');
			// n8n kept the receipt as a file of its own (.n8n/storage in n8n 2.40, .n8n/binaryData before).
			assert.ok(filesHolding(join(n8n.userFolder, '.n8n'), pdf).length > 0, 'the PDF is a file in n8n’s binary data storage');
		} finally {
			await n8n.deactivate(expenseClaim.id);
		}
	});

	test('schedule flow: paid and partly paid invoices are reported with the sandbox’s amounts', async () => {
		sandbox.recordPayment('DEMO-2025-001', '1210.00');
		sandbox.recordPayment('DEMO-2025-003', '50.00');
		await n8n.activate(fastSchedule.id);
		let executions;
		try {
			executions = await n8n.waitForExecutions(fastSchedule.id, 1);
		} finally {
			await n8n.deactivate(fastSchedule.id);
		}
		const first = executions[executions.length - 1];
		const run = await n8n.executionOutputs(first.id);
		assert.equal(run.status, 'success', run.error);
		const updates = run.outputs['Update for invoicing tool'].map((item) => item.json);
		const byInvoice = Object.fromEntries(updates.map((update) => [update.invoiceNumber, update]));
		assert.deepEqual(Object.keys(byInvoice).sort(), ['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003']);

		const openItem = (reference: string) => sandbox.state.items.find((item) => item.reference === reference);
		assert.deepEqual(
			{ ...byInvoice['DEMO-2025-001'], checkedAt: undefined },
			{ invoiceNumber: 'DEMO-2025-001', paymentStatus: 'paid', amountPaid: 1210, amountDue: 0, currency: 'EUR', checkedAt: undefined },
		);
		for (const reference of ['DEMO-2025-002', 'DEMO-2025-003']) {
			const item = openItem(reference);
			assert.ok(item, `${reference} is still open in the sandbox`);
			assert.equal(byInvoice[reference].paymentStatus, 'partially_paid');
			assert.equal(byInvoice[reference].amountDue, Number(item.openAmount));
			assert.equal(byInvoice[reference].amountPaid, Number((Number(item.originalAmount) - Number(item.openAmount)).toFixed(2)));
		}
		assert.match(String(byInvoice['DEMO-2025-002'].checkedAt), /[+-]0[12]:00$/, 'checked at, in Amsterdam time');
	});

	test('trigger flow: each payment recorded in the sandbox gives exactly one item across polls', async () => {
		// Three fresh open invoices (2.42, 3.63 and 4.84 EUR), each paid in part.
		const { firstReference } = sandbox.seedOpenItems(3);
		const references = [0, 1, 2].map((offset) => `BULK-${String(Number(firstReference.slice(5)) + offset).padStart(6, '0')}`);
		const polls = () => sandbox.calls.filter((call) => call.operation === 'OutstandingDebtorItems').length;

		const pollsBefore = polls();
		await n8n.activate(fastTrigger.id);
		try {
			// Activation polls once and only records what is open.
			await waitFor(() => polls() > pollsBefore, 'the first poll');
			sandbox.recordPayment(references[0], '1.00');
			const firstEvent = await n8n.waitForExecutions(fastTrigger.id, 1, 150_000);
			assert.equal(firstEvent.length, 1);
			sandbox.recordPayment(references[1], '2.00');
			sandbox.recordPayment(references[2], '3.00');
			await n8n.waitForExecutions(fastTrigger.id, 2, 150_000);
			// Another poll must not repeat anything.
			const settled = polls();
			await waitFor(() => polls() > settled, 'one more poll');
		} finally {
			await n8n.deactivate(fastTrigger.id);
		}

		const executions = await n8n.executions(fastTrigger.id);
		const items = [];
		for (const execution of executions) {
			const run = await n8n.executionOutputs(execution.id);
			assert.equal(run.status, 'success', run.error);
			items.push(...run.outputs['Payment for invoicing tool'].map((item) => item.json));
		}
		assert.deepEqual(
			items.map((item) => [item.invoiceNumber, item.amountReceived, item.paymentStatus]).sort(),
			[
				[references[0], 1, 'partiallyPaid'],
				[references[1], 2, 'partiallyPaid'],
				[references[2], 3, 'partiallyPaid'],
			],
		);
	});
});
