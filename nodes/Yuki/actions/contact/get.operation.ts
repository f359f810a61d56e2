/**
 * Contact → Get: one contact by its Yuki ID or by its contact code (relation number). One
 * SearchContacts call per item. No match, or several contacts with the code, is the item's
 * error: the node never picks one of several for the user.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { inputError, resultItem } from '../../helpers/items';
import { optionsCollection } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import { contactAdministrationField, contactJson, itemDomain } from './common';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['contact'], operation: ['get'] } };

const properties: INodeProperties[] = [
	contactAdministrationField(displayOptions),
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		options: [
			{ name: 'Contact Code', value: 'Code', description: 'The relation number kept in step with the invoicing tool' },
			{ name: 'ID', value: 'ID', description: "Yuki's contact ID (a GUID)" },
		],
		default: 'Code',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. C-1001',
		description: 'The contact code or ID',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { findContacts } = await import('../../contacts/search');
	return await eachItem(this, items, async (itemIndex, output) => {
		const getBy = this.getNodeParameter('getBy', itemIndex, 'Code') as 'Code' | 'ID';
		const value = String(this.getNodeParameter('value', itemIndex, '') ?? '').trim();
		const label = getBy === 'Code' ? 'contact code' : 'ID';
		if (!value) throw inputError(this, itemIndex, 'Value', 'is empty', `the ${label} of the contact`);
		const domainId = await itemDomain.call(this, context, itemIndex);
		// Two are enough to know the code is not unique.
		const { contacts } = await findContacts(context, { domainId, searchOption: getBy, searchValue: value, limit: 100 });
		// Yuki's matching (exact or partial) is not documented: only an exact match counts [guess].
		const exact = contacts.filter((contact) => String(getBy === 'Code' ? (contact.code ?? '') : contact.id).toLowerCase() === value.toLowerCase());
		if (exact.length === 0) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Yuki has no contact with ${label} "${value}" in this domain`, {
				itemIndex,
				description: contacts.length ? `Yuki's search also returned ${contacts.length} contact(s) with a similar ${label}; none matches exactly.` : undefined,
			});
		}
		if (exact.length > 1) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${exact.length} contacts have ${label} "${value}" (IDs ${exact.map((contact) => contact.id).join(', ')})`, {
				itemIndex,
				description: 'The node does not choose between them: get the contact by ID, or merge the duplicates in Yuki.',
			});
		}
		output.push(resultItem(contactJson(exact[0], domainId), itemIndex));
	});
}
