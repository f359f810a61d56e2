import type { INodeProperties } from 'n8n-workflow';
import * as getStatus from './getStatus.operation';
import * as listOpenItems from './listOpenItems.operation';

export const displayName = 'Payment';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Whether invoices are paid, and what is still open';

export const operations = { getStatus, listOpenItems };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payment'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Whether invoices are open, partly paid, paid (only on evidence) or not found, by invoice reference',
				action: 'Get the payment status of invoices',
			},
			{
				name: 'List Open Items',
				value: 'listOpenItems',
				description: 'Every invoice that is still (partly) open in Yuki',
				action: 'List open items',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
	...listOpenItems.description,
];
