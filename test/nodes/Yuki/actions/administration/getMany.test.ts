/** Administration → Get Many through n8n's engine against the sandbox. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

describe('Administration → Get Many', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});

	it('returns one item per administration the key reaches, marking the credential’s default', async () => {
		const run = await runYukiNode({ parameters: { resource: 'administration', operation: 'getMany' }, credentials });
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => [item.json.id, item.json.name, item.json.isDefault, item.pairedItem]),
			[
				[sandbox.demo.organisation.id, sandbox.demo.organisation.name, true, { item: 0 }],
				[sandbox.demo.department.id, sandbox.demo.department.name, false, { item: 0 }],
			],
		);
		assert.equal(run.hints.length, 1, 'the run\'s call count is said once, above the output');
		assert.match(run.hints[0].message, /^This run used \d+ Yuki calls? \(\d+ today of 1,000/);
	});

	it('asks Yuki once however many items come in, pairing each result with its item', async () => {
		sandbox.reset();
		const run = await runYukiNode({
			parameters: { resource: 'administration', operation: 'getMany' },
			items: [{ json: {} }, { json: {} }, { json: {} }],
			credentials,
		});
		assert.deepEqual(
			run.items.map((item) => item.pairedItem),
			[0, 0, 1, 1, 2, 2].map((item) => ({ item })),
		);
		// Successful calls only: sandbox.reset() forgets sessions, so a first attempt may be refused and retried.
		assert.equal(sandbox.calls.filter((call) => call.operation === 'Administrations' && call.ok).length, 1);
	});

	it('a key for one department reaches only that administration', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'administration', operation: 'getMany' },
			credentials: { ...credentials, accessKey: sandbox.demo.departmentAccessKey },
		});
		assert.deepEqual(
			run.items.map((item) => item.json.id),
			[sandbox.demo.department.id],
		);
	});

	it('under Continue On Fail gives every item Yuki’s refusal of a wrong key', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'administration', operation: 'getMany' },
			items: [{ json: {} }, { json: {} }],
			credentials: { ...credentials, accessKey: '00000000-0000-4000-8000-000000000000' },
			continueOnFail: true,
		});
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }],
		);
		for (const item of run.items) assert.match(String(item.json.error), /access key|Invalid/i);
	});
});
