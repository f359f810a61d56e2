/**
 * Get Status's memory: which invoice references this node has SEEN OPEN in Yuki, per
 * administration and side, kept in the workflow's static data (n8n persists it after every
 * production run: a schedule or trigger, not a manual run from the editor).
 *
 * Why: Yuki lists only what is still open, and does not say whether a reference it does not list
 * was paid, never booked, rejected, or booked in another administration [doc: yuki-api "More
 * services": what CheckOutstandingItem answers for an unknown reference versus a paid one is not
 * documented]. A reference this node saw open before, and that is now gone from the same
 * administration's open items, existed and was settled: that is the evidence for "paid".
 * A reference never seen open is "notFound", never "paid".
 *
 * Size: one short tuple per reference (about 40 bytes), so 100,000 references are about 4 MB,
 * kept as one JSON text (not objects: n8n wraps every object of static data in a proxy each time
 * it loads the workflow, which for 100,000 entries costs more than the whole lookup).
 * Settled references are kept SETTLED_KEEP_DAYS (the invoicing tool asks again only until it
 * recorded the payment); references not asked about for UNSEEN_KEEP_DAYS are forgotten.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Decimal } from '../documents/decimal';
import { formatDecimal, money } from '../documents/decimal';
import type { OutstandingSide } from '../transport/types';
import type { Clock } from './dates';
import { dayNumber } from './dates';
import { referenceKey } from './matching';

export const SIGHTINGS_VERSION = 1;
const STORED_VERSION = 2;
export const SETTLED_KEEP_DAYS = 90;
export const UNSEEN_KEEP_DAYS = 400;
/** The "last seen" day is refreshed only this often, so that an unchanged memory is not rewritten twice a day. */
const SEEN_REFRESH_DAYS = 30;

/** [open amount, original amount, day last seen open, day first found gone ('' while open)] */
export type Sighting = [string, string, string, string];

interface SightingBook {
	v: typeof SIGHTINGS_VERSION | typeof STORED_VERSION;
	/** JSON text of the record in version 2. */
	refs: Record<string, Sighting> | string;
}

export interface RememberedSighting {
	open: Decimal;
	original: Decimal;
	lastSeenOpenOn: string;
	/** The day this node first found it gone (undefined when it is found gone right now). */
	goneSince?: string;
}

export function sightingsKey(administrationId: string, side: OutstandingSide): string {
	return `seen:${side}:${administrationId}`;
}

function readBook(value: unknown): Record<string, Sighting> {
	const book = value as SightingBook | undefined;
	try {
		if (book?.v === STORED_VERSION && typeof book.refs === 'string') return JSON.parse(book.refs) as Record<string, Sighting>;
		if (book?.v === SIGHTINGS_VERSION && book.refs && typeof book.refs === 'object') return JSON.parse(JSON.stringify(book.refs)) as Record<string, Sighting>;
	} catch {
		// Unreadable memory is no memory: references then come out as notFound, never as paid.
	}
	return {};
}

/** One administration and side's memory for one run; `save` writes it back only when it changed. */
export class Sightings {
	private readonly refs: Record<string, Sighting>;
	private lowerCaseIndex?: Map<string, string>;
	private changed = false;

	constructor(
		private readonly staticData: IDataObject | undefined,
		private readonly key: string,
		private readonly clock: Clock,
	) {
		this.refs = readBook(staticData?.[key]);
	}

	get size(): number {
		return Object.keys(this.refs).length;
	}

	/** What was remembered of a reference (matched like the open items: trimmed, optionally without case). */
	recall(reference: string, caseInsensitive: boolean): RememberedSighting | undefined {
		const stored = this.refs[this.storedKey(reference, caseInsensitive) ?? ''];
		if (!stored) return undefined;
		return { open: money(stored[0]), original: money(stored[1]), lastSeenOpenOn: stored[2], goneSince: stored[3] || undefined };
	}

	/** Whether the reference is remembered as open (seen open and not yet found gone). */
	rememberedOpen(reference: string, caseInsensitive: boolean): boolean {
		const stored = this.refs[this.storedKey(reference, caseInsensitive) ?? ''];
		return Boolean(stored && !stored[3]);
	}

	sawOpen(reference: string, open: Decimal, original: Decimal, caseInsensitive: boolean): void {
		this.sawOpenText(reference, formatDecimal(open), formatDecimal(original), caseInsensitive);
	}

	/** As `sawOpen`, with the amounts as formatted decimal text ("1234.56"). */
	sawOpenText(reference: string, openText: string, originalText: string, caseInsensitive: boolean): void {
		const key = this.storedKey(reference, caseInsensitive) ?? referenceKey(reference, false);
		const before = this.refs[key];
		const fresh = before && !before[3] && before[0] === openText && before[1] === originalText && !this.olderThan(before[2], SEEN_REFRESH_DAYS);
		if (fresh) return;
		this.refs[key] = [openText, originalText, this.clock.today, ''];
		this.lowerCaseIndex?.set(key.toLocaleLowerCase('nl'), key);
		this.changed = true;
	}

	sawGone(reference: string, caseInsensitive: boolean): void {
		const key = this.storedKey(reference, caseInsensitive);
		const before = key ? this.refs[key] : undefined;
		if (!key || !before || before[3]) return;
		this.refs[key] = [before[0], before[1], before[2], this.clock.today];
		this.changed = true;
	}

	/** Forgets what is old, and stores the memory when anything changed. */
	save(): void {
		if (!this.staticData) return;
		for (const key of Object.keys(this.refs)) {
			const [, , lastSeen, gone] = this.refs[key];
			if ((gone && this.olderThan(gone, SETTLED_KEEP_DAYS)) || this.olderThan(lastSeen, UNSEEN_KEEP_DAYS)) {
				delete this.refs[key];
				this.changed = true;
			}
		}
		if (!this.changed) return;
		const book: SightingBook = { v: STORED_VERSION, refs: JSON.stringify(this.refs) };
		this.staticData[this.key] = book as unknown as IDataObject;
		this.changed = false;
	}

	private storedKey(reference: string, caseInsensitive: boolean): string | undefined {
		const exact = referenceKey(reference, false);
		if (exact in this.refs) return exact;
		if (!caseInsensitive) return undefined;
		if (!this.lowerCaseIndex) {
			this.lowerCaseIndex = new Map();
			for (const key of Object.keys(this.refs)) this.lowerCaseIndex.set(key.toLocaleLowerCase('nl'), key);
		}
		return this.lowerCaseIndex.get(referenceKey(reference, true));
	}

	private olderThan(day: string, days: number): boolean {
		const number = dayNumber(day);
		return number === null || this.clock.todayNumber - number > days;
	}
}
