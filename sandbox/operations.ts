/**
 * The SOAP operations the sandbox plays, per service, with their parameters in WSDL order and
 * their exact, case-sensitive names. Texts Yuki is not known to use are marked [guess].
 * The Archive, Contact, AccountingInfo and journal operations live in their own modules.
 */
import { YUKI_NAMESPACE } from './soap';
import { purchaseInvoiceDocument } from './documents';
import { salesInvoiceDocument } from './documents';
import { ACCOUNTING_INFO_OPERATIONS } from './accountingInfo';
import { administrationAnswer, domainAnswer } from './answers/accounting';
import { untypedList } from './answers/shape';
import { ARCHIVE_OPERATIONS } from './archive';
import { CONTACT_OPERATIONS } from './contacts';
import { FAULT_TEXT, administration, booleanParam, charge, dateParam, reachableAdministrations, session, text } from './context';
import type { CallContext, OperationSpec, ServiceName } from './context';
import { checkDocument } from './documentCheck';
import { newGuid } from './ids';
import { importResponseXml, processBatch } from './invoices';
import { JOURNAL_OPERATIONS } from './journals';
import { SORT_ORDERS, contactIndex, isOpen, itemsXml, listOpenItems } from './ledger';
import type { SortOrder } from './ledger';
import { SoapFault, resultText } from './soap';
import type { SessionState, Side } from './state';
import type { XmlElement } from './xml';

export { FAULT_TEXT, SERVICES, quotaDay } from './context';
export type { CallContext, ServiceName } from './context';

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
		run: (context) => resultText(authenticate(context, text(context, 'accessKey'), false)),
	},
	AuthenticateClient: {
		params: ['clientID', 'clientSecret', 'accessKey'],
		run: (context) => resultText(authenticate(context, text(context, 'accessKey'), true)),
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
			return untypedList('Domains', domainAnswer, domains.map((domain) => ({ ID: domain.id, Name: domain.name, URL: domain.name })));
		},
	},
	Administrations: {
		service: 'Accounting',
		params: ['sessionID'],
		run(context) {
			const current = session(context, 'sessionID');
			const rows = reachableAdministrations(context, current).map((admin) => ({
				ID: admin.id,
				Name: admin.name,
				AddressLine: admin.addressLine,
				Postcode: admin.postcode,
				City: admin.city,
				Country: admin.country,
				CoCNumber: admin.cocNumber,
				VATNumber: admin.vatNumber,
				StartDate: admin.startDate,
				DomainID: admin.domainId,
				Active: String(admin.active),
			}));
			return untypedList('Administrations', administrationAnswer, rows);
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
	...ARCHIVE_OPERATIONS,
	...ACCOUNTING_INFO_OPERATIONS,
	...CONTACT_OPERATIONS,
	...JOURNAL_OPERATIONS,
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
