/**
 * The same invoice number twice in one run (a webhook delivered twice, a list exported twice):
 * only the first is sent; the others are reported against it, since Yuki would refuse them anyway.
 */

export interface ReferencedInvoice {
	itemIndex: number;
	administrationId: string;
	reference?: string;
}

/** For every invoice that repeats an earlier one's number in the same administration: the first invoice with that number. */
export function findRunDuplicates<T extends ReferencedInvoice>(invoices: Iterable<T>): Map<T, T> {
	// Per administration, then per number: no key string built per invoice (a large run has 10,000s).
	const first = new Map<string, Map<string, T>>();
	const duplicates = new Map<T, T>();
	for (const invoice of invoices) {
		const reference = invoice.reference?.trim();
		if (!reference) continue;
		// Invoice numbers are unique per administration; departments may reuse each other's.
		let numbers = first.get(invoice.administrationId);
		if (numbers === undefined) first.set(invoice.administrationId, (numbers = new Map()));
		const earlier = numbers.get(reference);
		if (earlier === undefined) numbers.set(reference, invoice);
		else duplicates.set(invoice, earlier);
	}
	return duplicates;
}
