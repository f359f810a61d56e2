import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { jsonFieldPath } from '../../../../nodes/Yuki/helpers/jsonFieldExpression';
import { locatorValuePerItem, parameterPerItem } from '../../../../nodes/Yuki/helpers/itemParameters';
import { administrationField } from '../../../../nodes/Yuki/helpers/parameters';
import { harnessNodeDescription, runYukiNode } from '../../../helpers';

// With the extension: "Yuki.node" alone would resolve to the codex file Yuki.node.json.
const { Yuki } = require('../../../../nodes/Yuki/Yuki.node.ts') as { Yuki: new () => INodeType };
const { YukiTrigger } = require('../../../../nodes/Yuki/YukiTrigger.node.ts') as { YukiTrigger: new () => INodeType };

/** Input items of many shapes, as earlier nodes hand them on. */
const ITEMS: IDataObject[] = [
	{ a: 'INV-1' },
	{ a: 7 },
	{ a: 0 },
	{ a: -12.5 },
	{ a: '' },
	{ a: ' spaced ' },
	{ a: 'x{{ 1 }}' },
	{ a: true },
	{ a: null },
	{ a: Number.NaN },
	{ a: 1e21 },
	{},
	{ b: 1 },
	{ a: undefined },
	{ a: { b: 'nested' } },
	{ a: { b: 3 } },
	{ a: { b: { c: 'deep' } } },
	{ a: {} },
	{ a: ['q'] },
	{ a: new Date(0) as unknown as IDataObject },
	{ 'invoice number': '2024-0012' },
	{ constructor: 'own constructor' },
	{ toString: 'own toString' },
];

/** Raw parameter values: the plain field reads the fast path takes, and lookalikes it must leave to n8n. */
const FAST = ['={{ $json.a }}', '={{$json.a}}', '={{   $json.a   }}', '={{ $json["a"] }}', "={{ $json['a'] }}", '={{ $json.a.b }}', '={{ $json["a"].b }}', '={{ $json.a.b.c }}', '={{ $json["invoice number"] }}', '={{ $json.toString }}', '={{ $json.a.length }}'];
const NOT_FAST = [
	'={{ $json.constructor }}',
	'={{ $json["constructor"] }}',
	'={{ $json.__proto__ }}',
	'={{ $json["__proto__"] }}',
	'={{ $json.a }} ',
	'= {{ $json.a }}',
	'={{ $json.a }}{{ $json.a }}',
	'={{ $json.a[0] }}',
	'={{ $json.a + "" }}',
	'={{ $json.a.toUpperCase() }}',
	'={{ $json?.a }}',
	'={{ $json["}}"] }}',
	"={{ $json['it\\'s'] }}",
	'={{ $json }}',
	'={{ $input.item.json.a }}',
	'$json.a',
	'{{ $json.a }}',
];

interface Comparison {
	same: boolean;
	n8n: unknown;
	direct: unknown;
}

/**
 * A node that reads its one string parameter both ways for every item: n8n's getNodeParameter and
 * parameterPerItem (with the fast path), counting how often the latter still asked n8n.
 */
function comparingNode(fallbacks: { count: number }, locator = false): INodeType {
	return {
		description: harnessNodeDescription('compare', 'Compare', {
			// The administration picker as the node has it (a resource locator whose modes have no extractValue).
			properties: [locator ? administrationField({}, 'value') : { displayName: 'Value', name: 'value', type: 'string', default: '' }],
		}),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const counted = {
				getNode: () => this.getNode(),
				getInputData: () => this.getInputData(),
				getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: IDataObject) => {
					fallbacks.count++;
					return this.getNodeParameter(name, itemIndex, fallback, options);
				},
			} as unknown as IExecuteFunctions;
			const direct = locator ? locatorValuePerItem(counted, 'value') : parameterPerItem(counted, 'value', '');
			const outcome = (read: () => unknown) => {
				try {
					return { value: read() };
				} catch (error) {
					return { error: (error as Error).message };
				}
			};
			return [
				this.getInputData().map((_, itemIndex) => {
					const n8n = outcome(() => (locator ? this.getNodeParameter('value', itemIndex, '', { extractValue: true }) : this.getNodeParameter('value', itemIndex, '')));
					const ours = outcome(() => direct(itemIndex));
					const comparison: Comparison = { same: isDeepStrictEqual(n8n, ours), n8n: String(JSON.stringify(n8n)), direct: String(JSON.stringify(ours)) };
					return { json: comparison as unknown as IDataObject, pairedItem: { item: itemIndex } };
				}),
			];
		},
	};
}

async function compare(value: unknown, locator = false): Promise<{ results: Comparison[]; fallbacks: number }> {
	const fallbacks = { count: 0 };
	const run = await runYukiNode({
		nodeType: comparingNode(fallbacks, locator),
		parameters: { value } as INodeParameters,
		items: ITEMS.map((json) => ({ json })),
		credentials: {},
	});
	assert.equal(run.error, undefined, `${value}: ${run.error?.message}`);
	return { results: run.items.map((item) => item.json as unknown as Comparison), fallbacks: fallbacks.count };
}

describe('reading ={{ $json.field }} straight from the item', () => {
	it('gives what n8n gives (value or error) for every shape of item and expression', async () => {
		for (const value of [...FAST, ...NOT_FAST]) {
			const { results } = await compare(value);
			assert.equal(results.length, ITEMS.length);
			results.forEach((result, index) => {
				assert.ok(result.same, `${value} on ${JSON.stringify(ITEMS[index])}: n8n ${result.n8n}, direct ${result.direct}`);
			});
		}
	});

	it('skips n8n for plain field reads, and asks n8n for everything else', async () => {
		// Strings, finite numbers, booleans, null and absent fields are read directly; n8n decides
		// objects, arrays, dates and NaN.
		const plain = await compare('={{ $json.a }}');
		const leftToN8n = ITEMS.filter(({ a }) => (typeof a === 'object' && a !== null) || Number.isNaN(a));
		assert.equal(leftToN8n.length, 7);
		assert.equal(plain.fallbacks, leftToN8n.length);
		for (const value of NOT_FAST) {
			const { fallbacks } = await compare(value);
			// Text without "=" is no expression: read once for all items.
			assert.equal(fallbacks, value.startsWith('=') ? ITEMS.length : 1, `${value} must always be n8n's`);
		}
	});

	it('reads the administration picker per item as n8n does, with the item read directly for a plain field', async () => {
		const shapes = [
			...FAST.map((value) => ({ __rl: true, mode: 'id', value })),
			...NOT_FAST.filter((value) => value.startsWith('=')).map((value) => ({ __rl: true, mode: 'id', value })),
			{ __rl: true, mode: 'list', value: '={{ $json.a }}', cachedResultName: 'Demo BV' },
			{ __rl: true, mode: '={{ "id" }}', value: '={{ $json.a }}' },
			'={{ $json.a }}',
			{ __rl: true, mode: 'id', value: '3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11' },
		];
		for (const value of shapes) {
			const { results } = await compare(value, true);
			results.forEach((result, index) => {
				assert.ok(result.same, `${JSON.stringify(value)} on ${JSON.stringify(ITEMS[index])}: n8n ${result.n8n}, direct ${result.direct}`);
			});
		}
		assert.equal((await compare({ __rl: true, mode: 'id', value: '={{ $json.a }}' }, true)).fallbacks, 7);
		assert.equal((await compare({ __rl: true, mode: '={{ "id" }}', value: '={{ $json.a }}' }, true)).fallbacks, ITEMS.length);
	});

	it("is only used where n8n returns the item's value unchanged: no field of the nodes has validateType", () => {
		const validated: string[] = [];
		const visit = (properties: unknown[]): void => {
			for (const property of properties as Array<{ name?: string; validateType?: unknown; options?: unknown[]; values?: unknown[] }>) {
				if (property.validateType !== undefined) validated.push(String(property.name));
				if (Array.isArray(property.options)) visit(property.options);
				if (Array.isArray(property.values)) visit(property.values);
			}
		};
		visit(new Yuki().description.properties);
		visit(new YukiTrigger().description.properties);
		assert.deepEqual(validated, [], "parameterPerItem would skip n8n's validation of these fields");
	});

	it('recognises only an exact field read', () => {
		assert.deepEqual(jsonFieldPath('={{ $json.reference }}'), ['reference']);
		assert.deepEqual(jsonFieldPath('={{ $json.invoice.number }}'), ['invoice', 'number']);
		assert.deepEqual(jsonFieldPath('={{ $json["invoice number"].total }}'), ['invoice number', 'total']);
		assert.deepEqual(jsonFieldPath("={{ $json['a.b'] }}"), ['a.b']);
		for (const value of NOT_FAST) assert.equal(jsonFieldPath(value), undefined, value);
		assert.equal(jsonFieldPath({ mode: 'id', value: '={{ $json.a }}' }), undefined);
		assert.equal(jsonFieldPath(undefined), undefined);
	});
});
