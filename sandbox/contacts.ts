/**
 * The Contact service: a domain's contacts (SearchContacts, GetSuppliersAndCustomers, 100 a page)
 * and creating or updating one (UpdateContact). Contacts are the same ones the invoices create and
 * match. Texts and search semantics Yuki does not document are marked [guess].
 */
import { DateTime } from 'luxon';
import { create } from 'xmlbuilder2';
import { CONTACTS_PER_PAGE, CONTACT_RESPONSE, searchContactAnswer, supplierCustomerAnswer } from './answers/contact';
import { dotNetBoolean, untypedList } from './answers/shape';
import type { AnswerRecord, AnswerRow } from './answers/shape';
import { dateParam, domain, enumParam, intParam, session, text } from './context';
import type { CallContext, OperationSpec } from './context';
import { checkRecord, documentRoot, validationFault } from './documentCheck';
import { newGuid } from './ids';
import { ANSWER_WRITE, literal } from './soap';
import { CONTACT_NAMESPACE, CONTACT_ROOT, CONTACT_TYPE_BY_NUMBER, STORED_NAME, contactFields } from './schemas/contact';
import type { ContactState, SandboxState } from './state';
import { childElements, textOf } from './xml';

/** `searchOption` values in WSDL order [lib: maartendeblock's generated SearchContacts]. */
export const CONTACT_SEARCH_OPTIONS = ['All', 'Name', 'City', 'Postcode', 'Tag', 'Email', 'Website', 'Phone', 'Code', 'CoCNumber', 'VATNumber', 'BankAccount', 'ID', 'ContactType', 'HID'] as const;
/** `sortOrder` values in WSDL order [lib]. */
export const CONTACT_SORT_ORDERS = ['Name', 'LastName', 'CreatedAsc', 'CreatedDesc', 'ModifiedAsc', 'ModifiedDesc', 'HID'] as const;
/** `active` values in WSDL order [lib]. */
export const CONTACT_ACTIVE = ['Both', 'Active', 'Inactive'] as const;
/** `contactType` of GetSuppliersAndCustomers in WSDL order [lib]. */
export const CONTACT_KINDS = ['Customer', 'Supplier', 'Both', 'None'] as const;

type SearchOption = (typeof CONTACT_SEARCH_OPTIONS)[number];

const SEARCH_PARAMS = ['sessionID', 'domainID', 'searchOption', 'searchValue', 'sortOrder', 'modifiedAfter', 'active', 'pageNumber'] as const;

/** The domain's contacts: those of every administration in it (the Contact service works per domain [lib]). */
function domainContacts(state: SandboxState, domainId: string): ContactState[] {
	const admins = new Set(state.administrations.filter((admin) => admin.domainId === domainId).map((admin) => admin.id));
	return state.contacts.filter((contact) => admins.has(contact.administrationId));
}

/** Customer = has sales invoices or debtor items; supplier = purchase invoices or creditor items [guess]. */
function roles(state: SandboxState, contact: ContactState): { customer: boolean; supplier: boolean } {
	const sides = new Set(state.items.filter((item) => item.contactId === contact.id).map((item) => item.side));
	for (const invoice of state.invoices) if (invoice.contactId === contact.id) sides.add(invoice.kind === 'sales' ? 'debtor' : 'creditor');
	return { customer: sides.has('debtor'), supplier: sides.has('creditor') };
}

/** A US-culture .NET DateTime.ToString() in Amsterdam time, as the examples show (`4/10/2019 3:50:52 PM`) [doc]. */
function dotNetDateTime(iso: string | undefined): string {
	return iso ? DateTime.fromISO(iso).setZone('Europe/Amsterdam').setLocale('en-US').toFormat('M/d/yyyy h:mm:ss a') : '';
}

function contactRow(state: SandboxState, contact: ContactState): AnswerRow {
	const field = (name: string) => contact.fields[name] ?? '';
	const { customer, supplier } = roles(state, contact);
	return {
		ID: contact.id,
		Type: field('ContactType') || 'Company',
		HID: String(contact.hid ?? 0),
		Code: contact.code,
		Name: contact.fullName,
		AddressLine_1: field('AddressLine_1'),
		AddressLine_2: field('AddressLine_2'),
		Postcode: field('Zipcode'),
		City: field('City'),
		MailAddressLine_1: field('MailAddressLine_1'),
		MailAddressLine_2: field('MailAddressLine_2'),
		MailPostcode: field('MailPostcode'),
		MailCity: field('MailCity'),
		Country: field('CountryCode'),
		PhoneHome: field('PhoneHome'),
		PhoneWork: field('PhoneWork'),
		MobileHome: field('MobileHome'),
		MobileWork: field('MobileWork'),
		EMailHome: field('EmailHome'),
		EMailWork: field('EmailAddress'),
		Website: field('Website'),
		VATNumber: field('VATNumber'),
		CoCNumber: field('CoCNumber'),
		IncomeTaxNumber: '',
		Created: dotNetDateTime(contact.createdAt),
		Modified: dotNetDateTime(contact.modifiedAt ?? contact.createdAt),
		Tags: contact.tags ?? '',
		// Yuki's back-office status text (Dutch) [guess: follows the contact's active flag].
		BackofficeStatus: contact.active === false ? 'Inactief' : 'Actief',
		IsSupplier: dotNetBoolean(supplier),
		IsCustomer: dotNetBoolean(customer),
	};
}

function contains(value: string | undefined, needle: string): boolean {
	return (value ?? '').toLowerCase().includes(needle);
}

/** Whether a contact matches the search [guess: substring, case-insensitive; ID, HID and ContactType exact]. */
function matches(contact: ContactState, option: SearchOption, value: string): boolean {
	if (value === '') return true;
	const needle = value.toLowerCase();
	const field = (name: string) => contact.fields[name];
	switch (option) {
		case 'Name':
			return contains(contact.fullName, needle);
		case 'City':
			return contains(field('City'), needle);
		case 'Postcode':
			return contains(field('Zipcode'), needle);
		case 'Tag':
			return contains(contact.tags, needle);
		case 'Email':
			return contains(field('EmailAddress'), needle) || contains(field('EmailHome'), needle);
		case 'Website':
			return contains(field('Website'), needle);
		case 'Phone':
			return ['PhoneHome', 'PhoneWork', 'MobileHome', 'MobileWork'].some((name) => contains(field(name), needle));
		case 'Code':
			return contains(contact.code, needle);
		case 'CoCNumber':
			return contains(field('CoCNumber'), needle);
		case 'VATNumber':
			return contains(field('VATNumber'), needle);
		case 'BankAccount':
			return contains(field('BankAccount')?.replace(/\s+/g, ''), needle.replace(/\s+/g, ''));
		case 'ID':
			return contact.id.toLowerCase() === needle;
		case 'HID':
			return String(contact.hid ?? '') === value;
		case 'ContactType':
			return (field('ContactType') ?? '').toLowerCase() === needle;
		default:
			return [contact.fullName, contact.code, field('City'), field('Zipcode'), field('EmailAddress'), field('VATNumber'), field('CoCNumber')].some((candidate) =>
				contains(candidate, needle),
			);
	}
}

function sortContacts(contacts: ContactState[], order: (typeof CONTACT_SORT_ORDERS)[number]): ContactState[] {
	const key = (contact: ContactState): string | number => {
		switch (order) {
			case 'LastName':
				return (contact.fields.LastName || contact.fullName).toLowerCase();
			case 'CreatedAsc':
			case 'CreatedDesc':
				return contact.createdAt ?? '';
			case 'ModifiedAsc':
			case 'ModifiedDesc':
				return contact.modifiedAt ?? contact.createdAt ?? '';
			case 'HID':
				return contact.hid ?? 0;
			default:
				return contact.fullName.toLowerCase();
		}
	};
	const direction = order.endsWith('Desc') ? -1 : 1;
	return [...contacts].sort((a, b) => {
		const [left, right] = [key(a), key(b)];
		const primary = typeof left === 'number' && typeof right === 'number' ? left - right : String(left).localeCompare(String(right));
		return direction * primary || (a.hid ?? 0) - (b.hid ?? 0);
	});
}

/** One page of a search, as `Contacts/Contact`; `filter` narrows it further (GetSuppliersAndCustomers). */
function searchPage(context: CallContext, answer: AnswerRecord, filter: (contact: ContactState) => boolean = () => true): string {
	const current = session(context, 'sessionID');
	const domainId = domain(context, current);
	const option = enumParam(context, 'searchOption', 'ContactSearchOption', CONTACT_SEARCH_OPTIONS);
	const value = text(context, 'searchValue')?.trim() ?? '';
	const order = enumParam(context, 'sortOrder', 'ContactSortOrder', CONTACT_SORT_ORDERS);
	const modifiedAfter = context.params.modifiedAfter ? dateParam(context, 'modifiedAfter') : undefined;
	const active = enumParam(context, 'active', 'ContactActiveFilter', CONTACT_ACTIVE);
	// Pages are numbered from 1; 0 (also what an absent pageNumber reads as) gives the first page [guess].
	const page = Math.max(intParam(context, 'pageNumber'), 1);
	const found = domainContacts(context.state, domainId).filter(
		(contact) =>
			matches(contact, option, value) &&
			(active === 'Both' || (active === 'Active') === (contact.active !== false)) &&
			(!modifiedAfter || (contact.modifiedAt ?? contact.createdAt ?? '').slice(0, 10) > modifiedAfter) &&
			filter(contact),
	);
	const rows = sortContacts(found, order)
		.slice((page - 1) * CONTACTS_PER_PAGE, page * CONTACTS_PER_PAGE)
		.map((contact) => contactRow(context.state, contact));
	return untypedList('Contacts', answer, rows);
}

function contactResponse(now: Date, outcome: { succeeded?: string; failed?: string }): string {
	const day = DateTime.fromJSDate(now).setZone('Europe/Amsterdam').toISODate() ?? now.toISOString().slice(0, 10);
	const [timeStamp, succeeded, failed] = CONTACT_RESPONSE.children;
	const response = create().ele(CONTACT_RESPONSE.namespace, CONTACT_RESPONSE.root);
	response.ele('', timeStamp).txt(day);
	const result = outcome.failed !== undefined ? response.ele('', failed).txt(literal(outcome.failed)) : response.ele('', succeeded);
	if (outcome.failed === undefined && outcome.succeeded) result.txt(literal(outcome.succeeded));
	return response.end(ANSWER_WRITE);
}

/** Creates or updates a contact from a checked `Contact` record; returns Yuki's answer. */
function updateContact(context: CallContext): string {
	const current = session(context, 'sessionID');
	const domainId = domain(context, current);
	const root = documentRoot(context.params.xmlDoc, CONTACT_ROOT, CONTACT_NAMESPACE);
	// The schema check first (order, names, types); the values are then read by element name.
	checkRecord(root, contactFields, CONTACT_NAMESPACE, CONTACT_ROOT);
	const byElement = new Map(childElements(root).map((child) => [child.local, textOf(child).trim()]));
	const type = byElement.get('Type');
	if (type !== undefined && !(type in CONTACT_TYPE_BY_NUMBER)) {
		throw validationFault(`the value '${type}' of element Type is invalid: allowed values are 0 (person) and 2 (company)`, 'Contact, element Type');
	}
	const contacts = domainContacts(context.state, domainId);
	const id = byElement.get('ID') ?? '';
	const code = byElement.get('Code') ?? '';
	const fullName = byElement.get('FullName') ?? '';
	let contact: ContactState | undefined;
	if (id) {
		contact = contacts.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
		if (!contact) return contactResponse(context.now, { failed: `Contact ${id} cannot be found` }); // [guess]
	} else if (code) {
		contact = contacts.find((candidate) => candidate.code === code);
	}
	if (!contact && fullName) {
		// Matched on type, name and e-mail when neither ID nor a known code is given [doc: Postman description, per dedene/yuki-cli].
		const email = (byElement.get('EmailWork') || byElement.get('EmailHome') || '').toLowerCase();
		const kind = type === undefined ? undefined : CONTACT_TYPE_BY_NUMBER[type];
		contact = contacts.find(
			(candidate) =>
				candidate.fullName.toLowerCase() === fullName.toLowerCase() &&
				(kind === undefined || (candidate.fields.ContactType ?? 'Company') === kind) &&
				((candidate.fields.EmailAddress ?? candidate.fields.EmailHome ?? '').toLowerCase() === email),
		);
	}
	const nowIso = context.now.toISOString();
	let verb: 'updated' | 'created' = 'updated';
	if (!contact) {
		if (!fullName) return contactResponse(context.now, { failed: 'FullName is required to create a contact' }); // [guess]
		const home = context.state.administrations.find((admin) => admin.domainId === domainId);
		if (!home) return contactResponse(context.now, { failed: 'The domain has no administration' }); // [guess]
		context.state.counters.contactHid += 1;
		contact = { id: newGuid(), administrationId: home.id, code, fullName, fields: {}, hid: context.state.counters.contactHid, createdAt: nowIso, active: true };
		context.state.contacts.push(contact);
		verb = 'created';
	}
	// An element that is sent sets its value (an empty one clears it); one left out keeps it [guess].
	for (const [name, content] of byElement) {
		if (name === 'ID') continue;
		if (name === 'Code') contact.code = content;
		else if (name === 'FullName') contact.fullName = content || contact.fullName;
		else if (name === 'Type') contact.fields.ContactType = CONTACT_TYPE_BY_NUMBER[content];
		else {
			const stored = STORED_NAME[name] ?? name;
			if (content) contact.fields[stored] = content;
			else delete contact.fields[stored];
		}
	}
	contact.modifiedAt = nowIso;
	context.changed = true;
	// Yuki's own spelling "Succesfully" [doc: Postman example]; "created" for a new contact is a [guess].
	return contactResponse(context.now, { succeeded: `Succesfully ${verb} Contact ${contact.id}` });
}

export const CONTACT_OPERATIONS: Record<string, OperationSpec> = {
	SearchContacts: {
		service: 'Contact',
		params: SEARCH_PARAMS,
		run: (context) => searchPage(context, searchContactAnswer),
	},
	GetSuppliersAndCustomers: {
		service: 'Contact',
		params: [...SEARCH_PARAMS, 'contactType'],
		run(context) {
			const kind = enumParam(context, 'contactType', 'ContactRelationType', CONTACT_KINDS);
			return searchPage(context, supplierCustomerAnswer, (contact) => {
				const { customer, supplier } = roles(context.state, contact);
				// Both = customers and suppliers alike, None = neither [guess].
				if (kind === 'Customer') return customer;
				if (kind === 'Supplier') return supplier;
				if (kind === 'Both') return customer || supplier;
				return !customer && !supplier;
			});
		},
	},
	UpdateContact: {
		service: 'Contact',
		params: ['sessionID', 'domainID', 'xmlDoc'],
		run: updateContact,
	},
};
