/**
 * Set-up shared by the sandbox's tests: a fresh sandbox per test, so no test sees another's
 * invoices, contacts or quota, and the supplier-invoice PDF the document checks accept.
 */
import type { RunningSandbox, SandboxOptions } from '../../sandbox/server';
import { withSandbox as withTestSandbox } from '../helpers';
import { authenticate } from './soapHelpers';

export { PDF_BASE64 } from './soapHelpers';

/** Runs `run` against a new sandbox with a session of the demo access key, and always closes it. */
export async function withSandbox(run: (sandbox: RunningSandbox, session: string) => Promise<void>, options: SandboxOptions = {}): Promise<void> {
	await withTestSandbox(async (sandbox) => await run(sandbox, await authenticate(sandbox.url)), options);
}
