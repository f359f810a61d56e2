import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as processOperation from './process.operation';

export const displayName = 'Sales Invoice';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Invoices you send to customers';

export const operations: Record<string, YukiOperation> = { process: processOperation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['salesInvoice'] } },
		options: [
			{
				name: 'Process',
				value: 'process',
				description: 'Book sales invoices in Yuki, or leave them as drafts',
				action: 'Process sales invoices',
			},
		],
		default: 'process',
	},
	...processOperation.description,
];
