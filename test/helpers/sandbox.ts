/**
 * The project's Yuki sandbox for tests: started on a free loopback port, closed afterwards,
 * and the `yukiApi` credential data that reaches its demo domain.
 */
import type { YukiCredentialData } from './runWorkflow';

/** What the harness needs of a running sandbox (`startSandbox()` in sandbox/server.ts). */
export interface RunningSandbox {
	url: string;
	demo: {
		accessKey: string;
		administrationId: string;
		clientId?: string;
		clientSecret?: string;
		archiveFolderId?: number;
		[key: string]: unknown;
	};
	close(): Promise<void>;
}

type StartSandbox = (options: { port: number; host?: string }) => Promise<RunningSandbox>;

function sandboxStarter(): StartSandbox {
	// Loaded on use so that tests without a sandbox never load the sandbox's modules.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require('../../sandbox/server') as { startSandbox: StartSandbox }).startSandbox;
}

/** The credential a user would enter to reach the sandbox's demo domain (region "custom"). */
export function sandboxCredentials(sandbox: RunningSandbox, overrides: YukiCredentialData = {}): YukiCredentialData {
	const { demo } = sandbox;
	return {
		accessKey: demo.accessKey,
		region: 'custom',
		customBaseUrl: sandbox.url,
		administrationId: demo.administrationId,
		clientId: demo.clientId ?? '',
		clientSecret: demo.clientSecret ?? '',
		archiveFolderId: demo.archiveFolderId ?? 0,
		...overrides,
	};
}

/** Starts a sandbox on a free port of 127.0.0.1, runs `fn`, and always closes the sandbox. */
export async function withSandbox<T>(
	fn: (sandbox: RunningSandbox, credentials: YukiCredentialData) => Promise<T>,
): Promise<T> {
	const sandbox = await sandboxStarter()({ port: 0, host: '127.0.0.1' });
	try {
		return await fn(sandbox, sandboxCredentials(sandbox));
	} finally {
		await sandbox.close();
	}
}

/** For `before`/`after` hooks: a sandbox shared by the tests of one file. */
export async function startTestSandbox(): Promise<RunningSandbox> {
	return await sandboxStarter()({ port: 0, host: '127.0.0.1' });
}
