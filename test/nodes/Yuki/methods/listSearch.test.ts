/** "Existing Contact" › From List on the invoice forms, through n8n-core's LoadOptionsContext. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { YukiCredentialData } from '../../../helpers';
import { listSearch, sandboxPerSuite } from '../../../helpers';

describe('contact search for the Existing Contact picker', () => {
	let credentials: YukiCredentialData;
	sandboxPerSuite((_sandbox, credential) => {
		credentials = credential;
	});

	it('lists the domain’s contacts by name with their contact code as the value', async () => {
		const { results } = await listSearch('searchContacts', { credentials });
		assert.ok(results.length > 0);
		const korenaar = results.find((result) => result.value === 'K1001');
		assert.equal(korenaar?.name, 'Bakkerij De Korenaar');
		assert.match(String(korenaar?.description), /Code K1001/);
		assert.ok(results.every((result) => typeof result.value === 'string' && result.value !== ''), 'only contacts with a code');
	});

	it('narrows the list to what the user types', async () => {
		const { results } = await listSearch('searchContacts', { credentials, filter: 'Korenaar' });
		assert.ok(results.length >= 1);
		assert.ok(results.every((result) => /korenaar/i.test(result.name)), results.map((result) => result.name).join(', '));
	});
});
