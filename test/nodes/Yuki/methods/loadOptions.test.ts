/** Dropdown choices and the administration search, through n8n-core's LoadOptionsContext. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunningSandbox, YukiCredentialData } from '../../../helpers';
import { listSearch, loadOptions, sandboxPerSuite } from '../../../helpers';

describe('load options and list search', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});

	it('lists the administrations the key reaches', async () => {
		const options = await loadOptions('getAdministrations', { credentials });
		assert.deepEqual(
			options.map((option) => option.value).sort(),
			[sandbox.demo.organisation.id, sandbox.demo.department.id].sort(),
		);
	});

	it('offers sales VAT types as "percentage – name (type n)" with the type as value', async () => {
		const options = await loadOptions('getVatTypes', { credentials });
		assert.deepEqual(
			options.map((option) => option.value),
			[1, 2, 3, 17],
		);
		assert.match(options[0].name, /^21 % – .+ \(type 1\)$/);
	});

	it('offers purchase VAT types separately, each type once with all its percentages', async () => {
		const options = await loadOptions('getPurchaseVatTypes', { credentials });
		assert.deepEqual(
			options.map((option) => option.value),
			[5, 10, 11, 12, 13, 16, 18],
		);
		assert.match(options.find((option) => option.value === 11)?.name ?? '', /^21 % \/ 9 % – .*\(type 11\)$/);
	});

	it('reads VAT types of the administration selected on the node, not only the default', async () => {
		const department = await loadOptions('getVatTypes', {
			credentials,
			parameters: { administrationId: { __rl: true, mode: 'list', value: sandbox.demo.department.id } },
		});
		const vatCalls = sandbox.calls.filter((call) => call.operation === 'ActiveVATCodesList');
		assert.equal(vatCalls.at(-1)?.administrationId, sandbox.demo.department.id);
		assert.ok(department.length > 0);
	});

	it('asks for an administration when neither the node nor the credential has one', async () => {
		await assert.rejects(loadOptions('getVatTypes', { credentials: { ...credentials, administrationId: '' } }), /Pick an administration/);
	});

	it('lists enabled GL accounts only, "code – description"', async () => {
		const options = await loadOptions('getGlAccounts', { credentials });
		assert.ok(options.some((option) => option.name === '4500 – Kantoorkosten' && option.value === '4500'));
		assert.ok(!options.some((option) => option.value === '4990'), 'a disabled GL account is offered');
	});

	it('keeps a list for a few minutes: ten GL account dropdowns (ten invoice lines) cost one call', async () => {
		const before = sandbox.calls.filter((call) => call.operation === 'GetGLAccountScheme').length;
		for (let line = 0; line < 10; line++) await loadOptions('getGlAccounts', { credentials });
		const calls = sandbox.calls.filter((call) => call.operation === 'GetGLAccountScheme').length - before;
		assert.ok(calls <= 1, `${calls} calls`);
		// Another administration is another list.
		await loadOptions('getGlAccounts', { credentials, parameters: { administrationId: { __rl: true, mode: 'id', value: sandbox.demo.department.id } } });
		assert.equal(sandbox.calls.filter((call) => call.operation === 'GetGLAccountScheme').at(-1)?.administrationId, sandbox.demo.department.id);
	});

	it('offers the administration’s projects by code and by ID, and the domain’s payment methods and cost categories', async () => {
		const codes = await loadOptions('getProjectCodes', { credentials });
		assert.ok(codes.some((option) => option.value === 'KORENAAR-WEB' && /^KORENAAR-WEB – /.test(option.name)), JSON.stringify(codes));
		assert.ok(!codes.some((option) => option.value === 'TRAINING-OOST'), 'a project of another administration');
		// The sandbox's GetProjects answer carries no project `id` (a generated client's type does): the
		// ID picker then offers nothing rather than something wrong.
		const ids = await loadOptions('getProjectIds', { credentials });
		assert.ok(ids.every((option) => /^[0-9a-f-]{36}$/i.test(String(option.value))));
		const methods = await loadOptions('getExpensePaymentMethods', { credentials });
		assert.deepEqual(methods[0], { name: 'Unspecified', value: 0 });
		assert.ok(methods.length > 1 && methods.slice(1).every((option) => typeof option.value === 'number' && option.value > 0));
		const categories = await loadOptions('getCostCategories', { credentials });
		assert.ok(categories.length > 0 && categories.every((option) => typeof option.value === 'string' && option.value !== ''));
	});

	it('lists the archive folders with their IDs as values', async () => {
		const options = await loadOptions('getArchiveFolders', { credentials });
		assert.ok(options.some((option) => option.value === sandbox.demo.archiveFolderId && /Onkostendeclaraties/.test(option.name)));
	});

	it('searches administrations by name', async () => {
		const { results } = await listSearch('searchAdministrations', { credentials, filter: 'training' });
		assert.deepEqual(
			results.map((result) => result.value),
			[sandbox.demo.department.id],
		);
		const all = await listSearch('searchAdministrations', { credentials });
		assert.equal(all.results.length, 2);
	});

	it('shows Yuki’s refusal of a wrong key as the dropdown’s error', async () => {
		await assert.rejects(loadOptions('getAdministrations', { credentials: { ...credentials, accessKey: 'wrong' } }), /access key|Invalid/i);
	});
});
