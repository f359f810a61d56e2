/**
 * Yuki calls per scenario, counted by the sandbox (server-side truth) and compared with what the
 * node itself reports (the execution hint "This run used N Yuki calls", from the client's `callCount()`), next to the naive way:
 * authenticate, then one call per invoice.
 */
import { DEFAULT_BATCH_SIZE } from '../../nodes/Yuki/invoices/options';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { salesInvoiceJson } from '../fixtures/invoices';
import { sandboxCredentials as credentialsFor } from '../harness/credentials';
import { pollTrigger } from '../harness/pollTrigger';
import { runYukiNode } from '../harness/runWorkflow';
import type { BenchRow, BenchSection } from './report';
import { formatCount } from './report';
import type { RunningSandbox } from './sandboxRuns';
import { callsSince, freshReferences } from './sandboxRuns';

const INVOICE_COUNTS = [1, 10, 100, 1000];
const OPEN_ITEM_COUNTS = [10, 1000, 10_000];

/** What the node says it used: the run's execution hint, "This run used N Yuki calls (…)". */
function reportedCalls(run: { hints: Array<{ message: string }> }): number | undefined {
	const match = run.hints.map((hint) => /^This run used (\d+) Yuki calls?/.exec(hint.message)).find(Boolean);
	return match ? Number(match[1]) : undefined;
}

function failures(items: Array<{ json: Record<string, unknown> }>): number {
	return items.filter((item) => item.json.error !== undefined).length;
}

async function salesRun(sandbox: RunningSandbox, count: number) {
	const from = sandbox.calls.length;
	const run = await runYukiNode({
		parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' },
		items: freshReferences(count).map((reference) => ({ json: salesInvoiceJson(reference) })),
		credentials: credentialsFor(sandbox),
		continueOnFail: true,
	});
	if (run.error) throw new Error(`sales invoice run failed: ${run.error.message}`);
	const failed = failures(run.items);
	if (failed > 0) throw new Error(`${failed} of ${count} invoices failed: ${JSON.stringify(run.items.find((item) => item.json.error)?.json)}`);
	return { tally: callsSince(sandbox, from), reported: reportedCalls(run) };
}

export async function callScenarios(sandbox: RunningSandbox): Promise<BenchSection> {
	const rows: BenchRow[] = [];
	const batch = DEFAULT_BATCH_SIZE.sales;

	for (const count of INVOICE_COUNTS) {
		resetTransportCaches(); // cold: no cached session
		const cold = await salesRun(sandbox, count);
		const warm = await salesRun(sandbox, count); // the session of the cold run is reused
		const target = 1 + Math.ceil(count / batch);
		const pass = cold.tally.total <= target && warm.tally.authentications === 0 && warm.tally.total <= target - 1;
		rows.push({
			scenario: `${formatCount(count)} sales invoice${count === 1 ? '' : 's'} in one run`,
			measured: `${cold.tally.total} (cached session: ${warm.tally.total}, no Authenticate)${cold.reported !== cold.tally.total ? `; node reported ${cold.reported}` : ''}`,
			naive: formatCount(1 + count),
			target: `≤ ${target}; no Authenticate with a cached session`,
			pass: pass && cold.reported === cold.tally.total,
		});
	}

	let seeded = 0;
	for (const count of OPEN_ITEM_COUNTS) {
		const created = sandbox.seedOpenItems(count);
		seeded += count;
		const first = Number(created.firstReference.slice('BULK-'.length));
		const references = Array.from({ length: count }, (_, index) => `BULK-${String(first + index).padStart(6, '0')}`);
		resetTransportCaches();
		const from = sandbox.calls.length;
		const run = await runYukiNode({
			parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', referenceSource: 'perItem', reference: '={{ $json.reference }}' },
			items: references.map((reference) => ({ json: { reference } })),
			credentials: credentialsFor(sandbox),
			continueOnFail: true,
		});
		if (run.error) throw new Error(`payment status run failed: ${run.error.message}`);
		const tally = callsSince(sandbox, from);
		const answered = run.items.filter((item) => item.json.error === undefined).length;
		rows.push({
			scenario: `Payment status of ${formatCount(count)} open invoices`,
			measured: `${tally.total} (${Object.entries(tally.byOperation).map(([operation, calls]) => `${calls} ${operation}`).join(', ')}); ${formatCount(answered)} statuses`,
			naive: formatCount(1 + count),
			target: '≤ 2',
			pass: tally.total <= 2 && answered === count && reportedCalls(run) === tally.total,
		});
	}

	resetTransportCaches();
	const from = sandbox.calls.length;
	await pollTrigger({ parameters: { side: 'debtor' }, credentials: credentialsFor(sandbox) });
	const poll = callsSince(sandbox, from);
	const open = sandbox.state.items.filter((item) => item.side === 'debtor' && item.administrationId === sandbox.demo.organisation.id && item.openAmount !== '0.00').length;
	rows.push({
		scenario: `One trigger poll (${formatCount(open)} open invoices)`,
		measured: `${poll.total} (${Object.entries(poll.byOperation).map(([operation, calls]) => `${calls} ${operation}`).join(', ')})`,
		naive: formatCount(1 + open),
		target: '≤ 2 (1 with a cached session)',
		pass: poll.total <= 2,
	});

	return {
		title: 'Yuki calls per scenario',
		method: [
			`Counted by the sandbox, which logs every SOAP call it receives, and checked against the call count the node states once per run as an n8n execution hint.`,
			`Sales invoices go in batches of ${batch} (the node's default Batch Size); each count runs twice: first with no cached session, then again (new invoice numbers) with the session the first run left.`,
			`Payment status uses "One Reference per Item" with ${formatCount(seeded)} open invoices added to the demo administration over the three rows (the list call returns all of them).`,
			'The naive way authenticates and then makes one call per invoice (ProcessSalesInvoices with one invoice, or CheckOutstandingItem per reference).',
		].join(' '),
		rows,
	};
}
