/**
 * How a payment operation answers for one input item: its results, or its error, which stops the
 * run unless the node continues on fail (then it becomes an error item for that input item).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { handleItemError } from '../../shared/items';
import { PaymentInputError } from '../../payments/references';
import { toNodeError } from '../../shared/runContext';

export { resultItem } from '../../shared/items';

/** Bad input on item `itemIndex`, as n8n shows it: the item, the field and what is allowed. */
export function inputError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof PaymentInputError) {
		const nodeError = new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${error.message}`, { itemIndex });
		nodeError.context.field = error.field;
		return nodeError;
	}
	return toNodeError.call(this, error, itemIndex);
}

/** Throws the error, or returns the error item Continue On Fail asks for (with what was asked). */
export function failedItem(
	this: IExecuteFunctions,
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
	details: IDataObject = {},
): INodeExecutionData {
	// The details go in through handleItemError, which shapes the item for n8n's error output.
	return handleItemError(this, error, itemIndex, details);
}
