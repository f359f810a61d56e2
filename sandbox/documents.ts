/**
 * The one door from the sandbox into the node's code: the descriptions of the documents users
 * SEND (nodes/Yuki/documents), which both sides may share. Nothing of the client's reading of
 * Yuki's answers and nothing of its transport comes through here (test/sandbox/independence.test.ts
 * holds every sandbox file to that).
 */
export {
	addDecimals,
	compareDecimals,
	decimalFromString,
	formatDecimal,
	money,
	multiplyDecimals,
	parseDecimal,
	rescale,
	subtractDecimals,
} from '../nodes/Yuki/documents/decimal';
export type { Decimal } from '../nodes/Yuki/documents/decimal';
export { fieldKey } from '../nodes/Yuki/documents/fields';
export type { DocumentSpec, Field, NormalisedRecord, ScalarField, TextField } from '../nodes/Yuki/documents/fields';
export { purchaseInvoiceDocument } from '../nodes/Yuki/documents/purchaseInvoice';
export { salesInvoiceDocument } from '../nodes/Yuki/documents/salesInvoice';
