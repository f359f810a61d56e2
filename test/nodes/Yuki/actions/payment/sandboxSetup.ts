/** A sandbox per test (fresh sessions, fresh call log) and the credential that reaches it. */
import { DEMO, startSandbox } from '../../../../../sandbox/server';
import type { CallRecord, RunningSandbox, SandboxOptions } from '../../../../../sandbox/server';

export { DEMO };
export type { RunningSandbox };

export async function withPaymentSandbox<T>(fn: (sandbox: RunningSandbox) => Promise<T>, options: SandboxOptions = {}): Promise<T> {
	const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', ...options });
	try {
		return await fn(sandbox);
	} finally {
		await sandbox.close();
	}
}

export function credentialsFor(sandbox: RunningSandbox, administrationId: string = DEMO.organisation.id) {
	return { accessKey: DEMO.accessKey, region: 'custom', customBaseUrl: sandbox.url, administrationId };
}

/** The Yuki operations called while `fn` ran, in order. */
export async function callsDuring<T>(sandbox: RunningSandbox, fn: () => Promise<T>): Promise<{ result: T; operations: string[] }> {
	const before = sandbox.calls.length;
	const result = await fn();
	return { result, operations: sandbox.calls.slice(before).map((call: CallRecord) => call.operation) };
}
