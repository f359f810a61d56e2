/**
 * The node's runs the bench times, through n8n's real engine (scripts/harness), and the checks
 * that a timed run did what it should (a failed run must never pass for a fast one).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { performance } from 'node:perf_hooks';
import { YUKI_NODE_TYPE, packageNodeType } from '../harness/nodeTypes';
import type { TestItem } from '../harness/nodeTypes';
import { runYukiNode } from '../harness/runWorkflow';
import type { NodeRun, YukiCredentialData } from '../harness/runWorkflow';
import { salesInvoiceJson } from '../fixtures/invoices';

export function failures(run: NodeRun): number {
	return run.items.filter((item) => item.json.error !== undefined).length;
}

export function assertClean(run: NodeRun, expected: number, what: string): void {
	const failed = failures(run);
	if (run.error || failed > 0 || run.items.length !== expected) {
		const first = run.error?.message ?? JSON.stringify(run.items.find((item) => item.json.error)?.json.error ?? '').slice(0, 300);
		throw new Error(`${what}: ${failed} of ${expected} items failed (${run.items.length} out): ${first}`);
	}
}

/** The input items of a sales run: one sales invoice (JSON) per reference. */
export function salesItems(references: readonly string[]): TestItem[] {
	return references.map((reference) => ({ json: salesInvoiceJson(reference) }));
}

/**
 * Sales invoices (JSON input, default options) through the node. `items` built beforehand keeps
 * building them out of a timed run (the harness's start node still copies them, as a trigger
 * produces new items); `nodeType` runs e.g. a timed Yuki node in the Yuki node's place.
 */
export async function salesRun(
	credentials: YukiCredentialData,
	references: readonly string[],
	options: { items?: TestItem[]; nodeType?: INodeType } = {},
): Promise<NodeRun> {
	const run = await runYukiNode({
		parameters: SALES_PARAMETERS,
		items: options.items ?? salesItems(references),
		credentials,
		continueOnFail: true,
		nodeType: options.nodeType,
	});
	assertClean(run, references.length, `${references.length} sales invoices`);
	return run;
}

/** A node type whose `execute` is timed, wall and CPU; `lastMs` and `lastCpuMs` are the latest run's. */
export interface TimedNode {
	nodeType: INodeType;
	lastMs(): number;
	lastCpuMs(): number;
}

/**
 * `type` with its `execute` timed: the node's own time inside n8n's engine, from the moment the
 * engine hands it its items to the moment it returns its output (n8n's own figure for a node's
 * run, without the workflow around it).
 */
export function timedNode(type: INodeType): TimedNode {
	const execute = type.execute as NonNullable<INodeType['execute']>;
	let lastMs = Number.NaN;
	let lastCpuMs = Number.NaN;
	const nodeType: INodeType = {
		description: type.description,
		methods: type.methods,
		async execute(this: IExecuteFunctions) {
			const cpu = process.cpuUsage();
			const started = performance.now();
			try {
				return await execute.call(this);
			} finally {
				lastMs = performance.now() - started;
				const used = process.cpuUsage(cpu);
				lastCpuMs = (used.user + used.system) / 1000;
			}
		},
	};
	return { nodeType, lastMs: () => lastMs, lastCpuMs: () => lastCpuMs };
}

/** The package's Yuki node with its `execute` timed. */
export function timedYukiNode(): TimedNode {
	return timedNode(packageNodeType(YUKI_NODE_TYPE));
}

const SALES_PARAMETERS = { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' };

/** The Yuki node's description with an execute that hands its input on untouched: n8n's engine alone. */
function passThroughNode(): INodeType {
	return {
		description: packageNodeType(YUKI_NODE_TYPE).description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [this.getInputData().map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
		},
	};
}

/**
 * The same workflow and input items as `salesRun`, with a node that passes its items on in the
 * Yuki node's place: what n8n's engine (and the harness's start node) costs for these items,
 * which the node's run includes and a raw POST does not.
 */
export async function engineAloneRun(credentials: YukiCredentialData, references: readonly string[], items?: TestItem[]): Promise<NodeRun> {
	const run = await runYukiNode({
		parameters: SALES_PARAMETERS,
		items: items ?? salesItems(references),
		credentials,
		nodeType: passThroughNode(),
	});
	if (run.error || run.items.length !== references.length) throw new Error(`engine alone: ${run.error?.message ?? run.items.length}`);
	return run;
}

/** Payment → Get Status, one reference per item. */
export async function getStatusRun(credentials: YukiCredentialData, references: readonly string[]): Promise<NodeRun> {
	const run = await runYukiNode({
		parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', referenceSource: 'perItem', reference: '={{ $json.reference }}' },
		items: references.map((reference) => ({ json: { reference } })),
		credentials,
		continueOnFail: true,
	});
	assertClean(run, references.length, `payment status of ${references.length} references`);
	return run;
}

/** Payment → Get Status, all references in one item ("A List of References"): one expression for the run. */
export async function getStatusListRun(credentials: YukiCredentialData, references: readonly string[]): Promise<NodeRun> {
	const run = await runYukiNode({
		parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', referenceSource: 'list', references: '={{ $json.refs }}' },
		items: [{ json: { refs: [...references] } }],
		credentials,
		continueOnFail: true,
	});
	assertClean(run, references.length, `payment status of a list of ${references.length} references`);
	return run;
}

export function references(prefix: string, count: number): string[] {
	return Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(6, '0')}`);
}

/** `count` references numbered on from `first` (e.g. the sandbox's BULK-000001), as it seeds them. */
export function consecutiveReferences(first: string, count: number): string[] {
	const prefix = first.replace(/\d+$/, '');
	const start = Number(first.slice(prefix.length));
	const width = first.length - prefix.length;
	return Array.from({ length: count }, (_, index) => `${prefix}${String(start + index).padStart(width, '0')}`);
}
