/**
 * The per-item loop of operations that call Yuki item by item: each input item's work pushes its
 * output items; a failure becomes that item's error (logged, and under Continue On Fail an error
 * item for it) so every input item yields its result or its error, paired with it.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { handleItemError } from './items';
import { logItemFailure } from './logging';
import { toNodeError } from './runContext';

export async function eachItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (itemIndex: number, output: INodeExecutionData[]) => Promise<void>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			await work(itemIndex, output);
		} catch (error) {
			const nodeError = toNodeError.call(context, error, itemIndex);
			logItemFailure(context, itemIndex, nodeError);
			output.push(handleItemError(context, nodeError, itemIndex));
		}
	}
	return output;
}
