/**
 * The example flows in n8n's queue mode, as a self-hosted team with several workers runs them: one
 * n8n main and two `n8n worker` processes sharing PostgreSQL (DB_TYPE=postgresdb) and Redis
 * (EXECUTIONS_MODE=queue), binary data in the database. PostgreSQL and Redis come from Debian's
 * packages (.ci/run installs them), each started here on loopback in a temp folder and stopped
 * at the end. The package is `npm pack`ed and installed as n8n's own installer does.
 *
 * - A burst of webhook invoices delivered at once (some of them twice, at the same moment) is
 *   booked exactly once each in the sandbox's ledger, whichever worker runs which delivery.
 * - A PDF receipt posted to the main reaches Yuki's archive byte for byte from a worker, through
 *   n8n's binary data in the database (no file on any process's disk).
 * - The Yuki Trigger, polled by the main, reports each payment registered in the sandbox once.
 * - The Yuki calls this cost are counted by the sandbox and printed, next to what each run's
 *   call-count hint said: every process signs in to Yuki on its own and counts only its own calls.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningSandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import type { WorkflowFile } from '../../scripts/n8n/examples';
import { EXAMPLES_DIR, WEBHOOK_HEADER, demoCredential, exampleCredentials, nodeNamed, readExample } from '../../scripts/n8n/examples';
import { N8n, waitFor } from '../../scripts/n8n/instance';
import type { RunningPostgres, RunningRedis } from '../../scripts/n8n/queueServices';
import { queueServicesMissing, startPostgres, startRedis } from '../../scripts/n8n/queueServices';
import { expenseClaimFlow, filesHolding, postReceipt, receiptPdf } from './expenseClaim';

const INSTALL_TIMEOUT = 30 * 60_000;
const WEBHOOK_TOKEN = 'e2e-queue-webhook-token-7c2a';
const WORKERS = 2;
/** Distinct invoices in the burst, and how many of them the invoicing tool sends twice at once. */
const INVOICES = 200;
const DELIVERED_TWICE = 20;
/**
 * Deliveries in flight at once, as an invoicing tool's sender pool would send them. n8n's main
 * writes each delivery's execution to the database before queueing it; with all 220 at once on a
 * busy 2-core machine its connection pool times out ("timeout exceeded when trying to connect")
 * and n8n answers 500 before anything reaches a worker (README › Queue mode).
 */
const IN_FLIGHT = 25;
/** Open invoices that get a payment while the trigger is active. */
const PAYMENTS = 5;

interface CallRecord {
	operation: string;
	ok: boolean;
}

interface SandboxInvoice {
	reference: string;
	booked: boolean;
}

interface RunCalls {
	calls: number;
	callsToday: number;
}

/** The Yuki node's call-count hint of the workflow's latest executions: "This run used 1 Yuki call (57 today of 1,000 …)". */
async function runCallHints(n8n: N8n, workflowId: string): Promise<RunCalls[]> {
	const runs: RunCalls[] = [];
	for (const execution of await n8n.executions(workflowId)) {
		const { hints } = await n8n.executionOutputs(execution.id);
		for (const message of Object.values(hints).flat()) {
			const match = /^This run used (\d+) Yuki calls? \(([\d,]+) today of/.exec(message);
			if (match) runs.push({ calls: Number(match[1]), callsToday: Number(match[2].replace(/,/g, '')) });
		}
	}
	return runs;
}

const invoiceBody = (): Record<string, unknown> =>
	JSON.parse(readFileSync(join(EXAMPLES_DIR, 'sales-invoice-body.json'), 'utf8')) as Record<string, unknown>;

function countBy(values: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

/** Until the workflow has had no queued or running execution for 5 s in a row (what the last poll emitted has run). */
async function waitUntilSettled(n8n: N8n, workflowId: string, timeoutMs = 60_000): Promise<void> {
	let quietSince = Date.now();
	await waitFor(async () => {
		if ((await n8n.executions(workflowId, { unfinished: true })).length > 0) quietSince = Date.now();
		return Date.now() - quietSince >= 5000;
	}, 'the trigger’s executions to finish', timeoutMs);
}

const skip = queueServicesMissing();

describe('queue mode: one n8n main, two workers, PostgreSQL and Redis', { concurrency: false, skip: skip ? `queue mode not tested: ${skip}` : false }, () => {
	let sandbox: RunningSandbox;
	let postgres: RunningPostgres;
	let redis: RunningRedis;
	let n8n: N8n;
	const workerLogs: string[] = [];
	const started = Date.now();
	const stages: string[] = [];
	const webhook = readExample('sales-invoice-webhook');
	// The shipped trigger polls at 07:00 and 14:00; this copy every minute (n8n's shortest).
	const trigger: WorkflowFile = JSON.parse(JSON.stringify(readExample('payment-trigger'))) as WorkflowFile;
	trigger.id = 'e2eQueueTrigger1';
	trigger.versionId = randomUUID();
	trigger.name = `${trigger.name} (queue e2e)`;
	nodeNamed(trigger, 'Yuki Trigger').parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	const expenseClaim = expenseClaimFlow();

	/** The sandbox, asked through its admin endpoints as any outside tool would. */
	const admin = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${sandbox.url}/sandbox/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		assert.equal(response.status, 200, `${method} /sandbox/${path}: ${text}`);
		return JSON.parse(text) as T;
	};
	const calls = async () => await admin<CallRecord[]>('GET', 'calls');
	const polls = async () => (await calls()).filter((call) => call.operation === 'OutstandingDebtorItems').length;
	let paidReferences: string[] = [];
	let pollsBeforePayments = 0;

	before(
		async () => {
			const stage = (name: string) => stages.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
			sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
			[postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
			stage('PostgreSQL and Redis up');
			n8n = await N8n.create({
				version: process.env.N8N_E2E_VERSION || undefined,
				env: {
					EXECUTIONS_MODE: 'queue',
					QUEUE_BULL_REDIS_HOST: redis.host,
					QUEUE_BULL_REDIS_PORT: String(redis.port),
					DB_TYPE: 'postgresdb',
					DB_POSTGRESDB_HOST: postgres.host,
					DB_POSTGRESDB_PORT: String(postgres.port),
					DB_POSTGRESDB_DATABASE: postgres.database,
					DB_POSTGRESDB_USER: postgres.user,
					DB_POSTGRESDB_PASSWORD: '',
					// n8n's default pool (2 connections per process) times out under a burst of
					// webhooks: each delivery writes its execution before it is queued (README › Queue mode).
					DB_POSTGRESDB_POOL_SIZE: '20',
					DB_POSTGRESDB_CONNECTION_TIMEOUT: '120000',
					// n8n pings its database every 2 s through the same pool and, after three pings
					// slower than 5 s, tears the connection down ("Driver not Connected" for every
					// request meanwhile): on a loaded 2-core machine, give the ping time.
					DB_PING_TIMEOUT_MS: '30000',
					// Main and workers decrypt the same credentials.
					N8N_ENCRYPTION_KEY: 'e2e-queue-mode-encryption-key-5b9e',
					N8N_DEFAULT_BINARY_DATA_MODE: 'database',
				},
			});
			stage('package installed');
			// The first CLI command creates n8n's tables; main and workers then start side by side.
			n8n.importCredentials(exampleCredentials(demoCredential(sandbox.url), WEBHOOK_TOKEN));
			n8n.importWorkflows([webhook, trigger, expenseClaim]);
			stage('imported');
			const [workers] = await Promise.all([
				Promise.all(Array.from({ length: WORKERS }, async () => await n8n.startWorker(10))),
				n8n.start(),
			]);
			workerLogs.push(...workers.map((worker) => worker.logFile));
			stage('main and workers ready');
			await n8n.signIn();

			// The trigger first: its activation poll records what is open; payments registered after
			// it are what the next minute polls must report, while the workers are busy with the burst.
			const seeded = await admin<{ firstReference: string }>('POST', 'open-items', { count: PAYMENTS });
			const first = Number(seeded.firstReference.slice('BULK-'.length));
			paidReferences = Array.from({ length: PAYMENTS }, (_, offset) => `BULK-${String(first + offset).padStart(6, '0')}`);
			const pollsBefore = await polls();
			await n8n.activate(trigger.id);
			await waitFor(async () => (await polls()) > pollsBefore, 'the trigger’s activation poll');
			pollsBeforePayments = await polls();
			for (const reference of paidReferences) await admin('POST', 'payments', { reference, amount: '1.00' });

			await n8n.activate(webhook.id);
			await n8n.activate(expenseClaim.id);
			// n8n registers a published webhook a moment later: wait until it answers (unauthenticated, books nothing).
			await waitFor(async () => (await post({}, 'not-the-token')).status !== 404, 'the webhook to be registered');
			await waitFor(
				async () => (await postReceipt(n8n.url, Buffer.from('%PDF-'), '1.00', 'not-the-token')).status !== 404,
				'the expense claim webhook to be registered',
			);
			stage('flows published');
		},
		{ timeout: INSTALL_TIMEOUT },
	);

	after(async () => {
		await n8n?.deactivate(trigger.id).catch(() => undefined);
		await n8n?.stop();
		await Promise.all([postgres?.stop(), redis?.stop(), sandbox?.close()]);
		// KEEP_N8N_E2E=1 keeps n8n's folders and logs (.cache/e2e/) for a look after a failure.
		if (n8n && !process.env.KEEP_N8N_E2E) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	const post = async (body: unknown, token = WEBHOOK_TOKEN) => {
		const response = await fetch(`${n8n.url}/webhook/yuki/sales-invoice`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', [WEBHOOK_HEADER]: token },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, text, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> };
	};

	test(`a burst of ${INVOICES} webhook invoices (${DELIVERED_TWICE} delivered twice at once) is booked exactly once each`, { timeout: 240_000 }, async (t) => {
		const references = Array.from({ length: INVOICES }, (_, index) => `Q2026-${String(index + 1).padStart(4, '0')}`);
		const deliveries = [...references, ...references.slice(0, DELIVERED_TWICE)];
		const callsBefore = (await calls()).length;
		const burstStarted = Date.now();
		// Each twice-delivered invoice is sent again right after its first delivery, so both are in flight together.
		const order = references.flatMap((reference, index) => (index < DELIVERED_TWICE ? [reference, reference] : [reference]));
		assert.equal(order.length, deliveries.length);
		const answers: Array<{ reference: string; status: number; text: string; json: Record<string, unknown> }> = [];
		let next = 0;
		await Promise.all(
			Array.from({ length: IN_FLIGHT }, async () => {
				while (next < order.length) {
					const reference = order[next++];
					answers.push({ reference, ...(await post({ ...invoiceBody(), reference, subject: `Queue burst ${reference}` })) });
				}
			}),
		);
		const burstSeconds = (Date.now() - burstStarted) / 1000;

		const unexpected = answers.filter((answer) => answer.status !== 200 && answer.status !== 409);
		assert.deepEqual(
			unexpected.slice(0, 10).map((answer) => `${answer.reference}: ${answer.status} ${answer.text.slice(0, 200)}`),
			[],
			`${unexpected.length} of ${answers.length} deliveries got neither 200 nor 409`,
		);

		// The sandbox's ledger: every invoice exactly once, booked.
		const state = await admin<{ invoices: SandboxInvoice[] }>('GET', 'state');
		const inLedger = countBy(state.invoices.filter((invoice) => invoice.reference.startsWith('Q2026-')).map((invoice) => invoice.reference));
		assert.deepEqual(
			references.filter((reference) => inLedger[reference] !== 1).map((reference) => `${reference}: ${inLedger[reference] ?? 0}×`),
			[],
			'every invoice is in Yuki exactly once',
		);
		assert.equal(Object.keys(inLedger).length, INVOICES);

		// What the invoicing tool was told: one 200 per invoice; the second delivery learns it is already in Yuki.
		const byReference = new Map<string, number[]>();
		for (const answer of answers) byReference.set(answer.reference, [...(byReference.get(answer.reference) ?? []), answer.status]);
		for (const [reference, statuses] of byReference) {
			const expected = references.indexOf(reference) < DELIVERED_TWICE ? [200, 409] : [200];
			assert.deepEqual([...statuses].sort(), expected, `${reference} answered ${statuses.join(', ')}`);
		}
		const duplicates = answers.filter((answer) => answer.status === 409);
		for (const answer of duplicates) assert.equal(answer.json.status, 'alreadyInYuki', answer.text);

		// The Yuki calls it cost, as the sandbox counted them and as the runs reported them.
		// The main's trigger polls meanwhile (OutstandingDebtorItems, its session cached since activation).
		const burstCalls = (await calls()).slice(callsBefore).filter((call) => call.operation !== 'OutstandingDebtorItems');
		const byOperation = countBy(burstCalls.map((call) => call.operation));
		// What the runs themselves said: n8n keeps the node's call-count hint with each execution (a sample of the latest 100).
		const runs = await runCallHints(n8n, webhook.id);
		assert.ok(runs.length > 0, 'the executions carry the Yuki node\'s call-count hint');
		assert.ok(runs.every((run) => run.calls >= 1 && run.calls <= 2), `calls per run: ${JSON.stringify(countBy(runs.map((run) => String(run.calls))))}`);
		const highestToday = Math.max(...runs.map((run) => run.callsToday));
		const jobsPerWorker = workerLogs.map((file) => (readFileSync(file, 'utf8').match(/Worker started execution/g) ?? []).length);
		const busyWorkers = jobsPerWorker.filter((jobs) => jobs > 0).length;
		assert.equal(byOperation.Authenticate ?? 0, busyWorkers, 'each worker that ran the flow signed in to Yuki once, on its own');

		t.diagnostic(`set-up: ${stages.join(', ')}`);
		t.diagnostic(`burst: ${deliveries.length} deliveries (${INVOICES} invoices, ${DELIVERED_TWICE} twice; ${IN_FLIGHT} in flight at a time) answered in ${burstSeconds.toFixed(1)} s on ${WORKERS} workers`);
		t.diagnostic(`Yuki calls (sandbox count): ${burstCalls.length} = ${JSON.stringify(byOperation)}; ${duplicates.length} deliveries answered 409 alreadyInYuki`);
		t.diagnostic(`Yuki calls per run, from the hint of ${runs.length} executions: ${JSON.stringify(countBy(runs.map((run) => String(run.calls))))} (calls: runs); highest "today" seen: ${highestToday} of ${burstCalls.length}`);
		t.diagnostic(`executions started per worker (from their logs): ${jobsPerWorker.join(', ')}`);
		assert.ok(highestToday < burstCalls.length || busyWorkers <= 1, 'each worker counts only its own calls');
	});

	test('a PDF receipt posted to the main reaches Yuki from a worker through binary data in the database', { timeout: 120_000 }, async () => {
		const pdf = receiptPdf();
		const documentsBefore = (await admin<{ documents: unknown[] }>('GET', 'state')).documents.length;
		const response = await postReceipt(n8n.url, pdf, '26.40', WEBHOOK_TOKEN);
		const text = await response.text();
		assert.equal(response.status, 200, text);
		const answer = JSON.parse(text) as Record<string, unknown>;
		assert.equal(answer.fileName, 'train-ticket.pdf');
		const state = await admin<{ documents: Array<{ id: string; size: number; amount: string; dataBase64: string }> }>('GET', 'state');
		const stored = state.documents.slice(documentsBefore);
		assert.equal(stored.length, 1, 'one document in the archive');
		assert.equal(stored[0].id, answer.documentId);
		assert.equal(stored[0].amount, '26.40');
		assert.ok(Buffer.from(stored[0].dataBase64, 'base64').equals(pdf), 'Yuki got the PDF byte for byte');
		assert.deepEqual(filesHolding(n8n.userFolder, pdf), [], 'binary data mode `database`: no process kept the PDF as a file');
	});

	test(`the Yuki Trigger (polled by the main) reports each of ${PAYMENTS} payments once`, { timeout: 240_000 }, async (t) => {
		await n8n.waitForExecutions(trigger.id, 1, 180_000);
		// One more poll after the payments were reported must not report them again.
		const pollsAtReport = await polls();
		await waitFor(async () => (await polls()) > pollsAtReport, 'one more poll', 150_000);
		await waitUntilSettled(n8n, trigger.id);
		const finalExecutions = await n8n.executions(trigger.id);
		await n8n.deactivate(trigger.id);

		const items: Array<Record<string, unknown>> = [];
		for (const execution of finalExecutions) {
			const run = await n8n.executionOutputs(execution.id);
			assert.equal(run.status, 'success', `trigger execution ${execution.id}: ${run.error ?? 'no error message'}`);
			items.push(...run.outputs['Payment for invoicing tool'].map((item) => item.json));
		}
		assert.deepEqual(
			items.map((item) => [item.invoiceNumber, item.amountReceived]).sort(),
			paidReferences.map((reference) => [reference, 1]),
			'each payment once',
		);
		const triggerPolls = (await polls()) - pollsBeforePayments;
		t.diagnostic(`Yuki calls of the whole test (sandbox count): ${JSON.stringify(countBy((await calls()).map((call) => call.operation)))}`);
		t.diagnostic(`trigger: ${items.length} payments in ${finalExecutions.length} execution(s) over ${triggerPolls} polls after the payments; whole test ${((Date.now() - started) / 1000).toFixed(0)} s`);
	});
});
