/**
 * Finding a reference among Yuki's open items, and choosing how to ask Yuki.
 *
 * Yuki's quota (1,000 calls a day, shared by every integration of the domain) is the scarce
 * resource, so the choice is made on call count: `CheckOutstandingItemAdmin` costs one call per
 * reference, the open item list one call for any number of references (but can be megabytes).
 * One reference: the small check. Two or more: the list.
 */
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { ITEM_TYPE } from '../transport/responses';

export type LookupStrategy = 'auto' | 'listOnce' | 'perReference';

/** Above this many distinct references `auto` reads the list once instead of checking each. */
export const PER_REFERENCE_MAX = 1;

/**
 * `auto` also reads the list when case is to be ignored: how Yuki's check compares references
 * is not documented, while the list is matched here, by our own rule.
 */
export function chooseStrategy(strategy: LookupStrategy, distinctReferences: number, caseInsensitive = false): 'listOnce' | 'perReference' {
	if (strategy === 'listOnce' || strategy === 'perReference') return strategy;
	return distinctReferences <= PER_REFERENCE_MAX && !caseInsensitive ? 'perReference' : 'listOnce';
}

/** How references are compared: trimmed, and optionally without regard to case. */
export function referenceKey(reference: string, caseInsensitive: boolean): string {
	const trimmed = reference.trim();
	return caseInsensitive ? trimmed.toLocaleLowerCase('nl') : trimmed;
}

/**
 * The check operation is not limited to one side, so an invoice of the other side is left out
 * (sales invoices are debtor items, purchase invoices creditor items) [our inference].
 */
export function isOnSide(item: OutstandingItem, side: OutstandingSide): boolean {
	if (side === 'debtor') return item.typeId !== ITEM_TYPE.purchaseInvoice;
	return item.typeId !== ITEM_TYPE.salesInvoice;
}

/** Open items by reference key, in Yuki's order. Items without a reference cannot match. */
export function indexByReference(items: OutstandingItem[], caseInsensitive: boolean): Map<string, OutstandingItem[]> {
	const index = new Map<string, OutstandingItem[]>();
	for (const item of items) {
		if (!item.reference) continue;
		const key = referenceKey(String(item.reference), caseInsensitive);
		if (!key) continue;
		const bucket = index.get(key);
		if (bucket) bucket.push(item);
		else index.set(key, [item]);
	}
	return index;
}

/** The items of a check answer that really match the reference, by the same rule as the list. */
export function matchingItems(
	items: OutstandingItem[],
	reference: string,
	side: OutstandingSide,
	caseInsensitive: boolean,
): OutstandingItem[] {
	const key = referenceKey(reference, caseInsensitive);
	return items.filter(
		(item) => isOnSide(item, side) && item.reference !== undefined && referenceKey(String(item.reference), caseInsensitive) === key,
	);
}
