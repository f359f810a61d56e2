/**
 * "Existing Contact" on the invoice forms: pick a contact Yuki already has (from the list, or by its
 * contact code) instead of typing its fields. The invoice then carries that contact code, which Yuki
 * matches first [doc: ContactCode "Yuki matches an existing contact on it first"], and, when picked
 * from the list, its name as Full Name unless the form gives one.
 */
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const EXISTING_CONTACT = 'existingContact';

export function existingContactField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Existing Contact',
		name: EXISTING_CONTACT,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'A contact Yuki already has, so that the invoice goes to that customer or supplier instead of a new contact. Leave empty to describe the contact under Contact.',
		hint: 'Fills in Contact Code (and, from the list, Full Name); other Contact fields still apply',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search contacts by name…',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By Contact Code',
				name: 'code',
				type: 'string',
				placeholder: 'e.g. K1001',
			},
		],
	};
}

export interface PickedContact {
	code: string;
	/** The name n8n saved with a pick from the list. */
	name?: string;
}

/** The picked contact, or undefined when the field is empty. */
export function pickedContact(raw: unknown): PickedContact | undefined {
	if (!raw) return undefined;
	if (typeof raw === 'string') return raw.trim() ? { code: raw.trim() } : undefined;
	const { value, mode, cachedResultName } = raw as { value?: unknown; mode?: string; cachedResultName?: unknown };
	const code = String(value ?? '').trim();
	if (!code) return undefined;
	const name = mode === 'list' && typeof cachedResultName === 'string' && cachedResultName.trim() ? cachedResultName.trim() : undefined;
	return { code, name };
}

export class ContactConflictError extends Error {}

/**
 * The invoice record with the picked contact in it. A different Contact Code typed under Contact is
 * a conflict, never silently overwritten: the invoice would go to one of two customers.
 */
export function withPickedContact(record: IDataObject, picked: PickedContact | undefined): IDataObject {
	if (!picked) return record;
	const contact = (typeof record.contact === 'object' && record.contact !== null && !Array.isArray(record.contact) ? record.contact : {}) as IDataObject;
	const typed = String(contact.contactCode ?? '').trim();
	if (typed && typed !== picked.code) {
		throw new ContactConflictError(
			`"Existing Contact" is ${picked.code} but Contact › Contact Code is ${typed}: give the contact once (allowed: the same code in both, or one of them empty)`,
		);
	}
	const fullName = String(contact.fullName ?? '').trim() ? contact.fullName : picked.name;
	return { ...record, contact: { ...contact, contactCode: picked.code, ...(fullName ? { fullName } : {}) } };
}
