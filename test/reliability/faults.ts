/**
 * Fault injection through the sandbox: every way a Yuki call can go wrong, first against the
 * transport directly, then mid-run against the node (n8n's real engine). For each: a clear error
 * or per-item errors, no item lost or duplicated, and no Process call sent again after it may
 * have reached Yuki.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createYukiClient } from '../helpers/n8nRequest';
import { YukiError } from '../../nodes/Yuki/transport/types';
import type { YukiApi } from '../../nodes/Yuki/transport/api';
import type { YukiErrorKind } from '../../nodes/Yuki/transport/types';
import { FAULT_KINDS } from '../../sandbox/faults';
import type { FaultKind, FaultSpec, RunningSandbox } from '../../sandbox/server';
import { pollTrigger } from '../helpers';
import { capture, capturingLogger } from './capture';
import { closeSandbox, credentialsFor, harvestSessions, openSandbox, runNode, sandboxPerSuite } from './env';
import { countItems, figures } from './figures';
import { purchaseInvoiceInput, salesInvoiceInput, samplePdf } from './samples';

/** What the transport must report for each fault (a few kinds may fairly be read two ways). */
const TRANSPORT_EXPECTATION: Record<FaultKind, { kinds: YukiErrorKind[] | 'succeeds'; mayHaveReachedYuki?: boolean }> = {
	slow: { kinds: ['timeout'], mayHaveReachedYuki: true },
	drop: { kinds: ['network'], mayHaveReachedYuki: true },
	'reset-mid-response': { kinds: ['network', 'malformed'], mayHaveReachedYuki: true },
	malformed: { kinds: ['malformed'], mayHaveReachedYuki: true },
	truncated: { kinds: ['malformed', 'network'], mayHaveReachedYuki: true },
	fault: { kinds: ['fault'], mayHaveReachedYuki: false },
	'fault-in-200': { kinds: ['fault'], mayHaveReachedYuki: false },
	'expire-session': { kinds: 'succeeds' },
	'quota-exhausted': { kinds: ['fault'], mayHaveReachedYuki: false },
	xxe: { kinds: ['malformed'], mayHaveReachedYuki: true },
	'http-status': { kinds: ['http'], mayHaveReachedYuki: true },
};

/**
 * Timeouts: a `slow` answer comes after SLOW_DELAY_MS, the call that meets it gives up after
 * SHORT_TIMEOUT_MS; every other call keeps a timeout no loaded CI machine comes near.
 */
const SHORT_TIMEOUT_MS = 1000;
const SLOW_DELAY_MS = 4000;
const NORMAL_TIMEOUT_MS = 30_000;

function clientFor(sandbox: RunningSandbox, label: string, timeoutMs = NORMAL_TIMEOUT_MS): YukiApi {
	return createYukiClient(
		{
			region: 'custom',
			customBaseUrl: sandbox.url,
			accessKey: sandbox.demo.accessKey,
			clientId: sandbox.demo.clientId,
			clientSecret: sandbox.demo.clientSecret,
			timeoutMs,
		},
		{ logger: capturingLogger(label) },
	);
}

/** The fault as injected: `slow` answers only after the short timeout has long passed. */
function faultOf(kind: FaultKind, operation: string): FaultSpec {
	return kind === 'slow' ? { kind, operation, delayMs: SLOW_DELAY_MS } : { kind, operation };
}

/** Signs of a crash rather than an error written for the user. */
const CRASH_TEXT = /TypeError|ReferenceError|Cannot read propert|is not a function|undefined is not/;

const processCalls = (sandbox: RunningSandbox) => sandbox.calls.filter((call) => call.operation === 'ProcessSalesInvoices').length;

/** A fault that does nothing (answers after 0 ms): queued first, it makes the next fault hit the second call. */
const PASS_ONE: FaultSpec = { kind: 'slow', delayMs: 0, operation: 'ProcessSalesInvoices' };

export function describeFaults(): void {
	describe('fault injection: transport', () => {
		let sandbox: RunningSandbox;
		sandboxPerSuite((opened) => (sandbox = opened));

		for (const kind of FAULT_KINDS) {
			const expected = TRANSPORT_EXPECTATION[kind];
			it(`${kind}: a read call ${expected.kinds === 'succeeds' ? 'renews the session once and succeeds' : `fails with a clear ${expected.kinds.join(' or ')} error`}`, async () => {
				// A session first (cached for the credential), as a run in progress has one.
				await clientFor(sandbox, `transport ${kind} setup`).administrations();
				const yuki = clientFor(sandbox, `transport ${kind}`, kind === 'slow' ? SHORT_TIMEOUT_MS : NORMAL_TIMEOUT_MS);
				const authenticateBefore = sandbox.calls.filter((call) => call.operation === 'Authenticate').length;
				sandbox.injectFault(faultOf(kind, 'OutstandingDebtorItems'));
				figures.faultKinds.add(kind);
				figures.faultRuns++;
				const attempt = yuki.outstandingItems('debtor', sandbox.demo.organisation.id, { includeBankTransactions: false, sortOrder: 'DateAsc' });
				if (expected.kinds === 'succeeds') {
					const items = await attempt;
					capture(`transport ${kind}: result`, items);
					assert.ok(items.length > 0);
					const authenticateAfter = sandbox.calls.filter((call) => call.operation === 'Authenticate').length;
					assert.equal(authenticateAfter - authenticateBefore, 1, 'exactly one new Authenticate after the session expired');
				} else {
					const error = await attempt.then(
						() => assert.fail('the call succeeded despite the fault'),
						(failure: unknown) => failure,
					);
					capture(`transport ${kind}: error`, error);
					assert.ok(error instanceof YukiError, `not a YukiError: ${String(error)}`);
					assert.ok(expected.kinds.includes(error.kind), `kind ${error.kind}, expected ${expected.kinds.join('/')}: ${error.message}`);
					assert.equal(error.operation, 'OutstandingDebtorItems');
					assert.match(error.message, /OutstandingDebtorItems|Yuki/);
					if (expected.mayHaveReachedYuki !== undefined && kind !== 'http-status') {
						assert.equal(error.mayHaveReachedYuki, expected.mayHaveReachedYuki, `mayHaveReachedYuki for ${kind}`);
					}
					if (kind === 'quota-exhausted') assert.match(`${error.message} ${error.hint ?? ''}`, /quota|limit|1[.,]?000/i);
				}
				sandbox.clearFaults();
				harvestSessions(sandbox);
			});
		}

		for (const kind of ['slow', 'drop', 'reset-mid-response', 'truncated', 'malformed', 'http-status'] as const) {
			it(`${kind} on ProcessSalesInvoices: the call is not repeated (Yuki may have booked it)`, async () => {
				await clientFor(sandbox, `transport process ${kind} setup`).administrations();
				const yuki = clientFor(sandbox, `transport process ${kind}`, kind === 'slow' ? SHORT_TIMEOUT_MS : NORMAL_TIMEOUT_MS);
				const before = processCalls(sandbox);
				sandbox.injectFault(faultOf(kind, 'ProcessSalesInvoices'));
				const { xml } = salesInvoiceInput.document([`TF-${kind}-1`]);
				const error = await yuki.processSalesInvoices(sandbox.demo.organisation.id, xml).then(
					() => assert.fail('the call succeeded despite the fault'),
					(failure: unknown) => failure,
				);
				capture(`transport process ${kind}: error`, error);
				assert.ok(error instanceof YukiError);
				assert.equal(error.mayHaveReachedYuki, true, `${kind}: the error must say the invoices may have been booked`);
				const sent = processCalls(sandbox) - before;
				if (sent > 1) figures.resentWithoutProof += sent - 1;
				assert.equal(sent, 1, `${kind}: ProcessSalesInvoices was sent ${sent} times`);
				sandbox.clearFaults();
			});
		}
	});

	describe('fault injection: the node mid-run (12 sales invoices in 3 batches of 4, fault on batch 2)', () => {
		let sandbox: RunningSandbox;
		let run = 0;
		sandboxPerSuite((opened) => (sandbox = opened));

		interface NodeCase {
			kind: FaultKind;
			fault: FaultSpec;
			/** Batch 2 may have been booked: its items must say "check Yuki before resending". */
			mayHaveBeenBooked: boolean;
			/** Batch 3 is held back after this fault (nothing could work). */
			stopsRun: boolean;
			/** Extra Process calls allowed (a session renewal repeats the refused call once). */
			extraCalls?: number;
			/** The node's Timeout option for this run (seconds); other runs keep the default. */
			timeoutSeconds?: number;
		}
		const cases: NodeCase[] = [
			{ kind: 'fault', fault: { kind: 'fault', faultString: 'Server was unable to process request. ---> Object reference not set' }, mayHaveBeenBooked: false, stopsRun: true },
			{ kind: 'fault-in-200', fault: { kind: 'fault-in-200', faultString: 'Server was unable to process request.' }, mayHaveBeenBooked: false, stopsRun: true },
			{ kind: 'http-status', fault: { kind: 'http-status', status: 500 }, mayHaveBeenBooked: true, stopsRun: false },
			{ kind: 'malformed', fault: { kind: 'malformed' }, mayHaveBeenBooked: true, stopsRun: false },
			{ kind: 'truncated', fault: { kind: 'truncated' }, mayHaveBeenBooked: true, stopsRun: false },
			{ kind: 'reset-mid-response', fault: { kind: 'reset-mid-response' }, mayHaveBeenBooked: true, stopsRun: false },
			{ kind: 'drop', fault: { kind: 'drop' }, mayHaveBeenBooked: true, stopsRun: false },
			{ kind: 'slow', fault: { kind: 'slow', delayMs: 20_000 }, mayHaveBeenBooked: true, stopsRun: false, timeoutSeconds: 5 },
			{ kind: 'xxe', fault: { kind: 'xxe' }, mayHaveBeenBooked: true, stopsRun: false },
			{ kind: 'expire-session', fault: { kind: 'expire-session' }, mayHaveBeenBooked: false, stopsRun: false, extraCalls: 1 },
			{ kind: 'quota-exhausted', fault: { kind: 'quota-exhausted' }, mayHaveBeenBooked: false, stopsRun: true },
		];

		for (const testCase of cases) {
			it(`${testCase.kind}: every item comes out once, batch 2 ${testCase.kind === 'expire-session' ? 'is repeated once after renewing the session' : 'reports a clear error'}, nothing is resent blindly`, async () => {
				run++;
				const references = Array.from({ length: 12 }, (_, index) => `NF${run}-${String(index + 1).padStart(2, '0')}`);
				const before = processCalls(sandbox);
				sandbox.injectFault(PASS_ONE);
				sandbox.injectFault({ ...testCase.fault, operation: 'ProcessSalesInvoices' });
				figures.faultKinds.add(testCase.kind);
				figures.faultRuns++;
				const result = await runNode(`node fault ${testCase.kind}`, sandbox, {
					parameters: {
						resource: 'salesInvoice',
						operation: 'process',
						invoiceSource: 'json',
						jsonProperty: '',
						options: { batchSize: 4, ...(testCase.timeoutSeconds ? { timeout: testCase.timeoutSeconds } : {}) },
					},
					items: references.map((reference) => ({ json: salesInvoiceInput.json(reference) })),
					credentials: credentialsFor(sandbox),
					continueOnFail: true,
				});
				sandbox.clearFaults();
				assert.equal(result.error, undefined, `the node failed as a whole: ${result.error?.message}`);
				const { lost, duplicated } = countItems(references.length, result.paired);
				assert.equal(lost, 0, 'items lost');
				assert.equal(duplicated, 0, 'items duplicated');

				const sent = processCalls(sandbox) - before;
				const maxCalls = 3 + (testCase.extraCalls ?? 0);
				// An invoice sent twice meets Yuki's duplicate answer.
				const alreadyThere = result.items.filter((item) => item.json.status === 'alreadyInYuki' || item.json.bookedEarlier !== undefined).length;
				figures.resentWithoutProof += Math.max(0, sent - maxCalls) + alreadyThere;
				assert.ok(sent <= maxCalls, `${sent} Process calls for 3 batches`);
				assert.equal(alreadyThere, 0, 'an invoice was sent twice (Yuki reported it as already there)');

				const batchOf = (index: number) => Math.floor(index / 4) + 1;
				references.forEach((reference, index) => {
					const error = result.errorsByItem.get(index);
					const batch = batchOf(index);
					const shouldFail = testCase.kind !== 'expire-session' && (batch === 2 || (batch === 3 && testCase.stopsRun));
					if (!shouldFail) {
						assert.equal(error, undefined, `item ${index} (${reference}, batch ${batch}) failed: ${error}`);
						return;
					}
					assert.ok(error, `item ${index} (${reference}, batch ${batch}) gave no error`);
					assert.ok(error.includes(reference) || /Item \d+/.test(error), `the error does not say which invoice: ${error}`);
					if (batch === 2 && testCase.mayHaveBeenBooked) {
						assert.match(error, /may have been booked|check Yuki/i, error);
						assert.equal(result.items[index].json.status, 'unknown', `${reference}: a lost answer is "unknown", never "rejected"`);
					}
					if (batch === 2 && !testCase.mayHaveBeenBooked) assert.doesNotMatch(error, /may have been booked/i, error);
					if (testCase.kind === 'quota-exhausted' && batch === 2) assert.match(error, /limit|quota/i, error);
				});
			});
		}

		for (const kind of ['expire-session', 'drop'] as const) {
			it(`${kind} on purchase invoice batch 2 (client session from AuthenticateClient): every item once, nothing resent blindly`, async () => {
				run++;
				figures.faultKinds.add(kind);
				figures.faultRuns++;
				const references = Array.from({ length: 6 }, (_, index) => `PF${run}-${index + 1}`);
				const processCallsBefore = sandbox.calls.filter((call) => call.operation === 'ProcessPurchaseInvoices').length;
				sandbox.injectFault({ kind: 'slow', delayMs: 0, operation: 'ProcessPurchaseInvoices' });
				sandbox.injectFault({ kind, operation: 'ProcessPurchaseInvoices' });
				const result = await runNode(`purchase fault ${kind}`, sandbox, {
					parameters: { resource: 'purchaseInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '', binaryPropertyName: 'data', options: { batchSize: 2 } },
					items: references.map((reference) => ({
						json: purchaseInvoiceInput.json(reference),
						binary: { data: { data: samplePdf, fileName: `${reference}.pdf`, mimeType: 'application/pdf' } },
					})),
					credentials: credentialsFor(sandbox),
					continueOnFail: true,
				});
				sandbox.clearFaults();
				const { lost, duplicated } = countItems(references.length, result.paired);
				assert.equal(lost + duplicated, 0);
				const sent = sandbox.calls.filter((call) => call.operation === 'ProcessPurchaseInvoices').length - processCallsBefore;
				const allowed = 3 + (kind === 'expire-session' ? 1 : 0);
				figures.resentWithoutProof += Math.max(0, sent - allowed);
				assert.ok(sent <= allowed, `${sent} ProcessPurchaseInvoices calls for 3 batches`);
				references.forEach((reference, index) => {
					const error = result.errorsByItem.get(index);
					const inFaultedBatch = index === 2 || index === 3;
					if (kind === 'expire-session' || !inFaultedBatch) assert.equal(error, undefined, `${reference}: ${error}`);
					else assert.match(error ?? '', /may have been booked|check Yuki/i, `${reference}: ${error}`);
				});
			});
		}

		for (const kind of ['fault', 'malformed', 'drop', 'http-status', 'quota-exhausted'] as const) {
			it(`${kind} on the open-items list: Payment › Get Status gives every item its own error, the Yuki Trigger fails clearly`, async () => {
				figures.faultKinds.add(kind);
				figures.faultRuns += 2;
				const references = ['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003', 'DEMO-DUP-1'];
				sandbox.injectFault({ ...faultOf(kind, 'OutstandingDebtorItems') });
				const status = await runNode(`payment fault ${kind}`, sandbox, {
					parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', referenceSource: 'perItem', reference: '={{ $json.reference }}' },
					items: references.map((reference) => ({ json: { reference } })),
					credentials: credentialsFor(sandbox),
					continueOnFail: true,
				});
				sandbox.clearFaults();
				assert.equal(status.error, undefined, status.error?.message);
				const { lost, duplicated } = countItems(references.length, status.paired);
				assert.equal(lost + duplicated, 0);
				references.forEach((reference, index) => {
					const error = status.errorsByItem.get(index);
					assert.ok(error, `${reference} gave no error despite the fault`);
					assert.match(error, /Yuki|Outstanding/i, error);
					assert.doesNotMatch(error, CRASH_TEXT, error);
				});

				sandbox.injectFault({ ...faultOf(kind, 'OutstandingDebtorItems') });
				const poll = pollTrigger({ parameters: { side: 'debtor' }, credentials: credentialsFor(sandbox) });
				const pollError = await poll.then(
					() => assert.fail('the poll succeeded despite the fault'),
					(failure: unknown) => failure as Error,
				);
				sandbox.clearFaults();
				harvestSessions(sandbox);
				capture(`trigger fault ${kind}`, pollError);
				// What n8n shows: the message and, under it, the description.
				const shown = `${pollError.message} ${(pollError as Error & { description?: string }).description ?? ''}`;
				assert.match(shown, /Yuki|Outstanding/i, shown);
				assert.doesNotMatch(shown, CRASH_TEXT, shown);
			});
		}

		it('the real daily quota running out mid-run: sent items succeed, the rest get a quota error and are not lost', async () => {
			const small = await openSandbox({ dailyQuota: 3 });
			try {
				figures.faultKinds.add('quota (real limit)');
				figures.faultRuns++;
				const references = Array.from({ length: 12 }, (_, index) => `QR-${String(index + 1).padStart(2, '0')}`);
				const result = await runNode('node real quota', small, {
					parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '', options: { batchSize: 4 } },
					items: references.map((reference) => ({ json: salesInvoiceInput.json(reference) })),
					credentials: credentialsFor(small),
					continueOnFail: true,
				});
				const { lost, duplicated } = countItems(references.length, result.paired);
				assert.equal(lost + duplicated, 0);
				// Authenticate + 2 batches use the quota of 3; the third batch is refused.
				const succeeded = references.filter((_, index) => !result.errorsByItem.has(index));
				assert.equal(succeeded.length, 8, `succeeded: ${succeeded.join(', ')}`);
				for (let index = 8; index < 12; index++) assert.match(result.errorsByItem.get(index) ?? '', /limit|quota/i);
			} finally {
				await closeSandbox(small);
			}
		});

		it('without Continue On Fail a fault stops the node with one clear error instead of partial output', async () => {
			sandbox.injectFault({ kind: 'fault', operation: 'ProcessSalesInvoices', faultString: 'Server was unable to process request.' });
			figures.faultRuns++;
			const result = await runNode('node fault stop', sandbox, {
				parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '', options: { batchSize: 4 } },
				items: ['NS-1', 'NS-2'].map((reference) => ({ json: salesInvoiceInput.json(`${reference}-${run}`) })),
				credentials: credentialsFor(sandbox),
			});
			sandbox.clearFaults();
			assert.ok(result.error, 'the node did not fail');
			assert.match(result.error.message, /refused|unable|Yuki/i);
		});
	});
}
