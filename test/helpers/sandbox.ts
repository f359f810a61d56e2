/**
 * The project's Yuki sandbox for tests: started on a free loopback port, closed afterwards,
 * and the `yukiApi` credential data that reaches its demo domain.
 */
import { after, before } from 'node:test';
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import type { YukiCredentialData } from '../../scripts/harness/runWorkflow';
import { sandboxCredentials } from '../../scripts/harness/credentials';

export { sandboxCredentials };

export type { RunningSandbox };

/** For `before`/`after` hooks: a sandbox shared by the tests of one file (free port on 127.0.0.1). */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	return await startSandbox({ host: '127.0.0.1', ...options, port: 0 });
}

/**
 * For a describe block: one sandbox for its tests, started before them and closed after them.
 * `use` receives it and its credential once started (the tests run later than they are declared).
 */
export function sandboxPerSuite(
	use: (sandbox: RunningSandbox, credentials: YukiCredentialData) => void,
	options: SandboxOptions = {},
): void {
	let sandbox: RunningSandbox | undefined;
	before(async () => {
		sandbox = await startTestSandbox(options);
		use(sandbox, sandboxCredentials(sandbox));
	});
	after(async () => await sandbox?.close());
}

/** Starts a sandbox on a free port of 127.0.0.1, runs `fn`, and always closes the sandbox. */
export async function withSandbox<T>(
	fn: (sandbox: RunningSandbox, credentials: YukiCredentialData) => Promise<T>,
	options: SandboxOptions = {},
): Promise<T> {
	const sandbox = await startTestSandbox(options);
	try {
		return await fn(sandbox, sandboxCredentials(sandbox));
	} finally {
		await sandbox.close();
	}
}
