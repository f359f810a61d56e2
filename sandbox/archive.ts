/**
 * The Archive operations: uploads (expense claims), the lists an upload chooses from, and finding
 * and downloading documents. Every archived document is reachable: uploads, the PDFs of booked
 * invoices (see invoices.ts) and the demo documents. Texts Yuki is not known to use are [guess].
 */
import { DateTime } from 'luxon';
import { formatDecimal, parseDecimal } from './documents';
import {
	archivePaymentMethodAnswer,
	archiveProjectAnswer,
	costCategoryAnswer,
	documentAnswer,
	documentFolderAnswer,
	searchHitAnswer,
} from './answers/archive';
import { dotNetBoolean, untypedList } from './answers/shape';
import type { AnswerRow } from './answers/shape';
import { FAULT_TEXT, administration, dateParam, enumParam, intParam, readFault, reachableAdministrations, session, text } from './context';
import type { CallContext, OperationSpec } from './context';
import { projectHead } from './accountingInfo';
import { newGuid } from './ids';
import { SoapFault } from './soap';
import { textPdfBase64 } from './pdf';
import type { DocumentState, OpenItemState, SandboxState, SessionState } from './state';

/** `SearchOption` of SearchDocuments, in WSDL order [doc: Archive WSDL]. */
export const DOCUMENT_SEARCH_OPTIONS = ['All', 'Creator', 'Contact', 'Subject', 'Tag', 'Type'] as const;
/** `DocumentSortOrder`, in WSDL order [doc: Archive WSDL]. */
export const DOCUMENT_SORT_ORDERS = [
	'CreatedDesc',
	'CreatedAsc',
	'ModifiedDesc',
	'ModifiedAsc',
	'DocumentDateDesc',
	'DocumentDateAsc',
	'ContactNameAsc',
	'ContactNameDesc',
] as const;
type DocumentSortOrder = (typeof DOCUMENT_SORT_ORDERS)[number];

/** Tabs of the invoice folders: 201 "Facturen" in Verkoop [doc: Postman example of FindDocument]; 101 in Inkoop [guess]. */
const TABS: Record<number, string> = { 101: 'Facturen', 201: 'Facturen' };
/** Who Yuki names as creator and modifier of documents that came in through the web services [doc: "yuki" in the examples]. */
const CREATOR = 'yuki';
/** .NET's "no date" (`DateTime.MinValue`): SearchDocuments reads it as "all years" [doc: WSDL documentation]. */
const ALL_YEARS = '0001-01-01';

/** A timestamp as Yuki writes it in archive answers: Amsterdam local time, no zone (`2021-09-16T16:46:15`). */
function archiveTime(iso: string): string {
	return DateTime.fromISO(iso).setZone('Europe/Amsterdam').toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

/**
 * The document of an open item that has none stored (the demo's and bulk-seeded invoices): the
 * PDF Yuki would show for it, rendered on request so every item's DocumentID can be found and
 * downloaded [guess for folders, tabs and texts].
 */
function itemDocument(state: SandboxState, item: OpenItemState): DocumentState {
	const contact = state.contacts.find((candidate) => candidate.id === item.contactId);
	const sales = item.side === 'debtor';
	const title = item.typeId === 6 ? `Factuur ${item.reference}` : item.typeId === 2 ? `Inkoopfactuur ${item.reference}` : item.description;
	const dataBase64 = textPdfBase64([title, contact?.fullName ?? '', `Datum ${item.date}`, `Totaal EUR ${item.originalAmount}`]);
	return {
		id: item.documentId,
		administrationId: item.administrationId,
		folder: sales ? 2 : 1,
		tab: sales ? 201 : 101,
		typeId: item.typeId,
		typeDescription: item.typeText,
		subject: item.description,
		documentDate: item.date,
		contactName: contact?.fullName ?? '',
		contentType: 'application/pdf',
		fileName: `${title}.pdf`,
		size: Buffer.from(dataBase64, 'base64').length,
		dataBase64,
		currency: 'EUR',
		amount: item.originalAmount,
		costCategory: '',
		paymentMethod: 0,
		project: '',
		remarks: '',
		uploadedAt: `${item.date}T09:00:00.000Z`,
	};
}

/** Every document of the archive: the stored ones and those of open items without a stored one. */
export function archiveDocuments(state: SandboxState): DocumentState[] {
	const stored = new Set(state.documents.map((document) => document.id));
	const rendered = state.items.filter((item) => item.documentId && !stored.has(item.documentId));
	const seen = new Set<string>();
	return [
		...state.documents,
		...rendered.filter((item) => !seen.has(item.documentId) && seen.add(item.documentId)).map((item) => itemDocument(state, item)),
	];
}

/** Documents of the administrations this session's access key reaches. */
function reachableDocuments(context: CallContext, current: SessionState): DocumentState[] {
	const admins = new Set(reachableAdministrations(context, current).map((admin) => admin.id));
	return archiveDocuments(context.state).filter((document) => admins.has(document.administrationId));
}

/** One document by ID, if the session's key reaches its administration (renders only that one). */
function findReachable(context: CallContext, current: SessionState): DocumentState | undefined {
	const id = text(context, 'documentID')?.trim().toLowerCase() ?? '';
	if (!id) return undefined;
	const admins = new Set(reachableAdministrations(context, current).map((admin) => admin.id));
	const stored = context.state.documents.find((document) => document.id.toLowerCase() === id);
	const item = stored ? undefined : context.state.items.find((candidate) => candidate.documentId.toLowerCase() === id);
	const document = stored ?? (item && itemDocument(context.state, item));
	return document && admins.has(document.administrationId) ? document : undefined;
}

function documentRow(context: CallContext, document: DocumentState): AnswerRow {
	const folder = context.state.folders.find((candidate) => candidate.id === document.folder);
	return {
		ID: document.id,
		Subject: document.subject ?? document.fileName,
		DocumentDate: document.documentDate ?? '',
		Amount: document.amount,
		Folder: folder?.description ?? '',
		'Folder@ID': String(document.folder),
		Tab: document.tab ? TABS[document.tab] ?? '' : '',
		'Tab@ID': String(document.tab ?? 0),
		Type: document.typeId === undefined ? '' : String(document.typeId),
		TypeDescription: document.typeDescription ?? '',
		FileName: document.fileName,
		ContentType: document.contentType ?? '',
		FileSize: String(document.size),
		ContactName: document.contactName ?? '',
		Created: archiveTime(document.uploadedAt),
		Creator: CREATOR,
		Modified: archiveTime(document.uploadedAt),
		Modifier: CREATOR,
	};
}

/** What a search option looks at [guess: substring, case-insensitive; Tag = the project code, the only tag the sandbox keeps]. */
function searchFields(document: DocumentState, option: (typeof DOCUMENT_SEARCH_OPTIONS)[number]): string[] {
	switch (option) {
		case 'Creator':
			return [CREATOR];
		case 'Contact':
			return [document.contactName ?? ''];
		case 'Subject':
			return [document.subject ?? document.fileName];
		case 'Tag':
			return [document.project];
		case 'Type':
			return [document.typeDescription ?? '', document.typeId === undefined ? '' : String(document.typeId)];
		default:
			return [document.subject ?? '', document.fileName, document.contactName ?? '', document.typeDescription ?? '', document.remarks];
	}
}

function sortDocuments(documents: DocumentState[], order: DocumentSortOrder): DocumentState[] {
	const direction = order.endsWith('Desc') ? -1 : 1;
	const key = (document: DocumentState): string =>
		order.startsWith('DocumentDate') ? document.documentDate ?? document.uploadedAt.slice(0, 10) : order.startsWith('ContactName') ? (document.contactName ?? '').toLowerCase() : document.uploadedAt;
	return [...documents].sort((a, b) => direction * key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}

function uploadDocument(context: CallContext): string {
	const current = session(context, 'sessionID');
	const admin = text(context, 'administrationID')?.trim()
		? administration(context, current, 'administrationID')
		: reachableAdministrations(context, current)[0];
	if (!admin) throw new SoapFault(FAULT_TEXT.invalidDomain);
	context.administrationId = admin.id;
	const folderText = text(context, 'folder')?.trim() ?? '0';
	if (!/^-?\d+$/.test(folderText)) throw readFault(`Input string '${folderText}' was not in a correct format.`);
	const folder = Number(folderText);
	if (!context.state.folders.some((candidate) => candidate.domainId === current.domainId && candidate.id === folder)) {
		throw new SoapFault(`Document folder ${folder} does not exist`); // [guess]
	}
	const data = (text(context, 'data') ?? '').replace(/\s+/g, '');
	if (data === '' || data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) {
		throw new SoapFault('The document data is empty or not valid base64'); // [guess]
	}
	const fileName = text(context, 'fileName')?.trim() ?? '';
	if (!fileName) throw new SoapFault('A file name is required'); // [guess]
	const amountText = text(context, 'amount')?.trim() || '0';
	const amount = parseDecimal(amountText, 2);
	if (!/^-?\d+(\.\d+)?$/.test(amountText) || !amount.ok) throw readFault(`The string '${amountText}' is not a valid decimal value.`);
	const paymentMethodText = text(context, 'paymentMethod')?.trim() || '0';
	if (!/^\d+$/.test(paymentMethodText)) throw readFault(`Input string '${paymentMethodText}' was not in a correct format.`);
	const currency = text(context, 'currency')?.trim() || 'EUR';
	if (!/^[A-Z]{3}$/.test(currency)) throw new SoapFault(`Unknown currency '${currency}'`); // [guess]
	const id = newGuid();
	const bytes = Buffer.from(data, 'base64');
	context.state.documents.push({
		id,
		administrationId: admin.id,
		folder,
		subject: fileName.replace(/\.[^.]+$/, ''),
		contentType: bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : 'application/octet-stream',
		fileName,
		size: bytes.length,
		dataBase64: data,
		currency,
		amount: formatDecimal(amount.value),
		costCategory: text(context, 'costCategory') ?? '',
		paymentMethod: Number(paymentMethodText),
		project: text(context, 'project') ?? '',
		remarks: text(context, 'remarks') ?? '',
		uploadedAt: context.now.toISOString(),
	});
	context.changed = true;
	return id;
}

export const ARCHIVE_OPERATIONS: Record<string, OperationSpec> = {
	UploadDocumentWithData: {
		service: 'Archive',
		params: ['sessionID', 'fileName', 'data', 'folder', 'administrationID', 'currency', 'amount', 'costCategory', 'paymentMethod', 'project', 'remarks'],
		run: uploadDocument,
	},
	DocumentFolders: {
		service: 'Archive',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const rows = context.state.folders
				.filter((folder) => folder.domainId === current.domainId)
				.map((folder) => ({
					ID: String(folder.id),
					Description: folder.description,
					Icon: folder.icon ?? 'DocumentFolder_red_label.png',
					ProcessedByYuki: dotNetBoolean(folder.processedByYuki ?? true),
				}));
			return untypedList('DocumentFolders', documentFolderAnswer, rows);
		},
	},
	PaymentMethods: {
		service: 'Archive',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const rows = context.state.archivePaymentMethods
				.filter((method) => method.ownerId === current.domainId)
				.map((method) => ({ ID: method.id, Description: method.description }));
			return untypedList('PaymentMethods', archivePaymentMethodAnswer, rows);
		},
	},
	CostCategories: {
		service: 'Archive',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const rows = context.state.costCategories
				.filter((category) => category.ownerId === current.domainId)
				.map((category) => ({ ID: category.id, Description: category.description }));
			return untypedList('CostCategories', costCategoryAnswer, rows);
		},
	},
	Projects: {
		service: 'Archive',
		params: ['sessionID', 'administrationID'],
		run(context) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			const rows = context.state.projects
				.filter((project) => project.administrationId === admin.id)
				.sort((a, b) => a.hid - b.hid)
				.map((project) => ({
					...projectHead(project, admin.name),
					budgetSales: project.budgetSales || '0',
					budgetPurchase: project.budgetPurchase || '0',
				}));
			return untypedList('Projects', archiveProjectAnswer, rows);
		},
	},
	SearchDocuments: {
		service: 'Archive',
		params: ['sessionID', 'searchOption', 'searchText', 'folderID', 'tabID', 'sortOrder', 'startDate', 'endDate', 'numberOfRecords', 'startRecord'],
		run(context) {
			const current = session(context, 'sessionID');
			const option = enumParam(context, 'searchOption', 'SearchOption', DOCUMENT_SEARCH_OPTIONS);
			const searchText = (text(context, 'searchText') ?? '').trim().toLowerCase();
			const folderId = intParam(context, 'folderID');
			const tabId = intParam(context, 'tabID');
			const sortOrder = enumParam(context, 'sortOrder', 'DocumentSortOrder', DOCUMENT_SORT_ORDERS);
			const start = dateParam(context, 'startDate');
			const end = dateParam(context, 'endDate');
			const numberOfRecords = intParam(context, 'numberOfRecords');
			const startRecord = intParam(context, 'startRecord');
			const matches = reachableDocuments(context, current).filter((document) => {
				const date = document.documentDate ?? document.uploadedAt.slice(0, 10);
				return (
					(folderId === -1 || document.folder === folderId) &&
					(tabId === -1 || (document.tab ?? 0) === tabId) &&
					(start === ALL_YEARS || date >= start) &&
					(end === ALL_YEARS || date <= end) &&
					(searchText === '' || searchFields(document, option).some((value) => value.toLowerCase().includes(searchText)))
				);
			});
			// Paging by 1-based record number; a start below 1 reads as 1 [guess: Yuki's examples use both 0 and 1].
			const first = Math.max(startRecord, 1) - 1;
			const page = sortDocuments(matches, sortOrder).slice(first, first + Math.max(numberOfRecords, 0));
			return untypedList('Documents', searchHitAnswer, page.map((document) => documentRow(context, document)));
		},
	},
	FindDocument: {
		service: 'Archive',
		params: ['sessionID', 'documentID'],
		run(context) {
			const current = session(context, 'sessionID');
			const document = findReachable(context, current);
			// An unknown document gives an empty list [guess]; a client must treat it as "not found".
			return untypedList('Documents', documentAnswer, document ? [documentRow(context, document)] : []);
		},
	},
	DocumentBinaryData: {
		service: 'Archive',
		params: ['sessionID', 'documentID'],
		run(context) {
			const current = session(context, 'sessionID');
			const document = findReachable(context, current);
			if (!document) throw new SoapFault(`Document ${text(context, 'documentID')?.trim() ?? ''} cannot be found`); // [guess]
			return document.dataBase64;
		},
	},
};
