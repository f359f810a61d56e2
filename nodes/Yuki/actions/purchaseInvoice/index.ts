import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as processOperation from './process.operation';

export const displayName = 'Purchase Invoice';

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
				description: 'Book purchase invoices with their PDF in Yuki (Purchase.ProcessPurchaseInvoices)',
				action: 'Process purchase invoices',
			},
		],
		default: 'process',
	},
	...processOperation.description,
];
