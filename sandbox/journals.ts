/**
 * Accounting.ProcessJournal: a general journal ("memoriaal") booked from a `Journal` document.
 * Checked like Yuki's documentation describes it: the schema first, then the lines must balance,
 * overall and per entry date [doc: Postman description as summarised by dedene/yuki-cli; the
 * texts are [guess]]. The answer is the GUID of the journal's archived document [lib].
 */
import { addDecimals, formatDecimal, money, subtractDecimals } from './documents';
import { administration, session } from './context';
import type { CallContext, OperationSpec } from './context';
import { checkRecord, documentRoot, validationFault } from './documentCheck';
import { newGuid } from './ids';
import { textPdfBase64 } from './pdf';
import { JOURNAL_ENTRY, JOURNAL_NAMESPACE, JOURNAL_ROOT, JOURNAL_TYPES, journalEntryFields, journalHeaderFields } from './schemas/journal';
import { SoapFault } from './soap';
import type { AdministrationState, ContactState, JournalState } from './state';
import type { XmlElement } from './xml';

/** Yuki's item type of a journal [doc: Type ID 21 in the OutstandingDebtorItems example]; Dutch text [guess]. */
export const JOURNAL_ITEM_TYPE = { id: 21, text: 'Memoriaal' } as const;
/** The archive folder journals are filed in: Overig [guess]. */
const JOURNAL_FOLDER = 6;

type Line = JournalState['entries'][number];

function toDutchDate(date: string): string {
	const [year, month, day] = date.split('-');
	return `${day}-${month}-${year}`;
}

/** Header elements and entries: entries come after the header, directly under the root. */
function splitJournal(root: XmlElement): { header: XmlElement; entries: XmlElement[] } {
	const header: XmlElement = { ...root, children: [] };
	const entries: XmlElement[] = [];
	for (const child of root.children) {
		if (typeof child === 'string') continue;
		if (child.local === JOURNAL_ENTRY && child.ns === JOURNAL_NAMESPACE) entries.push(child);
		else if (entries.length > 0) {
			throw validationFault(`element ${child.local} is out of order: it must come before ${JOURNAL_ENTRY}`, `${JOURNAL_ROOT}, element ${child.local}`);
		} else header.children.push(child);
	}
	if (entries.length === 0) throw validationFault(`${JOURNAL_ROOT} holds no ${JOURNAL_ENTRY}`, `element ${JOURNAL_ROOT}`);
	return { header, entries };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function checkAdministration(admin: AdministrationState, header: Record<string, unknown>): void {
	const id = str(header.administrationId);
	const coc = str(header.administrationCocNumber);
	if ((id && id.toLowerCase() !== admin.id.toLowerCase()) || (coc && coc !== admin.cocNumber)) {
		throw new SoapFault(`The administration in the journal does not match administrationID ${admin.id}`); // [guess]
	}
}

function findContact(context: CallContext, admin: AdministrationState, code: string, name: string): ContactState | undefined {
	const domainAdmins = new Set(context.state.administrations.filter((candidate) => candidate.domainId === admin.domainId).map((candidate) => candidate.id));
	const contacts = context.state.contacts.filter((contact) => domainAdmins.has(contact.administrationId));
	if (code) {
		const byCode = contacts.find((contact) => contact.code === code);
		if (!byCode) throw new SoapFault(`Contact with code ${code} cannot be found`); // [guess]
		return byCode;
	}
	// A name Yuki does not know leaves the line without a contact [guess].
	return name ? contacts.find((contact) => contact.fullName.toLowerCase() === name.toLowerCase()) : undefined;
}

function processJournal(context: CallContext): string {
	const admin = administration(context, session(context, 'sessionID'), 'administrationID');
	const root = documentRoot(context.params.xmlDoc, JOURNAL_ROOT, JOURNAL_NAMESPACE);
	const { header: headerElement, entries } = splitJournal(root);
	const header = checkRecord(headerElement, journalHeaderFields, JOURNAL_NAMESPACE, JOURNAL_ROOT);
	const records = entries.map((entry, index) => checkRecord(entry, journalEntryFields, JOURNAL_NAMESPACE, `${JOURNAL_ENTRY} ${index + 1}`));

	checkAdministration(admin, header);
	const journalType = str(header.journalType) || 'GeneralJournal';
	if (!(JOURNAL_TYPES as readonly string[]).includes(journalType)) {
		throw validationFault(`the value '${journalType}' of element JournalType is invalid: allowed values are ${JOURNAL_TYPES.join(', ')}`, `${JOURNAL_ROOT}, element JournalType`);
	}
	const projectId = str(header.projectId);
	const projectCode = str(header.projectCode);
	const project = context.state.projects.find(
		(candidate) => candidate.administrationId === admin.id && ((projectId && candidate.id === projectId) || (!projectId && projectCode && candidate.code === projectCode)),
	);
	if ((projectId || projectCode) && !project) throw new SoapFault(`Project ${projectId || projectCode} cannot be found`); // [guess]

	const lines: Line[] = [];
	const totalsByDate = new Map<string, ReturnType<typeof money>>();
	let total = money('0');
	records.forEach((record, index) => {
		const glAccount = str(record.glAccount);
		const account = context.state.glAccounts.find((candidate) => candidate.administrationId === admin.id && candidate.code === glAccount);
		if (!account) throw new SoapFault(`GL account ${glAccount} cannot be found (journal entry ${index + 1})`); // [guess]
		if (!account.isEnabled) throw new SoapFault('Cannot book this transaction line because the GLAccount is disabled'); // [doc, relayed]
		const date = str(record.entryDate);
		if (admin.lockedBefore && date < admin.lockedBefore) {
			throw new SoapFault(`Could not create or modify transactions before ${toDutchDate(admin.lockedBefore)} for administration ${admin.name}`); // [doc, relayed]
		}
		const amount = money(str(record.amount));
		total = addDecimals(total, amount);
		totalsByDate.set(date, addDecimals(totalsByDate.get(date) ?? money('0'), amount));
		const contact = findContact(context, admin, str(record.contactCode), str(record.contactName));
		lines.push({ date, glAccount, amount: formatDecimal(amount), description: str(record.description), contactId: contact?.id });
	});
	if (total.units !== 0n) throw new SoapFault(`The journal is not balanced: its entries add up to ${formatDecimal(total)} instead of 0.00`); // [guess]
	for (const [date, sum] of totalsByDate) {
		if (sum.units !== 0n) throw new SoapFault(`The journal entries of ${date} are not balanced: they add up to ${formatDecimal(sum)}`); // [guess]
	}

	const subject = str(header.documentSubject);
	const documentId = newGuid();
	const firstDate = [...totalsByDate.keys()].sort()[0];
	const debit = lines.filter((line) => !line.amount.startsWith('-')).reduce((sum, line) => addDecimals(sum, money(line.amount)), money('0'));
	const data = textPdfBase64([`Memoriaal: ${subject}`, admin.name, ...lines.map((line) => `${line.date} ${line.glAccount} ${line.amount} ${line.description}`)]);
	context.state.documents.push({
		id: documentId,
		administrationId: admin.id,
		folder: JOURNAL_FOLDER,
		typeId: JOURNAL_ITEM_TYPE.id,
		typeDescription: JOURNAL_ITEM_TYPE.text,
		subject,
		documentDate: firstDate,
		contentType: 'application/pdf',
		fileName: `Memoriaal ${subject}.pdf`,
		size: Buffer.from(data, 'base64').length,
		dataBase64: data,
		currency: 'EUR',
		amount: formatDecimal(debit),
		costCategory: '',
		paymentMethod: 0,
		project: project?.code ?? '',
		remarks: '',
		uploadedAt: context.now.toISOString(),
	});
	context.state.journals.push({
		id: newGuid(),
		administrationId: admin.id,
		documentId,
		subject,
		journalType,
		projectCode: project?.code ?? '',
		entries: lines,
		createdAt: context.now.toISOString(),
	});
	openItemsOf(context, admin, lines, subject, documentId);
	context.changed = true;
	return documentId;
}

/**
 * A line with a contact on the debtors (subtype 13) or creditors (subtype 16) account leaves an
 * open item of type 21, as Yuki's examples show for journals [doc: Type ID 21]; the rule is [guess].
 */
function openItemsOf(context: CallContext, admin: AdministrationState, lines: Line[], subject: string, documentId: string): void {
	for (const line of lines) {
		if (!line.contactId) continue;
		const account = context.state.glAccounts.find((candidate) => candidate.administrationId === admin.id && candidate.code === line.glAccount);
		const side = account?.subType === 13 ? 'debtor' : account?.subType === 16 ? 'creditor' : undefined;
		if (!side) continue;
		const amount = side === 'debtor' ? money(line.amount) : subtractDecimals(money('0'), money(line.amount));
		context.state.items.push({
			id: newGuid(),
			administrationId: admin.id,
			side,
			typeId: JOURNAL_ITEM_TYPE.id,
			typeText: JOURNAL_ITEM_TYPE.text,
			date: line.date,
			dueDate: line.date,
			description: line.description || subject,
			contactId: line.contactId,
			reference: subject,
			paymentReference: '',
			paymentMethod: '',
			documentId,
			originalAmount: formatDecimal(amount),
			openAmount: formatDecimal(amount),
		});
	}
}

export const JOURNAL_OPERATIONS: Record<string, OperationSpec> = {
	ProcessJournal: {
		service: 'Accounting',
		params: ['sessionID', 'administrationID', 'xmlDoc'],
		run: processJournal,
	},
};
