import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { operationSubtitle } from '../../../nodes/Yuki/actions/resources';
import { YUKI_NODE_TYPE } from '../../helpers';
import { packageNodeType } from '../../../scripts/harness/nodeTypes';

describe('Yuki node description', () => {
	it('names each operation on the canvas as a user says it, for every operation there is', () => {
		const { subtitle } = packageNodeType(YUKI_NODE_TYPE).description;
		assert.equal(subtitle, operationSubtitle(), `paste this as the subtitle in nodes/Yuki/Yuki.node.ts:\n'${operationSubtitle()}'`);
		assert.match(subtitle ?? '', /"salesInvoice:process":"Process sales invoices"/);
		assert.doesNotMatch(subtitle ?? '', /\$parameter\["operation"\] \+ ": "/);
	});
});
