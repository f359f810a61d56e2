/**
 * Output items: one per input item, each paired with the item it came from, and the
 * Continue On Fail behaviour every operation shares.
 *
 * An error item takes the shape n8n's On Error setting asks for (n8n-core's WorkflowExecute):
 * - "Continue" (regular output): the flat JSON `{ error: <text>, message, description, status, … }`
 *   on the success branch, as n8n's own nodes do.
 * - "Continue (using error output)": n8n moves an item to the error branch only when the item
 *   has `error` set (and then replaces its JSON by `{ error: <text> }`, losing every detail) or
 *   when its JSON holds nothing but `error`. So the item is `{ error: { message, description,
 *   status, … } }`: it reaches the error branch, merged with the input item it came from, and
 *   keeps its details (`$json.error.status`, `$json.error.message`).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type NodeError = NodeApiError | NodeOperationError;

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

/** The error as n8n's own error class, so that n8n can route and show it. */
export function asNodeError(context: Pick<IExecuteFunctions, 'getNode'>, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * An error item paired with input item `itemIndex`, shaped for the node's On Error setting (see
 * the module comment): `details` (e.g. the invoice's status) first, then the error's own fields.
 */
export function errorItem(
	context: Pick<IExecuteFunctions, 'getNode'>,
	error: NodeError,
	itemIndex: number,
	details: IDataObject = {},
): INodeExecutionData {
	const json = { ...details, ...errorJson(error, itemIndex) };
	if (context.getNode().onError === 'continueErrorOutput') {
		const { error: message, ...rest } = json;
		return { json: { error: { ...rest, message } }, pairedItem: { item: itemIndex } };
	}
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * What to do when item `itemIndex` failed: with Continue On Fail (either output) the error
 * becomes that item's output and the run goes on; otherwise the error stops the node.
 */
export function handleItemError(context: IExecuteFunctions, error: Error, itemIndex: number, details: IDataObject = {}): INodeExecutionData {
	const nodeError = asNodeError(context, error, itemIndex);
	if (!context.continueOnFail()) throw nodeError;
	return errorItem(context, nodeError, itemIndex, details);
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
