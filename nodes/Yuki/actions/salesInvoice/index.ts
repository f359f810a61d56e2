import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as processOperation from './process.operation';

export const displayName = 'Sales Invoice';

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
				description: 'Book or draft sales invoices in Yuki (Sales.ProcessSalesInvoices)',
				action: 'Process sales invoices',
			},
		],
		default: 'process',
	},
	...processOperation.description,
];
