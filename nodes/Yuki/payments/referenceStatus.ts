/**
 * Get Status's answer for one reference. "paid" is said only on evidence:
 *
 * - `openItem`: Yuki lists the invoice (open, partly paid, or, in a check answer, with
 *   OpenAmount 0 [guess: whether Yuki's check answers a paid invoice that way is not documented;
 *   both shapes are handled]);
 * - `leftOpenItems`: this node saw the reference open in this administration and side before
 *   (sightings.ts) and it is gone from Yuki's open items now: it existed and was settled, by
 *   payment or by a credit note (Yuki does not say which).
 *
 * Without evidence the status is `notFound`: absence from the open items is not proof of payment
 * (a typo, an invoice Yuki rejected, a draft, one booked in another administration, or one paid
 * before this node first looked all look the same) [doc: yuki-api "More services"].
 */
import type { IDataObject } from 'n8n-workflow';
import type { Decimal } from '../documents/decimal';
import { compareDecimals, subtractDecimals } from '../documents/decimal';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { amount, currencyOf, isZero, itemAmounts, statusOf, sum, ZERO } from './amounts';
import type { Clock } from './dates';
import { daysOverdue, isoDate } from './dates';
import type { MessageStyle } from './messages';
import { DEFAULT_STYLE, notFoundMessage, paymentMessage } from './messages';
import { openItemJson } from './openItem';
import type { ReferenceRequest } from './references';
import type { RememberedSighting } from './sightings';

export type ReferenceStatus = 'open' | 'partiallyPaid' | 'paid' | 'notFound';
export type Evidence = 'openItem' | 'leftOpenItems' | 'none';

export const LEFT_OPEN_ITEMS_NOTE =
	'Seen open in this administration before and no longer among Yuki\'s open items now: settled, by a payment or a credit note (Yuki does not say which). Yuki gives no payment date: the date is the check time.';
export const NOT_FOUND_NOTE =
	'Not among Yuki\'s open items, and this node never saw it open here, so it is not known to be paid: it may have been paid before the first check, credited, rejected, left as a draft, mistyped, or booked in another administration. Check it in Yuki.';
/** The trigger's note on an invoice that left the list (it was in the trigger's previous snapshot). */
export const NOT_IN_OPEN_ITEMS_NOTE = LEFT_OPEN_ITEMS_NOTE;

/** What the lookup found for one reference. */
export type Finding =
	| { kind: 'listed'; items: OutstandingItem[] }
	| { kind: 'gone'; sighting: RememberedSighting; confirmation?: string }
	| { kind: 'notFound'; checkedOneByOne: boolean };

export interface StatusContext {
	administrationId: string;
	side: OutstandingSide;
	/** The check time: Yuki does not say when a payment was made. */
	clock: Clock;
	style?: MessageStyle;
}

export function referenceStatus(request: ReferenceRequest, finding: Finding, context: StatusContext): IDataObject {
	if (finding.kind === 'listed' && finding.items.length > 0) return listedStatus(request, finding.items, context);
	if (finding.kind === 'gone') return goneStatus(request, finding.sighting, context, finding.confirmation);
	return notFoundStatus(request, context, finding.kind === 'notFound' && finding.checkedOneByOne);
}

function listedStatus(request: ReferenceRequest, matches: OutstandingItem[], context: StatusContext): IDataObject {
	const amounts = matches.map(itemAmounts);
	const original = sum(amounts.map((entry) => entry.original));
	const open = sum(amounts.map((entry) => entry.open));
	const paid = subtractDecimals(original, open);
	const status = statusOf(original, open);
	const first = matches[0];
	const dueDate = earliest(matches.filter((_, index) => !isZero(amounts[index].open)).map((item) => isoDate(item.dueDate)));
	const currency = currencyOf(first);

	const json: IDataObject = {
		reference: request.reference,
		status,
		evidence: 'openItem' satisfies Evidence,
		originalAmount: amount(original),
		openAmount: amount(open),
		paidAmount: amount(paid),
		currency,
		invoiceDate: earliest(matches.map((item) => isoDate(item.date))),
		dueDate,
		daysOverdue: isZero(open) ? 0 : daysOverdue(dueDate, context.clock),
		contact: matches.map((item) => item.contact).find(Boolean) ?? null,
		contactCode: matches.map((item) => item.contactCode).find(Boolean) ?? null,
		yukiItemId: first.id,
		typeId: first.typeId ?? null,
		administrationId: context.administrationId,
		side: context.side,
		checkedAt: context.clock.stamp,
		paymentDate: null,
		notInOpenItems: false,
		multipleMatches: matches.length > 1,
	};
	addInputComparisons(json, request, { original, paid, open });
	json.message = paymentMessage(
		{ status, received: received(paid, request), previouslyPaid: request.previouslyPaid, open, currency, seenOn: context.clock.today },
		context.style,
	);
	if (matches.length > 1) {
		json.matches = matches.map((item) => openItemJson(item, { ...context, clock: context.clock }));
	}
	return json;
}

function goneStatus(request: ReferenceRequest, sighting: RememberedSighting, context: StatusContext, confirmation?: string): IDataObject {
	const { original } = sighting;
	const json: IDataObject = {
		reference: request.reference,
		status: 'paid',
		evidence: 'leftOpenItems' satisfies Evidence,
		originalAmount: amount(original),
		openAmount: 0,
		paidAmount: amount(original),
		/** What was still open when the node last saw it: the part settled since then. */
		settledSinceLastSeen: amount(sighting.open),
		currency: 'EUR',
		invoiceDate: null,
		dueDate: null,
		daysOverdue: 0,
		contact: null,
		contactCode: null,
		yukiItemId: null,
		typeId: null,
		administrationId: context.administrationId,
		side: context.side,
		checkedAt: context.clock.stamp,
		paymentDate: null,
		lastSeenOpenOn: sighting.lastSeenOpenOn,
		goneSince: sighting.goneSince ?? context.clock.today,
		notInOpenItems: true,
		multipleMatches: false,
		note: LEFT_OPEN_ITEMS_NOTE,
	};
	if (confirmation) json.confirmation = confirmation;
	addInputComparisons(json, request, { original, paid: original, open: ZERO });
	json.message = paymentMessage(
		{
			status: 'paid',
			received: received(original, request),
			previouslyPaid: request.previouslyPaid,
			open: ZERO,
			currency: 'EUR',
			seenOn: context.clock.today,
			leftOpenItems: true,
		},
		context.style,
	);
	return json;
}

function notFoundStatus(request: ReferenceRequest, context: StatusContext, checkedOneByOne: boolean): IDataObject {
	return {
		reference: request.reference,
		status: 'notFound',
		evidence: 'none' satisfies Evidence,
		originalAmount: request.total ? amount(request.total) : null,
		openAmount: null,
		paidAmount: null,
		currency: null,
		invoiceDate: null,
		dueDate: null,
		daysOverdue: null,
		contact: null,
		contactCode: null,
		yukiItemId: null,
		typeId: null,
		administrationId: context.administrationId,
		side: context.side,
		checkedAt: context.clock.stamp,
		paymentDate: null,
		notInOpenItems: true,
		checkedOneByOne,
		multipleMatches: false,
		note: NOT_FOUND_NOTE,
		message: notFoundMessage(request.reference, context.clock.today, context.style ?? DEFAULT_STYLE),
	};
}

/** What is new: paid minus what the invoicing tool already recorded (everything paid when it said nothing). */
function received(paid: Decimal, request: ReferenceRequest): Decimal {
	return request.previouslyPaid ? subtractDecimals(paid, request.previouslyPaid) : paid;
}

/** What the invoicing tool's own numbers say: paid counted from its total, and what is new. */
function addInputComparisons(
	json: IDataObject,
	request: ReferenceRequest,
	yuki: { original?: Decimal; paid: Decimal; open: Decimal },
): void {
	if (request.total) {
		json.paidSinceTotal = amount(subtractDecimals(request.total, yuki.open));
		// A different total usually means a credit note or a correction booked in Yuki.
		if (yuki.original) json.totalMatchesYuki = compareDecimals(request.total, yuki.original) === 0;
	}
	if (request.previouslyPaid) {
		json.newlyPaid = amount(subtractDecimals(yuki.paid, request.previouslyPaid));
	}
}

function earliest(dates: Array<string | null>): string | null {
	let first: string | null = null;
	for (const date of dates) if (date && (first === null || date < first)) first = date;
	return first;
}
