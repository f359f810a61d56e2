/**
 * The harness itself, with a trivial node standing in for the Yuki node, so that it is known to
 * work independently of the package's nodes: items and binary data in, pairedItem out,
 * Continue On Fail, a failing node, credentials with defaults, time zone, expressions, polling.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { harnessNodeDescription, SET_NODE_TYPE, START_NODE_TYPE, YUKI_NODE_TYPE, pollTrigger, runWorkflow, runYukiNode, withSandbox } from '.';

const credentials = { accessKey: 'secret-key', region: 'custom', customBaseUrl: 'http://127.0.0.1:1' };

/** Echoes items, reads a binary property, fails items marked `fail`. */
const echoNode: INodeType = {
	description: harnessNodeDescription('echo', 'Echo', {
		credentials: [{ name: 'yukiApi', required: true }],
		properties: [
			{ displayName: 'Label', name: 'label', type: 'string', default: 'default label' },
			{ displayName: 'Binary Property', name: 'binaryProperty', type: 'string', default: '' },
		],
	}),
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credential = await this.getCredentials('yukiApi');
		this.logger.debug('echo ran', { items: this.getInputData().length });
		const output: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			try {
				if (item.json.fail) throw new NodeOperationError(this.getNode(), `Item ${index} asked to fail`, { itemIndex: index });
				const json: IDataObject = {
					...item.json,
					label: this.getNodeParameter('label', index),
					region: credential.region,
					archiveFolderId: credential.archiveFolderId,
					timezone: this.getTimezone(),
				};
				const property = this.getNodeParameter('binaryProperty', index) as string;
				if (property) {
					const binary = this.helpers.assertBinaryData(index, property);
					const buffer = await this.helpers.getBinaryDataBuffer(index, property);
					json.file = { name: binary.fileName, mimeType: binary.mimeType, text: buffer.toString('utf8') };
				}
				output.push({ json, pairedItem: { item: index } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: index } });
			}
		}
		return [output];
	},
};

describe('test harness (n8n-core WorkflowExecute)', () => {
	it('runs the node on every input item, with parameters, credential defaults and pairedItem', async () => {
		const run = await runYukiNode({
			nodeType: echoNode,
			parameters: { label: '={{ "for " + $json.name }}' },
			items: [{ json: { name: 'a' } }, { json: { name: 'b' } }],
			credentials,
			timezone: 'Europe/Amsterdam',
		});
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => [item.json.label, item.json.region, item.json.archiveFolderId, item.json.timezone, item.pairedItem]),
			[
				['for a', 'custom', 0, 'Europe/Amsterdam', { item: 0 }],
				['for b', 'custom', 0, 'Europe/Amsterdam', { item: 1 }],
			],
		);
		assert.ok(run.logs.some((line) => line.message === 'echo ran'));
	});

	it('hands binary data given as Buffers to the node through n8n binary helpers', async () => {
		const run = await runYukiNode({
			nodeType: echoNode,
			parameters: { binaryProperty: 'data' },
			items: [{ json: {}, binary: { data: { data: Buffer.from('hello'), fileName: 'hello.txt', mimeType: 'text/plain' } } }],
			credentials,
		});
		assert.deepEqual(run.items[0].json.file, { name: 'hello.txt', mimeType: 'text/plain', text: 'hello' });
	});

	it('reports a failing node as the run error when Continue On Fail is off', async () => {
		const run = await runYukiNode({ nodeType: echoNode, parameters: {}, items: [{ json: { fail: true } }], credentials });
		assert.match(run.error?.message ?? '', /Item 0 asked to fail/);
		assert.deepEqual(run.items, []);
	});

	it('keeps one output item per input item under Continue On Fail', async () => {
		const run = await runYukiNode({
			nodeType: echoNode,
			parameters: {},
			items: [{ json: { n: 1 } }, { json: { fail: true } }, { json: { n: 3 } }],
			credentials,
			continueOnFail: true,
		});
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => [item.json.error ?? item.json.n, item.pairedItem]),
			[
				[1, { item: 0 }],
				['Item 1 asked to fail', { item: 1 }],
				[3, { item: 2 }],
			],
		);
	});

	it('runs several nodes connected in a workflow, expressions included', async () => {
		const run = await runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: START_NODE_TYPE, parameters: {} },
					{ name: 'Echo', type: YUKI_NODE_TYPE, parameters: { label: 'x' } },
					{ name: 'Set', type: SET_NODE_TYPE, parameters: { json: '={{ { summary: $json.label + "-" + $json.n } }}' } },
				],
				connections: {
					Start: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] },
					Echo: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
				},
			},
			{ credentials, startItems: [{ json: { n: 1 } }, { json: { n: 2 } }], extraTypes: { [YUKI_NODE_TYPE]: echoNode } },
		);
		assert.deepEqual(
			run.outputOf('Set').map((item) => item.json.summary),
			['x-1', 'x-2'],
		);
	});

	it('polls a trigger through n8n poll context and returns static data as n8n persists it', async () => {
		const counter: INodeType = {
			description: {
				displayName: 'Counter',
				name: 'counter',
				group: ['trigger'],
				version: 1,
				description: 'Counter (harness test)',
				defaults: { name: 'Counter' },
				polling: true,
				inputs: [],
				outputs: [NodeConnectionTypes.Main],
				credentials: [{ name: 'yukiApi', required: true }],
				properties: [],
			},
			async poll(this: IPollFunctions) {
				const state = this.getWorkflowStaticData('node');
				const seen = ((state.seen as number) ?? 0) + 1;
				if (seen > 2) return null;
				state.seen = seen;
				return [[{ json: { seen, mode: this.getMode() } }]];
			},
		};
		const first = await pollTrigger({ parameters: {}, credentials, triggerNodeType: counter });
		assert.deepEqual(first.items?.map((item) => item.json), [{ seen: 1, mode: 'trigger' }]);
		assert.equal(first.staticDataChanged, true);
		assert.deepEqual(first.nodeStaticData, { seen: 1 });
		const second = await pollTrigger({ parameters: {}, credentials, triggerNodeType: counter, staticData: first.staticData });
		assert.deepEqual(second.nodeStaticData, { seen: 2 });
		const third = await pollTrigger({ parameters: {}, credentials, triggerNodeType: counter, staticData: second.staticData });
		assert.equal(third.items, null);
		assert.equal(third.staticDataChanged, false);
		assert.deepEqual(third.staticData, second.staticData);
	});

	it('runs the real Yuki node against the sandbox (Administration → Get Many)', async () => {
		await withSandbox(async (sandbox, sandboxCredentials) => {
			const run = await runYukiNode({ parameters: { resource: 'administration', operation: 'getMany' }, credentials: sandboxCredentials });
			assert.equal(run.error, undefined);
			assert.deepEqual(
				run.items.map((item) => item.json.id),
				[sandbox.demo.organisation.id, sandbox.demo.department.id],
			);
		});
	});
});
