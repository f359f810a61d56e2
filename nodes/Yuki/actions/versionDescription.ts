/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resources } from './resources';

export const versionDescription: INodeTypeDescription = {
	displayName: 'Yuki',
	name: 'yuki',
	icon: 'file:yuki.svg',
	group: ['transform'],
	version: 1,
	subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
	description: 'Send invoices and expense claims to Yuki bookkeeping and read payment status',
	defaults: { name: 'Yuki' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	// eslint-plugin-n8n-nodes-base only recognises the literal here.
	outputs: ['main'],
	credentials: [{ name: 'yukiApi', required: true, testedBy: 'yukiApiTest' }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: Object.entries(resources).map(([value, resource]) => ({ name: resource.displayName, value })),
			default: 'salesInvoice',
		},
		...Object.values(resources).flatMap((resource) => resource.description),
	],
};
