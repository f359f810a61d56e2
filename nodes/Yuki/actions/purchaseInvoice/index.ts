import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as processOperation from './process.operation';

export const displayName = 'Purchase Invoice';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Invoices from your suppliers, with their PDF';

export const operations: Record<string, YukiOperation> = { process: processOperation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseInvoice'] } },
		options: [
			{
				name: 'Process',
				value: 'process',
				description: 'Book supplier invoices with their PDF in Yuki',
				action: 'Process purchase invoices',
			},
		],
		default: 'process',
	},
	...processOperation.description,
];
