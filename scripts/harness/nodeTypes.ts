/**
 * The node types workflows in tests can use. n8n-core ships no nodes (they live in
 * n8n-nodes-base, which this project does not install), so two tiny local types stand in for
 * the n8n nodes tests need around ours:
 * - `harness.start` — like n8n's Manual Trigger: starts the run and emits the test's items
 *   (binary data given as Buffers goes through n8n's own `prepareBinaryData`);
 * - `harness.set` — like n8n's Edit Fields (Set) in JSON mode: replaces each item's JSON with
 *   the object its `json` parameter evaluates to (usually an expression over `$json`).
 * The package's own nodes are loaded on first use, so the harness also runs before they compile.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { NodeTypes } from './engine';

/** Binary input as a test writes it: the file's bytes and what n8n would know about it. */
export interface BinaryInput {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
}

/** An input item as a test writes it: JSON plus binary given either as Buffers or as n8n binary data. */
export interface TestItem {
	json: IDataObject;
	binary?: Record<string, BinaryInput | IBinaryData>;
}

export const START_NODE_TYPE = 'harness.start';
export const SET_NODE_TYPE = 'harness.set';
/** How n8n names the package's nodes once the community package is installed. */
export const YUKI_NODE_TYPE = 'n8n-nodes-yuki.yuki';
export const YUKI_TRIGGER_NODE_TYPE = 'n8n-nodes-yuki.yukiTrigger';

/**
 * The description of a test's own node (a transform with one input and one output unless
 * `overrides` says otherwise), so that tests write only what their node adds.
 */
export function harnessNodeDescription(name: string, displayName: string, overrides: Partial<INodeTypeDescription> = {}): INodeTypeDescription {
	return {
		displayName,
		name,
		group: ['transform'],
		version: 1,
		description: `${displayName} (test harness)`,
		defaults: { name: displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
		...overrides,
	};
}

function isBinaryInput(value: BinaryInput | IBinaryData): value is BinaryInput {
	return Buffer.isBuffer(value.data);
}

/** A start node emitting `items`; a new type per run, so that runs never share items. */
export function startNodeType(items: TestItem[] = [{ json: {} }]): INodeType {
	return {
		description: harnessNodeDescription(START_NODE_TYPE, 'Start', { inputs: [] }),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const output: INodeExecutionData[] = [];
			for (const item of items) {
				const outItem: INodeExecutionData = { json: structuredClone(item.json), pairedItem: { item: 0 } };
				if (item.binary) {
					outItem.binary = {};
					for (const [property, value] of Object.entries(item.binary)) {
						outItem.binary[property] = isBinaryInput(value)
							? await this.helpers.prepareBinaryData(value.data, value.fileName, value.mimeType)
							: { ...value };
					}
				}
				output.push(outItem);
			}
			return [output];
		},
	};
}

/** Replaces each item's JSON with its evaluated `json` parameter, keeping binary data. */
export const setNodeType: INodeType = {
	description: harnessNodeDescription(SET_NODE_TYPE, 'Set', { properties: [{ displayName: 'JSON', name: 'json', type: 'json', default: '{}' }] }),
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => {
				const value = this.getNodeParameter('json', index) as IDataObject | string;
				const json = typeof value === 'string' ? (JSON.parse(value) as IDataObject) : value;
				return { json, binary: item.binary, pairedItem: { item: index } };
			}),
		];
	},
};

/* eslint-disable @typescript-eslint/no-require-imports */
// `.ts` spelled out: a bare `Yuki.node` resolves to the codex file `Yuki.node.json` first.
function loadYukiNode(): INodeType {
	const { Yuki } = require('../../nodes/Yuki/Yuki.node.ts') as { Yuki: new () => INodeType };
	return new Yuki();
}

function loadYukiTriggerNode(): INodeType {
	const { YukiTrigger } = require('../../nodes/Yuki/YukiTrigger.node.ts') as { YukiTrigger: new () => INodeType };
	return new YukiTrigger();
}
/* eslint-enable @typescript-eslint/no-require-imports */

const packageNodeLoaders: Record<string, () => INodeType> = {
	[YUKI_NODE_TYPE]: loadYukiNode,
	[YUKI_TRIGGER_NODE_TYPE]: loadYukiTriggerNode,
};

const packageNodeCache: Record<string, INodeType> = {};

/** The package's node type (loaded and cached on first use). */
export function packageNodeType(name: string): INodeType {
	packageNodeCache[name] ??= packageNodeLoaders[name]();
	return packageNodeCache[name];
}

/**
 * Node types for one run: the harness nodes, the package's nodes (only those the workflow
 * uses are loaded) and any extra types a test brings (e.g. a trivial node for harness tests).
 */
export function nodeTypesFor(
	usedTypes: string[],
	options: { startItems?: TestItem[]; extraTypes?: Record<string, INodeType> } = {},
): NodeTypes {
	const types: Record<string, INodeType> = {
		[START_NODE_TYPE]: startNodeType(options.startItems),
		[SET_NODE_TYPE]: setNodeType,
		...options.extraTypes,
	};
	for (const name of usedTypes) {
		if (!types[name] && packageNodeLoaders[name]) types[name] = packageNodeType(name);
	}
	return new NodeTypes(types);
}
