/**
 * The Yuki Trigger's memory: what was open at the previous poll, per administration and side,
 * and what left the list. Yuki has no list of payments [doc], so a payment is a rise in the paid
 * part (original − open) between two polls, and a fully paid invoice is one that left the list.
 * The snapshot lives in the workflow's static data (persisted by n8n), so each payment is
 * emitted once, also across restarts.
 *
 * Each real payment is emitted once: an invoice that comes back (a bank match undone in Yuki, a
 * payment reversed) is a `reopened` event carrying the amount undone, never a second payment.
 * That is why invoices that left the list are remembered (`gone`, GONE_KEEP_DAYS): without it a
 * returning invoice would look new, and its earlier partial payment would be reported again.
 * A later drop of the reopened amount is a new `payment` event (the money matched again), so the
 * sum of payments minus the sum of amounts undone always equals what Yuki shows as paid.
 *
 * Compact for 100,000 open items: one short tuple per item, contact names stored once.
 */
import type { Decimal } from '../documents/decimal';
import { compareDecimals, formatDecimal, money, subtractDecimals } from '../documents/decimal';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { isZero, itemAmounts, statusOf, ZERO } from './amounts';
import type { Clock } from './dates';
import { dayNumber, isoDate } from './dates';

export const SNAPSHOT_VERSION = 2;
/** How long an invoice that left the list is remembered, to recognise it when it comes back. */
export const GONE_KEEP_DAYS = 400;

/** [open amount, original amount, reference, due date, index into `contacts`, overdue emitted (1) or not (0)] */
export type SnapshotEntry = [string, string, string, string, number, 0 | 1];
/** [open amount when it left, original amount, reference, due date, index into `contacts`, day it left] */
export type GoneEntry = [string, string, string, string, number, string];

export interface Snapshot {
	v: typeof SNAPSHOT_VERSION | 1;
	/** When the trigger recorded this state (ISO, workflow time zone); kept while the list stays the same. */
	takenAt: string;
	contacts: string[];
	/** By Yuki item ID. */
	items: Record<string, SnapshotEntry>;
	/** Invoices that left the list, by Yuki item ID (absent in a version 1 snapshot). */
	gone?: Record<string, GoneEntry>;
}

export type ChangeKind = 'payment' | 'overdue' | 'reopened';

export interface PaymentChange {
	kind: ChangeKind;
	itemId: string;
	reference?: string;
	contact?: string;
	/** The item as Yuki lists it now; absent when it left the list. */
	item?: OutstandingItem;
	original: Decimal;
	open: Decimal;
	previousOpen?: Decimal;
	/** Paid since the previous poll (zero for an overdue or reopened change). */
	received: Decimal;
	/** For `reopened`: the part of earlier payments that Yuki no longer shows as paid. */
	undone?: Decimal;
	dueDate: string | null;
	/** The invoice left the open item list: paid in full (or credited; Yuki does not say). */
	leftOpenItems: boolean;
	/** Reported on the first poll, from the state found then. */
	firstPoll: boolean;
}

export interface ChangeOptions {
	clock: Clock;
	emitOverdue: boolean;
	/** On the first poll (no snapshot yet) report partly paid and overdue items instead of only recording. */
	emitOnFirstPoll: boolean;
}

/** Static data key: a snapshot belongs to one administration and one side. */
export function snapshotKey(administrationId: string, side: OutstandingSide): string {
	return `${side}:${administrationId}`;
}

export function isSnapshot(value: unknown): value is Snapshot {
	const candidate = value as Snapshot | undefined;
	return Boolean(candidate && (candidate.v === SNAPSHOT_VERSION || candidate.v === 1) && candidate.items && Array.isArray(candidate.contacts));
}

/**
 * An open item's identity across polls: Yuki's item ID; for an item without one (not seen so
 * far), what describes it in the ledger.
 */
export function itemKey(item: OutstandingItem): string {
	return item.id || `${item.reference ?? ''}|${isoDate(item.date) ?? ''}|${item.originalAmountText}`;
}

/** The previous snapshot's open items that are not in the list now (still open before). */
export function vanishedItems(previous: Snapshot | undefined, current: OutstandingItem[]): { vanished: SnapshotEntry[]; openBefore: number } {
	if (!previous) return { vanished: [], openBefore: 0 };
	const now = new Set<string>();
	for (const item of current) now.add(itemKey(item));
	const vanished: SnapshotEntry[] = [];
	let openBefore = 0;
	for (const key in previous.items) {
		const entry = previous.items[key];
		if (isZero(money(entry[0]))) continue;
		openBefore++;
		if (!now.has(key)) vanished.push(entry);
	}
	return { vanished, openBefore };
}

/** Compares the open items now with the previous snapshot; returns what changed and the next snapshot. */
export function detectChanges(
	previous: Snapshot | undefined,
	current: OutstandingItem[],
	options: ChangeOptions,
): { changes: PaymentChange[]; next: Snapshot } {
	const firstPoll = !previous;
	const reportNow = !firstPoll || options.emitOnFirstPoll;
	const changes: PaymentChange[] = [];
	const contacts = new ContactTable();
	const items: Record<string, SnapshotEntry> = {};
	const previousItems = previous?.items ?? {};
	const gone: Record<string, GoneEntry> = {};
	// Compared as text: luxon per item is too slow for 100,000 items, and ISO dates sort as text.
	const { today } = options.clock;

	for (const item of current) {
		const key = itemKey(item);
		const before = previousItems[key];
		const left = before ? undefined : previous?.gone?.[key];
		const { original, open } = itemAmounts(item);
		const dueDate = isoDate(item.dueDate);
		const base = { itemId: key, reference: item.reference, contact: item.contact, item, original, open, dueDate, leftOpenItems: false, firstPoll };

		// The paid part before: from the snapshot; fully paid for an invoice that had left the list;
		// nothing for an item new since then (booked and partly paid between two polls).
		const paidNow = subtractDecimals(original, open);
		const paidBefore = before
			? subtractDecimals(money(before[1]), money(before[0]))
			: left
				? money(left[1])
				: reportNow
					? ZERO
					: undefined;
		if (paidBefore) {
			const change = subtractDecimals(paidNow, paidBefore);
			const direction = towardsSettled(change, original);
			if (direction > 0) {
				changes.push({ ...base, kind: 'payment', received: change, previousOpen: before ? money(before[0]) : undefined });
			} else if (direction < 0) {
				changes.push({
					...base,
					kind: 'reopened',
					received: ZERO,
					undone: subtractDecimals(ZERO, change),
					previousOpen: before ? money(before[0]) : left ? money(left[0]) : undefined,
				});
			}
		}

		const overdue = !isZero(open) && dueDate !== null && dueDate < today;
		const overdueReported = before?.[5] === 1;
		if (overdue && !overdueReported && options.emitOverdue && reportNow) {
			changes.push({ ...base, kind: 'overdue', received: ZERO });
		}
		// Flagged even when not reported, so that switching the option on later does not report old debts.
		items[key] = [
			formatDecimal(open),
			formatDecimal(original),
			String(item.reference ?? ''),
			dueDate ?? '',
			contacts.index(item.contact),
			overdue ? 1 : 0,
		];
	}

	for (const key in previousItems) {
		if (key in items) continue;
		const before = previousItems[key];
		const openBefore = money(before[0]);
		const contact = previous?.contacts[before[4]] || undefined;
		gone[key] = [before[0], before[1], before[2], before[3], contacts.index(contact), today];
		if (isZero(openBefore)) continue;
		changes.push({
			kind: 'payment',
			itemId: key,
			reference: before[2] || undefined,
			contact,
			original: money(before[1]),
			open: ZERO,
			previousOpen: openBefore,
			received: openBefore,
			dueDate: before[3] || null,
			leftOpenItems: true,
			firstPoll: false,
		});
	}

	// Still remembered: what left earlier, has not come back, and is recent enough to matter.
	for (const key in previous?.gone ?? {}) {
		if (key in items || key in gone) continue;
		const entry = (previous?.gone as Record<string, GoneEntry>)[key];
		const leftOn = dayNumber(entry[5]);
		if (leftOn === null || options.clock.todayNumber - leftOn > GONE_KEEP_DAYS) continue;
		gone[key] = [entry[0], entry[1], entry[2], entry[3], contacts.index(previous?.contacts[entry[4]]), entry[5]];
	}

	return {
		changes,
		next: { v: SNAPSHOT_VERSION, takenAt: options.clock.stamp, contacts: contacts.values, items, gone },
	};
}

/**
 * Whether the open items differ from the snapshot. An unchanged list is not written again: n8n
 * stores static data only when a node changed it, and a snapshot of 10,000 items is about 1 MB.
 */
export function itemsChanged(previous: Snapshot | undefined, next: Snapshot): boolean {
	if (!previous || previous.v !== next.v) return true;
	return !sameEntries(previous.items, previous.contacts, next.items, next.contacts) || !sameEntries(previous.gone ?? {}, previous.contacts, next.gone ?? {}, next.contacts);
}

function sameEntries(
	before: Record<string, Array<string | number>>,
	beforeContacts: string[],
	after: Record<string, Array<string | number>>,
	afterContacts: string[],
): boolean {
	let count = 0;
	for (const key in after) {
		count++;
		const a = before[key];
		const b = after[key];
		if (!a) return false;
		for (let position = 0; position < b.length; position++) {
			const same = position === 4 ? beforeContacts[a[4] as number] === afterContacts[b[4] as number] : a[position] === b[position];
			if (!same) return false;
		}
	}
	let beforeCount = 0;
	for (const key in before) if (key) beforeCount++;
	return count === beforeCount;
}

/**
 * +1 when a change in the paid part settles the item further (a payment: upwards for invoices,
 * downwards for credit notes), -1 when it undoes earlier settlement, 0 when nothing changed.
 */
function towardsSettled(change: Decimal, original: Decimal): number {
	if (isZero(change)) return 0;
	const sign = Math.sign(compareDecimals(original, ZERO)) || 1;
	return Math.sign(compareDecimals(change, ZERO)) === sign ? 1 : -1;
}

export function changeStatus(change: PaymentChange) {
	return change.leftOpenItems ? 'paid' : statusOf(change.original, change.open);
}

class ContactTable {
	readonly values: string[] = [];
	private readonly positions = new Map<string, number>();

	index(contact: unknown): number {
		const name = typeof contact === 'string' ? contact : '';
		let position = this.positions.get(name);
		if (position === undefined) {
			position = this.values.push(name) - 1;
			this.positions.set(name, position);
		}
		return position;
	}
}
