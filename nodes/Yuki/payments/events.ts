/** The Yuki Trigger's output: one item per detected payment, reopened invoice or newly overdue invoice. */
import type { IDataObject } from 'n8n-workflow';
import type { OutstandingSide } from '../transport/types';
import { amount, currencyOf, ZERO } from './amounts';
import type { Clock } from './dates';
import { daysOverdue, isoDate } from './dates';
import type { MessageStyle } from './messages';
import { DEFAULT_STYLE, overdueMessage, receivedMessage, reopenedMessage } from './messages';
import { NOT_IN_OPEN_ITEMS_NOTE } from './referenceStatus';
import type { PaymentChange } from './snapshot';
import { changeStatus } from './snapshot';

export interface EventContext {
	administrationId: string;
	side: OutstandingSide;
	clock: Clock;
	style?: MessageStyle;
	/** When the trigger recorded the state this poll is compared with (the payment came after it). */
	previousStateRecordedAt?: string;
	/** How a mass disappearance was confirmed before it was reported (payments/confirm.ts). */
	confirmation?: string;
}

export const REOPENED_NOTE =
	'Yuki shows less paid than before: a payment was reversed or a bank match undone. Not a payment: take the amount undone off what your invoicing tool recorded as paid.';

export function paymentEvent(change: PaymentChange, context: EventContext): IDataObject {
	const currency = currencyOf(change.item);
	const style = context.style ?? DEFAULT_STYLE;
	const days = change.leftOpenItems ? 0 : daysOverdue(change.dueDate, context.clock);
	const json: IDataObject = {
		event: change.kind,
		reference: change.reference ?? null,
		status: changeStatus(change),
		amountPaid: amount(change.received),
		openAmount: amount(change.open),
		originalAmount: amount(change.original),
		previousOpenAmount: change.previousOpen ? amount(change.previousOpen) : null,
		currency,
		contact: change.contact ?? null,
		contactCode: change.item?.contactCode || null,
		yukiItemId: change.itemId,
		typeId: change.item?.typeId ?? null,
		invoiceDate: isoDate(change.item?.date),
		dueDate: change.dueDate,
		daysOverdue: days,
		administrationId: context.administrationId,
		side: context.side,
		detectedAt: context.clock.stamp,
		// Yuki reports no payment date on open items: the payment came between these two moments.
		paymentDate: null,
		previousStateRecordedAt: context.previousStateRecordedAt ?? null,
		message: message(change, currency, days, context.clock.today, style),
		leftOpenItems: change.leftOpenItems,
	};
	if (change.kind === 'reopened') {
		json.amountUndone = amount(change.undone ?? ZERO);
		json.note = REOPENED_NOTE;
	}
	if (change.leftOpenItems) {
		json.note = NOT_IN_OPEN_ITEMS_NOTE;
		if (context.confirmation) json.confirmation = context.confirmation;
	}
	if (change.firstPoll) json.firstPoll = true;
	return json;
}

function message(change: PaymentChange, currency: string, days: number, today: string, style: MessageStyle): string {
	switch (change.kind) {
		case 'overdue':
			return overdueMessage(change.reference, change.dueDate ?? '', change.open, currency, days, style);
		case 'reopened':
			return reopenedMessage(change.reference, change.open, change.undone ?? ZERO, currency, today, style);
		default:
			return receivedMessage(change.received, change.open, currency, today, style);
	}
}
