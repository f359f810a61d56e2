/**
 * What this node remembers between runs and between n8n's retries of one run, so that Yuki's
 * "already exists" answer can be read correctly:
 *
 * - `unknown`: an invoice whose call may have reached Yuki without an answer. When a later run
 *   meets Yuki's duplicate answer for it, that answer confirms the earlier booking.
 * - `booked`: an invoice booked by this execution. n8n's Retry On Fail runs the node again in the
 *   same execution; the retry meets Yuki's duplicate answer for it, which is not an error.
 *
 * Kept in the workflow's static data of this node: n8n stores it with the workflow after every
 * production execution, failed ones included, on the main process and on queue-mode workers (n8n
 * 2.40's execution-lifecycle hooks; checked end to end with the webhook example); manual test runs
 * keep it for that run only. Only invoice numbers are kept, never amounts or contacts. The memory
 * interprets duplicate answers; it never stops an invoice from being sent (Yuki's own duplicate
 * check does that).
 */
import type { IDataObject } from 'n8n-workflow';

export type Remembered = 'booked' | 'unknown';

/** [state, ISO time, execution ID] per `administrationId + NUL + reference`. */
type Entry = [Remembered, string, string];

interface Stored {
	entries: Record<string, Entry>;
}

const KEY = 'invoiceBookings';
/** An unknown invoice is forgotten after this long, or when the memory grows past MAX_ENTRIES. */
const KEEP_UNKNOWN_DAYS = 90;
const MAX_UNKNOWN = 5000;

export interface RecalledBooking {
	state: Remembered;
	at: string;
	/** Booked by this same execution: a retry (n8n's Retry On Fail) sent it again. */
	sameExecution: boolean;
}

export class BookingMemory {
	private constructor(
		private readonly stored: Stored,
		private readonly executionId: string,
		private readonly now: () => Date,
	) {}

	/**
	 * The memory in `staticData` (created when absent). Entries `booked` by other executions are
	 * dropped (only a retry of the same execution needs them), and old `unknown` ones expire.
	 */
	static in(staticData: IDataObject, executionId: string, now: () => Date = () => new Date()): BookingMemory {
		const existing = staticData[KEY] as Stored | undefined;
		const stored: Stored = existing && typeof existing.entries === 'object' ? existing : { entries: {} };
		staticData[KEY] = stored as unknown as IDataObject;
		const memory = new BookingMemory(stored, executionId, now);
		memory.prune();
		return memory;
	}

	private static key(administrationId: string, reference: string): string {
		return `${administrationId}\u0000${reference.trim()}`;
	}

	/** Nothing is remembered (the usual case): a large run then builds no key per invoice. */
	private empty = false;

	recall(administrationId: string, reference: string | undefined): RecalledBooking | undefined {
		if (this.empty || !reference?.trim()) return undefined;
		const entry = this.stored.entries[BookingMemory.key(administrationId, reference)];
		if (!entry) return undefined;
		return { state: entry[0], at: entry[1], sameExecution: entry[2] === this.executionId };
	}

	remember(administrationId: string, reference: string | undefined, state: Remembered): void {
		if (!reference?.trim()) return;
		this.empty = false;
		this.stored.entries[BookingMemory.key(administrationId, reference)] = [state, this.now().toISOString(), this.executionId];
	}

	forget(administrationId: string, reference: string | undefined): void {
		if (this.empty || !reference?.trim()) return;
		delete this.stored.entries[BookingMemory.key(administrationId, reference)];
	}

	private prune(): void {
		const oldest = this.now().getTime() - KEEP_UNKNOWN_DAYS * 86_400_000;
		const unknown: Array<[string, number]> = [];
		for (const [key, [state, at, execution]] of Object.entries(this.stored.entries)) {
			const time = Date.parse(at);
			if (state === 'booked' ? execution !== this.executionId : !(time >= oldest)) delete this.stored.entries[key];
			else if (state === 'unknown') unknown.push([key, time]);
		}
		unknown.sort((a, b) => a[1] - b[1]);
		for (const [key] of unknown.slice(0, Math.max(0, unknown.length - MAX_UNKNOWN))) delete this.stored.entries[key];
		this.empty = Object.keys(this.stored.entries).length === 0;
	}
}
