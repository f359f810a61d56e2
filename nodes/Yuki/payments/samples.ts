/**
 * "Fetch Test Event" for the Yuki Trigger: real data from the administration, shaped exactly
 * like the events a poll emits and marked `sample: true`, so that a workflow can be built
 * before the next real payment arrives. The snapshot is not touched.
 */
import type { IDataObject } from 'n8n-workflow';
import { subtractDecimals } from '../documents/decimal';
import type { OutstandingItem } from '../transport/types';
import { isZero, itemAmounts, statusOf, ZERO } from './amounts';
import type { EventContext } from './events';
import { paymentEvent } from './events';
import { isoDate } from './dates';
import type { PaymentChange } from './snapshot';
import { itemKey } from './snapshot';

export const SAMPLE_COUNT = 3;

/**
 * What the next poll would emit if there is anything; else the most recent partly paid items as
 * payments; else the most recent open items as if they had just been paid in full.
 */
export function sampleEvents(pending: IDataObject[], openItems: OutstandingItem[], context: EventContext): IDataObject[] {
	if (pending.length > 0) return pending.slice(0, SAMPLE_COUNT).map((event) => ({ ...event, sample: true }));
	const newestFirst = [...openItems].sort((a, b) => (isoDate(b.date) ?? '').localeCompare(isoDate(a.date) ?? ''));
	const partlyPaid = newestFirst.filter((item) => {
		const { original, open } = itemAmounts(item);
		return statusOf(original, open) === 'partiallyPaid';
	});
	if (partlyPaid.length > 0) {
		return partlyPaid.slice(0, SAMPLE_COUNT).map((item) => ({
			...paymentEvent(change(item, false), context),
			sample: true,
			sampleNote: 'A real partly paid invoice: the amount paid so far is shown as the payment.',
		}));
	}
	return newestFirst
		.filter((item) => !isZero(itemAmounts(item).open))
		.slice(0, SAMPLE_COUNT)
		.map((item) => ({
			...paymentEvent(change(item, true), context),
			sample: true,
			sampleNote: 'A real open invoice, shown as if it had just been paid in full.',
		}));
}

function change(item: OutstandingItem, asIfPaidInFull: boolean): PaymentChange {
	const { original, open } = itemAmounts(item);
	return {
		kind: 'payment',
		itemId: itemKey(item),
		reference: item.reference,
		contact: item.contact,
		item,
		original,
		open: asIfPaidInFull ? ZERO : open,
		previousOpen: asIfPaidInFull ? open : original,
		received: asIfPaidInFull ? open : subtractDecimals(original, open),
		dueDate: isoDate(item.dueDate),
		leftOpenItems: asIfPaidInFull,
		firstPoll: false,
	};
}
