/** VAT Code → Get Many through n8n's engine against the sandbox. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

describe('VAT Code → Get Many', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	beforeEach(() => sandbox.reset());

	it('returns the sales type/percentage pairs of the default administration', async () => {
		const run = await runYukiNode({ parameters: { resource: 'vatCode', operation: 'getMany', side: 'sales' }, credentials });
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => [item.json.type, item.json.percentage, item.json.side, item.json.administrationId]),
			[
				[1, 21, 'sales', sandbox.demo.administrationId],
				[2, 9, 'sales', sandbox.demo.administrationId],
				[3, 0, 'sales', sandbox.demo.administrationId],
				[17, 0, 'sales', sandbox.demo.administrationId],
			],
		);
	});

	it('reads each item’s administration, asking Yuki once per administration', async () => {
		const department = sandbox.demo.department.id;
		const run = await runYukiNode({
			parameters: {
				resource: 'vatCode',
				operation: 'getMany',
				side: 'purchase',
				administrationId: { __rl: true, mode: 'id', value: '={{ $json.administration }}' },
			},
			items: [{ json: { administration: department } }, { json: { administration: department } }, { json: { administration: '' } }],
			credentials,
		});
		assert.equal(run.error, undefined);
		const byItem = [0, 1, 2].map((index) => run.items.filter((item) => (item.pairedItem as { item: number }).item === index));
		assert.ok(byItem.every((items) => items.length > 0 && items.every((item) => item.json.side === 'purchase')));
		assert.equal(byItem[0][0].json.administrationId, department);
		assert.equal(byItem[2][0].json.administrationId, sandbox.demo.administrationId);
		// Successful calls only: sandbox.reset() forgets sessions, so a first attempt may be refused and retried.
		const calls = sandbox.calls.filter((call) => call.operation === 'ActiveVATCodesList' && call.ok);
		assert.deepEqual(
			calls.map((call) => call.administrationId),
			[department, sandbox.demo.administrationId],
		);
	});

	it('under Continue On Fail gives an item without administration its own error', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'vatCode', operation: 'getMany' },
			items: [{ json: {} }],
			credentials: { ...credentials, administrationId: '' },
			continueOnFail: true,
		});
		assert.equal(run.items.length, 1);
		assert.match(String(run.items[0].json.error), /Item 0: no administration/);
		assert.equal(run.items[0].json.field, 'administrationId');
		assert.deepEqual(run.items[0].pairedItem, { item: 0 });
	});
});
