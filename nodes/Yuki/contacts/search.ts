/**
 * Reading contacts page by page: Yuki answers at most 100 a page [lib], so "all" is as many
 * calls as pages, and a limit stops at the page that reaches it.
 */
import type { RunContext } from '../helpers/runContext';
import type { ContactActive, ContactRole, ContactSearchOption, ContactSortOrder, YukiContact } from '../transport/calls/contact';
import { CONTACTS_PER_PAGE, getSuppliersAndCustomers, searchContacts } from '../transport/calls/contact';

/** "Any time" for the required modifiedAfter parameter. */
export const ANY_TIME = '1900-01-01T00:00:00';

/** Most pages one search reads, a guard against an answer that never shrinks (1,000 pages = 100,000 contacts). */
export const MAX_PAGES = 1000;

export interface ContactQuery {
	domainId: string;
	searchOption: ContactSearchOption;
	searchValue: string;
	sortOrder?: ContactSortOrder;
	/** YYYY-MM-DD or an ISO date-time; empty = any time. */
	modifiedAfter?: string;
	active?: ContactActive;
	/** Undefined = all. */
	limit?: number;
	/** Only customers and/or suppliers (GetSuppliersAndCustomers); undefined = every contact (SearchContacts). */
	role?: ContactRole;
}

export function modifiedAfterParameter(value: string | undefined): string {
	const text = value?.trim();
	if (!text) return ANY_TIME;
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(text);
	if (!match) throw new RangeError(`"${value}" is not a date (allowed: YYYY-MM-DD or an ISO date-time)`);
	return `${match[1]}T${(match[2] ?? '00:00:00').padEnd(8, ':00')}`;
}

/** The contacts matching the query, in Yuki's order, and the calls it took. */
export async function findContacts(context: RunContext, query: ContactQuery): Promise<{ contacts: YukiContact[]; calls: number }> {
	const contacts: YukiContact[] = [];
	const modifiedAfter = modifiedAfterParameter(query.modifiedAfter);
	let calls = 0;
	for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
		const args = {
			domainId: query.domainId,
			searchOption: query.searchOption,
			searchValue: query.searchValue,
			sortOrder: query.sortOrder ?? 'Name',
			modifiedAfter,
			active: query.active ?? 'Both',
			pageNumber,
		};
		const page = query.role
			? await context.yuki.call(getSuppliersAndCustomers, { ...args, contactType: query.role })
			: await context.yuki.call(searchContacts, args);
		calls++;
		contacts.push(...page);
		if (query.limit !== undefined && contacts.length >= query.limit) return { contacts: contacts.slice(0, query.limit), calls };
		if (page.length < CONTACTS_PER_PAGE) break;
	}
	return { contacts, calls };
}
