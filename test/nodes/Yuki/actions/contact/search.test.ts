/** Contact → Search through n8n's engine against the sandbox's demo domain. */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { INodeParameters } from 'n8n-workflow';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

const search = (extra: INodeParameters): INodeParameters => ({ resource: 'contact', operation: 'search', ...extra });

describe('Contact → Search', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	beforeEach(() => sandbox.reset());
	const searchCalls = () => sandbox.calls.filter((call) => call.operation === 'SearchContacts' && call.ok).length;

	it('finds a contact by its code, in the domain of the administration, one item per contact paired with the input', async () => {
		const run = await runYukiNode({ parameters: search({ searchOption: 'Code', searchValue: 'K1002' }), items: [{ json: {} }], credentials });
		assert.equal(run.error, undefined, run.error?.message);
		assert.equal(run.items.length, 1);
		const [item] = run.items;
		assert.deepEqual(item.pairedItem, { item: 0 });
		assert.equal(item.json.code, 'K1002');
		assert.equal(item.json.name, 'Jansen Installatietechniek');
		assert.equal(item.json.id, '6a1f0e2d-0002-4c3b-9a8d-1e2f3a4b5c02');
		assert.ok(typeof item.json.domainId === 'string' && item.json.domainId.length > 0);
	});

	it('reads every page with Return All (100 contacts a page), and stops at the Limit otherwise', async () => {
		const domainId = sandbox.state.administrations[0].domainId;
		const administrationId = sandbox.state.administrations[0].id;
		const base = sandbox.state.contacts[0];
		for (let index = 0; index < 230; index++) {
			sandbox.state.contacts.push({ ...base, id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, administrationId, code: `BULK-${index}`, fullName: `Bulk ${index}`, fields: { ...base.fields } });
		}
		assert.ok(domainId);
		const all = await runYukiNode({ parameters: search({ searchOption: 'All', returnAll: true }), credentials });
		assert.ok(all.items.length >= 230, `${all.items.length} contacts`);
		assert.equal(searchCalls(), Math.ceil(all.items.length / 100) + (all.items.length % 100 === 0 ? 1 : 0));

		const limited = await runYukiNode({ parameters: search({ searchOption: 'All', returnAll: false, limit: 120 }), credentials });
		assert.equal(limited.items.length, 120);
	});

	it('refuses an empty search value, naming the item and the field', async () => {
		const run = await runYukiNode({ parameters: search({ searchOption: 'VATNumber', searchValue: '' }), credentials, continueOnFail: true });
		assert.match(String(run.items[0].json.error), /^Item 0: "Search Value" is empty/);
	});
});
