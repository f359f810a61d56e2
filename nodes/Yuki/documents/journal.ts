/**
 * Yuki's general journal (memorial) document (`Accounting.ProcessJournal`): bookings that are not
 * invoices, such as corrections and accruals. Yuki's `Journal.xsd` is not public; the elements
 * and their order are those public clients send [lib: two independent PHP clients send
 * `Journal{AdministrationID, DocumentSubject, JournalType, JournalEntry*}` with entries
 * `{ContactName, EntryDate, GLAccount, Amount, Description}`; a third adds `ProjectID`,
 * `ProjectCode` and `ContactCode`]. The entries repeat directly under `Journal`, without a wrapper.
 */
import { addDecimals, decimalFromString, formatDecimal } from './decimal';
import type { Decimal } from './decimal';
import { text } from './common';
import type { DocumentRule, DocumentSpec, Field, NormalisedRecord, RuleFinding } from './fields';

/** The only journal type public clients send [lib]; Yuki's other types are not documented. */
export const JOURNAL_TYPES = ['GeneralJournal'] as const;

const GUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

const entryFields: Field[] = [
	text('ContactName', 'Contact Name', 'Name of the contact the entry concerns (optional)'),
	text('ContactCode', 'Contact Code', 'Relation number of the contact the entry concerns (optional)', { confidence: 'guess' }),
	{ xml: 'EntryDate', kind: 'date', label: 'Entry Date', description: 'Booking date of the entry', required: true, example: '2024-03-31' },
	text('GLAccount', 'GL Account', 'General ledger (grootboek) account code the entry is booked on', { required: true, example: '4500' }),
	{
		xml: 'Amount',
		kind: 'decimal',
		decimals: 2,
		label: 'Amount',
		description: 'Amount of the entry: positive = debit, negative = credit (public clients book a pair as +x and −x)',
		required: true,
		confidence: 'guess',
		example: '100.00',
	},
	text('Description', 'Description', 'Text of the entry', { maxLength: 256 }),
];

function amountOf(entry: NormalisedRecord): Decimal | undefined {
	return typeof entry.amount === 'string' ? decimalFromString(entry.amount, 2) : undefined;
}

/** Total debit (positive amounts) and total credit (negative amounts, as a positive number). */
export function journalTotals(record: NormalisedRecord): { debit: Decimal; credit: Decimal } {
	let debit: Decimal = { units: 0n, scale: 2 };
	let credit: Decimal = { units: 0n, scale: 2 };
	for (const entry of Array.isArray(record.journalEntry) ? record.journalEntry : []) {
		const amount = amountOf(entry);
		if (!amount) continue;
		if (amount.units >= 0n) debit = addDecimals(debit, amount);
		else credit = addDecimals(credit, { units: -amount.units, scale: amount.scale });
	}
	return { debit, credit };
}

function balanceText(debit: Decimal, credit: Decimal): string {
	const difference = { units: debit.units - credit.units, scale: 2 };
	return `total debit ${formatDecimal(debit)}, total credit ${formatDecimal(credit)}, difference ${formatDecimal(difference)}`;
}

/** The journal's findings: the whole journal, then each entry date, must balance. */
function balanceFindings(record: NormalisedRecord): RuleFinding[] {
	const { debit, credit } = journalTotals(record);
	if (debit.units !== credit.units) {
		return [{ path: 'journalEntry', message: `does not balance: ${balanceText(debit, credit)} (allowed: entries whose amounts add up to 0.00; positive = debit, negative = credit)` }];
	}
	const entries = Array.isArray(record.journalEntry) ? record.journalEntry : [];
	const dates = [...new Set(entries.map((entry) => entry.entryDate).filter((date): date is string => typeof date === 'string'))];
	if (dates.length < 2) return [];
	const findings: RuleFinding[] = [];
	for (const date of dates) {
		const totals = journalTotals({ journalEntry: entries.filter((entry) => entry.entryDate === date) });
		if (totals.debit.units !== totals.credit.units) {
			findings.push({
				path: 'journalEntry',
				message: `does not balance on ${date}: ${balanceText(totals.debit, totals.credit)} (allowed: the entries of each entry date add up to 0.00, since each date is booked as its own transaction)`,
			});
		}
	}
	return findings;
}

/**
 * A journal must balance to the cent, overall and per entry date [guess for the per-date part:
 * each date is a booking of its own; refusing an unbalanced date before sending is the safe side].
 */
export const balancedJournalRule: DocumentRule = {
	description:
		'Balance: the amounts of all entries add up to exactly 0.00 (total debit = total credit), and so do the entries of each entry date; no rounding tolerance, a journal that does not balance is not sent',
	field: 'journalEntry',
	findAll: balanceFindings,
	check(record) {
		const [first] = balanceFindings(record);
		return first?.message;
	},
};

export const journalDocument: DocumentSpec = {
	name: 'journal',
	root: 'Journal',
	namespace: 'urn:xmlns:http://www.theyukicompany.com:journal',
	record: 'Journal',
	singleRecord: true,
	confidence: 'lib',
	fields: [
		text('AdministrationID', 'Administration ID', 'The administration the journal is booked in; the node fills it from Administration', {
			pattern: { regex: GUID, allowed: 'an administration ID (a GUID)' },
		}),
		text('DocumentSubject', 'Subject', 'Subject of the journal as Yuki shows it, e.g. "Correction VAT Q1"', { required: true, example: 'Memorial 2024-03' }),
		{ xml: 'JournalType', kind: 'enum', label: 'Journal Type', description: 'Kind of journal; the node sends GeneralJournal when it is left out', values: JOURNAL_TYPES },
		text('ProjectID', 'Project ID', 'ID of a Yuki project', { confidence: 'guess' }),
		text('ProjectCode', 'Project Code', 'Code of a Yuki project; used when no Project ID is given', { confidence: 'guess' }),
		{
			xml: 'JournalEntry',
			itemXml: 'JournalEntry',
			repeated: true,
			kind: 'list',
			label: 'Entries',
			description: 'The debit and credit entries of the journal',
			required: true,
			minItems: 2,
			maxItems: 1000,
			fields: entryFields,
		},
	],
	rules: [balancedJournalRule],
	example: {
		documentSubject: 'Memorial 2024-03',
		journalEntry: [
			{ entryDate: '2024-03-31', glAccount: '4500', amount: '100.00' },
			{ entryDate: '2024-03-31', glAccount: '1600', amount: '-100.00' },
		],
	},
};
