import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { INodePropertyOptions } from 'n8n-workflow';
import { YUKI_TRIGGER_NODE_TYPE } from '../../helpers';
import { packageNodeType } from '../../../scripts/harness/nodeTypes';

/**
 * n8n's node panel lists a trigger's events from the property whose display name is "Event",
 * "Events" or "Trigger On" (n8n editor-ui, node creator actions), each option's `action` as it
 * is written; without one it shows a single "On new Yuki event".
 */
function panelEvents(): Array<{ displayName: string; values: Record<string, unknown> }> {
	const { properties } = packageNodeType(YUKI_TRIGGER_NODE_TYPE).description;
	const selector = properties.find((property) => ['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()));
	assert.ok(selector?.options, 'no event selector: the panel would say "On new Yuki event"');
	return (selector.options as INodePropertyOptions[]).map((option) => ({
		displayName: option.action ?? `On ${option.name}`,
		values: { [selector.name]: option.value },
	}));
}

describe('Yuki Trigger description', () => {
	it('is listed in the node panel by what it reports, keeping the saved `side` values', () => {
		assert.deepEqual(panelEvents(), [
			{ displayName: 'On purchase invoice paid', values: { side: 'creditor' } },
			{ displayName: 'On sales invoice paid', values: { side: 'debtor' } },
		]);
	});

	it('has no notice that tells users to add poll times they may have set already', () => {
		const { properties } = packageNodeType(YUKI_TRIGGER_NODE_TYPE).description;
		assert.ok(!properties.some((property) => property.type === 'notice'));
		const side = properties.find((property) => property.name === 'side');
		assert.equal(side?.default, 'debtor');
		assert.match(String(side?.hint), /each check is one Yuki call/);
	});
});
