/**
 * Answers of the Archive service: untyped (`s:any`) documents in no namespace, as Yuki's
 * Postman examples show them (copied into dedene/yuki-cli's fixtures, MIT).
 */
import type { AnswerRecord } from './shape';

/** `DocumentFolders/DocumentFolder[@ID]{Description, Icon, ProcessedByYuki}` (True/False) [doc: Postman example]. */
export const documentFolderAnswer: AnswerRecord = {
	record: 'DocumentFolder',
	fields: [{ xml: 'ID', attribute: true }, { xml: 'Description' }, { xml: 'Icon' }, { xml: 'ProcessedByYuki' }],
	source: '[doc] Postman example of Archive.DocumentFolders (dedene/yuki-cli internal/api/archive_catalog_test.go)',
};

/** `PaymentMethods/PaymentMethod[@ID]{Description}` [doc: Postman example "PaymentsMethods"]. */
export const archivePaymentMethodAnswer: AnswerRecord = {
	record: 'PaymentMethod',
	fields: [{ xml: 'ID', attribute: true }, { xml: 'Description' }],
	source: '[doc] Postman example of Archive.PaymentMethods',
};

/** `CostCategories/CostCategory[@ID]{Description}`; IDs look like GL account codes [doc: Postman example]. */
export const costCategoryAnswer: AnswerRecord = {
	record: 'CostCategory',
	fields: [{ xml: 'ID', attribute: true }, { xml: 'Description' }],
	source: '[doc] Postman example of Archive.CostCategories',
};

/**
 * `Projects/Project{…}`: element names of the typed Project [lib]; that they sit in an untyped
 * `<Projects xmlns="">` document like the other Archive lists is a [guess] (the only fixture,
 * dedene/yuki-cli's, is self-written from the WSDL).
 */
export const archiveProjectAnswer: AnswerRecord = {
	record: 'Project',
	fields: [
		{ xml: 'description' },
		{ xml: 'HID' },
		{ xml: 'code' },
		{ xml: 'startDate' },
		{ xml: 'endDate' },
		{ xml: 'company' },
		{ xml: 'budgetSales' },
		{ xml: 'budgetPurchase' },
	],
	source: '[lib] maartendeblock/yuki-api-client Project type; [guess] the untyped wrapper',
};

/**
 * One document of `FindDocument` (and the other document lists): `Documents/Document[@ID]` with
 * `Folder@ID` and `Tab@ID` [doc: Postman example of FindDocument]. Dates as .NET writes them
 * (`2021-09-16T16:46:15`), `DocumentDate` as a day.
 */
export const documentAnswer: AnswerRecord = {
	record: 'Document',
	fields: [
		{ xml: 'ID', attribute: true },
		{ xml: 'Subject' },
		{ xml: 'DocumentDate' },
		{ xml: 'Amount' },
		{ xml: 'Folder', idAttribute: 'ID' },
		{ xml: 'Tab', idAttribute: 'ID' },
		{ xml: 'Type' },
		{ xml: 'TypeDescription' },
		{ xml: 'FileName' },
		{ xml: 'ContentType' },
		{ xml: 'FileSize' },
		{ xml: 'ContactName' },
		{ xml: 'Created' },
		{ xml: 'Creator' },
		{ xml: 'Modified' },
		{ xml: 'Modifier' },
	],
	source: '[doc] Postman example of Archive.FindDocument (dedene/yuki-cli internal/api/expense_workflows_test.go)',
};

/**
 * A hit of `SearchDocuments`: a shorter `Document[@ID]` without date, folder, tab and file
 * [doc: Postman example of SearchDocuments (dedene/yuki-cli discovery_workflows_test.go)].
 */
export const searchHitAnswer: AnswerRecord = {
	record: 'Document',
	fields: [
		{ xml: 'ID', attribute: true },
		{ xml: 'Subject' },
		{ xml: 'Amount' },
		{ xml: 'Type' },
		{ xml: 'TypeDescription' },
		{ xml: 'ContactName' },
		{ xml: 'Created' },
		{ xml: 'Creator' },
		{ xml: 'Modified' },
		{ xml: 'Modifier' },
	],
	source: '[doc] Postman example of Archive.SearchDocuments',
};

/** `DocumentBinaryData` is typed `s:base64Binary`: the file itself as the result's text [doc: WSDL; Postman example]. */
export const DOCUMENT_BINARY_DATA = 'base64 of the file as the text of DocumentBinaryDataResult';
