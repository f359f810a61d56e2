/**
 * The example flows in a real n8n (installed from the npm registry by scripts/n8n/ensure-n8n.mjs)
 * with the package `npm pack`ed and installed as n8n's community package installer does, against
 * the local Yuki sandbox; binary data on the filesystem (N8N_DEFAULT_BINARY_DATA_MODE=filesystem).
 * Everything is asserted on what n8n itself recorded or answered.
 *
 * n8n version: the pinned one, or N8N_E2E_VERSION (e.g. N8N_E2E_VERSION=1.123.0 npm test -- e2e).
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningSandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import type { WorkflowFile } from '../../scripts/n8n/examples';
import { DEMO } from '../../sandbox/demoData';
import { EXAMPLES_DIR, WEBHOOK_CREDENTIAL, WEBHOOK_HEADER, YUKI_CREDENTIAL, demoCredential, exampleCredentials, nodeNamed, readExample } from '../../scripts/n8n/examples';
import { N8n, waitFor } from '../../scripts/n8n/instance';
import { expenseClaimFlow, filesHolding, postReceipt, receiptPdf } from './expenseClaim';

const INSTALL_TIMEOUT = 30 * 60_000;
const WEBHOOK_TOKEN = 'e2e-webhook-token-4d1f';


const invoiceBody = (): Record<string, unknown> =>
	JSON.parse(readFileSync(join(EXAMPLES_DIR, 'sales-invoice-body.json'), 'utf8')) as Record<string, unknown>;
const purchaseInvoiceBody = (): Record<string, unknown> =>
	JSON.parse(readFileSync(join(EXAMPLES_DIR, 'purchase-invoice-body.json'), 'utf8')) as Record<string, unknown>;

/** A PDF of exactly `size` bytes: the signature, then random bytes (every base64 letter occurs). */
function pdfOf(size: number): Buffer {
	const head = Buffer.from('%PDF-1.7\n', 'latin1');
	return Buffer.concat([head, randomBytes(size - head.length)]);
}

/**
 * A protected webhook → the given Yuki nodes in a row, answering with the last node's first item
 * (its JSON, or its binary file): how n8n runs it for a caller, on its own execution path.
 */
function webhookFlow(
	id: string,
	path: string,
	steps: Array<{ name: string; parameters: Record<string, unknown> }>,
	responseData: 'firstEntryJson' | 'firstEntryBinary',
): WorkflowFile {
	const nodes = [
		{
			id: `${id}-0`,
			name: 'Request',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0] as [number, number],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, authentication: 'headerAuth', responseMode: 'lastNode', responseData, options: {} },
			credentials: { httpHeaderAuth: { id: WEBHOOK_CREDENTIAL.id, name: WEBHOOK_CREDENTIAL.name } },
		},
		...steps.map((step, index) => ({
			id: `${id}-${index + 1}`,
			name: step.name,
			type: 'n8n-nodes-yuki.yuki',
			typeVersion: 1,
			position: [(index + 1) * 220, 0] as [number, number],
			parameters: step.parameters,
			credentials: { yukiApi: { id: YUKI_CREDENTIAL.id, name: YUKI_CREDENTIAL.name } },
		})),
	];
	const names = nodes.map((node) => node.name);
	const connections = Object.fromEntries(names.slice(0, -1).map((from, index) => [from, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]));
	return { id, name: `${id} (e2e)`, versionId: randomUUID(), nodes, connections, settings: { executionOrder: 'v1' } };
}

const contactLookup = webhookFlow(
	'e2eContactGet001',
	'yuki/e2e-contact',
	[{ name: 'Get Contact', parameters: { resource: 'contact', operation: 'get', getBy: 'Code', value: '={{ $json.body.code }}', options: {} } }],
	'firstEntryJson',
);
// The PDF Yuki made of an open invoice: its documentId from the open items, then the file.
const documentDownload = webhookFlow(
	'e2eDocDownload01',
	'yuki/e2e-document',
	[
		{ name: 'Open Items', parameters: { resource: 'payment', operation: 'listOpenItems', returnAll: false, limit: 1, options: {} } },
		{ name: 'Download', parameters: { resource: 'document', operation: 'download', documentId: '={{ $json.documentId }}', binaryPropertyName: 'data', options: {} } },
	],
	'firstEntryBinary',
);

/** POSTs `body` as JSON to one of n8n's webhooks with the example's header token. */
async function postJson(url: string, body: unknown, token = WEBHOOK_TOKEN): Promise<{ status: number; text: string }> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [WEBHOOK_HEADER]: token }, body: JSON.stringify(body) });
	return { status: response.status, text: await response.text() };
}

/** A chat's incoming webhook on loopback: keeps every JSON body posted to it. */
async function startChatWebhook(): Promise<{ url: string; messages: Array<Record<string, unknown>>; close(): Promise<void> }> {
	const messages: Array<Record<string, unknown>> = [];
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/chat`, messages, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

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
	const purchaseWebhook = readExample('purchase-invoice-webhook');
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
	const departments = readExample('two-keys-departments');
	// The shipped error workflow, posting to a chat webhook on loopback instead of the placeholder address.
	let chat: Awaited<ReturnType<typeof startChatWebhook>>;
	let errorFlow: WorkflowFile;
	// A webhook run that fails (no error output), with the error workflow set in its settings.
	const failingSale = webhookFlow(
		'e2eFailingSale01',
		'yuki/e2e-failing-sale',
		[{ name: 'Process Sales Invoice', parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: 'body', options: {} } }],
		'firstEntryJson',
	);

	before(
		async () => {
			sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
			chat = await startChatWebhook();
			errorFlow = variant(readExample('error-workflow'), 'e2eErrorFlow0001', (copy) => {
				nodeNamed(copy, 'Notify the bookkeeper').parameters.url = chat.url;
			});
			failingSale.settings.errorWorkflow = errorFlow.id;
			n8n = await N8n.create({
				version: process.env.N8N_E2E_VERSION || undefined,
				env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
			});
			n8n.importCredentials(exampleCredentials(demoCredential(sandbox.url), WEBHOOK_TOKEN));
			n8n.importWorkflows(
				[schedule, webhook, purchaseWebhook, trigger, fastSchedule, fastTrigger, contactLookup, documentDownload, expenseClaim, departments, errorFlow, failingSale].map(
					(workflow) => n8n.workflow(workflow),
				),
			);
			await n8n.start();
			await n8n.signIn();
		},
		{ timeout: INSTALL_TIMEOUT },
	);

	after(async () => {
		await n8n?.stop();
		await sandbox?.close();
		await chat?.close();
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

	describe('contact lookup and document download, run by n8n for a webhook caller', () => {
		const call = async (path: string, body: unknown) =>
			await fetch(`${n8n.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', [WEBHOOK_HEADER]: WEBHOOK_TOKEN },
				body: JSON.stringify(body),
			});

		before(async () => {
			for (const [workflow, path] of [[contactLookup, 'yuki/e2e-contact'], [documentDownload, 'yuki/e2e-document']] as const) {
				await n8n.activate(workflow.id);
				// An unauthenticated call (it runs nothing) until n8n has registered the path.
				await waitFor(async () => (await fetch(`${n8n.url}/webhook/${path}`, { method: 'POST' })).status !== 404, `the webhook ${path} to be registered`);
			}
		});
		after(async () => {
			for (const workflow of [contactLookup, documentDownload]) await n8n.deactivate(workflow.id).catch(() => undefined);
		});

		test('Contact › Get finds the contact by its code in the sandbox’s domain', async () => {
			const response = await call('yuki/e2e-contact', { code: 'K1002' });
			const contact = (await response.json()) as Record<string, unknown>;
			assert.equal(response.status, 200, JSON.stringify(contact));
			assert.equal(contact.code, 'K1002');
			assert.equal(contact.name, 'Jansen Installatietechniek');
		});

		test('Document › Download returns the PDF of an open invoice as the file itself', async () => {
			const response = await call('yuki/e2e-document', {});
			const file = Buffer.from(await response.arrayBuffer());
			assert.equal(response.status, 200, file.toString('utf8').slice(0, 300));
			assert.match(response.headers.get('content-type') ?? '', /pdf/);
			assert.equal(file.subarray(0, 5).toString('latin1'), '%PDF-');
		});
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

		test('answers 202 "unknown" when Yuki booked but the answer was lost; the tool\'s retry is answered 200 booked, booked once', async () => {
			const invoice = { ...invoiceBody(), reference: 'F2026-0202' };
			sandbox.injectFault({ kind: 'drop', operation: 'ProcessSalesInvoices' });
			const lost = await post(invoice);
			sandbox.clearFaults();
			assert.equal(lost.status, 202, lost.text);
			assert.equal(lost.json.status, 'unknown');
			assert.match(String(lost.json.error), /may have been booked; check Yuki/);
			// The node's memory lives in the workflow's static data, which n8n keeps between executions.
			const retried = await post(invoice);
			assert.equal(retried.status, 200, retried.text);
			assert.equal(retried.json.status, 'booked');
			assert.equal(retried.json.bookedEarlier, 'lostAnswer');
			assert.equal(sandbox.state.invoices.filter((entry) => entry.reference === invoice.reference).length, 1);
		});
	});

	describe('webhook flow: a scanning tool posts a purchase invoice with its PDF (filesystem binary data)', () => {
		const url = () => `${n8n.url}/webhook/yuki/purchase-invoice`;
		/** A multipart form as the example expects it: the invoice as JSON text, the PDF as a file. */
		const post = async (invoice: unknown, pdf: Buffer, fileName: string, token = WEBHOOK_TOKEN) => {
			const form = new FormData();
			form.append('invoice', typeof invoice === 'string' ? invoice : JSON.stringify(invoice));
			form.append('pdf', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), fileName);
			const response = await fetch(url(), { method: 'POST', headers: { [WEBHOOK_HEADER]: token }, body: form });
			const text = await response.text();
			return { status: response.status, text, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
		};
		const bookedAs = (reference: string) => sandbox.state.invoices.filter((entry) => entry.kind === 'purchase' && entry.reference === reference);
		const archivedAs = (fileName: string) => sandbox.state.documents.filter((document) => document.fileName === fileName);

		// Sizes ≡ 1 and ≡ 2 mod 3: the base64 of each ends in padding, and the 1 or 2 bytes left over
		// at each of n8n's 64 KiB file chunks must be carried into the next one.
		const invoices = [
			{ invoice: purchaseInvoiceBody(), pdf: pdfOf(300_001) },
			{ invoice: { ...purchaseInvoiceBody(), reference: 'KH-2026-1188', paymentReference: 'KH-2026-1188' }, pdf: pdfOf(400_001) },
		].map((entry) => ({ ...entry, reference: String(entry.invoice.reference), fileName: `${String(entry.invoice.reference)}.pdf` }));

		before(async () => {
			await n8n.activate(purchaseWebhook.id);
			// An unauthenticated call (it books nothing) until n8n has registered the path.
			await waitFor(async () => (await post({}, pdfOf(100), 'probe.pdf', 'not-the-token')).status !== 404, 'the purchase invoice webhook to be registered');
		});
		after(async () => await n8n.deactivate(purchaseWebhook.id).catch(() => undefined));

		test('answers without booking when the token is missing', async () => {
			const [first] = invoices;
			const answer = await post(first.invoice, first.pdf, first.fileName, 'not-the-token');
			assert.ok(answer.status === 401 || answer.status === 403, `status ${answer.status}`);
			assert.equal(bookedAs(first.reference).length, 0);
			assert.equal(archivedAs(first.fileName).length, 0);
		});

		test('books each invoice with its PDF, archived byte for byte, and answers booked', async () => {
			for (const { invoice, pdf, reference, fileName } of invoices) {
				const answer = await post(invoice, pdf, fileName);
				assert.equal(answer.status, 200, answer.text);
				assert.equal(answer.json.status, 'booked', answer.text);
				assert.equal(answer.json.reference, reference);
				assert.equal(bookedAs(reference).length, 1, `the sandbox booked ${reference} once`);
				const archived = archivedAs(fileName);
				assert.equal(archived.length, 1, `one PDF in the archive for ${reference}`);
				assert.equal(archived[0].size, pdf.length);
				assert.equal(archived[0].dataBase64, pdf.toString('base64'), `the base64 of the ${pdf.length}-byte PDF`);
				assert.ok(Buffer.from(archived[0].dataBase64, 'base64').equals(pdf), `Yuki got the ${pdf.length}-byte PDF byte for byte`);
				// The PDF came to the node as a file in n8n's binary data storage, not in memory.
				// n8n moves it from its temporary folder to the execution's as the execution is saved.
				await waitFor(() => filesHolding(join(n8n.userFolder, '.n8n'), pdf).length > 0, 'the PDF as a file in n8n’s binary data storage', 30_000);
			}
		});

		test('answers 409 alreadyInYuki when the same invoice comes again, and books it once', async () => {
			const [first] = invoices;
			const answer = await post(first.invoice, first.pdf, first.fileName);
			assert.equal(answer.status, 409, answer.text);
			assert.equal(answer.json.status, 'alreadyInYuki');
			assert.equal(answer.json.reference, first.reference);
			assert.match(String(answer.json.error), new RegExp(first.reference));
			assert.equal(bookedAs(first.reference).length, 1);
			assert.equal(archivedAs(first.fileName).length, 1, 'its PDF is archived once');
		});

		test('answers 202 "unknown" when Yuki booked but the answer was lost; the retry is answered 200 booked, booked and archived once', async () => {
			const invoice = { ...purchaseInvoiceBody(), reference: 'KH-2026-1190', paymentReference: 'KH-2026-1190' };
			const pdf = pdfOf(200_002);
			sandbox.injectFault({ kind: 'drop', operation: 'ProcessPurchaseInvoices' });
			const lost = await post(invoice, pdf, 'KH-2026-1190.pdf');
			sandbox.clearFaults();
			assert.equal(lost.status, 202, lost.text);
			assert.equal(lost.json.status, 'unknown');
			assert.match(String(lost.json.error), /may have been booked; check Yuki/);
			const retried = await post(invoice, pdf, 'KH-2026-1190.pdf');
			assert.equal(retried.status, 200, retried.text);
			assert.equal(retried.json.status, 'booked');
			assert.equal(retried.json.bookedEarlier, 'lostAnswer');
			assert.equal(bookedAs('KH-2026-1190').length, 1);
			const archived = archivedAs('KH-2026-1190.pdf');
			assert.equal(archived.length, 1, 'its PDF is archived once');
			assert.ok(Buffer.from(archived[0].dataBase64, 'base64').equals(pdf), 'Yuki got the PDF byte for byte');
		});

		test('answers 400 when the invoice part is not JSON, and books nothing', async () => {
			const processCalls = () => sandbox.calls.filter((call) => call.operation === 'ProcessPurchaseInvoices').length;
			const callsBefore = processCalls();
			const answer = await post('{"reference": "KH-2026-1189",', pdfOf(1000), 'KH-2026-1189.pdf');
			assert.equal(answer.status, 400, answer.text);
			assert.equal(answer.json.status, 'invalid');
			assert.match(String(answer.json.error), /form part "invoice" must hold the purchase invoice as a JSON object/);
			assert.equal(processCalls(), callsBefore, 'nothing was sent to Yuki');
		});
	});

	test('two keys: a department’s invoice books with its own key in its own administration, another in the administration the request names (examples/two-keys-departments.json)', async () => {
		const url = `${n8n.url}/webhook/yuki/department-invoice`;
		const booked = (reference: string) => sandbox.state.invoices.filter((entry) => entry.reference === reference).map((entry) => entry.administrationId);
		const training = { ...invoiceBody(), reference: 'F2026-0301' };
		const other = { ...invoiceBody(), reference: 'F2026-0302' };
		await n8n.activate(departments.id);
		try {
			await waitFor(async () => (await postJson(url, {}, 'not-the-token')).status !== 404, 'the departments webhook to be registered');
			// The example answers as soon as n8n has the request; the booking follows.
			for (const body of [
				{ department: 'training', invoice: training },
				{ department: 'sales', administrationId: DEMO.organisation.id, invoice: other },
			]) {
				const answer = await postJson(url, body);
				assert.equal(answer.status, 200, answer.text);
			}
			await waitFor(() => booked(training.reference).length > 0 && booked(other.reference).length > 0, 'both invoices to be booked', 60_000);
		} finally {
			await n8n.deactivate(departments.id);
		}
		// The training node names no administration: its credential's key reaches only the department's.
		assert.deepEqual(booked(training.reference), [DEMO.department.id], 'the department’s invoice, booked once, in its own administration');
		assert.deepEqual(booked(other.reference), [DEMO.organisation.id], 'the other invoice, booked once, in the administration the request named');
		const executions = await n8n.waitForExecutions(departments.id, 2);
		const byNode: Record<string, unknown[]> = {};
		for (const execution of executions) {
			const run = await n8n.executionOutputs(execution.id);
			assert.equal(run.status, 'success', run.error);
			for (const node of ['Yuki (Training key): Process Sales Invoice', 'Yuki (invoices key): Process Sales Invoice']) {
				// Each result, then the run log item the example asks for (it has no reference).
				const results = (run.outputs[node] ?? []).filter((item) => item.json.reference !== undefined);
				(byNode[node] ??= []).push(...results.map((item) => [item.json.reference, item.json.status]));
			}
		}
		assert.deepEqual(byNode, {
			'Yuki (Training key): Process Sales Invoice': [[training.reference, 'booked']],
			'Yuki (invoices key): Process Sales Invoice': [[other.reference, 'booked']],
		});
	});

	test('error workflow: a failed Yuki run is told to the chat webhook, saying the invoice may have been booked, without any secret (examples/error-workflow.json)', async () => {
		const url = `${n8n.url}/webhook/yuki/e2e-failing-sale`;
		const invoice = { ...invoiceBody(), reference: 'F2026-0303' };
		// n8n 2.x runs an error workflow only when it is published (its log says "is not active and cannot be executed").
		await n8n.activate(errorFlow.id);
		await n8n.activate(failingSale.id);
		try {
			await waitFor(async () => (await postJson(url, {}, 'not-the-token')).status !== 404, 'the failing flow’s webhook to be registered');
			// Yuki books the invoice, but its answer is lost: the node fails, saying so.
			sandbox.injectFault({ kind: 'drop', operation: 'ProcessSalesInvoices' });
			const answer = await postJson(url, invoice);
			sandbox.clearFaults();
			assert.notEqual(answer.status, 200, answer.text);
			await waitFor(() => chat.messages.length > 0, 'the error workflow’s message', 60_000);
		} finally {
			await n8n.deactivate(failingSale.id);
			await n8n.deactivate(errorFlow.id);
		}
		assert.equal(chat.messages.length, 1, 'one message for one failed run');
		const text = String(chat.messages[0].text);
		assert.match(text, /^Yuki run failed: workflow "e2eFailingSale01 \(e2e\)", node "Process Sales Invoice" at \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./);
		assert.match(text, /F2026-0303/);
		assert.match(text, /may have been booked; check Yuki/);
		for (const secret of [DEMO.accessKey, DEMO.clientSecret]) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), 'no secret in the message');
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
			await waitFor(() => filesHolding(join(n8n.userFolder, '.n8n'), pdf).length > 0, 'the PDF as a file in n8n’s binary data storage', 30_000);
		} finally {
			await n8n.deactivate(expenseClaim.id);
		}
	});

	test('schedule flow: "paid" only of an invoice seen open before and now gone; partly paid ones with the sandbox’s amounts', async () => {
		sandbox.recordPayment('DEMO-2025-003', '50.00');
		await n8n.activate(fastSchedule.id);
		let firstRun;
		let secondRun;
		try {
			// First run: DEMO-2025-001 is open and unpaid, so it is not reported; Get Status remembers it was seen open.
			const seen = await n8n.waitForExecutions(fastSchedule.id, 1);
			firstRun = await n8n.executionOutputs(seen[seen.length - 1].id);
			// Then it is paid in full and leaves Yuki's open items: the next run may call it paid, on that evidence.
			sandbox.recordPayment('DEMO-2025-001', '1210.00');
			const later = await n8n.waitForExecutions(fastSchedule.id, seen.length + 2);
			secondRun = await n8n.executionOutputs(later[0].id);
		} finally {
			await n8n.deactivate(fastSchedule.id);
		}
		assert.equal(firstRun.status, 'success', firstRun.error);
		const firstUpdates = (firstRun.outputs['Update for invoicing tool'] ?? []).map((item) => String(item.json.invoiceNumber)).sort();
		assert.deepEqual(firstUpdates, ['DEMO-2025-002', 'DEMO-2025-003'], 'an open, unpaid invoice is not reported');

		const run = secondRun;
		assert.equal(run.status, 'success', run.error);
		const updates = run.outputs['Update for invoicing tool'].map((item) => item.json);
		const byInvoice = Object.fromEntries(updates.map((update) => [update.invoiceNumber, update]));
		assert.deepEqual(Object.keys(byInvoice).sort(), ['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003']);

		const openItem = (reference: string) => sandbox.state.items.find((item) => item.reference === reference);
		assert.deepEqual(
			{ ...byInvoice['DEMO-2025-001'], checkedAt: undefined, historyLine: undefined },
			{ invoiceNumber: 'DEMO-2025-001', paymentStatus: 'paid', amountPaid: 1210, amountDue: 0, currency: 'EUR', checkedAt: undefined, historyLine: undefined },
		);
		assert.match(String(byInvoice['DEMO-2025-001'].historyLine), /^Yuki: Betaling van EUR 1210\.00 ontvangen/, 'Yoobi’s line for the invoice history, in Dutch');
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
