/**
 * The example flows users import (examples/*.json), checked without starting n8n: the checks n8n
 * itself runs before it publishes (activates) a workflow, against the nodes' real descriptions.
 * The end-to-end test (test/e2e/flows.test.ts) then runs them in a real n8n.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import type { WorkflowNode } from '../../scripts/n8n/examples';
import {
	EXAMPLE_FILES,
	WEBHOOK_CREDENTIAL,
	YUKI_CREDENTIAL,
	YUKI_DEPARTMENT_CREDENTIAL,
	YUKI_PAYMENTS_CREDENTIAL,
	readExample,
} from '../../scripts/n8n/examples';

// With the extension: "Yuki.node" alone would resolve to the codex file Yuki.node.json.
/* eslint-disable @typescript-eslint/no-require-imports */
const { Yuki } = require('../../nodes/Yuki/Yuki.node.ts') as { Yuki: new () => INodeType };
const { YukiTrigger } = require('../../nodes/Yuki/YukiTrigger.node.ts') as { YukiTrigger: new () => INodeType };
/* eslint-enable @typescript-eslint/no-require-imports */

const YUKI_NODES: Record<string, INodeTypeDescription> = {
	'n8n-nodes-yuki.yuki': new Yuki().description,
	'n8n-nodes-yuki.yukiTrigger': new YukiTrigger().description,
};

/** Parameters n8n adds to every polling trigger itself. */
const ADDED_BY_N8N = new Set(['pollTimes']);

function issuesOf(node: WorkflowNode, description: INodeTypeDescription) {
	const parameters = NodeHelpers.getNodeParameters(
		description.properties,
		node.parameters as INodeParameters,
		true,
		false,
		{ ...node, typeVersion: node.typeVersion },
		description,
	);
	return NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: parameters ?? {} } as never, description);
}

for (const name of EXAMPLE_FILES) {
	describe(`examples/${name}.json`, () => {
		const workflow = readExample(name);
		const yukiNodes = workflow.nodes.filter((node) => node.type in YUKI_NODES);

		test('uses the community-package node types, so that it imports after a Community Nodes install', () => {
			// The error workflow only reacts to failed Yuki runs; it has no Yuki node of its own.
			if (name !== 'error-workflow') assert.ok(yukiNodes.length > 0);
			for (const node of workflow.nodes) {
				assert.match(node.type, /^(n8n-nodes-base|n8n-nodes-yuki)\./, `${node.name}: ${node.type}`);
			}
		});

		test('has no parameter issues that would stop n8n from publishing it', () => {
			for (const node of yukiNodes) {
				assert.equal(JSON.stringify(issuesOf(node, YUKI_NODES[node.type])), 'null', `node "${node.name}"`);
			}
		});

		test('sets only parameters the Yuki nodes have', () => {
			for (const node of yukiNodes) {
				const known = new Set(YUKI_NODES[node.type].properties.map((property) => property.name));
				for (const parameter of Object.keys(node.parameters)) {
					assert.ok(known.has(parameter) || ADDED_BY_N8N.has(parameter), `node "${node.name}": unknown parameter "${parameter}"`);
				}
			}
		});

		test('refers to the example credentials, and a webhook only behind Header Auth', () => {
			for (const node of workflow.nodes) {
				for (const [type, credential] of Object.entries(node.credentials ?? {})) {
					const expected = type === 'yukiApi' ? [YUKI_CREDENTIAL, YUKI_DEPARTMENT_CREDENTIAL, YUKI_PAYMENTS_CREDENTIAL] : [WEBHOOK_CREDENTIAL];
					assert.ok(
						expected.some((known) => known.id === credential.id && known.name === credential.name),
						`node "${node.name}": ${JSON.stringify(credential)}`,
					);
				}
				if (node.type === 'n8n-nodes-base.webhook') {
					assert.equal(node.parameters.authentication, 'headerAuth', `node "${node.name}" must not be reachable anonymously`);
					assert.ok(node.credentials?.httpHeaderAuth, `node "${node.name}" has a Header Auth credential`);
				}
			}
		});

		test('connects only nodes it has', () => {
			const names = new Set(workflow.nodes.map((node) => node.name));
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				assert.ok(names.has(from), from);
				for (const output of (outputs as { main: Array<Array<{ node: string }>> }).main) {
					for (const target of output) assert.ok(names.has(target.node), `${from} → ${target.node}`);
				}
			}
		});
	});
}
