import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as getMany from './getMany.operation';

export const displayName = 'Administration';

export const operations: Record<string, YukiOperation> = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['administration'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the administrations the access key reaches (Accounting.Administrations)',
				action: 'Get many administrations',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
