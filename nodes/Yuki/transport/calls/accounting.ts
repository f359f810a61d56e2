/** Calls of Yuki's Accounting service (Accounting.asmx). */
import type { XmlArgument } from '../envelope';
import { administrationRecord } from '../responses';
import { readOutstandingItems, readTypedRecords, requiredText } from '../results';
import type { Administration, OutstandingSortOrder } from '../types';
import { declareCall } from './declaration';

/** The administrations the key reaches (ID is an attribute) [doc]. */
export const administrations = declareCall({
	service: 'Accounting',
	operation: 'Administrations',
	session: 'key',
	effect: 'read',
	parameters: () => ({}),
	read: (result) => readTypedRecords<Administration>(result, administrationRecord, ['id'], 'Administration'),
});

/** Open items whose reference matches; an invoice number may match several [doc]. */
export const checkOutstandingItemAdmin = declareCall({
	service: 'Accounting',
	operation: 'CheckOutstandingItemAdmin',
	session: 'key',
	effect: 'read',
	parameters: ({ administrationId, reference }: { administrationId: string; reference: string }) => ({
		administrationID: administrationId,
		Reference: reference,
	}),
	read: readOutstandingItems,
});

export interface OutstandingItemsArgs {
	administrationId: string;
	includeBankTransactions: boolean;
	sortOrder: OutstandingSortOrder;
}

export interface OutstandingItemsByDateArgs extends OutstandingItemsArgs {
	/** xs:dateTime, e.g. `2026-01-01T00:00:00`. */
	startDate: string;
	endDate: string;
}

const outstanding = ({ administrationId, includeBankTransactions, sortOrder }: OutstandingItemsArgs) => ({
	administrationID: administrationId,
	includeBankTransactions,
	sortOrder,
});

const outstandingByDate = (args: OutstandingItemsByDateArgs) => ({ ...outstanding(args), startDate: args.startDate, endDate: args.endDate });

export const outstandingDebtorItems = declareCall({
	service: 'Accounting',
	operation: 'OutstandingDebtorItems',
	session: 'key',
	effect: 'read',
	parameters: outstanding,
	read: readOutstandingItems,
});

export const outstandingCreditorItems = declareCall({
	service: 'Accounting',
	operation: 'OutstandingCreditorItems',
	session: 'key',
	effect: 'read',
	parameters: outstanding,
	read: readOutstandingItems,
});

export const outstandingDebtorItemsByDate = declareCall({
	service: 'Accounting',
	operation: 'OutstandingDebtorItemsByDate',
	session: 'key',
	effect: 'read',
	parameters: outstandingByDate,
	read: readOutstandingItems,
});

export const outstandingCreditorItemsByDate = declareCall({
	service: 'Accounting',
	operation: 'OutstandingCreditorItemsByDate',
	session: 'key',
	effect: 'read',
	parameters: outstandingByDate,
	read: readOutstandingItems,
});

/**
 * Books a general journal (memorial) from a `Journal` document; the answer is the GUID of the
 * journal's document [lib: dedene/yuki-cli fixture from Yuki's Postman example]. A write: never
 * repeated after a lost answer.
 */
export const processJournal = declareCall({
	service: 'Accounting',
	operation: 'ProcessJournal',
	session: 'key',
	effect: 'write',
	parameters: ({ administrationId, xmlDoc }: { administrationId: string; xmlDoc: XmlArgument }) => ({ administrationID: administrationId, xmlDoc }),
	read: (result) => requiredText(result, 'document ID for the journal'),
});
