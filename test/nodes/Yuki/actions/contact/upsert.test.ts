/** Contact → Create or Update through n8n's engine against the sandbox. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { INodeParameters } from 'n8n-workflow';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

const upsert = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'contact', operation: 'upsert', documentSource: 'json', ...extra });

describe('Contact → Create or Update', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	beforeEach(() => sandbox.reset());

	it('creates a new contact, then updates the same one by its code instead of creating a duplicate', async () => {
		const before = sandbox.state.contacts.length;
		const created = await runYukiNode({
			parameters: upsert(),
			items: [{ json: { type: 2, code: 'N8N-77', fullName: 'Fietsenmaker Van Dam', country: 'NL', emailWork: 'info@vandam.example' } }],
			credentials,
		});
		assert.equal(created.error, undefined, created.error?.message);
		assert.equal(created.items[0].json.status, 'created');
		assert.equal(sandbox.state.contacts.length, before + 1);

		const updated = await runYukiNode({
			parameters: upsert(),
			items: [{ json: { type: '2', code: 'N8N-77', fullName: 'Fietsenmaker Van Dam B.V.' } }],
			credentials,
		});
		assert.equal(updated.items[0].json.status, 'updated');
		assert.equal(updated.items[0].json.matchedBy, 'code');
		assert.equal(sandbox.state.contacts.length, before + 1, 'no second contact');
		assert.match(String(updated.items[0].json.contactId), /^[0-9a-f-]{36}$/i);
	});

	it('refuses bad input before calling Yuki, naming the field', async () => {
		const run = await runYukiNode({ parameters: upsert(), items: [{ json: { type: 'company', fullName: 'X' } }], credentials, continueOnFail: true });
		assert.match(String(run.items[0].json.error), /^Item 0: type \(Type\) is "company", which is not allowed \(allowed: 0, 2\)/);
		assert.equal(sandbox.calls.filter((call) => call.operation === 'UpdateContact').length, 0);
	});
});
