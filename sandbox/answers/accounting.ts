/**
 * Answers of the Accounting service (and the session-level lists every service offers), as
 * Yuki's Postman examples show them (copied into dedene/yuki-cli's parser fixtures, MIT).
 */
import type { AnswerRecord } from './shape';

/** `Domains/Domain[@ID]{Name, URL}` [doc: Postman example "Domains"]. */
export const domainAnswer: AnswerRecord = {
	record: 'Domain',
	fields: [{ xml: 'ID', attribute: true }, { xml: 'Name' }, { xml: 'URL' }],
	source: '[doc] Postman example of Accounting.Domains (dedene/yuki-cli internal/api/client_test.go)',
};

/** `Administrations/Administration[@ID]{…}` [doc: Postman example "Administrations"]. */
export const administrationAnswer: AnswerRecord = {
	record: 'Administration',
	fields: [
		{ xml: 'ID', attribute: true },
		{ xml: 'Name' },
		{ xml: 'AddressLine' },
		{ xml: 'Postcode' },
		{ xml: 'City' },
		{ xml: 'Country' },
		{ xml: 'CoCNumber' },
		{ xml: 'VATNumber' },
		{ xml: 'StartDate' },
		{ xml: 'DomainID' },
		{ xml: 'Active' },
	],
	source: '[doc] Postman example of Accounting.Administrations (dedene/yuki-cli internal/api/client_test.go)',
};

/**
 * One open item of `OutstandingItems` / `OutstandingDebtorItems` / `OutstandingCreditorItems`
 * (`Item[@ID]`, `Type@ID` = 6 sales invoice, 2 purchase invoice, 21 journal). Elements and their
 * order from the Postman examples of CheckOutstandingItem and OutstandingDebtorItems(ByDate);
 * `PaymentReference` only from a synthetic fixture, so it is written only when set [guess].
 */
export const outstandingItemAnswer: AnswerRecord = {
	record: 'Item',
	fields: [
		{ xml: 'ID', attribute: true },
		{ xml: 'Date' },
		{ xml: 'Description' },
		{ xml: 'Contact' },
		{ xml: 'ContactID' },
		{ xml: 'OpenAmount' },
		{ xml: 'OriginalAmount' },
		{ xml: 'Type', idAttribute: 'ID' },
		{ xml: 'Reference' },
		{ xml: 'PaymentReference', whenEmpty: 'omit' },
		{ xml: 'DueDate' },
		{ xml: 'PaymentMethod' },
		{ xml: 'DocumentID' },
		{ xml: 'ContactCode' },
		{ xml: 'CoCNumber' },
		{ xml: 'VATNumber' },
		{ xml: 'AddressLine_1' },
		{ xml: 'AddressLine_2' },
		{ xml: 'Postcode' },
		{ xml: 'City' },
		{ xml: 'Country' },
		{ xml: 'RecipientEmail' },
		{ xml: 'EmailWork' },
		{ xml: 'EmailHome' },
		{ xml: 'PhoneWork' },
		{ xml: 'PhoneHome' },
	],
	source: '[doc] Postman examples of CheckOutstandingItem(Admin), OutstandingDebtorItems(ByDate), OutstandingCreditorItems',
};

/**
 * `SalesInvoicesImportResponse` / `PurchaseInvoicesImportResponse`: a root in its own namespace
 * whose children carry `xmlns=""` [doc: Postman example of ProcessSalesInvoices; the purchase
 * namespace by analogy, [lib]].
 */
export const IMPORT_RESPONSE = {
	sales: { root: 'SalesInvoicesImportResponse', namespace: 'urn:xmlns:http://www.theyukicompany.com:salesinvoicesresponse' },
	purchase: { root: 'PurchaseInvoicesImportResponse', namespace: 'urn:xmlns:http://www.theyukicompany.com:purchaseinvoicesresponse' },
} as const;

/** Header elements of the import response, in order [doc]. */
export const IMPORT_RESPONSE_HEADER = ['TimeStamp', 'AdministrationId', 'TotalSucceeded', 'TotalFailed', 'TotalSkipped'] as const;

/** One `Invoice` per submitted invoice, in input order; `EmailSent` is sales only [doc]. */
export const IMPORT_RESPONSE_INVOICE = ['Succeeded', 'Processed', 'EmailSent', 'Reference', 'Subject', 'Contact', 'Message'] as const;

/**
 * `ProcessJournal` answers the GUID of the journal's document as a plain string
 * [lib: dedene/yuki-cli's fixture from the Postman example "ProcessJournal"].
 */
export const PROCESS_JOURNAL_ANSWER = 'the document GUID as the text of ProcessJournalResult';
