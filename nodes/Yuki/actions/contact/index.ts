import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as upsert from './upsert.operation';

export const displayName = 'Contact';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Your customers and suppliers in Yuki';

export const operations: Record<string, YukiOperation> = { search, get, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one contact by contact code or ID',
				action: 'Get a contact',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Search the contacts of the domain by code, name, VAT number, e-mail, bank account…',
				action: 'Search contacts',
			},
		],
		default: 'search',
	},
	...search.description,
	...get.description,
	...upsert.description,
];
