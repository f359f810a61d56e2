/**
 * The sandbox's reading of Yuki's Journal.xsd (`ProcessJournal`'s xmlDoc, a general journal or
 * "memoriaal"): root `Journal` in namespace `urn:xmlns:http://www.theyukicompany.com:journal`,
 * header elements, then one `JournalEntry` per line directly under the root (no wrapper)
 * [lib: several PHP clients and a Laravel test send AdministrationID (or AdministrationCoCNumber),
 * DocumentSubject, JournalType (GeneralJournal), ProjectID, ProjectCode, then JournalEntry
 * {ContactName, ContactCode, EntryDate, GLAccount, Amount, Description} in this order;
 * dedene/yuki-cli's fixture sends the entries' EntryDate, GLAccount, Amount, Description].
 * The XSD (yukiworks.be/schemas/Journal.xsd) is not public here; lengths are [guess].
 */
import type { Field } from '../documents';

export const JOURNAL_ROOT = 'Journal';
export const JOURNAL_NAMESPACE = 'urn:xmlns:http://www.theyukicompany.com:journal';
export const JOURNAL_ENTRY = 'JournalEntry';

/** The journal types the sandbox knows [lib: every client sends GeneralJournal; an empty element is seen too]. */
export const JOURNAL_TYPES = ['GeneralJournal'] as const;

export const journalHeaderFields: readonly Field[] = [
	{ xml: 'AdministrationID', kind: 'text', label: 'Administration ID', description: 'GUID of the administration', maxLength: 36 },
	{ xml: 'AdministrationCoCNumber', kind: 'text', label: 'Administration CoC Number', description: 'CoC number of the administration, instead of its ID', maxLength: 50 },
	{ xml: 'DocumentSubject', kind: 'text', label: 'Document Subject', description: 'Subject of the journal document', maxLength: 255, required: true },
	{ xml: 'JournalType', kind: 'text', label: 'Journal Type', description: 'GeneralJournal', maxLength: 50 },
	{ xml: 'ProjectID', kind: 'text', label: 'Project ID', description: 'GUID of a project', maxLength: 36 },
	{ xml: 'ProjectCode', kind: 'text', label: 'Project Code', description: 'Code of a project', maxLength: 50 },
];

export const journalEntryFields: readonly Field[] = [
	{ xml: 'ContactName', kind: 'text', label: 'Contact Name', description: 'Name of the contact of the line', maxLength: 255 },
	{ xml: 'ContactCode', kind: 'text', label: 'Contact Code', description: 'Code of the contact of the line', maxLength: 50 },
	{ xml: 'EntryDate', kind: 'date', label: 'Entry Date', description: 'Date of the line', required: true },
	{ xml: 'GLAccount', kind: 'text', label: 'GL Account', description: 'GL account code', maxLength: 20, required: true },
	{ xml: 'Amount', kind: 'decimal', decimals: 2, label: 'Amount', description: 'Positive = debit, negative = credit', required: true },
	{ xml: 'Description', kind: 'text', label: 'Description', description: 'Text of the line', maxLength: 255 },
];
