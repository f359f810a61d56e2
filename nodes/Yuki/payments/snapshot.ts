/**
 * The Yuki Trigger's memory: what was open at the previous poll, per administration and side.
 * Yuki has no list of payments, so a payment is a drop in an open amount between two polls,
 * and a fully paid invoice is one that left the list. The snapshot lives in the workflow's
 * static data (persisted by n8n), so each payment is emitted once, also across restarts.
 * It stays compact for 10,000 open items: one short tuple per item, contact names stored once.
 */
import type { DateTime } from 'luxon';
import type { Decimal } from '../documents/decimal';
import { compareDecimals, formatDecimal, money, subtractDecimals } from '../documents/decimal';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { isZero, itemAmounts, statusOf, ZERO } from './amounts';
import { dayOf, isoDate, timestamp } from './dates';

export const SNAPSHOT_VERSION = 1;

/** [open amount, original amount, reference, due date, index into `contacts`, overdue emitted (1) or not (0)] */
export type SnapshotEntry = [string, string, string, string, number, 0 | 1];

export interface Snapshot {
	v: typeof SNAPSHOT_VERSION;
	/** When the trigger recorded this state (ISO, workflow time zone); kept while the list stays the same. */
	takenAt: string;
	contacts: string[];
	/** By Yuki item ID. */
	items: Record<string, SnapshotEntry>;
}

export interface PaymentChange {
	kind: 'payment' | 'overdue';
	itemId: string;
	reference?: string;
	contact?: string;
	/** The item as Yuki lists it now; absent when it left the list. */
	item?: OutstandingItem;
	original: Decimal;
	open: Decimal;
	previousOpen?: Decimal;
	/** Paid since the previous poll (zero for an overdue change). */
	received: Decimal;
	dueDate: string | null;
	/** The invoice left the open item list: paid in full (or credited; Yuki does not say). */
	leftOpenItems: boolean;
	/** Reported on the first poll, from the state found then. */
	firstPoll: boolean;
}

export interface ChangeOptions {
	now: DateTime;
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
	return Boolean(candidate && candidate.v === SNAPSHOT_VERSION && candidate.items && Array.isArray(candidate.contacts));
}

/**
 * An open item's identity across polls: Yuki's item ID; for an item without one (not seen so
 * far), what describes it in the ledger.
 */
export function itemKey(item: OutstandingItem): string {
	return item.id || `${item.reference ?? ''}|${isoDate(item.date) ?? ''}|${item.originalAmountText}`;
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
	// Compared as text: luxon per item is too slow for 10,000 items, and ISO dates sort as text.
	const today = dayOf(options.now);

	for (const item of current) {
		const key = itemKey(item);
		const before = previous?.items[key];
		const { original, open } = itemAmounts(item);
		const dueDate = isoDate(item.dueDate);
		const base = { itemId: key, reference: item.reference, contact: item.contact, item, original, open, dueDate, leftOpenItems: false, firstPoll };

		// What was open before: the previous snapshot, or the original amount for an item that is new
		// since then (booked and partly paid between two polls), or on a first poll that reports.
		const openBefore = before ? money(before[0]) : reportNow ? original : undefined;
		if (openBefore) {
			const received = subtractDecimals(openBefore, open);
			if (movesTowardsZero(received, original)) {
				changes.push({ ...base, kind: 'payment', received, previousOpen: before ? openBefore : undefined });
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

	for (const [key, before] of Object.entries(previous?.items ?? {})) {
		if (key in items) continue;
		const openBefore = money(before[0]);
		if (isZero(openBefore)) continue;
		changes.push({
			kind: 'payment',
			itemId: key,
			reference: before[2] || undefined,
			contact: previous?.contacts[before[4]] || undefined,
			original: money(before[1]),
			open: ZERO,
			previousOpen: openBefore,
			received: openBefore,
			dueDate: before[3] || null,
			leftOpenItems: true,
			firstPoll: false,
		});
	}

	return {
		changes,
		next: { v: SNAPSHOT_VERSION, takenAt: timestamp(options.now), contacts: contacts.values, items },
	};
}

/**
 * Whether the open items differ from the snapshot. An unchanged list is not written again: n8n
 * stores static data only when a node changed it, and a snapshot of 10,000 items is about 1 MB.
 */
export function itemsChanged(previous: Snapshot | undefined, next: Snapshot): boolean {
	if (!previous) return true;
	const keys = Object.keys(next.items);
	if (keys.length !== Object.keys(previous.items).length) return true;
	return keys.some((key) => {
		const before = previous.items[key];
		const after = next.items[key];
		return !before || before.some((value, position) => (position === 4 ? previous.contacts[value as number] !== next.contacts[after[4]] : value !== after[position]));
	});
}

/** A payment lowers what is open: towards zero from above for invoices, from below for credit notes. */
function movesTowardsZero(received: Decimal, original: Decimal): boolean {
	if (isZero(received)) return false;
	return Math.sign(compareDecimals(received, ZERO)) === Math.sign(compareDecimals(original, ZERO));
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
