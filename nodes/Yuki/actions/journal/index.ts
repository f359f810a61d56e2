import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as create from './create.operation';

export const displayName = 'Journal';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Journal entries (memorial bookings) such as corrections';

export const operations: Record<string, YukiOperation> = { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['journal'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Book a general journal (memorial) entry, e.g. a correction',
				action: 'Create a journal entry',
			},
		],
		default: 'create',
	},
	...create.description,
];
