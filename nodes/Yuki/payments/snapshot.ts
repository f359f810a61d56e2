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
 * Compact for 100,000 open items: one short tuple per item, contact names stored once. Stored in
 * static data as JSON TEXT (`StoredSnapshot`), not as objects: n8n wraps every object of a
 * workflow's static data in a change-tracking proxy each time it loads the workflow, which for
 * 100,000 tuples made every poll after the first slower than the first [n8n-workflow
 * observable-object.ts]. Text is one value, parsed natively, and compared as a whole.
 */
import type { Decimal } from '../documents/decimal';
import { compareDecimals, formatDecimal, money, subtractDecimals } from '../documents/decimal';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { CANONICAL_AMOUNT, isZero, itemAmounts, statusOf, ZERO } from './amounts';
import type { Clock } from './dates';
import { dayNumber, isoDate } from './dates';

export const SNAPSHOT_VERSION = 3;
/** How long an invoice that left the list is remembered, to recognise it when it comes back. */
export const GONE_KEEP_DAYS = 400;

/** [open amount, original amount, reference, due date, index into `contacts`, overdue emitted (1) or not (0)] */
export type SnapshotEntry = [string, string, string, string, number, 0 | 1];
/** [open amount when it left, original amount, reference, due date, index into `contacts`, day it left] */
export type GoneEntry = [string, string, string, string, number, string];

/** As kept in the workflow's static data. */
export interface StoredSnapshot {
	v: typeof SNAPSHOT_VERSION;
	takenAt: string;
	/** JSON of `Snapshot.contacts`; `items` and `gone` as lines of tab-separated fields (id first). */
	contacts: string;
	items: string;
	gone: string;
}

/** The snapshot in memory (Maps: 100,000 GUID keys are slow in a plain object). */
export interface Snapshot {
	/** When the trigger recorded this state (ISO, workflow time zone); kept while the list stays the same. */
	takenAt: string;
	contacts: string[];
	/** By Yuki item ID. */
	items: Map<string, SnapshotEntry>;
	/** Invoices that left the list, by Yuki item ID. */
	gone: Map<string, GoneEntry>;
}

/** Versions 1 and 2 (earlier releases) kept objects in static data. */
interface ObjectSnapshot {
	v: 1 | 2;
	takenAt: string;
	contacts: string[];
	items: Record<string, SnapshotEntry>;
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

/** The snapshot from static data: this version's text form, or the objects of versions 1 and 2. */
export function readSnapshot(value: unknown): Snapshot | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const stored = value as { v?: unknown; takenAt?: unknown; contacts?: unknown; items?: unknown; gone?: unknown };
	try {
		if (stored.v === SNAPSHOT_VERSION && typeof stored.items === 'string') {
			return {
				takenAt: String(stored.takenAt ?? ''),
				contacts: JSON.parse(String(stored.contacts)) as string[],
				items: fromLines(stored.items, (fields) => [fields[1], fields[2], fields[3], fields[4], Number(fields[5]), fields[6] === '1' ? 1 : 0]),
				gone: fromLines(String(stored.gone ?? ''), (fields) => [fields[1], fields[2], fields[3], fields[4], Number(fields[5]), fields[6]]),
			};
		}
		if ((stored.v === 1 || stored.v === 2) && stored.items && typeof stored.items === 'object' && Array.isArray(stored.contacts)) {
			// A plain copy (JSON) leaves n8n's proxies behind once.
			const old = JSON.parse(JSON.stringify(stored)) as ObjectSnapshot;
			return { takenAt: old.takenAt, contacts: old.contacts, items: new Map(Object.entries(old.items)), gone: new Map(Object.entries(old.gone ?? {})) };
		}
	} catch {
		// An unreadable snapshot is treated as none: the next poll only records (it reports nothing as paid).
	}
	return undefined;
}

export function storeSnapshot(snapshot: Snapshot): StoredSnapshot {
	return {
		v: SNAPSHOT_VERSION,
		takenAt: snapshot.takenAt,
		contacts: JSON.stringify(snapshot.contacts),
		items: toLines(snapshot.items),
		gone: toLines(snapshot.gone),
	};
}

/** Whether static data holds a snapshot in this version's text form (an older one is rewritten once). */
export function isCurrentForm(value: unknown): boolean {
	const stored = value as Partial<StoredSnapshot> | undefined;
	return stored?.v === SNAPSHOT_VERSION && typeof stored.items === 'string';
}

/**
 * Whether the stored snapshot must be written: n8n stores static data only when a node changed
 * it, and an unchanged list of 100,000 items should not be written twice a day.
 */
export function storedChanged(previous: unknown, next: StoredSnapshot): boolean {
	const before = previous as Partial<StoredSnapshot> | undefined;
	return !before || before.v !== next.v || before.items !== next.items || before.gone !== next.gone || before.contacts !== next.contacts;
}

/**
 * Tab-separated lines: about 15 % smaller than JSON tuples inside a JSON text (no quotes to
 * escape). A tab or line break inside a reference becomes a space (it is only shown in events).
 */
function toLines(entries: Map<string, Array<string | number>>): string {
	const lines: string[] = [];
	// Only the key and the reference (position 2) are free text; amounts, dates and numbers are not.
	for (const [key, entry] of entries) lines.push(`${clean(key)}\t${entry[0]}\t${entry[1]}\t${clean(String(entry[2]))}\t${entry.slice(3).join('\t')}`);
	return lines.join('\n');
}

function fromLines<T>(text: string, entry: (fields: string[]) => T): Map<string, T> {
	const entries = new Map<string, T>();
	if (!text) return entries;
	for (const line of text.split('\n')) {
		const fields = line.split('\t');
		if (fields.length >= 7) entries.set(fields[0], entry(fields));
	}
	return entries;
}

function clean(value: string): string {
	return /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value;
}

/**
 * An open item's identity across polls: Yuki's item ID; for an item without one (not seen so
 * far), what describes it in the ledger.
 */
export function itemKey(item: OutstandingItem): string {
	return item.id || `${item.reference ?? ''}|${isoDate(item.date) ?? ''}|${item.originalAmountText}`;
}

/**
 * The previous snapshot's open items that are not in the list now (still open before): `next` is
 * detectChanges's snapshot of the list now, whose items are already keyed.
 */
export function vanishedItems(previous: Snapshot | undefined, next: Snapshot): { vanished: SnapshotEntry[]; openBefore: number } {
	if (!previous) return { vanished: [], openBefore: 0 };
	const vanished: SnapshotEntry[] = [];
	let openBefore = 0;
	for (const [key, entry] of previous.items) {
		if (isZeroText(entry[0])) continue;
		openBefore++;
		if (!next.items.has(key)) vanished.push(entry);
	}
	return { vanished, openBefore };
}

/**
 * Compares the open items now with the previous snapshot; returns what changed, the next
 * snapshot, and whether it is the previous one unchanged (apart from its time), so that an
 * unchanged list of 100,000 items is neither written out nor stored again.
 */
export function detectChanges(
	previous: Snapshot | undefined,
	current: OutstandingItem[],
	options: ChangeOptions,
): { changes: PaymentChange[]; next: Snapshot; unchanged: boolean } {
	const firstPoll = !previous;
	const reportNow = !firstPoll || options.emitOnFirstPoll;
	const changes: PaymentChange[] = [];
	const contacts = new ContactTable();
	const items = new Map<string, SnapshotEntry>();
	const previousItems = previous?.items ?? new Map<string, SnapshotEntry>();
	const previousGone = previous?.gone ?? new Map<string, GoneEntry>();
	const gone = new Map<string, GoneEntry>();
	// Compared as text: luxon per item is too slow for 100,000 items, and ISO dates sort as text.
	const { today } = options.clock;
	// Whether the next snapshot equals the previous one (then it need not be stored again).
	let same = !firstPoll;
	let matched = 0;

	for (const item of current) {
		const key = itemKey(item);
		const before = previousItems.get(key);
		const dueDate = isoDate(item.dueDate);
		// Most items did not change since the previous poll: compared as text, without decimal arithmetic.
		const unchanged = before !== undefined && before[0] === item.openAmountText && before[1] === item.originalAmountText;
		let openText: string;
		let originalText: string;
		if (unchanged) {
			openText = before[0];
			originalText = before[1];
		} else if (!before && !reportNow && CANONICAL_AMOUNT.test(item.openAmountText) && CANONICAL_AMOUNT.test(item.originalAmountText)) {
			// A first poll that only records: Yuki's amounts as written ("1234.56") are already the stored form.
			openText = item.openAmountText;
			originalText = item.originalAmountText;
		} else {
			const { original, open } = itemAmounts(item);
			openText = formatDecimal(open);
			originalText = formatDecimal(original);
			const change = paidChange(item, before, before ? undefined : previousGone.get(key), reportNow, original, open);
			if (change) changes.push({ ...change, dueDate, firstPoll });
		}

		const overdue = !isZeroText(openText) && dueDate !== null && dueDate < today;
		if (overdue && before?.[5] !== 1 && options.emitOverdue && reportNow) {
			const { original, open } = itemAmounts(item);
			changes.push({ kind: 'overdue', itemId: key, reference: item.reference, contact: item.contact, item, original, open, received: ZERO, dueDate, leftOpenItems: false, firstPoll });
		}
		// Flagged even when not reported, so that switching the option on later does not report old debts.
		const entry: SnapshotEntry = [openText, originalText, String(item.reference ?? ''), dueDate ?? '', contacts.index(item.contact), overdue ? 1 : 0];
		if (before && !items.has(key)) matched++;
		// An entry like the previous one is kept as it is: at 100,000 items, fewer new objects to collect.
		if (before && sameEntry(before, entry)) items.set(key, before);
		else {
			items.set(key, entry);
			same = false;
		}
	}
	if (matched !== previousItems.size || items.size !== previousItems.size) same = false;

	// Every previous item is still listed (the usual poll): nothing left the list.
	for (const [key, before] of matched === previousItems.size ? [] : previousItems) {
		if (items.has(key)) continue;
		const openBefore = money(before[0]);
		const contact = previous?.contacts[before[4]] || undefined;
		gone.set(key, [before[0], before[1], before[2], before[3], contacts.index(contact), today]);
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
	for (const [key, entry] of previousGone) {
		if (items.has(key) || gone.has(key)) continue;
		const leftOn = dayNumber(entry[5]);
		if (leftOn === null || options.clock.todayNumber - leftOn > GONE_KEEP_DAYS) {
			same = false;
			continue;
		}
		const contact = contacts.index(previous?.contacts[entry[4]]);
		if (contact === entry[4]) gone.set(key, entry);
		else {
			gone.set(key, [entry[0], entry[1], entry[2], entry[3], contact, entry[5]]);
			same = false;
		}
	}
	if (gone.size !== previousGone.size || !sameTexts(contacts.values, previous?.contacts ?? [])) same = false;

	return { changes, next: { takenAt: options.clock.stamp, contacts: contacts.values, items, gone }, unchanged: same && changes.length === 0 };
}

/**
 * A payment (the paid part rose) or a reopening (it fell) of an item in the list now. The paid
 * part before: from the snapshot; all of it for an invoice that had left the list; nothing for an
 * item new since then (booked and partly paid between two polls), or undefined on a first poll
 * that only records.
 */
function paidChange(
	item: OutstandingItem,
	before: SnapshotEntry | undefined,
	left: GoneEntry | undefined,
	reportNow: boolean,
	original: Decimal,
	open: Decimal,
): Omit<PaymentChange, 'dueDate' | 'firstPoll'> | undefined {
	const paidBefore = before ? subtractDecimals(money(before[1]), money(before[0])) : left ? money(left[1]) : reportNow ? ZERO : undefined;
	if (!paidBefore) return undefined;
	const change = subtractDecimals(subtractDecimals(original, open), paidBefore);
	const direction = towardsSettled(change, original);
	if (direction === 0) return undefined;
	const base = { itemId: itemKey(item), reference: item.reference, contact: item.contact, item, original, open, leftOpenItems: false };
	if (direction > 0) return { ...base, kind: 'payment', received: change, previousOpen: before ? money(before[0]) : undefined };
	return {
		...base,
		kind: 'reopened',
		received: ZERO,
		undone: subtractDecimals(ZERO, change),
		previousOpen: before ? money(before[0]) : left ? money(left[0]) : undefined,
	};
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

function sameEntry(a: SnapshotEntry, b: SnapshotEntry): boolean {
	return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4] && a[5] === b[5];
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** "0.00", "-0.00", "0": zero without parsing (amounts are stored as formatted decimals). */
function isZeroText(text: string): boolean {
	return /^-?0*(\.0*)?$/.test(text);
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
