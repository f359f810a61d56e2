import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as upload from './upload.operation';

export const displayName = 'Expense Claim';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Receipts of expenses, to the Yuki archive';

export const operations: Record<string, YukiOperation> = { upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['expenseClaim'] } },
		options: [
			{
				name: 'Upload',
				value: 'upload',
				description: 'Put a receipt with its amount into the Yuki archive, for the bookkeeper to book',
				action: 'Upload an expense claim',
			},
		],
		default: 'upload',
	},
	...upload.description,
];
