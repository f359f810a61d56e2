/**
 * The nodes' dropdown methods, loaded on first use: n8n loads every node at start and in every
 * worker, and needs only the descriptions then. The names are listed here (and checked against
 * methods/index.ts at compile time) because n8n reads the method names before any is called.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import type * as Methods from './index';

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

function lazyMethods<G extends Group>(group: G, names: ReadonlyArray<keyof (typeof Methods)[G] & string>): (typeof Methods)[G] {
	const table: Record<string, (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<unknown>> = {};
	for (const name of names) {
		table[name] = async function (this: ILoadOptionsFunctions, ...args: unknown[]) {
			const methods = (await import('./index'))[group] as unknown as Record<string, (this: ILoadOptionsFunctions, ...args: unknown[]) => Promise<unknown>>;
			return await methods[name].apply(this, args);
		};
	}
	return table as unknown as (typeof Methods)[G];
}

/** `methods` of both nodes: each entry loads methods/index.ts on its first call. */
export const lazyNodeMethods = { listSearch: lazyMethods('listSearch', LIST_SEARCH), loadOptions: lazyMethods('loadOptions', LOAD_OPTIONS) };
