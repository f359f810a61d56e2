import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resources } from './actions/resources';
import { lazyNodeMethods } from './methods/lazy';

/**
 * What runs only when the node runs (the router with the transport, the business modules it pulls
 * in) is loaded on first use: n8n loads every node at start and in every worker, and needs only
 * the description then.
 */
let routerModule: Promise<typeof import('./actions/router')> | undefined;

export class Yuki implements INodeType {
	// Written out in the class: n8n's lint rules read the description (icon, subtitle, ...) only here.
	description: INodeTypeDescription = {
		displayName: 'Yuki',
		name: 'yuki',
		icon: { light: 'file:yuki.svg', dark: 'file:yuki.dark.svg' },
		group: ['transform'],
		version: 1,
		// The operation as a user says it; must equal operationSubtitle() (a test says what to paste here).
		subtitle:
			'={{ {"salesInvoice:process":"Process sales invoices","purchaseInvoice:process":"Process purchase invoices","expenseClaim:upload":"Upload an expense claim","contact:upsert":"Create or update a contact","contact:get":"Get a contact","contact:search":"Search contacts","document:download":"Download a document","document:search":"Search documents","journal:create":"Create a journal entry","payment:getStatus":"Get the payment status of invoices","payment:listOpenItems":"List open items","administration:getMany":"Get many administrations","vatCode:getMany":"Get many VAT codes"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description: 'Send invoices, expense claims, journals and contacts to Yuki bookkeeping; read payment status, contacts and documents',
		defaults: { name: 'Yuki' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yukiApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: Object.entries(resources).map(([value, resource]) => ({
					name: resource.displayName,
					value,
					...(resource.resourceDescription ? { description: resource.resourceDescription } : {}),
				})),
				default: 'salesInvoice',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = lazyNodeMethods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { router } = await (routerModule ??= import('./actions/router'));
		return await router.call(this);
	}
}
