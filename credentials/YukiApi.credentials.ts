import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A Yuki web service access key, with the region or base URL it belongs to.
 * Yuki speaks SOAP, so the credential is tested by the node's `yukiApiTest` method, which
 * really authenticates and reads the administrations the key reaches.
 */
export class YukiApi implements ICredentialType {
	name = 'yukiApi';

	displayName = 'Yuki API';

	documentationUrl = 'https://github.com/n8n-nodes-yuki/n8n-nodes-yuki#credentials';

	icon = { light: 'file:yuki.svg', dark: 'file:yuki.dark.svg' } as const;

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
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'Only for sending purchase invoices: Yuki gives it to you when it switches on the Purchase service',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for sending purchase invoices: given by Yuki together with the Client ID',
		},
		{
			displayName: 'Default Archive Folder ID',
			name: 'archiveFolderId',
			type: 'number',
			default: 0,
			description: 'The Yuki archive folder that expense claims go to when the node does not name one (0 = none)',
		},
	];
}
