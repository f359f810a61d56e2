import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IExecuteFunctions } from 'n8n-workflow';
import { holdsExpression, isFixedParameter, parameterPerItem } from '../../../../nodes/Yuki/helpers/itemParameters';

/** n8n's getNodeParameter reduced to what matters here: a count of reads, and a per-item value for expressions. */
function context(parameters: Record<string, unknown>) {
	const reads: string[] = [];
	const fns = {
		getNode: () => ({ parameters }),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			reads.push(name);
			const value = name.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], parameters);
			if (value === undefined) return fallback;
			if (value === 'bad') throw new Error(`item ${itemIndex}: bad`);
			return typeof value === 'string' && value.startsWith('=') ? `${value.slice(1)}#${itemIndex}` : value;
		},
	} as unknown as IExecuteFunctions;
	return { fns, reads };
}

describe('reading a parameter for every item', () => {
	it('reads a fixed value once for any number of items, and an expression once per item', () => {
		const { fns, reads } = context({ side: 'debtor', reference: '={{ $json.reference }}', options: { strategy: 'auto' } });
		const side = parameterPerItem(fns, 'side');
		const reference = parameterPerItem(fns, 'reference', '');
		const strategy = parameterPerItem(fns, 'options.strategy', 'auto');
		for (let itemIndex = 0; itemIndex < 1000; itemIndex++) {
			assert.equal(side(itemIndex), 'debtor');
			assert.equal(reference(itemIndex), `{{ $json.reference }}#${itemIndex}`);
			assert.equal(strategy(itemIndex), 'auto');
		}
		assert.equal(reads.filter((name) => name === 'side').length, 1);
		assert.equal(reads.filter((name) => name === 'options.strategy').length, 1);
		assert.equal(reads.filter((name) => name === 'reference').length, 1000);
	});

	it('lets every item report its own error, and does not keep objects', () => {
		const { fns, reads } = context({ total: 'bad', administrationId: { mode: 'id', value: 'adm' } });
		const total = parameterPerItem(fns, 'total', '');
		assert.throws(() => total(0), /item 0/);
		assert.throws(() => total(1), /item 1/);
		const administration = parameterPerItem(fns, 'administrationId', '');
		administration(0);
		administration(1);
		assert.equal(reads.filter((name) => name === 'administrationId').length, 2);
	});

	it('finds an expression anywhere inside a value', () => {
		assert.equal(holdsExpression({ mode: 'id', value: '={{ $json.administration }}' }), true);
		assert.equal(holdsExpression([{ a: 'x' }, '=1']), true);
		assert.equal(holdsExpression({ mode: 'list', value: 'adm', cachedResultName: 'Demo' }), false);
		assert.equal(isFixedParameter(context({ side: '={{ $json.side }}' }).fns, 'side'), false);
		assert.equal(isFixedParameter(context({}).fns, 'missing'), true);
	});
});
