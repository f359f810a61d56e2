import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INodeParameters } from 'n8n-workflow';
import { runYukiNode } from '../../../../helpers';
import { DEMO, credentialsFor, withPaymentSandbox } from './sandboxSetup';
import type { RunningSandbox } from './sandboxSetup';

function run(sandbox: RunningSandbox, parameters: INodeParameters) {
	return runYukiNode({ parameters: { resource: 'payment', side: 'debtor', ...parameters }, credentials: credentialsFor(sandbox) });
}

/** What an n8n table shows of an item: no GUIDs, no Yuki type ids (the administration is its ID only when no name is known). */
function assertReadable(json: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(json)) {
		if (key === 'administration') continue;
		assert.doesNotMatch(String(value), /^[0-9a-f]{8}-[0-9a-f]{4}-/i, `${key} is a GUID`);
		assert.ok(!/Id$/.test(key), `${key} is an internal id`);
	}
}

describe('Payment outputs: Simplify', () => {
	it('Get Status gives a compact item by default, and the full record with Simplify off', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const compact = (await run(sandbox, { operation: 'getStatus', reference: 'DEMO-2025-002' })).items[0].json;
			assert.deepEqual(Object.keys(compact).slice(0, 10), [
				'reference',
				'status',
				'openAmount',
				'paidAmount',
				'originalAmount',
				'currency',
				'dueDate',
				'daysOverdue',
				'contact',
				'message',
			]);
			assert.equal(compact.status, 'partiallyPaid');
			assert.ok(Object.keys(compact).length <= 14, `compact, not ${Object.keys(compact).length} columns`);
			assertReadable(compact);
			// No administration picked: the credential's default, said as its ID.
			assert.equal(compact.administration, DEMO.organisation.id);

			const full = (await run(sandbox, { operation: 'getStatus', reference: 'DEMO-2025-002', simplify: false })).items[0].json;
			assert.ok('yukiItemId' in full && 'administrationId' in full, 'the full record keeps Yuki ids');
			assert.equal(full.administration, DEMO.organisation.id);
		});
	});

	it('List Open Items gives compact rows by default', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { items } = await run(sandbox, { operation: 'listOpenItems', returnAll: true });
			assert.ok(items.length > 0);
			for (const item of items) {
				assert.ok(Object.keys(item.json).length <= 13);
				assert.ok('reference' in item.json && 'openAmount' in item.json && 'dueDate' in item.json);
				// The invoice's PDF in Yuki's archive stays, for a Document › Download after it.
				assert.ok('documentId' in item.json);
				assert.doesNotMatch(JSON.stringify(Object.keys(item.json)), /yukiItemId|typeId|contactId/);
			}
		});
	});

	it('names the administration picked from the list, without asking Yuki for it', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const administrationId = { __rl: true, mode: 'list', value: DEMO.organisation.id, cachedResultName: 'Demo Administration BV' };
			const { items } = await run(sandbox, { operation: 'getStatus', reference: 'DEMO-2025-002', administrationId });
			assert.equal(items[0].json.administration, 'Demo Administration BV');
		});
	});
});
