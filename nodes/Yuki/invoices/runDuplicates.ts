/**
 * The same invoice number twice in one run (a webhook delivered twice, a list exported twice):
 * only the first is sent; the others are reported against it, since Yuki would refuse them anyway.
 */

export interface ReferencedInvoice {
	itemIndex: number;
	administrationId: string;
	reference?: string;
}

/** For every invoice that repeats an earlier one's number in the same administration: the earlier item's index. */
export function findRunDuplicates<T extends ReferencedInvoice>(invoices: readonly T[]): Map<T, number> {
	const first = new Map<string, number>();
	const duplicates = new Map<T, number>();
	for (const invoice of invoices) {
		const reference = invoice.reference?.trim();
		if (!reference) continue;
		// Invoice numbers are unique per administration; departments may reuse each other's.
		const key = `${invoice.administrationId}\u0000${reference}`;
		const earlier = first.get(key);
		if (earlier === undefined) first.set(key, invoice.itemIndex);
		else duplicates.set(invoice, earlier);
	}
	return duplicates;
}
