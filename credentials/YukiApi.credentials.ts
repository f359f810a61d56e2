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
			description: 'Web service access key from Yuki: Domain › Settings › Web services',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Netherlands (api.yukiworks.nl)', value: 'nl' },
				{ name: 'Belgium (api.yukiworks.be)', value: 'be' },
				{ name: 'Custom Base URL (Sandbox, Proxy)', value: 'custom' },
			],
			default: 'nl',
			description: 'Keys and sessions belong to one region: a Dutch key does not work on the Belgian host',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8089',
			description: 'URL under which the services live as /ws/&lt;Service&gt;.asmx',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Default Administration ID',
			name: 'administrationId',
			type: 'string',
			default: '',
			description: 'Administration used when a node does not name one; shown next to the key in Yuki’s web service list',
		},
		{
			displayName: 'Domain ID',
			name: 'domainId',
			type: 'string',
			default: '',
			description: 'Only for portal keys that reach several domains: the domain to work in',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			description: 'Issued by Yuki when it enables the Purchase service for you; needed for purchase invoices',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Issued by Yuki together with the client ID',
		},
		{
			displayName: 'Default Archive Folder ID',
			name: 'archiveFolderId',
			type: 'number',
			default: 0,
			description: 'Yuki archive folder expense claims go to when a node does not name one (0 = none)',
		},
	];
}
