/** The n8n error of a payment operation's item: bad input names the item and the field. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { PaymentInputError } from '../../payments/references';
import { toNodeError } from '../../helpers/runContext';

/** Bad input on item `itemIndex` as n8n shows it (the item, the field and what is allowed); any other error as toNodeError gives it. */
export function paymentItemError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof PaymentInputError) {
		const nodeError = new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${error.message}`, { itemIndex });
		nodeError.context.field = error.field;
		return nodeError;
	}
	return toNodeError.call(this, error, itemIndex);
}
