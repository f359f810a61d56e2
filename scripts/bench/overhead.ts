/**
 * Local overhead per invoice: the node processing 1,000 sales invoices through n8n's engine
 * (validate, build, send, parse, map) against raw HTTP POSTs of the same batches, built
 * beforehand, to the same sandbox. The sandbox's own work is in both, so the difference is what
 * the node adds on this machine.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_BATCH_SIZE } from '../../nodes/Yuki/invoices/options';
import { salesInvoiceDocument } from '../../nodes/Yuki/documents/salesInvoice';
import { validateRecord } from '../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../nodes/Yuki/documents/xml';
import { runYukiNode } from '../../test/helpers';
import { credentialsFor } from '../../test/reliability/env';
import { salesInvoiceInput } from '../../test/reliability/samples';
import type { BenchRow, BenchSection } from './report';
import { formatMs } from './report';
import { rawSoapPost, salesEnvelope } from './rawPost';
import type { RunningSandbox } from './sandboxRuns';
import { freshReferences } from './sandboxRuns';

const COUNT = 1000;
const ROUNDS = 3;
const TARGET_RATIO = 1.3;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** The envelopes a raw client would send for `COUNT` fresh invoices, in the node's batch size. */
function prebuiltEnvelopes(sessionId: string, administrationId: string): string[] {
	const batch = DEFAULT_BATCH_SIZE.sales;
	const records = freshReferences(COUNT, 'RAW').map((reference) => {
		const result = validateRecord(salesInvoiceDocument, salesInvoiceInput.json(reference));
		if (!result.ok) throw new Error('the benchmark invoice is invalid');
		return result.record;
	});
	const envelopes: string[] = [];
	for (let start = 0; start < records.length; start += batch) {
		envelopes.push(salesEnvelope(sessionId, administrationId, buildDocument(salesInvoiceDocument, records.slice(start, start + batch))));
	}
	return envelopes;
}

async function timeRaw(sandbox: RunningSandbox, sessionId: string): Promise<number> {
	const envelopes = prebuiltEnvelopes(sessionId, sandbox.demo.organisation.id);
	const started = performance.now();
	for (const envelope of envelopes) {
		const answer = await rawSoapPost(sandbox.url, 'Sales', 'ProcessSalesInvoices', envelope);
		if (answer.status !== 200 || !/<TotalFailed[^>]*>0</.test(answer.body)) {
			throw new Error(`raw POST failed: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
		}
	}
	return performance.now() - started;
}

async function timeNode(sandbox: RunningSandbox): Promise<number> {
	const items = freshReferences(COUNT, 'NODE').map((reference) => ({ json: salesInvoiceInput.json(reference) }));
	const started = performance.now();
	const run = await runYukiNode({
		parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' },
		items,
		credentials: credentialsFor(sandbox),
		continueOnFail: true,
	});
	const elapsed = performance.now() - started;
	const failed = run.items.filter((item) => item.json.error !== undefined).length;
	if (run.error || failed > 0 || run.items.length !== COUNT) throw new Error(`the node run failed (${failed} item errors): ${run.error?.message ?? ''}`);
	return elapsed;
}

/** Validation and XML building alone (no I/O, no n8n), to show where the node's own time goes. */
function timeDocumentWork(): { validateMs: number; buildMs: number } {
	const inputs = freshReferences(COUNT, 'LOCAL').map((reference) => salesInvoiceInput.json(reference));
	let started = performance.now();
	const records = inputs.map((input) => {
		const result = validateRecord(salesInvoiceDocument, input);
		if (!result.ok) throw new Error('the benchmark invoice is invalid');
		return result.record;
	});
	const validateMs = performance.now() - started;
	started = performance.now();
	for (let start = 0; start < records.length; start += DEFAULT_BATCH_SIZE.sales) {
		buildDocument(salesInvoiceDocument, records.slice(start, start + DEFAULT_BATCH_SIZE.sales));
	}
	return { validateMs, buildMs: performance.now() - started };
}

export async function overheadScenario(sandbox: RunningSandbox): Promise<BenchSection> {
	// Warm up both paths (JIT, WSDL loading, the session) before measuring.
	await timeNode(sandbox);
	const sessionId = sandbox.state.sessions[sandbox.state.sessions.length - 1]?.id;
	if (!sessionId) throw new Error('no session to reuse for the raw POSTs');
	await timeRaw(sandbox, sessionId);

	const nodeTimes: number[] = [];
	const rawTimes: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		// Alternate the order so that neither side always runs on a sandbox with more invoices stored.
		if (round % 2 === 0) {
			rawTimes.push(await timeRaw(sandbox, sessionId));
			nodeTimes.push(await timeNode(sandbox));
		} else {
			nodeTimes.push(await timeNode(sandbox));
			rawTimes.push(await timeRaw(sandbox, sessionId));
		}
	}
	const node = median(nodeTimes);
	const raw = median(rawTimes);
	const local = [timeDocumentWork(), timeDocumentWork(), timeDocumentWork()];
	const validateMs = median(local.map((entry) => entry.validateMs));
	const buildMs = median(local.map((entry) => entry.buildMs));
	const ratio = node / raw;
	const rows: BenchRow[] = [
		{
			scenario: `Time per invoice at N = ${COUNT.toLocaleString('en-US')} (median of ${ROUNDS})`,
			measured: `${formatMs(node / COUNT)} (${formatMs(node)} in total) = ${ratio.toFixed(2)}× raw`,
			naive: `raw POST of pre-built envelopes: ${formatMs(raw / COUNT)} (${formatMs(raw)} in total)`,
			target: `≤ ${TARGET_RATIO}× raw`,
			pass: ratio <= TARGET_RATIO,
		},
	];
	return {
		title: 'Local overhead per invoice',
		method: [
			`${COUNT.toLocaleString('en-US')} sales invoices (JSON input) through the node in n8n's real engine with a cached session: validation, XML building, the SOAP call, parsing Yuki's answer and mapping the output items.`,
			`Against: the same number of invoices as envelopes built before the clock starts (batches of ${DEFAULT_BATCH_SIZE.sales}, as the node sends them), POSTed one after another with node's http to the same sandbox.`,
			'The sandbox processes the invoices in both (parsing, schema check, booking), so the ratio shows what the node adds on top of the HTTP round trips and Yuki\'s own work.',
			`Median of ${ROUNDS} rounds, alternating which side runs first, after one warm-up round each.`,
			`Where the node's own time goes, measured apart (no I/O, no n8n): validating the ${COUNT.toLocaleString('en-US')} invoices took ${formatMs(validateMs)} and building their documents (xmlbuilder2) ${formatMs(buildMs)}; the rest of the difference is n8n's engine handling ${COUNT.toLocaleString('en-US')} items and the SOAP envelope and answer.`,
		].join(' '),
		rows,
	};
}
