/** The `yukiApi` credential data that reaches a sandbox's demo domain (tests and the bench). */
import type { RunningSandbox } from '../../sandbox/server';
import type { YukiCredentialData } from './runWorkflow';

/** The credential a user would enter to reach the sandbox's demo domain (region "custom"). */
export function sandboxCredentials(
	sandbox: Pick<RunningSandbox, 'url' | 'demo'> & Partial<RunningSandbox>,
	overrides: YukiCredentialData = {},
): YukiCredentialData {
	const { demo } = sandbox;
	return {
		accessKey: demo.accessKey,
		region: 'custom',
		customBaseUrl: sandbox.url,
		administrationId: demo.administrationId,
		clientId: demo.clientId,
		clientSecret: demo.clientSecret,
		archiveFolderId: demo.archiveFolderId,
		...overrides,
	};
}
