/**
 * The texts by which the node recognises what Yuki meant. Yuki's exact wording for these cases is
 * not documented [guess], so every pattern lives here, in one place, to be adjusted when a real
 * answer shows a different text.
 */
import { YukiError } from '../transport/types';

/** A per-invoice message saying the invoice number is already booked in Yuki. */
const DUPLICATE_MESSAGE = /already exists|duplicate|bestaat al/i;

/** A fault saying the whole document broke Yuki's schema: nothing of it was processed. */
const SCHEMA_FAULT = /XML validation failed|schema validation|is not valid according to|validation error/i;

export function isDuplicateMessage(message: string | undefined): boolean {
	return !!message && DUPLICATE_MESSAGE.test(message);
}

/**
 * Yuki rejected the whole document before processing any invoice of it. The fault text itself is
 * the proof that nothing was booked, whatever the transport says about reaching Yuki.
 */
export function isSchemaRejection(error: unknown): error is YukiError {
	return (
		error instanceof YukiError &&
		error.kind === 'fault' &&
		SCHEMA_FAULT.test(`${error.faultString ?? ''} ${error.message}`)
	);
}

/**
 * A failure that has nothing to do with one batch (settings, wrong URL): every later call would
 * fail the same way, so the remaining batches are not sent.
 */
export function isConnectionProblem(error: unknown): boolean {
	return error instanceof YukiError && (error.kind === 'configuration' || error.kind === 'http');
}

/**
 * One of the batch's own files failed while the batch was sent (the request was cut off, nothing
 * processed): only that batch is lost, the next batches are sent.
 */
export function isBatchFileProblem(error: unknown): boolean {
	return error instanceof YukiError && error.kind === 'source';
}
