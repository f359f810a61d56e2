/**
 * The SOAP operations the sandbox plays, per service, with their parameters in WSDL order and
 * their exact, case-sensitive names. Texts Yuki is not known to use are marked [guess].
 */
import { DateTime } from 'luxon';
import { YUKI_NAMESPACE } from '../nodes/Yuki/documents/common';
import { formatDecimal, parseDecimal } from '../nodes/Yuki/documents/decimal';
import { purchaseInvoiceDocument } from '../nodes/Yuki/documents/purchaseInvoice';
import { administrationRecord, documentFolderRecord, glAccountRecord, vatCodeRecord } from '../nodes/Yuki/transport/responses';
import type { ResultRecordSpec } from '../nodes/Yuki/transport/responses';
import { salesInvoiceDocument } from '../nodes/Yuki/documents/salesInvoice';
import { checkDocument } from './documentCheck';
import { newGuid } from './ids';
import { importResponseXml, processBatch } from './invoices';
import { SORT_ORDERS, contactIndex, isOpen, itemsXml, listOpenItems } from './ledger';
import type { SortOrder } from './ledger';
import { SoapFault } from './soap';
import type { AdministrationState, SandboxState, SessionState, Side } from './state';
import { escapeXml, leaf, textOf } from './xml';
import type { XmlElement } from './xml';

export const SERVICES = ['Accounting', 'AccountingInfo', 'Archive', 'Purchase', 'Sales', 'Vat'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Texts of faults the sandbox raises itself. */
export const FAULT_TEXT = {
	invalidAccessKey: 'Invalid access key', // [lib]
	invalidSession: 'Invalid session ID: the session does not exist or has expired', // [guess]
	invalidDomain: 'Webservice calls have to be made on a valid domain', // [lib]
	clientAuthenticationRequired:
		'The Purchase service requires client authentication: authenticate with AuthenticateClient (client ID, client secret and access key)', // [guess]
	invalidClient: 'Invalid client ID or client secret', // [guess]
	dailyLimit: (limit: number) => `Daily limit exceeded: this domain has used its ${limit} webservice calls for today`, // [guess]
} as const;

export interface CallContext {
	state: SandboxState;
	now: Date;
	service: ServiceName;
	dailyQuota: number;
	sessionTtlMs: number;
	paidItemLookup: 'absent' | 'zero';
	/** Parameters found in WSDL order (a misnamed or out-of-order one is absent). */
	params: Record<string, XmlElement | undefined>;
	/** Set by the operation for the call log. */
	administrationId?: string;
	/** Set when the operation changed the state (it is saved afterwards). */
	changed: boolean;
	/** Set once the call has been counted against a domain's daily quota. */
	charged: boolean;
}

interface OperationSpec {
	/** Services offering it; undefined = every service (the session operations). */
	service?: ServiceName;
	params: readonly string[];
	run(context: CallContext): string | undefined;
}

// ---- shared steps -------------------------------------------------------------------------

function text(context: CallContext, name: string): string | undefined {
	const element = context.params[name];
	return element === undefined ? undefined : textOf(element);
}

/** Counts the call against the domain's daily quota (Europe/Amsterdam day). */
export function quotaDay(now: Date): string {
	return DateTime.fromJSDate(now).setZone('Europe/Amsterdam').toISODate() ?? now.toISOString().slice(0, 10);
}

function charge(context: CallContext, domainId: string): void {
	if (context.charged) return;
	const day = quotaDay(context.now);
	const usage = context.state.quota[domainId];
	const count = usage && usage.day === day ? usage.count : 0;
	if (count >= context.dailyQuota) {
		throw new SoapFault(FAULT_TEXT.dailyLimit(context.dailyQuota), 'soap:Client', `Every domain has ${context.dailyQuota} webservice calls a day.`);
	}
	context.state.quota[domainId] = { day, count: count + 1 };
	context.charged = true;
	context.changed = true;
}

function session(context: CallContext, param: 'sessionID' | 'sessionId'): SessionState {
	const id = text(context, param)?.trim();
	const found = id ? context.state.sessions.find((candidate) => candidate.id === id) : undefined;
	if (!found || context.now.getTime() - found.createdAt > context.sessionTtlMs) {
		throw new SoapFault(FAULT_TEXT.invalidSession);
	}
	charge(context, found.domainId);
	return found;
}

function reachableAdministrations(context: CallContext, current: SessionState): AdministrationState[] {
	const key = context.state.accessKeys.find((candidate) => candidate.key === current.accessKey);
	return context.state.administrations.filter(
		(admin) => admin.domainId === current.domainId && (!key?.administrationIds || key.administrationIds.includes(admin.id)),
	);
}

function administration(context: CallContext, current: SessionState, param: 'administrationID' | 'administrationId'): AdministrationState {
	const id = text(context, param)?.trim();
	// Like Yuki, a missing administration (often a misspelt parameter) looks like a session problem.
	if (!id) throw new SoapFault(FAULT_TEXT.invalidSession);
	const admin = reachableAdministrations(context, current).find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
	if (!admin) throw new SoapFault(`Administration ${id} does not exist or cannot be reached with this access key`); // [guess]
	context.administrationId = admin.id;
	return admin;
}

/** Parameter read errors as ASMX's XmlSerializer words them. */
function readFault(detail: string): SoapFault {
	return new SoapFault(`Server was unable to read request. ---> There is an error in XML document. ---> ${detail}`, 'soap:Client');
}

function booleanParam(context: CallContext, name: string): boolean {
	const value = text(context, name)?.trim();
	if (value === undefined) return false;
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	throw readFault(`The string '${value}' is not a valid Boolean value.`);
}

function dateParam(context: CallContext, name: string): string {
	const value = text(context, name)?.trim() ?? '';
	const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.exec(value);
	if (!match) throw new SoapFault(`${name} is missing or not a date: expected YYYY-MM-DD`, 'soap:Client'); // [guess]
	return match[1];
}

/** `<Wrapper xmlns=""><Record ID="…"><Field>…</Field>…</Record>…</Wrapper>` from a result description. */
function recordsXml(wrapper: string, spec: ResultRecordSpec, rows: Array<Record<string, string>>): string {
	const body = rows
		.map((row) => {
			const attributes = spec.fields
				.filter((field) => field.attribute)
				.map((field) => ` ${field.xml}="${escapeXml(row[field.key] ?? '')}"`)
				.join('');
			const children = spec.fields
				.filter((field) => !field.attribute)
				.map((field) => leaf(field.xml, row[field.key]))
				.join('');
			return `<${spec.record}${attributes}>${children}</${spec.record}>`;
		})
		.join('');
	return wrapper ? `<${wrapper} xmlns="">${body}</${wrapper}>` : body;
}

// ---- operations ---------------------------------------------------------------------------

function authenticate(context: CallContext, accessKey: string | undefined, client: boolean): string {
	const key = context.state.accessKeys.find((candidate) => candidate.key === accessKey?.trim());
	if (!key) throw new SoapFault(FAULT_TEXT.invalidAccessKey);
	if (client) {
		const match = context.state.clients.find(
			(candidate) =>
				candidate.accessKey === key.key &&
				candidate.clientId === text(context, 'clientID')?.trim() &&
				candidate.clientSecret === text(context, 'clientSecret'),
		);
		if (!match) throw new SoapFault(FAULT_TEXT.invalidClient);
	}
	charge(context, key.domainId);
	const created: SessionState = { id: newGuid(), accessKey: key.key, domainId: key.domainId, client, createdAt: context.now.getTime() };
	// Expired sessions are dropped here so the state does not grow without bound.
	context.state.sessions = context.state.sessions.filter((old) => context.now.getTime() - old.createdAt <= context.sessionTtlMs);
	context.state.sessions.push(created);
	context.changed = true;
	return created.id;
}

function outstandingList(side: Side, byDate: boolean): OperationSpec {
	return {
		service: 'Accounting',
		params: ['sessionID', 'administrationID', 'includeBankTransactions', 'sortOrder', ...(byDate ? ['startDate', 'endDate'] : [])],
		run(context) {
			const current = session(context, 'sessionID');
			const admin = administration(context, current, 'administrationID');
			// The sandbox holds no unmatched bank transactions, so the flag only has to be a valid boolean.
			booleanParam(context, 'includeBankTransactions');
			const sortOrder = text(context, 'sortOrder')?.trim() ?? '';
			if (!(SORT_ORDERS as readonly string[]).includes(sortOrder)) {
				throw new SoapFault(`Invalid sortOrder '${sortOrder}': use one of ${SORT_ORDERS.join(', ')}`, 'soap:Client'); // [guess]
			}
			const items = listOpenItems(context.state, {
				administrationIds: [admin.id],
				side,
				sortOrder: sortOrder as SortOrder,
				from: byDate ? dateParam(context, 'startDate') : undefined,
				to: byDate ? dateParam(context, 'endDate') : undefined,
			});
			const wrapper = side === 'debtor' ? 'OutstandingDebtorItems' : 'OutstandingCreditorItems';
			return itemsXml(wrapper, items, contactIndex(context.state));
		},
	};
}

function checkOutstanding(context: CallContext, administrationIds: string[]): string {
	const reference = text(context, 'Reference') ?? '';
	const admins = new Set(administrationIds);
	const items = context.state.items
		.filter(
			(item) =>
				admins.has(item.administrationId) &&
				reference !== '' &&
				item.reference === reference &&
				(context.paidItemLookup === 'zero' || isOpen(item)),
		)
		.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
	return itemsXml('OutstandingItems', items, contactIndex(context.state));
}

function importInvoices(kind: 'sales' | 'purchase'): OperationSpec {
	const spec = kind === 'sales' ? salesInvoiceDocument : purchaseInvoiceDocument;
	return {
		service: kind === 'sales' ? 'Sales' : 'Purchase',
		params: kind === 'sales' ? ['sessionId', 'administrationId', 'xmlDoc'] : ['sessionId', 'administrationId', 'disableAutoCorrect', 'xmlDoc'],
		run(context) {
			const current = session(context, 'sessionId');
			if (kind === 'purchase' && !current.client) throw new SoapFault(FAULT_TEXT.clientAuthenticationRequired);
			const admin = administration(context, current, 'administrationId');
			// Whole-document check first: on any schema error nothing of the batch is processed.
			const records = checkDocument(context.params.xmlDoc, spec);
			const autoCorrect = (text(context, 'disableAutoCorrect') ?? 'false').trim().toLowerCase() !== 'true';
			const outcomes = processBatch(context.state, admin, records, { kind, spec, autoCorrect }, context.now);
			context.changed = true;
			return importResponseXml(kind, admin.id, outcomes, context.now);
		},
	};
}

export const OPERATIONS: Record<string, OperationSpec> = {
	Authenticate: {
		params: ['accessKey'],
		run: (context) => escapeXml(authenticate(context, text(context, 'accessKey'), false)),
	},
	AuthenticateClient: {
		params: ['clientID', 'clientSecret', 'accessKey'],
		run: (context) => escapeXml(authenticate(context, text(context, 'accessKey'), true)),
	},
	SetCurrentDomain: {
		params: ['sessionID', 'domainID'],
		run(context) {
			const current = session(context, 'sessionID');
			if (text(context, 'domainID')?.trim().toLowerCase() !== current.domainId.toLowerCase()) {
				throw new SoapFault(FAULT_TEXT.invalidDomain);
			}
			return undefined;
		},
	},
	Domains: {
		service: 'Accounting',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const domains = context.state.domains.filter((domain) => domain.id === current.domainId);
			return `<Domains xmlns="">${domains
				.map((domain) => `<Domain ID="${escapeXml(domain.id)}">${leaf('Name', domain.name)}${leaf('URL', domain.name)}</Domain>`)
				.join('')}</Domains>`;
		},
	},
	Administrations: {
		service: 'Accounting',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const rows = reachableAdministrations(context, current).map((admin) => ({
				id: admin.id,
				name: admin.name,
				addressLine: admin.addressLine,
				postcode: admin.postcode,
				city: admin.city,
				country: admin.country,
				cocNumber: admin.cocNumber,
				vatNumber: admin.vatNumber,
				startDate: admin.startDate,
				domainId: admin.domainId,
				active: String(admin.active),
			}));
			return recordsXml('Administrations', administrationRecord, rows);
		},
	},
	AdministrationID: {
		service: 'Accounting',
		params: ['sessionID', 'administrationName'],
		run(context) {
			const current = session(context, 'sessionID');
			const name = text(context, 'administrationName')?.trim() ?? '';
			const admin = reachableAdministrations(context, current).find((candidate) => candidate.name === name);
			if (!admin) throw new SoapFault(`Administration '${name}' cannot be found`); // [guess]
			context.administrationId = admin.id;
			return admin.id;
		},
	},
	CheckOutstandingItem: {
		service: 'Accounting',
		params: ['sessionID', 'Reference'],
		run(context) {
			const current = session(context, 'sessionID');
			return checkOutstanding(context, reachableAdministrations(context, current).map((admin) => admin.id));
		},
	},
	CheckOutstandingItemAdmin: {
		service: 'Accounting',
		params: ['sessionID', 'administrationID', 'Reference'],
		run(context) {
			const current = session(context, 'sessionID');
			return checkOutstanding(context, [administration(context, current, 'administrationID').id]);
		},
	},
	OutstandingDebtorItems: outstandingList('debtor', false),
	OutstandingCreditorItems: outstandingList('creditor', false),
	OutstandingDebtorItemsByDate: outstandingList('debtor', true),
	OutstandingCreditorItemsByDate: outstandingList('creditor', true),
	ProcessSalesInvoices: importInvoices('sales'),
	ProcessPurchaseInvoices: importInvoices('purchase'),
	UploadDocumentWithData: {
		service: 'Archive',
		params: ['sessionID', 'fileName', 'data', 'folder', 'administrationID', 'currency', 'amount', 'costCategory', 'paymentMethod', 'project', 'remarks'],
		run(context) {
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
			context.state.documents.push({
				id,
				administrationId: admin.id,
				folder,
				fileName,
				size: Buffer.from(data, 'base64').length,
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
		},
	},
	DocumentFolders: {
		service: 'Archive',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const rows = context.state.folders
				.filter((folder) => folder.domainId === current.domainId)
				.map((folder) => ({ id: String(folder.id), description: folder.description }));
			return recordsXml('Folders', documentFolderRecord, rows);
		},
	},
	ActiveVATCodesList: {
		service: 'Vat',
		params: ['sessionID', 'administrationID'],
		run(context) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			// A typed result: elements in Yuki's namespace, absent dates as xsi:nil, country only when set.
			return context.state.vatCodes
				.filter((code) => code.administrationId === admin.id)
				.map((code) => {
					const values: Record<string, string | undefined> = {
						description: code.description,
						type: String(code.type),
						typeDescription: code.typeDescription,
						percentage: code.percentage,
						country: code.country,
						startDate: code.startDate && `${code.startDate}T00:00:00`,
						endDate: code.endDate && `${code.endDate}T00:00:00`,
					};
					const children = vatCodeRecord.fields
						.map((field) => {
							const value = values[field.key];
							if (value !== undefined) return `<${field.xml}>${escapeXml(value)}</${field.xml}>`;
							return field.kind === 'date' ? `<${field.xml} xsi:nil="true" />` : '';
						})
						.join('');
					return `<${vatCodeRecord.record}>${children}</${vatCodeRecord.record}>`;
				})
				.join('');
		},
	},
	GetGLAccountScheme: {
		service: 'AccountingInfo',
		params: ['sessionID', 'administrationID'],
		run(context) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			const rows = context.state.glAccounts
				.filter((account) => account.administrationId === admin.id)
				.map((account) => ({
					code: account.code,
					description: account.description,
					type: String(account.type),
					subType: String(account.subType),
					isEnabled: String(account.isEnabled),
				}));
			return recordsXml('', glAccountRecord, rows);
		},
	},
};

/** The operation a service offers under this name, or undefined (ASMX then rejects the SOAPAction). */
export function findOperation(service: ServiceName, name: string): OperationSpec | undefined {
	const operation = Object.prototype.hasOwnProperty.call(OPERATIONS, name) ? OPERATIONS[name] : undefined;
	return operation && (operation.service === undefined || operation.service === service) ? operation : undefined;
}

/**
 * Binds the body's children to the parameters like ASMX's XmlSerializer: in WSDL order, by exact
 * name and namespace; a misnamed, foreign or out-of-order element is ignored, so it reads as absent.
 */
export function bindParameters(operation: OperationSpec, body: XmlElement): Record<string, XmlElement | undefined> {
	const bound: Record<string, XmlElement | undefined> = {};
	let next = 0;
	for (const child of body.children) {
		if (typeof child === 'string') continue;
		if (child.ns !== YUKI_NAMESPACE) continue;
		const index = operation.params.indexOf(child.local);
		if (index < next) continue;
		next = index + 1;
		// xsi:nil="true" is a null: the parameter keeps its place but has no value.
		if (Object.entries(child.attrs).some(([name, value]) => name.endsWith(':nil') && value.trim() === 'true')) continue;
		bound[child.local] = child;
	}
	return bound;
}
