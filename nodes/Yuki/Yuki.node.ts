import type { IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { resources } from './actions/resources';
import type * as Methods from './methods';

/**
 * What runs only when the node runs (the router with the transport, the business modules it pulls
 * in) and its dropdown methods are loaded on first use: n8n loads every node at start and in every
 * worker, and needs only the description then.
 */
const LOAD_OPTIONS = [
	'getAdministrations',
	'getVatTypes',
	'getPurchaseVatTypes',
	'getGlAccounts',
	'getArchiveFolders',
	'getArchiveFoldersOrAll',
	'getProjectCodes',
	'getProjectIds',
	'getExpensePaymentMethods',
	'getCostCategories',
] as const satisfies ReadonlyArray<keyof typeof Methods.loadOptions>;
const LIST_SEARCH = ['searchAdministrations', 'searchContacts'] as const satisfies ReadonlyArray<keyof typeof Methods.listSearch>;

// Compile-time: every method of methods/index.ts is listed above.
type Unlisted = Exclude<keyof typeof Methods.loadOptions, (typeof LOAD_OPTIONS)[number]> | Exclude<keyof typeof Methods.listSearch, (typeof LIST_SEARCH)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : never = true;
void everyMethodListed;

type Group = 'loadOptions' | 'listSearch';

let routerModule: Promise<typeof import('./actions/router')> | undefined;

function lazyMethods<G extends Group>(group: G, names: ReadonlyArray<keyof (typeof Methods)[G] & string>): (typeof Methods)[G] {
	const table: Record<string, (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<unknown>> = {};
	for (const name of names) {
		table[name] = async function (this: ILoadOptionsFunctions, ...args: unknown[]) {
			const methods = (await import('./methods'))[group] as unknown as Record<string, (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<unknown>>;
			return await methods[name].apply(this, args);
		};
	}
	return table as unknown as (typeof Methods)[G];
}

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

	methods = { listSearch: lazyMethods('listSearch', LIST_SEARCH), loadOptions: lazyMethods('loadOptions', LOAD_OPTIONS) };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { router } = await (routerModule ??= import('./actions/router'));
		return await router.call(this);
	}
}
