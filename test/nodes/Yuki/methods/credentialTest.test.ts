/** The credential's "Test" button, through n8n-core's CredentialTestContext, against the sandbox. */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { RunningSandbox, YukiCredentialData } from '../../../helpers';
import { lastMethodLogs, sandboxPerSuite, testCredential } from '../../../helpers';

describe('credential test (yukiApiTest)', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});

	it('authenticates and says how many administrations the key reaches, default included', async () => {
		const result = await testCredential(credentials);
		assert.equal(result.status, 'OK');
		assert.match(result.message, /reaches 2 administrations, including the default administration "Demo Advies B\.V\."/);
	});

	it('warns when the default administration is not among those the key reaches', async () => {
		const result = await testCredential({ ...credentials, accessKey: sandbox.demo.departmentAccessKey });
		assert.equal(result.status, 'OK');
		assert.match(result.message, /reaches 1 administration, but the Default Administration ID .* is not among them/);
	});

	it('says that Yuki rejected a wrong access key, without repeating the key', async () => {
		const wrongKey = '00000000-0000-4000-8000-000000000000';
		const result = await testCredential({ ...credentials, accessKey: wrongKey });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^Yuki rejected the access key/);
		assert.ok(!result.message.includes(wrongKey));
		assert.ok(!JSON.stringify(lastMethodLogs).includes(wrongKey), 'the access key was logged');
	});

	it('says it could not reach Yuki when nothing listens at the base URL', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const result = await testCredential({ ...credentials, customBaseUrl: `http://127.0.0.1:${port}` });
		assert.equal(result.status, 'Error');
		assert.match(result.message, new RegExp(`Could not reach Yuki at .*127\\.0\\.0\\.1:${port}`));
	});

	it('says it could not reach Yuki when the base URL is not a Yuki service', async () => {
		const result = await testCredential({ ...credentials, customBaseUrl: `${sandbox.url}/not-yuki` });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /Could not reach Yuki/);
	});

	it('asks for the access key when it is empty', async () => {
		const result = await testCredential({ ...credentials, accessKey: '' });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /access key/);
	});
});
