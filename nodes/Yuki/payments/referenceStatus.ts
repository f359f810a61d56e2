/**
 * Get Status's answer for one reference, from the open items that match it (none, one or
 * several). Yuki only says what is still open: a reference that is no longer open is reported
 * as paid, with the caveat that credited or never booked invoices look exactly the same.
 */
import type { IDataObject } from 'n8n-workflow';
import type { DateTime } from 'luxon';
import type { Decimal } from '../documents/decimal';
import { compareDecimals, subtractDecimals } from '../documents/decimal';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { amount, currencyOf, isZero, itemAmounts, statusOf, sum, ZERO } from './amounts';
import { dayOf, daysOverdue, isoDate, timestamp } from './dates';
import { paymentMessage } from './messages';
import { openItemJson } from './openItem';
import type { ReferenceRequest } from './references';

export const NOT_IN_OPEN_ITEMS_NOTE =
	'Not among Yuki\'s open items. Yuki only reports what is still open, so a paid invoice, a credited invoice and an invoice that was never booked look the same.';

export interface StatusContext {
	administrationId: string;
	side: OutstandingSide;
	/** The check time in the workflow's time zone: Yuki does not say when a payment was made. */
	now: DateTime;
}

export function referenceStatus(request: ReferenceRequest, matches: OutstandingItem[], context: StatusContext): IDataObject {
	return matches.length === 0 ? notInOpenItems(request, context) : foundStatus(request, matches, context);
}

function foundStatus(request: ReferenceRequest, matches: OutstandingItem[], context: StatusContext): IDataObject {
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
		originalAmount: amount(original),
		openAmount: amount(open),
		paidAmount: amount(paid),
		currency,
		invoiceDate: earliest(matches.map((item) => isoDate(item.date))),
		dueDate,
		daysOverdue: isZero(open) ? 0 : daysOverdue(dueDate, context.now),
		contact: matches.map((item) => item.contact).find(Boolean) ?? null,
		contactCode: matches.map((item) => item.contactCode).find(Boolean) ?? null,
		yukiItemId: first.id,
		typeId: first.typeId ?? null,
		administrationId: context.administrationId,
		side: context.side,
		checkedAt: timestamp(context.now),
		notInOpenItems: false,
		multipleMatches: matches.length > 1,
	};
	addInputComparisons(json, request, { original, paid, open });
	json.message = paymentMessage({
		status,
		received: request.previouslyPaid ? subtractDecimals(paid, request.previouslyPaid) : paid,
		previouslyPaid: request.previouslyPaid,
		open,
		currency,
		seenOn: dayOf(context.now),
	});
	if (matches.length > 1) {
		json.matches = matches.map((item) => openItemJson(item, context));
	}
	return json;
}

function notInOpenItems(request: ReferenceRequest, context: StatusContext): IDataObject {
	const paid = request.total ?? null;
	const json: IDataObject = {
		reference: request.reference,
		status: 'paid',
		originalAmount: paid ? amount(paid) : null,
		openAmount: 0,
		paidAmount: paid ? amount(paid) : null,
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
		checkedAt: timestamp(context.now),
		notInOpenItems: true,
		multipleMatches: false,
		note: NOT_IN_OPEN_ITEMS_NOTE,
	};
	if (paid) addInputComparisons(json, request, { paid, open: ZERO });
	json.message = paymentMessage({
		status: 'paid',
		received: paid ? (request.previouslyPaid ? subtractDecimals(paid, request.previouslyPaid) : paid) : undefined,
		previouslyPaid: request.previouslyPaid,
		open: ZERO,
		currency: 'EUR',
		seenOn: dayOf(context.now),
		notInOpenItems: true,
	});
	return json;
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
	const known = dates.filter((date): date is string => Boolean(date)).sort();
	return known[0] ?? null;
}
