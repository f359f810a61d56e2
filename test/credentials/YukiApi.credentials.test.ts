/** What the credential dialog offers and hides, and its "Test" button as n8n runs it (declarative request, n8n's HTTP helper). */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { YukiApi } from '../../credentials/YukiApi.credentials';
import type { RunningSandbox, YukiCredentialData } from '../helpers';
import { lastMethodLogs, sandboxPerSuite, testCredential, YUKI_NODE_TYPE } from '../helpers';
import { packageNodeType } from '../../scripts/harness/nodeTypes';

describe('Yuki API credential', () => {
	const credential = new YukiApi();
	const field = (name: string) => credential.properties.find((property) => property.name === name);

	it('hides the access key and the client secret as passwords', () => {
		assert.equal(field('accessKey')?.typeOptions?.password, true);
		assert.equal(field('clientSecret')?.typeOptions?.password, true);
	});

	it('offers the Dutch and Belgian hosts and a custom base URL, with "Allow Insecure HTTP" (off) only shown for it', () => {
		const regions = (field('region')?.options as Array<{ value: string }>).map((option) => option.value);
		assert.deepEqual(regions, ['nl', 'be', 'custom']);
		assert.deepEqual(field('customBaseUrl')?.displayOptions, { show: { region: ['custom'] } });
		assert.equal(field('allowInsecureHttp')?.default, false);
		assert.deepEqual(field('allowInsecureHttp')?.displayOptions, { show: { region: ['custom'] } });
	});

	it('is tested by its own request (n8n prefers it), so the nodes name no test method', () => {
		assert.ok(credential.test?.request);
		assert.deepEqual(packageNodeType(YUKI_NODE_TYPE).description.credentials, [{ name: 'yukiApi', required: true }]);
	});
});

describe('the credential\'s "Test" button', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});

	const withoutClient = () => ({ ...credentials, clientId: '', clientSecret: '' });

	it('passes with the right access key (Authenticate)', async () => {
		const result = await testCredential(withoutClient());
		assert.equal(result.status, 'OK', result.message);
	});

	it('fails with a wrong access key, without repeating it', async () => {
		const wrongKey = '00000000-0000-4000-8000-000000000000';
		const result = await testCredential({ ...withoutClient(), accessKey: wrongKey });
		assert.equal(result.status, 'Error');
		assert.ok(!result.message.includes(wrongKey));
		assert.ok(!JSON.stringify(lastMethodLogs).includes(wrongKey), 'the access key was logged');
	});

	it('checks the client ID and secret when they are filled in (AuthenticateClient): the right ones pass, a wrong secret fails', async () => {
		assert.ok(credentials.clientId && credentials.clientSecret, 'the sandbox credential has a client ID and secret');
		assert.equal((await testCredential(credentials)).status, 'OK');
		const wrongSecret = 'not-the-demo-secret-9a8b';
		const result = await testCredential({ ...credentials, clientSecret: wrongSecret });
		assert.equal(result.status, 'Error');
		assert.ok(!result.message.includes(wrongSecret));
	});

	it('fails when nothing listens at the base URL', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const result = await testCredential({ ...withoutClient(), customBaseUrl: `http://127.0.0.1:${port}` });
		assert.equal(result.status, 'Error');
	});

	it('fails when the base URL is not a Yuki service', async () => {
		const result = await testCredential({ ...withoutClient(), customBaseUrl: `${sandbox.url}/not-yuki` });
		assert.equal(result.status, 'Error');
	});

	it('fails with an empty access key', async () => {
		const result = await testCredential({ ...withoutClient(), accessKey: '' });
		assert.equal(result.status, 'Error');
	});
});
