/** Calls of Yuki's Archive service (Archive.asmx). */
import { documentFolderRecord } from '../responses';
import { readTypedRecords, requiredText } from '../results';
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
