import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as getMany from './getMany.operation';

export const displayName = 'VAT Code';

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
				description: 'List the active VAT codes of an administration (Vat.ActiveVATCodesList)',
				action: 'Get many VAT codes',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
