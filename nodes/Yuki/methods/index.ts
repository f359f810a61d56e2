/** The Yuki node's `methods`: the credential test, dropdown choices and list searches. */
import { yukiApiTest } from './credentialTest';
import {
	getAdministrations,
	getArchiveFolders,
	getArchiveFoldersOrAll,
	getCostCategories,
	getExpensePaymentMethods,
	getGlAccounts,
	getProjectCodes,
	getProjectIds,
	getPurchaseVatTypes,
	getVatTypes,
} from './loadOptions';
import { searchAdministrations } from './listSearch';

export const credentialTest = { yukiApiTest };

export const loadOptions = {
	getAdministrations,
	getVatTypes,
	getPurchaseVatTypes,
	getGlAccounts,
	getArchiveFolders,
	getArchiveFoldersOrAll,
	getProjectCodes,
	getProjectIds,
	getExpensePaymentMethods,
	getCostCategories,
};

export const listSearch = { searchAdministrations };
