/** Calls of Yuki's Archive service (Archive.asmx). */
import { archiveDocumentRecord, archivePaymentMethodRecord, costCategoryRecord, documentFolderRecord } from '../responses';
import { findDescendant, MalformedAnswerError, readRecord, readTypedRecords, recordElements, requiredText, textOf } from '../results';
import type { ResultRecord } from '../results';
import type { XmlElement } from '../xml/scanner';
import type { DocumentFolder, UploadDocumentRequest } from '../types';
import { declareCall } from './declaration';

/** Uploads a file (base64) into a folder, with the expense-claim fields; returns the document GUID [doc]. */
export const uploadDocumentWithData = declareCall({
	service: 'Archive',
	operation: 'UploadDocumentWithData',
	session: 'key',
	effect: 'write',
	parameters: (request: UploadDocumentRequest) => ({
		fileName: request.fileName,
		data: { base64: request.data },
		folder: request.folder,
		administrationID: request.administrationId,
		currency: request.currency,
		amount: request.amount,
		costCategory: request.costCategory,
		paymentMethod: request.paymentMethod,
		project: request.project,
		remarks: request.remarks,
	}),
	read: (result) => requiredText(result, 'document ID for the upload'),
});

export const documentFolders = declareCall({
	service: 'Archive',
	operation: 'DocumentFolders',
	session: 'key',
	effect: 'read',
	parameters: () => ({}),
	read: (result) => readTypedRecords<DocumentFolder>(result, documentFolderRecord, ['id'], 'Folder'),
});

export const DOCUMENT_SEARCH_OPTIONS = ['All', 'Creator', 'Contact', 'Subject', 'Tag', 'Type'] as const;
export const DOCUMENT_SORT_ORDERS = ['CreatedDesc', 'CreatedAsc', 'ModifiedDesc', 'ModifiedAsc', 'DocumentDateDesc', 'DocumentDateAsc', 'ContactNameAsc', 'ContactNameDesc'] as const;

export interface DocumentSearchArgs {
	searchOption: (typeof DOCUMENT_SEARCH_OPTIONS)[number];
	searchText: string;
	/** -1 = all folders [doc: WSDL documentation]. */
	folderId: number;
	/** -1 = all tabs [doc]. */
	tabId: number;
	sortOrder: (typeof DOCUMENT_SORT_ORDERS)[number];
	/** xs:dateTime; 0001-01-01T00:00:00 = all years [doc]. */
	startDate: string;
	endDate: string;
	numberOfRecords: number;
	/** First record of the page, counted from 1 [guess: Yuki does not say]. */
	startRecord: number;
}

/** One archive document as Yuki lists it (`archiveDocumentRecord`), with its `id` always present. */
export type ArchiveDocument = ResultRecord & { id: string };

/** The `Documents` list; its absence is an unreadable answer, never "no documents". */
function readDocuments(result: XmlElement | undefined): ArchiveDocument[] {
	const list = result && (result.name === 'Documents' ? result : findDescendant(result, 'Documents'));
	if (!list) throw new MalformedAnswerError('the answer holds no Documents list');
	return recordElements(list, archiveDocumentRecord.record).map((element, index) => {
		const document = readRecord(element, archiveDocumentRecord.fields);
		if (typeof document.id !== 'string' || document.id === '') throw new MalformedAnswerError(`Document ${index + 1} has no ID`);
		return document as ArchiveDocument;
	});
}

/** A page of archive documents matching the search [doc: WSDL]; records as in Yuki's examples [lib]. */
export const searchDocuments = declareCall({
	service: 'Archive',
	operation: 'SearchDocuments',
	session: 'key',
	effect: 'read',
	parameters: (args: DocumentSearchArgs) => ({
		searchOption: args.searchOption,
		searchText: args.searchText,
		folderID: args.folderId,
		tabID: args.tabId,
		sortOrder: args.sortOrder,
		startDate: args.startDate,
		endDate: args.endDate,
		numberOfRecords: args.numberOfRecords,
		startRecord: args.startRecord,
	}),
	read: readDocuments,
});

/** One document's data; an empty list means Yuki does not know it (or the key does not reach it). */
export const findDocument = declareCall({
	service: 'Archive',
	operation: 'FindDocument',
	session: 'key',
	effect: 'read',
	parameters: ({ documentId }: { documentId: string }) => ({ documentID: documentId }),
	read: (result) => readDocuments(result)[0],
});

/** The document's file, base64 in the answer [doc: WSDL types it base64Binary]; undefined when Yuki sends none. */
export const documentBinaryData = declareCall({
	service: 'Archive',
	operation: 'DocumentBinaryData',
	session: 'key',
	effect: 'read',
	parameters: ({ documentId }: { documentId: string }) => ({ documentID: documentId }),
	read: (result) => {
		const text = textOf(result);
		if (text === undefined) return undefined;
		const compact = text.replace(/\s+/g, '');
		if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw new MalformedAnswerError('the file is not base64');
		return Buffer.from(compact, 'base64');
	},
});

/** Payment methods for expense claims: `PaymentMethods/PaymentMethod[@ID]{Description}` [lib]. */
export const paymentMethods = declareCall({
	service: 'Archive',
	operation: 'PaymentMethods',
	session: 'key',
	effect: 'read',
	parameters: () => ({}),
	read: (result) => readTypedRecords<{ id: number; description?: string }>(result, archivePaymentMethodRecord, ['id'], 'PaymentMethod'),
});

/** Cost categories for expense claims: `CostCategories/CostCategory[@ID]{Description}` [lib]. */
export const costCategories = declareCall({
	service: 'Archive',
	operation: 'CostCategories',
	session: 'key',
	effect: 'read',
	parameters: () => ({}),
	read: (result) => readTypedRecords<{ id: string; description?: string }>(result, costCategoryRecord, ['id'], 'CostCategory'),
});
