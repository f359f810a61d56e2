/** The payment tests' view of the shared sandbox helpers: a sandbox per test and a credential for one administration. */
import { DEMO } from '../../../../../sandbox/server';
import type { CallRecord, RunningSandbox, SandboxOptions } from '../../../../../sandbox/server';
import { sandboxCredentials, withSandbox } from '../../../../helpers';

export { DEMO };
export type { RunningSandbox };

export async function withPaymentSandbox<T>(fn: (sandbox: RunningSandbox) => Promise<T>, options: SandboxOptions = {}): Promise<T> {
	return await withSandbox(async (sandbox) => await fn(sandbox), options);
}

/** The sandbox's credential, working in `administrationId` by default. */
export function credentialsFor(sandbox: RunningSandbox, administrationId: string = DEMO.organisation.id) {
	return sandboxCredentials(sandbox, { administrationId });
}

/** The Yuki operations called while `fn` ran, in order. */
export async function callsDuring<T>(sandbox: RunningSandbox, fn: () => Promise<T>): Promise<{ result: T; operations: string[] }> {
	const before = sandbox.calls.length;
	const result = await fn();
	return { result, operations: sandbox.calls.slice(before).map((call: CallRecord) => call.operation) };
}
