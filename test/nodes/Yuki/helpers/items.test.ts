import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { errorItem } from '../../../../nodes/Yuki/helpers/items';

const node = (onError?: INode['onError']): INode => ({ id: '1', name: 'Yuki', type: 'n8n-nodes-yuki.yuki', typeVersion: 1, position: [0, 0], parameters: {}, onError });
const context = (onError?: INode['onError']) => ({ getNode: () => node(onError) });

describe('error items', () => {
	const error = () => {
		const failure = new NodeOperationError(node(), 'Item 2: "Amount" is empty', { itemIndex: 2, description: 'Allowed: 26.40' });
		failure.context.field = 'Amount';
		return failure;
	};

	it('with "Continue": a flat item on the success output, its details beside the error text', () => {
		const item = errorItem(context('continueRegularOutput'), error(), 2, { status: 'invalid' });
		assert.deepEqual(item, {
			json: { status: 'invalid', error: 'Item 2: "Amount" is empty', message: 'Item 2: "Amount" is empty', itemIndex: 2, description: 'Allowed: 26.40', field: 'Amount' },
			pairedItem: { item: 2 },
		});
	});

	it('with "Continue (using error output)": only `error` on the JSON, so that n8n routes it to the error output and keeps the details', () => {
		const item = errorItem(context('continueErrorOutput'), error(), 2, { status: 'invalid' });
		assert.deepEqual(Object.keys(item.json), ['error']);
		assert.deepEqual(item.json.error, { status: 'invalid', message: 'Item 2: "Amount" is empty', itemIndex: 2, description: 'Allowed: 26.40', field: 'Amount' });
		assert.equal(item.error, undefined, 'an item with `error` set would lose its JSON in n8n');
	});
});
