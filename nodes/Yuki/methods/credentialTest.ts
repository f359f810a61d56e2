/**
 * The credential's "Test" button: really authenticates with Yuki and reads the administrations
 * the key reaches, so a wrong key, region or domain shows up before a workflow runs.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import type { YukiCredentials } from '../shared/runContext';
import { clientFor } from '../shared/runContext';
import { maskSecrets } from '../shared/logging';
import type { YukiRequestFunction } from '../transport/http';
import { YukiError } from '../transport/types';

const HOSTS: Record<string, string> = {
	nl: 'https://api.yukiworks.nl',
	be: 'https://api.yukiworks.be',
};

/** Where the credential points, for messages (never with the key). */
export function yukiHost(credentials: Pick<YukiCredentials, 'region' | 'customBaseUrl'>): string {
	if (credentials.region === 'custom') return credentials.customBaseUrl?.trim() || '(no base URL set)';
	return HOSTS[credentials.region] ?? `(unknown region "${credentials.region}")`;
}

const AUTHENTICATION_OPERATIONS = new Set(['Authenticate', 'AuthenticateClient']);

/** The failure as the credential dialog shows it: whose fault, and what to check. */
export function credentialFailureMessage(error: unknown, credentials: YukiCredentials): string {
	const host = yukiHost(credentials);
	if (!(error instanceof YukiError)) return maskSecrets(`Could not test the credential: ${(error as Error)?.message ?? String(error)}`);
	const hint = error.hint ? ` ${error.hint}` : '';
	const said = error.faultString ?? error.message;
	switch (error.kind) {
		case 'fault':
			if (AUTHENTICATION_OPERATIONS.has(error.operation)) {
				return maskSecrets(`Yuki rejected the access key: ${said}.${hint || ` Check the key and that it belongs to the chosen region (${host}).`}`);
			}
			if (error.operation === 'SetCurrentDomain') {
				return maskSecrets(`Yuki rejected the Domain ID: ${said}.${hint || ' Leave Domain ID empty unless the key is a portal key.'}`);
			}
			return maskSecrets(`Yuki answered ${error.operation} with an error: ${said}.${hint}`);
		case 'configuration':
			return maskSecrets(`The credential cannot work: ${error.message}${hint}`);
		default: {
			const reason = error.message.startsWith('Could not reach Yuki') ? error.message : `Could not reach Yuki at ${host}: ${error.message}`;
			return maskSecrets(`${reason}${hint || ' Check the region or base URL.'}`);
		}
	}
}

/** The credential test context only offers n8n's older `helpers.request`; same request, its option names. */
function legacyRequest(functions: ICredentialTestFunctions): YukiRequestFunction {
	return async (request) => {
		const response = (await functions.helpers.request({
			method: request.method,
			uri: request.url,
			headers: request.headers,
			body: request.body,
			timeout: request.timeout,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		return { statusCode: response.statusCode, body: response.body, headers: response.headers };
	};
}

export async function yukiApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = (credential.data ?? {}) as unknown as YukiCredentials;
	if (!credentials.accessKey?.trim()) return { status: 'Error', message: 'Enter the access key from Yuki (Domain › Settings › Web services)' };
	try {
		const administrations = await clientFor(credentials, this.logger, legacyRequest(this)).administrations();
		const count = `The key reaches ${administrations.length} administration${administrations.length === 1 ? '' : 's'}`;
		const defaultId = credentials.administrationId?.trim();
		if (!defaultId) return { status: 'OK', message: `Connected to Yuki. ${count}.` };
		const match = administrations.find((administration) => administration.id.toLowerCase() === defaultId.toLowerCase());
		return {
			status: 'OK',
			message: match
				? `Connected to Yuki. ${count}, including the default administration "${match.name ?? match.id}".`
				: `Connected to Yuki. ${count}, but the Default Administration ID ${defaultId} is not among them: nodes without an administration of their own will fail.`,
		};
	} catch (error) {
		return { status: 'Error', message: credentialFailureMessage(error, credentials) };
	}
}
