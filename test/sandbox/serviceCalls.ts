/**
 * Hand-written calls of the Contact, AccountingInfo, Archive and journal operations for the
 * sandbox's tests, parameters in WSDL order (an override of `undefined` leaves one out).
 */
import { DEMO } from '../../sandbox/demoData';
import { param, soapCall } from './soapHelpers';
import type { SoapAnswer } from './soapHelpers';

type Values = Record<string, string | undefined>;

function call(url: string, service: string, operation: string, order: readonly string[], values: Values, raw: Record<string, string> = {}): Promise<SoapAnswer> {
	const body = order
		.map((name) => (raw[name] !== undefined ? `<${name}>${raw[name]}</${name}>` : values[name] === undefined ? '' : param(name, values[name]!)))
		.join('');
	return soapCall(url, service, operation, body);
}

const SEARCH_ORDER = ['sessionID', 'domainID', 'searchOption', 'searchValue', 'sortOrder', 'modifiedAfter', 'active', 'pageNumber'] as const;

export function searchContacts(url: string, session: string, overrides: Values = {}): Promise<SoapAnswer> {
	const values: Values = { sessionID: session, domainID: DEMO.domainId, searchOption: 'All', searchValue: '', sortOrder: 'Name', active: 'Both', pageNumber: '1', ...overrides };
	return call(url, 'Contact', 'SearchContacts', SEARCH_ORDER, values);
}

export function suppliersAndCustomers(url: string, session: string, overrides: Values = {}): Promise<SoapAnswer> {
	const values: Values = { sessionID: session, domainID: DEMO.domainId, searchOption: 'All', searchValue: '', sortOrder: 'Name', active: 'Both', pageNumber: '1', contactType: 'Both', ...overrides };
	return call(url, 'Contact', 'GetSuppliersAndCustomers', [...SEARCH_ORDER, 'contactType'], values);
}

export const CONTACT_NS = 'urn:xmlns:http://www.theyukicompany.com:contact';

/** `<Contact xmlns="…:contact">` with the given elements, in the order given. */
export function contactDocument(elements: Array<[string, string]>, namespace = CONTACT_NS): string {
	return `<Contact xmlns="${namespace}">${elements.map(([name, value]) => (value === '' ? `<${name}/>` : `<${name}>${value}</${name}>`)).join('')}</Contact>`;
}

export function updateContact(url: string, session: string, documentXml: string, domainId: string = DEMO.domainId): Promise<SoapAnswer> {
	return call(url, 'Contact', 'UpdateContact', ['sessionID', 'domainID', 'xmlDoc'], { sessionID: session, domainID: domainId }, { xmlDoc: documentXml });
}

export function getProjects(url: string, session: string, overrides: Values = {}): Promise<SoapAnswer> {
	const values: Values = { sessionID: session, administrationID: DEMO.organisation.id, searchOption: 'All', searchValue: '', ...overrides };
	return call(url, 'AccountingInfo', 'GetProjects', ['sessionID', 'administrationID', 'searchOption', 'searchValue'], values);
}

export function customPaymentMethods(url: string, session: string, administrationId: string = DEMO.organisation.id): Promise<SoapAnswer> {
	return call(url, 'AccountingInfo', 'GetCustomPaymentMethods', ['sessionID', 'administrationID'], { sessionID: session, administrationID: administrationId });
}

export function archiveList(url: string, session: string, operation: 'PaymentMethods' | 'CostCategories' | 'DocumentFolders'): Promise<SoapAnswer> {
	return call(url, 'Archive', operation, ['sessionID'], { sessionID: session });
}

export function archiveProjects(url: string, session: string, administrationId: string = DEMO.organisation.id): Promise<SoapAnswer> {
	return call(url, 'Archive', 'Projects', ['sessionID', 'administrationID'], { sessionID: session, administrationID: administrationId });
}

export const SEARCH_DOCUMENTS_ORDER = ['sessionID', 'searchOption', 'searchText', 'folderID', 'tabID', 'sortOrder', 'startDate', 'endDate', 'numberOfRecords', 'startRecord'] as const;

export function searchDocuments(url: string, session: string, overrides: Values = {}): Promise<SoapAnswer> {
	const values: Values = {
		sessionID: session,
		searchOption: 'All',
		searchText: '',
		folderID: '-1',
		tabID: '-1',
		sortOrder: 'DocumentDateAsc',
		startDate: '0001-01-01',
		endDate: '0001-01-01',
		numberOfRecords: '100',
		startRecord: '1',
		...overrides,
	};
	return call(url, 'Archive', 'SearchDocuments', SEARCH_DOCUMENTS_ORDER, values);
}

export function findDocument(url: string, session: string, documentId: string): Promise<SoapAnswer> {
	return call(url, 'Archive', 'FindDocument', ['sessionID', 'documentID'], { sessionID: session, documentID: documentId });
}

export function documentBinaryData(url: string, session: string, documentId: string): Promise<SoapAnswer> {
	return call(url, 'Archive', 'DocumentBinaryData', ['sessionID', 'documentID'], { sessionID: session, documentID: documentId });
}

export const JOURNAL_NS = 'urn:xmlns:http://www.theyukicompany.com:journal';

export interface JournalLine {
	date?: string;
	glAccount: string;
	amount: string;
	description?: string;
	contactCode?: string;
	contactName?: string;
}

/** A `Journal` document: header, then one JournalEntry per line, in the order public clients send. */
export function journalDocument(subject: string, lines: JournalLine[], header: Array<[string, string]> = [['AdministrationID', DEMO.organisation.id]]): string {
	const entries = lines
		.map(
			(line) =>
				'<JournalEntry>' +
				(line.contactName ? `<ContactName>${line.contactName}</ContactName>` : '') +
				(line.contactCode ? `<ContactCode>${line.contactCode}</ContactCode>` : '') +
				`<EntryDate>${line.date ?? '2025-11-30'}</EntryDate><GLAccount>${line.glAccount}</GLAccount><Amount>${line.amount}</Amount>` +
				(line.description ? `<Description>${line.description}</Description>` : '') +
				'</JournalEntry>',
		)
		.join('');
	const head = header.map(([name, value]) => `<${name}>${value}</${name}>`).join('');
	return `<Journal xmlns="${JOURNAL_NS}">${head}<DocumentSubject>${subject}</DocumentSubject><JournalType>GeneralJournal</JournalType>${entries}</Journal>`;
}

export function processJournal(url: string, session: string, documentXml: string, administrationId: string = DEMO.organisation.id): Promise<SoapAnswer> {
	return call(url, 'Accounting', 'ProcessJournal', ['sessionID', 'administrationID', 'xmlDoc'], { sessionID: session, administrationID: administrationId }, { xmlDoc: documentXml });
}
