/** The Administration field's "From List" mode: the administrations the key reaches, filterable. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { domainIdFor } from '../contacts/domain';
import { findContacts } from '../contacts/search';
import { administrationValue, createRunContext, toNodeError } from '../helpers/runContext';

export async function searchAdministrations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let administrations;
	try {
		administrations = await (await createRunContext.call(this)).yuki.administrations();
	} catch (error) {
		throw toNodeError.call(this, error);
	}
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = administrations
		.filter((administration) =>
			!needle || [administration.name, administration.id, administration.city].some((text) => text?.toLowerCase().includes(needle)),
		)
		.map((administration) => ({
			name: administration.city ? `${administration.name ?? administration.id} (${administration.city})` : (administration.name ?? administration.id),
			value: administration.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Contacts a list shows at once: one page of Yuki's answer (typing a name narrows it). */
const CONTACTS_SHOWN = 100;

/**
 * "Existing Contact" › From List: the domain's active contacts that have a contact code (the value
 * the invoice carries), by name; typing searches Yuki by name. One call per page shown (plus one to
 * find the domain when the credential has no Domain ID).
 */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	try {
		const context = await createRunContext.call(this);
		const administrationId =
			administrationValue(this.getCurrentNodeParameter('administrationId', { extractValue: true })) || context.credentials.administrationId?.trim() || '';
		const domainId = await domainIdFor(context, administrationId);
		const needle = filter?.trim() ?? '';
		const { contacts } = await findContacts(context, {
			domainId,
			searchOption: needle ? 'Name' : 'All',
			searchValue: needle,
			active: 'Active',
			limit: CONTACTS_SHOWN,
		});
		const results = contacts
			.filter((contact) => typeof contact.code === 'string' && contact.code.trim() !== '')
			.map((contact) => ({
				name: String(contact.name ?? contact.code),
				value: String(contact.code).trim(),
				description: [`Code ${String(contact.code).trim()}`, contact.city].filter(Boolean).join(', '),
			}));
		return { results };
	} catch (error) {
		throw toNodeError.call(this, error);
	}
}
