/**
 * Contact → Search: the domain's contacts by code, name, VAT number, e-mail, bank account, …,
 * one output item per contact (paired with the input item). Yuki answers 100 contacts a page:
 * one call per page; Return All reads every page, Limit stops at the page that reaches it.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { inputError, resultItem } from '../../helpers/items';
import { logAnswer } from '../../helpers/logging';
import { optionsCollection, returnAllFields } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import { toNodeError } from '../../helpers/runContext';
import type { ContactActive, ContactRole, ContactSearchOption, ContactSortOrder } from '../../transport/calls/contact';
import { contactAdministrationField, contactJson, itemDomain } from './common';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['contact'], operation: ['search'] } };

/** Yuki's search options, in words [lib: the Contact WSDL's enumeration]. */
const SEARCH_BY: Array<{ name: string; value: ContactSearchOption }> = [
	{ name: 'All Contacts', value: 'All' },
	{ name: 'Bank Account (IBAN)', value: 'BankAccount' },
	{ name: 'City', value: 'City' },
	{ name: 'CoC Number', value: 'CoCNumber' },
	{ name: 'Contact Code', value: 'Code' },
	{ name: 'Contact Type', value: 'ContactType' },
	{ name: 'Email', value: 'Email' },
	{ name: 'HID (Yuki Number)', value: 'HID' },
	{ name: 'ID (GUID)', value: 'ID' },
	{ name: 'Name', value: 'Name' },
	{ name: 'Phone', value: 'Phone' },
	{ name: 'Postcode', value: 'Postcode' },
	{ name: 'Tag', value: 'Tag' },
	{ name: 'VAT Number', value: 'VATNumber' },
	{ name: 'Website', value: 'Website' },
];

const properties: INodeProperties[] = [
	contactAdministrationField(displayOptions),
	{
		displayName: 'Search By',
		name: 'searchOption',
		type: 'options',
		options: SEARCH_BY,
		default: 'Code',
		description: 'Which contact field Yuki searches; how Yuki matches (exact or partial) is not documented',
	},
	{
		displayName: 'Search Value',
		name: 'searchValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. C-1001',
		description: 'The value to look for',
		displayOptions: { hide: { searchOption: ['All'] } },
	},
	...returnAllFields,
	optionsCollection([
		{
			displayName: 'Active',
			name: 'active',
			type: 'options',
			options: [
				{ name: 'Active and Inactive', value: 'Both' },
				{ name: 'Active Only', value: 'Active' },
				{ name: 'Inactive Only', value: 'Inactive' },
			],
			default: 'Both',
		},
		{
			displayName: 'Modified After',
			name: 'modifiedAfter',
			type: 'dateTime',
			default: '',
			description: 'Only contacts changed after this moment',
		},
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: [
				{ name: 'Any Contact', value: '' },
				{ name: 'Customers', value: 'Customer', description: 'Contacts with sales bookings' },
				{ name: 'Customers and Suppliers', value: 'Both' },
				{ name: 'Neither', value: 'None', description: 'Contacts without sales or purchase bookings' },
				{ name: 'Suppliers', value: 'Supplier', description: 'Contacts with purchase bookings' },
			],
			default: '',
			description: 'Only customers and/or suppliers; the items then also say isCustomer and isSupplier',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			options: [
				{ name: 'Created (Newest First)', value: 'CreatedDesc' },
				{ name: 'Created (Oldest First)', value: 'CreatedAsc' },
				{ name: 'HID', value: 'HID' },
				{ name: 'Last Name', value: 'LastName' },
				{ name: 'Modified (Newest First)', value: 'ModifiedDesc' },
				{ name: 'Modified (Oldest First)', value: 'ModifiedAsc' },
				{ name: 'Name', value: 'Name' },
			],
			default: 'Name',
		},
	]),
];

export const description = updateDisplayOptions(displayOptions, properties);

interface SearchOptions {
	role?: ContactRole | '';
	active?: ContactActive;
	modifiedAfter?: string;
	sortOrder?: ContactSortOrder;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { findContacts } = await import('../../contacts/search');
	return await eachItem(this, items, async (itemIndex, output) => {
		const searchOption = this.getNodeParameter('searchOption', itemIndex, 'Code') as ContactSearchOption;
		const searchValue = searchOption === 'All' ? '' : String(this.getNodeParameter('searchValue', itemIndex, '') ?? '').trim();
		if (searchOption !== 'All' && !searchValue) {
			throw inputError(this, itemIndex, 'Search Value', 'is empty', 'the value to search for, or Search By "All Contacts"');
		}
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : Number(this.getNodeParameter('limit', itemIndex, 50));
		if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
			throw inputError(this, itemIndex, 'Limit', `is ${limit}`, 'a whole number of at least 1');
		}
		const { role, ...options } = this.getNodeParameter('options', itemIndex, {}) as SearchOptions;
		const domainId = await itemDomain.call(this, context, itemIndex);
		let found;
		try {
			found = await findContacts(context, { domainId, searchOption, searchValue, limit, ...options, role: role || undefined });
		} catch (error) {
			throw error instanceof RangeError ? inputError(this, itemIndex, 'Modified After', error.message) : toNodeError.call(this, error, itemIndex);
		}
		logAnswer(this, `${found.contacts.length} contact(s) in ${found.calls} page(s)`, { itemIndex });
		for (const contact of found.contacts) output.push(resultItem(contactJson(contact, domainId), itemIndex));
	});
}
