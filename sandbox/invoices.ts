/**
 * Per-invoice business processing of ProcessSalesInvoices / ProcessPurchaseInvoices, after the
 * whole document passed the schema check. Message texts Yuki is not known to use are [guess].
 */
import { DateTime } from 'luxon';
import {
	addDecimals,
	compareDecimals,
	decimalFromString,
	formatDecimal,
	money,
	multiplyDecimals,
	rescale,
	subtractDecimals,
} from './documents';
import type { Decimal } from './documents';
import type { DocumentSpec, NormalisedRecord } from './documents';
import { fieldKey } from './documents';
import { IMPORT_RESPONSE, IMPORT_RESPONSE_HEADER, IMPORT_RESPONSE_INVOICE } from './answers/accounting';
import { newGuid } from './ids';
import { textPdfBase64 } from './pdf';
import type { AdministrationState, ContactState, InvoiceKind, InvoiceState, OpenItemState, SandboxState } from './state';
import { create } from 'xmlbuilder2';
import { ANSWER_WRITE, literal } from './soap';

/** Yuki stops a batch after this many incorrect invoices [lib]. */
export const MAX_INCORRECT_PER_BATCH = 6;
export const SKIPPED_MESSAGE = `Not processed: the batch was stopped after ${MAX_INCORRECT_PER_BATCH} incorrect invoices`;

/** Dutch texts of payment methods as a Dutch domain shows them on open items [guess beyond Overschrijving]. */
const PAYMENT_METHOD_TEXT: Record<string, string> = {
	Unspecified: '',
	ElectronicTransfer: 'Overschrijving',
	DirectCollection: 'Automatische incasso',
	Cash: 'Contant',
	DebitCard: 'Pinbetaling',
	CreditCard: 'Creditcard',
	ReceivedElectronically: 'Elektronisch ontvangen',
	ReceivedCash: 'Contant ontvangen',
	ToSettle: 'Te verrekenen',
	iDeal: 'iDEAL',
	Online: 'Online',
};

export interface InvoiceOutcome {
	succeeded: boolean;
	processed: boolean;
	emailSent: boolean;
	reference: string;
	subject: string;
	contact: string;
	message: string;
	skipped?: boolean;
}

class Rejection extends Error {}

const str = (value: NormalisedRecord[string]): string => (typeof value === 'string' ? value : '');
const group = (value: NormalisedRecord[string]): NormalisedRecord =>
	value && typeof value === 'object' && !Array.isArray(value) ? value : {};
const list = (value: NormalisedRecord[string]): NormalisedRecord[] => (Array.isArray(value) ? value : []);

/** Tracks what one invoice created, so a rejected invoice leaves nothing behind. */
interface Transaction {
	createdContactIds: string[];
	contactSnapshots: Array<{ contact: ContactState; fields: Record<string, string>; modifiedAt?: string }>;
}

function toDutchDate(date: string): string {
	const [year, month, day] = date.split('-');
	return `${day}-${month}-${year}`;
}

/** Runs the description's cross-field rules (e.g. Reference required when Process is true). */
function applyRules(spec: DocumentSpec, record: NormalisedRecord): void {
	for (const rule of spec.rules) {
		const problem = rule.check(record);
		if (problem) {
			// A rule on a top-level field words its problem after the field name; deeper rules name their own path.
			const field = spec.fields.find((candidate) => fieldKey(candidate) === rule.field);
			throw new Rejection(field ? `${field.xml} ${problem}` : problem);
		}
	}
}

function checkPeriod(admin: AdministrationState, date: string): void {
	if (admin.lockedBefore && date && date < admin.lockedBefore) {
		throw new Rejection(
			`Could not create or modify transactions before ${toDutchDate(admin.lockedBefore)} for administration ${admin.name}`,
		);
	}
}

function contactFieldsOf(contact: NormalisedRecord, spec: DocumentSpec): Record<string, string> {
	const contactSpec = spec.fields.find((field) => field.xml === 'Contact');
	const fields: Record<string, string> = {};
	if (contactSpec?.kind !== 'group') return fields;
	for (const field of contactSpec.fields) {
		const value = str(contact[fieldKey(field)]);
		if (value && field.xml !== 'ContactCode' && field.xml !== 'FullName') fields[field.xml] = value;
	}
	return fields;
}

/**
 * Finds the contact by ContactCode, then FullName, else creates it. `overwrite` says how a found
 * contact is updated: purchase invoices overwrite address data when found by code and only fill
 * empty fields when found by name (Yuki's description); sales invoices behave alike [guess].
 */
function matchContact(
	state: SandboxState,
	administrationId: string,
	record: NormalisedRecord,
	spec: DocumentSpec,
	transaction: Transaction,
	now: Date,
): ContactState {
	const code = str(record.contactCode);
	const fullName = str(record.fullName);
	const fields = contactFieldsOf(record, spec);
	const inAdministration = state.contacts.filter((contact) => contact.administrationId === administrationId);
	const byCode = code ? inAdministration.find((contact) => contact.code === code) : undefined;
	const found = byCode ?? inAdministration.find((contact) => contact.fullName.toLowerCase() === fullName.toLowerCase());
	if (found) {
		transaction.contactSnapshots.push({ contact: found, fields: { ...found.fields }, modifiedAt: found.modifiedAt });
		for (const [name, value] of Object.entries(fields)) {
			if (byCode || !found.fields[name]) found.fields[name] = value;
		}
		found.modifiedAt = now.toISOString();
		return found;
	}
	state.counters.contactHid += 1;
	const created: ContactState = {
		id: newGuid(),
		administrationId,
		code,
		fullName,
		fields,
		hid: state.counters.contactHid,
		createdAt: now.toISOString(),
		modifiedAt: now.toISOString(),
		active: true,
	};
	state.contacts.push(created);
	transaction.createdContactIds.push(created.id);
	return created;
}

function rollback(state: SandboxState, transaction: Transaction): void {
	for (const { contact, fields, modifiedAt } of transaction.contactSnapshots) Object.assign(contact, { fields, modifiedAt });
	if (transaction.createdContactIds.length) {
		const created = new Set(transaction.createdContactIds);
		state.contacts = state.contacts.filter((contact) => !created.has(contact.id));
	}
}

const cents = (value: Decimal) => rescale(value, 2);
/** VAT amount in cents of `amount` at `percentage` %, rounded half away from zero. */
function vatOf(amount: Decimal, percentage: string): Decimal {
	// amount × percentage has scale 4; reading the same units at scale 6 divides by 100.
	const product = multiplyDecimals(cents(amount), decimalFromString(percentage, 2));
	return rescale({ units: product.units, scale: product.scale + 2 }, 2);
}

/** Total including VAT of a sales invoice, computed exactly from its lines. */
export function salesInvoiceTotal(lines: NormalisedRecord[]): Decimal {
	let total: Decimal = { units: 0n, scale: 2 };
	for (const line of lines) {
		const product = group(line.product);
		const percentage = str(product.vatPercentage) || '0';
		const lineAmount = str(line.lineAmount);
		const lineVat = str(line.lineVatAmount);
		let net: Decimal;
		let vat: Decimal;
		if (lineAmount) {
			net = money(lineAmount);
			vat = lineVat ? money(lineVat) : vatOf(net, percentage);
		} else {
			const gross = cents(multiplyDecimals(decimalFromString(str(line.productQuantity), 4), decimalFromString(str(product.salesPrice), 4)));
			if (product.vatIncluded === 'true') {
				net = gross;
				vat = { units: 0n, scale: 2 };
			} else {
				net = gross;
				vat = lineVat ? money(lineVat) : vatOf(gross, percentage);
			}
		}
		total = addDecimals(total, addDecimals(net, vat));
	}
	return cents(total);
}

function checkSalesLines(state: SandboxState, admin: AdministrationState, lines: NormalisedRecord[]): void {
	const codes = state.vatCodes.filter((code) => code.administrationId === admin.id && code.side === 'sales');
	for (const line of lines) {
		const product = group(line.product);
		const type = Number(str(product.vatType));
		const percentage = decimalFromString(str(product.vatPercentage) || '0', 2);
		if (!codes.some((code) => code.type === type && compareDecimals(money(code.percentage), percentage) === 0)) {
			throw new Rejection(`Sales tax code with percentage ${formatDecimal(percentage)} and type ${type} cannot be found`);
		}
		checkGlAccount(state, admin, str(product.glAccountCode), true);
	}
}

function checkGlAccount(state: SandboxState, admin: AdministrationState, code: string, unknownIsError: boolean): void {
	if (!code) return;
	const account = state.glAccounts.find((candidate) => candidate.administrationId === admin.id && candidate.code === code);
	if (!account) {
		if (unknownIsError) throw new Rejection(`GL account ${code} cannot be found`); // [guess]
		return;
	}
	if (!account.isEnabled) throw new Rejection('Cannot book this transaction line because the GLAccount is disabled');
}

/** An invoice number already used in the administration (for purchase invoices: by the same supplier [guess]). */
function isDuplicate(state: SandboxState, administrationId: string, kind: InvoiceKind, reference: string, contactId?: string): boolean {
	const sameContact = (id: string) => contactId === undefined || id === contactId;
	const typeId = kind === 'sales' ? 6 : 2;
	return (
		state.invoices.some(
			(invoice) =>
				invoice.administrationId === administrationId && invoice.kind === kind && invoice.reference === reference && sameContact(invoice.contactId),
		) ||
		state.items.some(
			(item) => item.administrationId === administrationId && item.typeId === typeId && item.reference === reference && sameContact(item.contactId),
		)
	);
}

function bookItem(state: SandboxState, item: Omit<OpenItemState, 'id' | 'openAmount'>): void {
	state.items.push({ id: newGuid(), openAmount: item.originalAmount, ...item });
}

/**
 * Whether Yuki e-mails the invoice: only a booked one, with invoicing e-mail set up for the
 * administration and an address to send to [guess]; otherwise the message says why not.
 */
function emailOutcome(record: NormalisedRecord, booked: boolean, admin: AdministrationState, contact: ContactState): { sent: boolean; message: string } {
	if (record.emailToCustomer !== 'true') return { sent: false, message: '' };
	const why = !booked
		? 'only booked invoices (Process true) are e-mailed'
		: !admin.invoicingEmail
			? 'invoicing e-mail is not set up for this administration'
			: !contact.fields.EmailAddress && !str(group(record.contactPerson).emailAddress)
				? 'the contact has no e-mail address'
				: undefined;
	return why ? { sent: false, message: `The invoice was not e-mailed: ${why}` } : { sent: true, message: '' };
}

/** One invoice of a batch and what processing it works with. */
interface InvoiceJob {
	state: SandboxState;
	admin: AdministrationState;
	record: NormalisedRecord;
	spec: DocumentSpec;
	now: Date;
	/** Filled in as the invoice gets through; processBatch reports it. */
	outcome: InvoiceOutcome;
	transaction: Transaction;
}

/** What an accepted invoice stores that differs between sales and purchase. */
type InvoiceFacts = Pick<InvoiceState, 'kind' | 'reference' | 'subject' | 'contactId' | 'date' | 'booked' | 'total' | 'emailSent'>;
/** The part of a booked invoice's open item that differs between the debtor and the creditor side. */
type Booking = Pick<OpenItemState, 'side' | 'typeId' | 'typeText' | 'description' | 'paymentReference'>;

/** Stores an accepted invoice and, when it is booked, the open item it leaves. */
function storeInvoice({ state, admin, record, now }: InvoiceJob, facts: InvoiceFacts, booking: Booking): void {
	const invoiceId = newGuid();
	state.invoices.push({
		id: invoiceId,
		administrationId: admin.id,
		kind: facts.kind,
		reference: facts.reference,
		subject: facts.subject,
		contactId: facts.contactId,
		date: facts.date,
		dueDate: str(record.dueDate),
		booked: facts.booked,
		total: facts.total,
		paymentMethod: str(record.paymentMethod),
		emailSent: facts.emailSent,
		createdAt: now.toISOString(),
	});
	const documentId = archiveInvoice(state, admin, facts, str(record.documentFileName), str(record.documentBase64), now);
	if (!facts.booked) return;
	bookItem(state, {
		administrationId: admin.id,
		side: booking.side,
		typeId: booking.typeId,
		typeText: booking.typeText,
		date: facts.date,
		dueDate: str(record.dueDate),
		description: booking.description,
		contactId: facts.contactId,
		reference: facts.reference,
		paymentReference: booking.paymentReference,
		paymentMethod: PAYMENT_METHOD_TEXT[str(record.paymentMethod)] ?? '',
		documentId,
		originalAmount: facts.total,
		invoiceId,
	});
}

/**
 * Puts the invoice's PDF in the archive (Inkoop 1 / Verkoop 2, tab "Facturen") and returns its
 * document ID, which the open item carries as DocumentID. A sales invoice without a custom PDF
 * gets the PDF Yuki would render; here a plain one-page summary [guess for folders, tabs, texts].
 */
function archiveInvoice(state: SandboxState, admin: AdministrationState, facts: InvoiceFacts, fileName: string, base64: string, now: Date): string {
	const sales = facts.kind === 'sales';
	const contact = state.contacts.find((candidate) => candidate.id === facts.contactId);
	const data =
		base64 ||
		textPdfBase64([`Factuur ${facts.reference}`, admin.name, `Aan: ${contact?.fullName ?? ''}`, `Datum ${facts.date}`, `Totaal EUR ${facts.total}`]);
	const id = newGuid();
	state.documents.push({
		id,
		administrationId: admin.id,
		folder: sales ? 2 : 1,
		tab: sales ? 201 : 101,
		typeId: sales ? 6 : 2,
		typeDescription: sales ? 'Verkoopfactuur' : 'Aankoopfactuur',
		subject: facts.subject || `${sales ? 'Factuur' : 'Inkoopfactuur'} ${facts.reference}`,
		documentDate: facts.date,
		contactName: contact?.fullName ?? '',
		contentType: 'application/pdf',
		fileName: fileName || `Factuur ${facts.reference}.pdf`,
		size: Buffer.from(data, 'base64').length,
		dataBase64: data,
		currency: 'EUR',
		amount: facts.total,
		costCategory: '',
		paymentMethod: 0,
		project: '',
		remarks: '',
		uploadedAt: now.toISOString(),
	});
	return id;
}

/** One sales invoice: checks, contact, storage, booking. Throws Rejection with Yuki's message. */
function processSalesInvoice(job: InvoiceJob): void {
	const { state, admin, record, spec, outcome, transaction } = job;
	applyRules(spec, record);
	if (str(record.documentBase64) && !isPdf(str(record.documentBase64))) throw new Rejection(NOT_A_PDF);
	const lines = list(record.invoiceLines);
	checkSalesLines(state, admin, lines);
	checkPeriod(admin, str(record.date));
	let reference = str(record.reference);
	if (reference && isDuplicate(state, admin.id, 'sales', reference)) {
		throw new Rejection(`An invoice with reference ${reference} already exists`); // [guess]
	}
	const contact = matchContact(state, admin.id, group(record.contact), spec, transaction, job.now);
	if (!reference) {
		// Yuki numbers an invoice sent without a reference itself [guess for the format].
		state.counters.salesNumber += 1;
		reference = `${str(record.date).slice(0, 4)}-${String(state.counters.salesNumber).padStart(5, '0')}`;
	}
	const booked = record.process === 'true';
	const email = emailOutcome(record, booked, admin, contact);
	const emailSent = email.sent;
	const total = formatDecimal(salesInvoiceTotal(lines));
	storeInvoice(
		job,
		{ kind: 'sales', reference, subject: str(record.subject), contactId: contact.id, date: str(record.date), booked, total, emailSent },
		{
			side: 'debtor',
			typeId: 6,
			typeText: 'Verkoopfactuur',
			description: str(record.subject) || `Factuur voor ${contact.fullName}`,
			paymentReference: str(record.paymentId),
		},
	);
	Object.assign(outcome, { succeeded: true, processed: booked, emailSent, reference, contact: contact.fullName, message: email.message });
}

const NOT_A_PDF = 'DocumentBase64 does not hold a PDF document'; // [guess]

function isPdf(base64: string): boolean {
	return Buffer.from(base64, 'base64').subarray(0, 5).toString('latin1') === '%PDF-';
}

/** Largest rounding difference Yuki's auto-correct absorbs [guess]. */
const AUTO_CORRECT_LIMIT = money('0.05');

function processPurchaseInvoice(job: InvoiceJob, autoCorrect: boolean): void {
	const { state, admin, record, spec, now, outcome, transaction } = job;
	const contactRecord = group(record.contact);
	// Contact first, as Yuki does; a later rejection rolls it back.
	const contact = matchContact(state, admin.id, contactRecord, spec, transaction, now);
	outcome.contact = contact.fullName;
	if (!str(contactRecord.bankAccount).trim()) throw new Rejection('The bank account of the supplier is required'); // [guess]
	applyRules(spec, record);
	if (!isPdf(str(record.documentBase64))) throw new Rejection(NOT_A_PDF);
	const codes = state.vatCodes.filter((code) => code.administrationId === admin.id && code.side === 'purchase');
	let linesTotal: Decimal = { units: 0n, scale: 2 };
	for (const line of list(record.invoiceLines)) {
		const type = Number(str(line.lineVatType));
		const percentage = str(line.lineVatPercentage);
		const matches = codes.filter(
			(code) => code.type === type && (!percentage || compareDecimals(money(code.percentage), money(percentage)) === 0),
		);
		if (matches.length === 0) {
			throw new Rejection(
				percentage
					? `Purchase tax code with percentage ${percentage} and type ${type} cannot be found`
					: `Purchase tax code with type ${type} cannot be found`,
			); // [guess], modelled on the sales message
		}
		checkGlAccount(state, admin, str(line.glAccountCode), false);
		linesTotal = addDecimals(linesTotal, money(str(line.lineAmount)));
	}
	const invoiceAmount = money(str(record.invoiceAmount));
	const expected = addDecimals(linesTotal, money(str(record.invoiceVatAmount)));
	const difference = subtractDecimals(invoiceAmount, expected);
	const magnitude = { units: difference.units < 0n ? -difference.units : difference.units, scale: difference.scale };
	if (difference.units !== 0n && (!autoCorrect || compareDecimals(magnitude, AUTO_CORRECT_LIMIT) > 0)) {
		throw new Rejection(
			`The invoice amount ${formatDecimal(invoiceAmount)} does not equal the invoice lines plus VAT (${formatDecimal(expected)})`,
		); // [guess]
	}
	checkPeriod(admin, str(record.date) || now.toISOString().slice(0, 10));
	const reference = str(record.reference);
	if (reference && isDuplicate(state, admin.id, 'purchase', reference, contact.id)) {
		throw new Rejection(`An invoice with reference ${reference} already exists for ${contact.fullName}`); // [guess]
	}
	const booked = record.process === 'true';
	const date = str(record.date) || now.toISOString().slice(0, 10);
	storeInvoice(
		job,
		{ kind: 'purchase', reference, subject: str(record.remarks), contactId: contact.id, date, booked, total: formatDecimal(invoiceAmount), emailSent: false },
		{
			side: 'creditor',
			typeId: 2,
			typeText: 'Aankoopfactuur',
			description: `Factuur van ${contact.fullName}`,
			paymentReference: str(record.paymentReference) || str(record.paymentId),
		},
	);
	Object.assign(outcome, { succeeded: true, processed: booked, reference });
}

export interface BatchOptions {
	kind: InvoiceKind;
	spec: DocumentSpec;
	/** Purchase only: `disableAutoCorrect` = 'true' turns off correcting small rounding differences. */
	autoCorrect?: boolean;
}

/** Processes a checked batch in order and returns the outcome per invoice. */
export function processBatch(
	state: SandboxState,
	admin: AdministrationState,
	records: NormalisedRecord[],
	options: BatchOptions,
	now: Date,
): InvoiceOutcome[] {
	let incorrect = 0;
	return records.map((record) => {
		const outcome: InvoiceOutcome = {
			succeeded: false,
			processed: false,
			emailSent: false,
			reference: str(record.reference),
			subject: str(record.subject),
			contact: str(group(record.contact).fullName),
			message: '',
		};
		if (incorrect >= MAX_INCORRECT_PER_BATCH) {
			return { ...outcome, message: SKIPPED_MESSAGE, skipped: true };
		}
		const transaction: Transaction = { createdContactIds: [], contactSnapshots: [] };
		try {
			const job: InvoiceJob = { state, admin, record, spec: options.spec, now, outcome, transaction };
			if (options.kind === 'sales') processSalesInvoice(job);
			else processPurchaseInvoice(job, options.autoCorrect ?? true);
		} catch (error) {
			if (!(error instanceof Rejection)) throw error;
			rollback(state, transaction);
			incorrect += 1;
			Object.assign(outcome, { succeeded: false, processed: false, emailSent: false, message: error.message });
		}
		return outcome;
	});
}

/** `SalesInvoicesImportResponse` / `PurchaseInvoicesImportResponse`, as Yuki's example writes it. */
export function importResponseXml(kind: InvoiceKind, administrationId: string, outcomes: InvoiceOutcome[], now: Date): string {
	const { root, namespace } = IMPORT_RESPONSE[kind];
	const header: Record<(typeof IMPORT_RESPONSE_HEADER)[number], string> = {
		// Yuki's example shows the day only.
		TimeStamp: DateTime.fromJSDate(now).setZone('Europe/Amsterdam').toISODate() ?? now.toISOString().slice(0, 10),
		AdministrationId: administrationId,
		TotalSucceeded: String(outcomes.filter((outcome) => outcome.succeeded).length),
		TotalFailed: String(outcomes.filter((outcome) => !outcome.succeeded && !outcome.skipped).length),
		TotalSkipped: String(outcomes.filter((outcome) => outcome.skipped).length),
	};
	// Header and invoices are in no namespace under a root in Yuki's import namespace: xmlbuilder2
	// writes the `xmlns=""` Yuki's example shows on each of them.
	const response = create().ele(namespace, root);
	for (const name of IMPORT_RESPONSE_HEADER) response.ele('', name).txt(literal(header[name]));
	for (const outcome of outcomes) {
		const values: Record<(typeof IMPORT_RESPONSE_INVOICE)[number], string> = {
			Succeeded: String(outcome.succeeded),
			Processed: String(outcome.processed),
			EmailSent: String(outcome.emailSent),
			Reference: outcome.reference,
			Subject: outcome.subject,
			Contact: outcome.contact,
			Message: outcome.message,
		};
		const invoice = response.ele('', 'Invoice');
		for (const name of IMPORT_RESPONSE_INVOICE) {
			if (name === 'EmailSent' && kind === 'purchase') continue;
			const element = invoice.ele('', name);
			if (values[name]) element.txt(literal(values[name]));
		}
	}
	return response.end(ANSWER_WRITE);
}
