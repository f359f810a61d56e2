/**
 * Everything the sandbox knows, as plain JSON so it can be saved, loaded and inspected through
 * `GET /sandbox/state`. Amounts are canonical decimal strings with 2 decimals, never floats.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export type Side = 'debtor' | 'creditor';
export type InvoiceKind = 'sales' | 'purchase';

export interface DomainRecord {
	id: string;
	name: string;
}

export interface AccessKeyRecord {
	key: string;
	domainId: string;
	/** Administrations the key reaches; absent = every administration of its domain. */
	administrationIds?: string[];
	label: string;
}

/** Client ID + secret Yuki issues for the Purchase service, bound to one access key. */
export interface ApiClientRecord {
	clientId: string;
	clientSecret: string;
	accessKey: string;
}

export interface AdministrationState {
	id: string;
	name: string;
	addressLine: string;
	postcode: string;
	city: string;
	country: string;
	cocNumber: string;
	vatNumber: string;
	startDate: string;
	domainId: string;
	active: boolean;
	/** Whether Yuki's invoicing e-mail is set up, so EmailToCustomer can send [guess]. */
	invoicingEmail: boolean;
	/** Closed period: no transactions dated before this day (YYYY-MM-DD). */
	lockedBefore?: string;
}

export interface VatCodeState {
	administrationId: string;
	/** Sales codes are checked for sales invoices, purchase codes for purchase invoices. */
	side: 'sales' | 'purchase';
	type: number;
	percentage: string;
	description: string;
	typeDescription: string;
	country?: string;
	startDate?: string;
	endDate?: string;
}

export interface GlAccountState {
	administrationId: string;
	code: string;
	description: string;
	type: number;
	subType: number;
	isEnabled: boolean;
}

export interface FolderState {
	domainId: string;
	id: number;
	description: string;
	/** Icon file Yuki names for the folder, e.g. DocumentFolder_red_label.png [doc: Postman example]. */
	icon?: string;
	/** Whether Yuki's staff process the folder's documents (True for the bookkeeping folders) [doc]. */
	processedByYuki?: boolean;
}

/** A project of an administration (AccountingInfo.GetProjects, Archive.Projects). */
export interface ProjectState {
	administrationId: string;
	id: string;
	hid: number;
	code: string;
	description: string;
	startDate: string;
	/** Empty for an open-ended project. */
	endDate: string;
	contactId?: string;
	tags?: string;
	budgetSales: string;
	budgetPurchase: string;
}

/** An entry of an ID + description list: archive payment methods and cost categories (per domain), custom payment methods (per administration). */
export interface ListEntryState {
	/** Domain ID for the archive lists, administration ID for custom payment methods. */
	ownerId: string;
	id: string;
	description: string;
}

/** A general journal (memorial) booked with ProcessJournal. */
export interface JournalState {
	id: string;
	administrationId: string;
	documentId: string;
	subject: string;
	journalType: string;
	projectCode: string;
	entries: Array<{ date: string; glAccount: string; amount: string; description: string; contactId?: string }>;
	createdAt: string;
}

export interface ContactState {
	id: string;
	/** The administration the contact was created in; the Contact service lists a whole domain's contacts. */
	administrationId: string;
	code: string;
	fullName: string;
	/** Other contact fields by the invoice documents' element names (AddressLine_1, Zipcode, CountryCode, EmailAddress, VATNumber…). */
	fields: Record<string, string>;
	/** Yuki's running contact number (HID) in the domain. */
	hid?: number;
	createdAt?: string;
	modifiedAt?: string;
	/** Inactive contacts are left out of searches for Active contacts (default true). */
	active?: boolean;
	tags?: string;
}

export interface InvoiceState {
	id: string;
	administrationId: string;
	kind: InvoiceKind;
	reference: string;
	subject: string;
	contactId: string;
	date: string;
	dueDate: string;
	/** True when booked (Process=true); false for a draft / invoice awaiting approval. */
	booked: boolean;
	total: string;
	paymentMethod: string;
	emailSent: boolean;
	createdAt: string;
}

export interface OpenItemState {
	id: string;
	administrationId: string;
	side: Side;
	typeId: number;
	/** Localised type text, as Yuki writes it (Dutch for the demo domain). */
	typeText: string;
	date: string;
	dueDate: string;
	description: string;
	contactId: string;
	reference: string;
	paymentReference: string;
	paymentMethod: string;
	documentId: string;
	originalAmount: string;
	openAmount: string;
	invoiceId?: string;
}

export interface DocumentState {
	id: string;
	administrationId: string;
	folder: number;
	/** Tab within the folder (e.g. 201 Facturen in Verkoop) [guess for the numbers]; 0 = none. */
	tab?: number;
	/** Yuki's document type: 6 sales invoice, 2 purchase invoice, 21 journal; absent = unprocessed upload. */
	typeId?: number;
	typeDescription?: string;
	subject?: string;
	/** The document's own date (invoice date); absent for an upload not yet processed. */
	documentDate?: string;
	contactName?: string;
	contentType?: string;
	fileName: string;
	/** Size of the decoded file in bytes. */
	size: number;
	dataBase64: string;
	currency: string;
	amount: string;
	costCategory: string;
	paymentMethod: number;
	project: string;
	remarks: string;
	uploadedAt: string;
}

export interface PaymentState {
	id: string;
	itemId: string;
	administrationId: string;
	side: Side;
	reference: string;
	amount: string;
	at: string;
}

export interface SessionState {
	id: string;
	accessKey: string;
	domainId: string;
	/** Made with AuthenticateClient: may use the Purchase service. */
	client: boolean;
	createdAt: number;
}

export interface SandboxState {
	version: 1;
	domains: DomainRecord[];
	accessKeys: AccessKeyRecord[];
	clients: ApiClientRecord[];
	administrations: AdministrationState[];
	vatCodes: VatCodeState[];
	glAccounts: GlAccountState[];
	folders: FolderState[];
	projects: ProjectState[];
	/** Archive.PaymentMethods, per domain. */
	archivePaymentMethods: ListEntryState[];
	/** Archive.CostCategories, per domain. */
	costCategories: ListEntryState[];
	/** AccountingInfo.GetCustomPaymentMethods, per administration. */
	customPaymentMethods: ListEntryState[];
	journals: JournalState[];
	contacts: ContactState[];
	invoices: InvoiceState[];
	items: OpenItemState[];
	documents: DocumentState[];
	payments: PaymentState[];
	sessions: SessionState[];
	/** Calls counted per domain for the Europe/Amsterdam day in `day`. */
	quota: Record<string, { day: string; count: number }>;
	counters: { bulk: number; salesNumber: number; contactHid: number };
}

export function loadState(file: string): SandboxState | undefined {
	if (!existsSync(file)) return undefined;
	let parsed: SandboxState;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
	} catch (error) {
		throw new Error(`${file} is not a readable sandbox state file: ${(error as Error).message}`);
	}
	if (!parsed || parsed.version !== 1 || !Array.isArray(parsed.items)) {
		throw new Error(`${file} is not a sandbox state file (version 1)`);
	}
	// State files saved before the Contact, project and journal services have none of their lists.
	parsed.projects ??= [];
	parsed.archivePaymentMethods ??= [];
	parsed.costCategories ??= [];
	parsed.customPaymentMethods ??= [];
	parsed.journals ??= [];
	parsed.counters.contactHid ??= parsed.contacts.reduce((highest, contact) => Math.max(highest, contact.hid ?? 0), 0);
	return parsed;
}

/** Writes through a temporary file so a crash never leaves half a state file. */
export function saveState(state: SandboxState, file: string): void {
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify(state, null, '\t'));
	renameSync(temporary, file);
}
