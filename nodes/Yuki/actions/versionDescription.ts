/* eslint-disable n8n-nodes-base/node-filename-against-convention */
import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resources } from './resources';

/**
 * The canvas subtitle says the operation as a user would ("Process sales invoices"), taken from
 * each operation's `action` text so that a new operation gets its subtitle without another edit.
 */
function operationSubtitle(): string {
	const actions: Record<string, string> = {};
	for (const [resourceName, resource] of Object.entries(resources)) {
		const selector = resource.description.find((property) => property.name === 'operation');
		for (const option of (selector?.options ?? []) as Array<{ value: string; action?: string; name: string }>) {
			actions[`${resourceName}:${option.value}`] = option.action ?? option.name;
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

export const versionDescription: INodeTypeDescription = {
	displayName: 'Yuki',
	name: 'yuki',
	icon: 'file:yuki.svg',
	group: ['transform'],
	version: 1,
	subtitle: operationSubtitle(),
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
