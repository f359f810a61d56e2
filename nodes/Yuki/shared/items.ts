/**
 * Output items: one per input item, each paired with the item it came from, and the
 * Continue On Fail behaviour every operation shares.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** A result item paired with input item `itemIndex`. */
export function resultItem(json: IDataObject, itemIndex: number): INodeExecutionData {
	return { json, pairedItem: { item: itemIndex } };
}

/** The JSON of an error item: what went wrong, where, and what to do about it. */
export function errorJson(error: Error, itemIndex: number): IDataObject {
	const json: IDataObject = { error: error.message, message: error.message, itemIndex };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
		const field = (error.context as IDataObject | undefined)?.field;
		if (field !== undefined) json.field = field;
		if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	}
	return json;
}

/** An error item (Continue On Fail) paired with input item `itemIndex`. */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: errorJson(error, itemIndex), pairedItem: { item: itemIndex } };
}

/**
 * What to do when item `itemIndex` failed: with Continue On Fail the error becomes that item's
 * output and the run goes on; otherwise the error stops the node.
 */
export function handleItemError(context: IExecuteFunctions, error: Error, itemIndex: number): INodeExecutionData {
	if (!context.continueOnFail()) throw error;
	return errorItem(error, itemIndex);
}

/** A bad-input error naming the item and the field, with what is allowed. */
export function inputError(
	context: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	allowed?: string,
): NodeOperationError {
	const error = new NodeOperationError(context.getNode(), `Item ${itemIndex}: "${field}" ${problem}`, {
		itemIndex,
		description: allowed ? `Allowed: ${allowed}` : undefined,
	});
	error.context.field = field;
	return error;
}
