import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** `<base>/ws/` for the credential's region, as an n8n expression (the transport's endpoints.ts, in expression form). */
const SERVICE_BASE =
	"($credentials.region === 'be' ? 'https://api.yukiworks.be' : $credentials.region === 'custom' ? String($credentials.customBaseUrl || '').trim().replace(/\\/+$/, '').replace(/\\/ws$/i, '') : 'https://api.yukiworks.nl')";

/** Plain http:// to a host that is not loopback becomes https:// unless the user allowed insecure HTTP: the key never travels unencrypted. */
const SECURE_BASE = `(${SERVICE_BASE}).replace(/^http:\\/\\/(?!(localhost|127\\.[0-9.]+|\\[::1\\])(:[0-9]+)?(\\/|$))/i, $credentials.allowInsecureHttp === true ? 'http://' : 'https://')`;

/** With a client ID and secret the test signs in with all three (AuthenticateClient, as the Purchase service does). */
const WITH_CLIENT = '($credentials.clientId && $credentials.clientSecret)';

const xmlText = (field: string) =>
	`String($credentials.${field} || '').trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')`;

const ENVELOPE_START =
	'\'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\'';

/**
 * A Yuki web service access key, with the region or base URL it belongs to.
 * Yuki speaks SOAP; the "Test" button signs in with a minimal SOAP request (n8n's declarative
 * credential test, sent with n8n's own HTTP helper): `Authenticate(accessKey)`, or
 * `AuthenticateClient(clientID, clientSecret, accessKey)` when a client ID and secret are filled in,
 * so a wrong client secret fails the test. Yuki answers a rejected key with a SOAP fault (HTTP 500).
 */
export class YukiApi implements ICredentialType {
	name = 'yukiApi';

	displayName = 'Yuki API';

	documentationUrl = 'https://github.com/n8n-nodes-yuki/n8n-nodes-yuki#credentials';

	icon = { light: 'file:yuki.svg', dark: 'file:yuki.dark.svg' } as const;

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `={{ ${SECURE_BASE} + '/ws/' + (${WITH_CLIENT} ? 'Purchase' : 'Accounting') + '.asmx' }}`,
			headers: {
				'Content-Type': 'text/xml; charset=utf-8',
				SOAPAction: `={{ '"http://www.theyukicompany.com/' + (${WITH_CLIENT} ? 'AuthenticateClient' : 'Authenticate') + '"' }}`,
			},
			body:
				`={{ ${ENVELOPE_START} + (${WITH_CLIENT}` +
				` ? '<AuthenticateClient xmlns="http://www.theyukicompany.com/"><clientID>' + ${xmlText('clientId')} + '</clientID><clientSecret>' + ${xmlText('clientSecret')} + '</clientSecret><accessKey>' + ${xmlText('accessKey')} + '</accessKey></AuthenticateClient>'` +
				` : '<Authenticate xmlns="http://www.theyukicompany.com/"><accessKey>' + ${xmlText('accessKey')} + '</accessKey></Authenticate>')` +
				" + '</soap:Body></soap:Envelope>' }}",
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 500,
					message:
						'Yuki rejected the sign-in: check the access key (Domain › Settings › Web services), that it belongs to the chosen region, and the client ID and secret if filled in',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 404, message: 'No Yuki web service at this address: check the region or base URL' },
			},
		],
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key that lets n8n into your Yuki books. In Yuki: Domain › Settings › Web services, copy the access key.',
			hint: 'In Yuki: Domain › Settings › Web services',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Netherlands (api.yukiworks.nl)', value: 'nl' },
				{ name: 'Belgium (api.yukiworks.be)', value: 'be' },
				{ name: 'Custom Base URL (Sandbox, Proxy)', value: 'custom', description: 'Only for testing or a proxy: give the address below' },
			],
			default: 'nl',
			description: 'Where your Yuki account lives: yukiworks.nl (Netherlands) or yukiworks.be (Belgium). A Dutch key does not work in Belgium.',
			hint: 'The country of your Yuki account: a key works only in its own',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:8089',
			description: 'Only for testing or a proxy: the address that answers like Yuki (its services under /ws/…asmx)',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Allow Insecure HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow a base URL with plain http:// to a host other than this machine. The access key then travels unencrypted: only for a test server in a network you trust.',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Default Administration ID',
			name: 'administrationId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11',
			description:
				'The administration (company books) used when a Yuki node leaves Administration empty. Find it with the Yuki node’s Administration → Get Many, or in Yuki under Domain › Settings › Web services next to the key.',
			hint: 'An ID like 3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11 (Administration → Get Many lists them). Leave empty to choose per node.',
		},
		{
			displayName: 'Domain ID',
			name: 'domainId',
			type: 'string',
			default: '',
			description: 'Leave empty unless your accountant’s key reaches several Yuki domains: then the domain (client) to work in',
			hint: 'Usually empty; only for a key that reaches several domains',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'Only for sending purchase invoices: Yuki gives it to you when it switches on the Purchase service',
			hint: 'Only for purchase invoices (from Yuki support); otherwise empty',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for sending purchase invoices: given by Yuki together with the Client ID',
			hint: 'Only for purchase invoices, together with the Client ID',
		},
		{
			displayName: 'Default Archive Folder ID',
			name: 'archiveFolderId',
			type: 'number',
			default: 0,
			description: 'The Yuki archive folder that expense claims go to when the node does not name one (0 = none)',
			hint: 'Where expense claims go when the node names no folder; 0 = none',
		},
	];
}
