/**
 * n8n's "Retry On Fail" runs the whole node again, with all its items, after an error or when the
 * first output item is an error item. Sending invoices again is safe only when Yuki recognises
 * every one of them: Yuki refuses an invoice number it already has [lib], and the node reads that
 * refusal as "booked" when it booked the invoice itself (bookingMemory.ts). An invoice without a
 * number would simply be booked a second time, so a run holding one refuses to start.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { PreparedItem } from './prepare';

export function refuseUnsafeRetry(this: IExecuteFunctions, prepared: PreparedItem[]): void {
	const node = this.getNode();
	if (node.retryOnFail !== true) return;
	const withoutNumber = prepared.filter((item) => item.invoices.some((invoice) => !invoice.reference?.trim()));
	if (withoutNumber.length === 0) return;
	const items = withoutNumber.map((item) => item.itemIndex);
	throw new NodeOperationError(
		node,
		`Retry On Fail is on, but ${items.length === 1 ? `item ${items[0]} has an invoice` : `items ${items.join(', ')} have invoices`} without a reference: a retry would book ${items.length === 1 ? 'it' : 'them'} twice. Nothing was sent.`,
		{
			description:
				"n8n's Retry On Fail sends every invoice of the run again. Yuki recognises an invoice it already has only by its number, so an invoice without one would be booked once per try. Give every invoice a reference, or turn off Retry On Fail (node Settings) and handle failures with Continue On Fail or the error output.",
		},
	);
}
