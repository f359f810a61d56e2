/**
 * The Yuki node's `methods`: dropdown choices and list searches. (The credential's "Test" button
 * is the declarative `test` request of credentials/YukiApi.credentials.ts.)
 */
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
import { searchAdministrations, searchContacts } from './listSearch';

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

export const listSearch = { searchAdministrations, searchContacts };
