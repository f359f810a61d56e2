import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as getMany from './getMany.operation';

export const displayName = 'VAT Code';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'The VAT codes of an administration';

export const operations: Record<string, YukiOperation> = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['vatCode'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the VAT codes an administration uses, e.g. to fill in an invoice line',
				action: 'Get many VAT codes',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
