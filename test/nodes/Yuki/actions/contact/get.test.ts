/** Contact → Get through n8n's engine against the sandbox: one contact, or a plain error. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

describe('Contact → Get', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	beforeEach(() => sandbox.reset());

	it('gets one contact per item by code or ID; an unknown code is that item’s error', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'contact', operation: 'get', getBy: 'Code', value: '={{ $json.code }}' },
			items: [{ json: { code: 'K1001' } }, { json: { code: 'NOPE-1' } }],
			credentials,
			continueOnFail: true,
		});
		assert.equal(run.items.length, 2);
		assert.equal(run.items[0].json.name, 'Bakkerij De Korenaar');
		assert.match(String(run.items[1].json.error), /^Item 1: Yuki has no contact with contact code "NOPE-1" in this domain/);
		assert.deepEqual(run.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }]);

		const byId = await runYukiNode({ parameters: { resource: 'contact', operation: 'get', getBy: 'ID', value: '6a1f0e2d-0003-4c3b-9a8d-1e2f3a4b5c03' }, credentials });
		assert.equal(byId.items[0].json.name, 'Sanne de Vries');
	});

	it('does not choose between two contacts with the same code', async () => {
		const copy = { ...sandbox.state.contacts[0], id: '6a1f0e2d-0099-4c3b-9a8d-1e2f3a4b5c99', fields: { ...sandbox.state.contacts[0].fields } };
		sandbox.state.contacts.push(copy);
		const run = await runYukiNode({ parameters: { resource: 'contact', operation: 'get', getBy: 'Code', value: 'K1001' }, credentials });
		assert.match(run.error?.message ?? '', /2 contacts have contact code "K1001"/);
	});
});
