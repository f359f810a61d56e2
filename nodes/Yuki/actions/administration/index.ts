import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from '../operation';
import * as getMany from './getMany.operation';

export const displayName = 'Administration';

/** Shown under the name in the Resource list. */
export const resourceDescription = 'The administrations (sets of books) your key reaches';

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
				description: 'List the administrations (sets of books) the access key can work in, with their names and IDs',
				action: 'Get many administrations',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
