/**
 * Sends invoices to Yuki in as few calls as Yuki's rules allow, and tells for every invoice what
 * became of it. Works on opaque units so that it can be tested without n8n or Yuki:
 *
 * - Yuki stops after 6 incorrect invoices in one batch and skips the rest; skipped invoices never
 *   reached booking, so they are re-sent at the front of the next batch.
 * - A document that breaks Yuki's schema is rejected whole, nothing processed: the batch is split
 *   in halves until every offending invoice stands alone with Yuki's validation message.
 * - A call that may have reached Yuki without an answer (timeout, dropped connection) is never
 *   repeated: its invoices "may have been booked".
 * - An answer that does not account for every invoice sent (fewer entries than invoices, totals
 *   that disagree with the entries, an entry for another invoice number) proves nothing about the
 *   invoices it leaves out: they are never resent, they "may have been booked".
 */
import type { ImportInvoiceResult, ImportResponse, XmlDocumentParts } from '../transport/types';
import { isBatchFileProblem, isConnectionProblem, isSchemaRejection } from './yukiMessages';
import { settle } from '../helpers/settle';

/** Which call an invoice went in: the run's n-th call to Yuki, holding `size` invoices. */
export interface BatchInfo {
	number: number;
	size: number;
}

export type UnitOutcome =
	/** Yuki answered for this invoice (booked, draft or rejected). */
	| { kind: 'answered'; result: ImportInvoiceResult; batch: BatchInfo }
	/** Sent alone, the invoice broke Yuki's schema; `error` carries Yuki's validation text. */
	| { kind: 'schemaRejected'; error: unknown; batch: BatchInfo }
	/** The call got no usable answer but may have reached Yuki: not repeated. */
	| { kind: 'mayHaveBeenBooked'; error: unknown; batch: BatchInfo }
	/** Yuki answered, but its answer does not account for this invoice (`reason` says how): not repeated. */
	| { kind: 'unaccounted'; reason: string; batch: BatchInfo }
	/** Yuki refused the call as a whole (fault), nothing of it was processed. */
	| { kind: 'batchFailed'; error: unknown; batch: BatchInfo }
	/** Not sent, because an earlier call showed that sending could not work. */
	| { kind: 'notSent'; error: unknown }
	/** The invoice's document could not be built (e.g. its PDF could not be read). */
	| { kind: 'buildFailed'; error: unknown }
	/** Yuki kept skipping the invoice (each time behind 6 incorrect ones). */
	| { kind: 'skippedRepeatedly'; batch: BatchInfo };

/** A ready document that is sent unchanged first (XML input), with its invoices in order. */
export interface ReadyDocument<T> {
	units: T[];
	xml: string;
}

export interface AdministrationPlan<T> {
	administrationId: string;
	/** Invoices still to be put into documents, in input order. */
	units: T[];
	documents: Array<ReadyDocument<T>>;
}

/** Thrown by `build` when one unit cannot be put into a document: only that unit fails. */
export class UnitBuildError<T> extends Error {
	constructor(
		readonly unit: T,
		readonly cause: unknown,
	) {
		super(cause instanceof Error ? cause.message : String(cause));
	}
}

export interface BatchSender<T> {
	batchSize: number;
	/** Builds the document for these units; throws `UnitBuildError` for a unit that cannot be built. */
	build(administrationId: string, units: T[]): Promise<XmlDocumentParts>;
	send(administrationId: string, xml: XmlDocumentParts): Promise<ImportResponse>;
	/** The invoice number sent for a unit, to check that Yuki's entry at its position is about it. */
	referenceOf?(unit: T): string | undefined;
}

/** How often an invoice Yuki skipped is offered again before it is reported. */
export const MAX_RESENDS = 3;

/** What Yuki's answer says of each invoice of the call, by position. */
export interface BatchReading {
	/** Positions (0-based) Yuki skipped behind 6 incorrect invoices: never processed, safe to resend. */
	skipped: Set<number>;
	/** Positions the answer does not account for, and why: never resent, they may have been booked. */
	unaccounted: Map<number, string>;
}

/**
 * Reads an import answer for `sent` invoices. Yuki answers with one `Invoice` entry per invoice
 * sent, in input order [doc], and stops at the 6th incorrect invoice, skipping the rest [lib], so
 * skipped ones are the tail of the failed entries. Whether `TotalFailed` counts the skipped ones
 * is not documented [guess]: both readings are accepted. Anything else (missing entries, totals
 * that disagree with the entries, an entry naming another invoice number) means the answer cannot
 * be matched to what was sent: the affected invoices are unaccounted for, never "skipped".
 */
export function readBatchAnswer(response: ImportResponse, sent: Array<string | undefined>): BatchReading {
	const count = sent.length;
	const entries = response.invoices;
	const unaccounted = new Map<number, string>();
	const succeeded = entries.filter((entry) => entry.succeeded).length;
	const totals = response.totalSucceeded + response.totalFailed;
	const totalsAgree =
		response.totalSucceeded === succeeded &&
		(totals + response.totalSkipped === entries.length || totals === entries.length) &&
		response.totalSkipped <= entries.length - succeeded;
	const misplaced = entries.findIndex((entry, position) => {
		const mine = sent[position]?.trim();
		const theirs = entry.reference?.trim();
		return position < count && !!mine && !!theirs && mine !== theirs;
	});
	if (!totalsAgree || misplaced !== -1 || entries.length > count) {
		const reason = !totalsAgree
			? `Yuki's totals (${response.totalSucceeded} succeeded, ${response.totalFailed} failed, ${response.totalSkipped} skipped) disagree with its ${entries.length} invoice entries`
			: misplaced !== -1
				? `Yuki's answer lists invoice ${entries[misplaced].reference} where ${sent[misplaced]} was sent`
				: `Yuki's answer lists ${entries.length} invoices for the ${count} sent`;
		for (let position = 0; position < count; position++) unaccounted.set(position, reason);
		return { skipped: new Set(), unaccounted };
	}
	for (let position = entries.length; position < count; position++) {
		unaccounted.set(position, `Yuki's answer lists only ${entries.length} of the ${count} invoices sent in the call`);
	}
	const skipped = new Set<number>();
	let remaining = response.totalSkipped;
	for (let position = entries.length - 1; position >= 0 && remaining > 0; position--, remaining--) {
		if (entries[position].succeeded) break;
		skipped.add(position);
	}
	return { skipped, unaccounted };
}

/**
 * The invoices of an administration still to send, in order: taken from the front a batch at a
 * time without moving the rest (a run of 10,000 invoices would otherwise shift its list 200 times),
 * and invoices to send again put back in front.
 */
class UnitQueue<T> {
	private front: T[] = [];
	private next = 0;

	constructor(private readonly units: readonly T[]) {}

	get size(): number {
		return this.front.length + this.units.length - this.next;
	}

	take(count: number): T[] {
		const taken = this.front.splice(0, count);
		const more = this.units.slice(this.next, this.next + count - taken.length);
		this.next += more.length;
		return taken.length === 0 ? more : taken.concat(more);
	}

	putFirst(units: readonly T[]): void {
		this.front = [...units, ...this.front];
	}

	/** Everything not taken, in order. */
	rest(): T[] {
		return [...this.front, ...this.units.slice(this.next)];
	}
}

/** Sends every administration's invoices; returns one outcome per unit. */
export async function sendInBatches<T>(
	plans: Array<AdministrationPlan<T>>,
	sender: BatchSender<T>,
): Promise<Map<T, UnitOutcome>> {
	const outcomes = new Map<T, UnitOutcome>();
	const resends = new Map<T, number>();
	let batchNumber = 0;
	let fatal: unknown;

	for (const plan of plans) {
		const halves: T[][] = [];
		const documents = [...plan.documents];
		const pending = new UnitQueue(plan.units);
		let administrationFailure: unknown;

		const remaining = () => [...halves.flat(), ...documents.flatMap((document) => document.units), ...pending.rest()];

		while (halves.length > 0 || documents.length > 0 || pending.size > 0) {
			const stop = fatal ?? administrationFailure;
			if (stop !== undefined) {
				for (const unit of remaining()) outcomes.set(unit, { kind: 'notSent', error: stop });
				break;
			}

			let units: T[];
			// The built document lives only until its call is answered: a batch's PDFs are then let go.
			let xml: XmlDocumentParts | undefined;
			if (halves.length > 0) units = halves.pop() as T[];
			else if (documents.length > 0) ({ units, xml } = documents.shift() as ReadyDocument<T>);
			else units = pending.take(Math.max(1, sender.batchSize));

			if (xml === undefined) {
				const built = await settle(async () => await sender.build(plan.administrationId, units));
				if (!built.ok) {
					if (!(built.error instanceof UnitBuildError)) throw built.error;
					const failed = built.error.unit as T;
					outcomes.set(failed, { kind: 'buildFailed', error: built.error.cause });
					const others = units.filter((unit) => unit !== failed);
					if (others.length > 0) halves.push(others);
					continue;
				}
				xml = built.value;
			}

			const batch: BatchInfo = { number: ++batchNumber, size: units.length };
			let response: ImportResponse;
			try {
				response = await sender.send(plan.administrationId, xml);
			} catch (error) {
				if (isSchemaRejection(error)) {
					// Nothing was processed: halve until each offending invoice stands alone.
					if (units.length === 1) {
						outcomes.set(units[0], { kind: 'schemaRejected', error, batch });
					} else {
						const middle = Math.ceil(units.length / 2);
						halves.push(units.slice(middle), units.slice(0, middle));
					}
				} else if (error instanceof Error && (error as { mayHaveReachedYuki?: boolean }).mayHaveReachedYuki) {
					for (const unit of units) outcomes.set(unit, { kind: 'mayHaveBeenBooked', error, batch });
				} else {
					for (const unit of units) outcomes.set(unit, { kind: 'batchFailed', error, batch });
					if (isConnectionProblem(error)) fatal = error;
					else if (!isBatchFileProblem(error)) administrationFailure = error;
				}
				continue;
			}

			const { skipped, unaccounted } = readBatchAnswer(response, units.map((unit) => sender.referenceOf?.(unit)));
			const resend: T[] = [];
			for (let position = 0; position < units.length; position++) {
				const unit = units[position];
				const reason = unaccounted.size > 0 ? unaccounted.get(position) : undefined;
				if (reason !== undefined) {
					outcomes.set(unit, { kind: 'unaccounted', reason, batch });
				} else if (skipped.size === 0 || !skipped.has(position)) {
					outcomes.set(unit, { kind: 'answered', result: response.invoices[position], batch });
				} else {
					const count = (resends.get(unit) ?? 0) + 1;
					resends.set(unit, count);
					if (count > MAX_RESENDS) outcomes.set(unit, { kind: 'skippedRepeatedly', batch });
					else resend.push(unit);
				}
			}
			// Skipped invoices never reached booking: they lead the next batch.
			if (resend.length > 0) pending.putFirst(resend);
		}
	}
	return outcomes;
}
