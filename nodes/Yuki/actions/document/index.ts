import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as download from './download.operation';
import * as search from './search.operation';

export const displayName = 'Document';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'Files in the Yuki archive: invoices, receipts';

export const operations: Record<string, YukiOperation> = { search, download };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: "Get a document's file from the Yuki archive as a file for the next node",
				action: 'Download a document',
			},
			{
				name: 'Search',
				value: 'search',
				description: 'Search the Yuki archive by folder, contact, text and dates',
				action: 'Search documents',
			},
		],
		default: 'search',
	},
	...search.description,
	...download.description,
];
