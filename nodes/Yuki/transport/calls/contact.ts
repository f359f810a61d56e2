/**
 * Calls of Yuki's Contact service (Contact.asmx). It works per **domain**, not per administration
 * [lib: maartendeblock/yuki-api-client's generated types; dedene/yuki-cli].
 */
import type { XmlArgument } from '../envelope';
import { contactRecord, CONTACT_RESPONSE_ROOT } from '../responses';
import { findDescendant, MalformedAnswerError, readRecord, recordElements, textOf } from '../results';
import type { ResultRecord } from '../results';
import type { XmlElement } from '../xml/scanner';
import { declareCall } from './declaration';

/** Yuki returns at most this many contacts a page [lib]. */
export const CONTACTS_PER_PAGE = 100;

export const CONTACT_SEARCH_OPTIONS = ['All', 'Name', 'City', 'Postcode', 'Tag', 'Email', 'Website', 'Phone', 'Code', 'CoCNumber', 'VATNumber', 'BankAccount', 'ID', 'ContactType', 'HID'] as const;
export type ContactSearchOption = (typeof CONTACT_SEARCH_OPTIONS)[number];
export const CONTACT_SORT_ORDERS = ['Name', 'LastName', 'CreatedAsc', 'CreatedDesc', 'ModifiedAsc', 'ModifiedDesc', 'HID'] as const;
export type ContactSortOrder = (typeof CONTACT_SORT_ORDERS)[number];
export type ContactActive = 'Both' | 'Active' | 'Inactive';

export interface ContactSearchArgs {
	domainId: string;
	searchOption: ContactSearchOption;
	searchValue: string;
	sortOrder: ContactSortOrder;
	/** xs:dateTime; the node sends 1900-01-01T00:00:00 for "any time" (the parameter is required). */
	modifiedAfter: string;
	active: ContactActive;
	/** From 1. */
	pageNumber: number;
}

/** One contact as Yuki lists it (`contactRecord`), with its `id` always present. */
export type YukiContact = ResultRecord & { id: string };

/**
 * The `Contacts` list. Its absence is an unreadable answer, never "no contacts": a lookup must
 * not report a contact missing because an answer could not be read.
 */
function readContacts(result: XmlElement | undefined): YukiContact[] {
	const list = result && (result.name === 'Contacts' ? result : findDescendant(result, 'Contacts'));
	if (!list) throw new MalformedAnswerError('the answer holds no Contacts list');
	return recordElements(list, contactRecord.record).map((element, index) => {
		const contact = readRecord(element, contactRecord.fields);
		if (typeof contact.id !== 'string' || contact.id === '') throw new MalformedAnswerError(`Contact ${index + 1} has no ID`);
		return contact as YukiContact;
	});
}

const searchParameters = (args: ContactSearchArgs) => ({
	domainID: args.domainId,
	searchOption: args.searchOption,
	searchValue: args.searchValue,
	sortOrder: args.sortOrder,
	modifiedAfter: args.modifiedAfter,
	active: args.active,
	pageNumber: args.pageNumber,
});

/** One page (at most 100) of the domain's contacts matching the search. */
export const searchContacts = declareCall({
	service: 'Contact',
	operation: 'SearchContacts',
	session: 'key',
	effect: 'read',
	parameters: searchParameters,
	read: readContacts,
});

export interface UpdateContactAnswer {
	timeStamp?: string;
	/** Yuki's text, e.g. "Succesfully updated Contact <GUID>" [lib]. */
	succeeded?: string;
	/** Yuki's reasons when it refused the contact [lib: a C# client reads `Failed` elements]. */
	failed: string[];
	/** The contact's GUID when Yuki's text names one. */
	contactId?: string;
}

const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function readUpdateContact(result: XmlElement | undefined): UpdateContactAnswer {
	const response = result && (result.name === CONTACT_RESPONSE_ROOT ? result : findDescendant(result, CONTACT_RESPONSE_ROOT));
	if (!response) throw new MalformedAnswerError(`the answer holds no ${CONTACT_RESPONSE_ROOT}`);
	const texts = (name: string) => response.children.filter((child) => child.name === name).map((child) => textOf(child) ?? '').filter(Boolean);
	const [succeeded] = texts('Succeeded');
	const failed = texts('Failed');
	if (!succeeded && failed.length === 0) throw new MalformedAnswerError(`${CONTACT_RESPONSE_ROOT} says neither Succeeded nor Failed`);
	return { timeStamp: texts('TimeStamp')[0], succeeded, failed, contactId: succeeded ? GUID_IN_TEXT.exec(succeeded)?.[0] : undefined };
}

/** Creates a contact, or updates the one whose ID the document gives. */
export const updateContact = declareCall({
	service: 'Contact',
	operation: 'UpdateContact',
	session: 'key',
	effect: 'write',
	parameters: ({ domainId, xmlDoc }: { domainId: string; xmlDoc: XmlArgument }) => ({ domainID: domainId, xmlDoc }),
	read: readUpdateContact,
});
