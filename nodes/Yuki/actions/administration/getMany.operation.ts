/**
 * Administration → Get Many: the administrations the access key reaches, one item each, so a
 * workflow can pick the right one (e.g. per department). One Yuki call per run, whatever the
 * number of input items: the answer does not depend on the item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { optionsCollection } from '../../helpers/parameters';
import { handleItemError, resultItem } from '../../helpers/items';
import { logAnswer, logItemFailure } from '../../helpers/logging';
import type { RunContext } from '../../helpers/runContext';
import { toNodeError } from '../../helpers/runContext';
import type { Administration } from '../../transport/types';

const properties: INodeProperties[] = [
	optionsCollection([
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out administrations Yuki marks as inactive',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['administration'], operation: ['getMany'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	let administrations: Administration[] | undefined;
	let failure: Error | undefined;
	try {
		administrations = await context.yuki.administrations();
		logAnswer(this, `the key reaches ${administrations.length} administration(s)`);
	} catch (error) {
		failure = error as Error;
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (failure || !administrations) {
			const error = toNodeError.call(this, failure, itemIndex);
			logItemFailure(this, itemIndex, error);
			output.push(handleItemError(this, error, itemIndex));
			continue;
		}
		const { activeOnly } = this.getNodeParameter('options', itemIndex, {}) as { activeOnly?: boolean };
		const isDefault = (id: string) => id.toLowerCase() === context.credentials.administrationId?.trim().toLowerCase();
		for (const administration of administrations) {
			if (activeOnly && administration.active === false) continue;
			output.push(resultItem({ ...(administration as unknown as IDataObject), isDefault: isDefault(administration.id) }, itemIndex));
		}
	}
	return output;
}
