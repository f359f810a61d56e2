/**
 * The YukiApi the node and trigger use, and its one implementation: a thin wrapper per declared
 * call (transport/calls/). New code may also call `client.call(declaration, args)` directly.
 */
import { administrations, checkOutstandingItemAdmin, outstandingCreditorItems, outstandingCreditorItemsByDate, outstandingDebtorItems, outstandingDebtorItemsByDate } from './calls/accounting';
import { getGlAccountScheme } from './calls/accountingInfo';
import { documentFolders, uploadDocumentWithData } from './calls/archive';
import { processPurchaseInvoices } from './calls/purchase';
import { processSalesInvoices } from './calls/sales';
import { activeVatCodesList } from './calls/vat';
import { xmlElements } from './envelope';
import type { YukiCall } from './calls/declaration';
import type {
	Administration,
	CallCount,
	DocumentFolder,
	GlAccount,
	ImportResponse,
	OutstandingItem,
	OutstandingSide,
	OutstandingSortOrder,
	UploadDocumentRequest,
	VatCode,
	XmlDocumentParts,
} from './types';

/**
 * What the node and trigger need from Yuki. `createYukiClient` (transport/client.ts) returns one;
 * a client lives for one node run and shares sessions and day counts with later runs of the
 * same credential through module-level caches.
 */
export interface YukiApi {
	/** Makes any call declared in transport/calls/ (signing in first when it needs a session). */
	call<Args, Result>(declaration: YukiCall<Args, Result>, args: Args): Promise<Result>;
	administrations(): Promise<Administration[]>;
	/** `xmlDoc`: the document as one string, or as text parts with files (written as base64). */
	processSalesInvoices(administrationId: string, xmlDoc: XmlDocumentParts): Promise<ImportResponse>;
	processPurchaseInvoices(administrationId: string, xmlDoc: XmlDocumentParts, disableAutoCorrect?: boolean): Promise<ImportResponse>;
	/** `CheckOutstandingItemAdmin`: items whose reference matches (several are possible). */
	checkOutstandingItem(administrationId: string, reference: string): Promise<OutstandingItem[]>;
	/** `OutstandingDebtorItems` / `OutstandingCreditorItems`, or their `…ByDate` variants. */
	outstandingItems(
		side: OutstandingSide,
		administrationId: string,
		options: { includeBankTransactions: boolean; sortOrder: OutstandingSortOrder; startDate?: string; endDate?: string },
	): Promise<OutstandingItem[]>;
	uploadDocument(request: UploadDocumentRequest): Promise<string>;
	activeVatCodes(administrationId: string): Promise<VatCode[]>;
	glAccounts(administrationId: string): Promise<GlAccount[]>;
	documentFolders(): Promise<DocumentFolder[]>;
	/** Calls made so far, for the run summary. */
	callCount(): CallCount;
}

/** Used when only one end of a period is given: the ByDate operations need both. */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '9999-12-31';

/** `YYYY-MM-DD` as the xs:dateTime the ByDate operations take [doc: the WSDL types them as dateTime]. */
function dateTimeParameter(date: string, name: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(date.trim());
	if (!match) throw new RangeError(`${name} must be a date as YYYY-MM-DD, got "${date}"`);
	return `${match[1]}T00:00:00`;
}

/** The named calls over a connection's generic `call` (a `YukiClient` of client.ts). */
export function yukiApi(client: Pick<YukiApi, 'call' | 'callCount'>): YukiApi {
	return {
		call: (declaration, args) => client.call(declaration, args),
		administrations: () => client.call(administrations, {}),
		processSalesInvoices: (administrationId, xmlDoc) => client.call(processSalesInvoices, { administrationId, xmlDoc: xmlElements(xmlDoc) }),
		processPurchaseInvoices: (administrationId, xmlDoc, disableAutoCorrect = false) =>
			client.call(processPurchaseInvoices, { administrationId, xmlDoc: xmlElements(xmlDoc), disableAutoCorrect }),
		checkOutstandingItem: (administrationId, reference) => client.call(checkOutstandingItemAdmin, { administrationId, reference }),
		outstandingItems(side, administrationId, { includeBankTransactions, sortOrder, startDate, endDate }) {
			const args = { administrationId, includeBankTransactions, sortOrder };
			if (!startDate && !endDate) return client.call(side === 'debtor' ? outstandingDebtorItems : outstandingCreditorItems, args);
			const period = {
				startDate: dateTimeParameter(startDate ?? EARLIEST_DATE, 'startDate'),
				endDate: dateTimeParameter(endDate ?? LATEST_DATE, 'endDate'),
			};
			return client.call(side === 'debtor' ? outstandingDebtorItemsByDate : outstandingCreditorItemsByDate, { ...args, ...period });
		},
		uploadDocument: (request) => client.call(uploadDocumentWithData, request),
		activeVatCodes: (administrationId) => client.call(activeVatCodesList, { administrationId }),
		glAccounts: (administrationId) => client.call(getGlAccountScheme, { administrationId }),
		documentFolders: () => client.call(documentFolders, {}),
		callCount: () => client.callCount(),
	};
}
