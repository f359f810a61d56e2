/** The Yuki Trigger's output: one item per detected payment or newly overdue invoice. */
import type { IDataObject } from 'n8n-workflow';
import type { DateTime } from 'luxon';
import type { OutstandingSide } from '../transport/types';
import { amount, currencyOf } from './amounts';
import { dayOf, daysOverdue, isoDate, timestamp } from './dates';
import { overdueMessage, receivedMessage } from './messages';
import { NOT_IN_OPEN_ITEMS_NOTE } from './referenceStatus';
import type { PaymentChange } from './snapshot';
import { changeStatus } from './snapshot';

export interface EventContext {
	administrationId: string;
	side: OutstandingSide;
	now: DateTime;
	/** When the trigger recorded the state this poll is compared with (the payment came after it). */
	previousStateRecordedAt?: string;
}

export function paymentEvent(change: PaymentChange, context: EventContext): IDataObject {
	const currency = currencyOf(change.item);
	const days = change.leftOpenItems ? 0 : daysOverdue(change.dueDate, context.now);
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
		detectedAt: timestamp(context.now),
		previousStateRecordedAt: context.previousStateRecordedAt ?? null,
		message:
			change.kind === 'overdue'
				? overdueMessage(change.reference, change.dueDate ?? '', change.open, currency, days)
				: receivedMessage(change.received, change.open, currency, dayOf(context.now)),
		leftOpenItems: change.leftOpenItems,
	};
	if (change.leftOpenItems) json.note = NOT_IN_OPEN_ITEMS_NOTE;
	if (change.firstPoll) json.firstPoll = true;
	return json;
}
