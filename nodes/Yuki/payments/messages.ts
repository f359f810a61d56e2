/**
 * The one-line texts an invoicing tool can put in an invoice's history, in the spirit of
 * Yoobi's "Yuki: Betaling van EUR 26.40 ontvangen op 06-08-2024". The date is the day the
 * check saw the payment: Yuki does not say when it was made.
 */
import type { Decimal } from '../documents/decimal';
import { compareDecimals } from '../documents/decimal';
import type { PaymentStatus } from './amounts';
import { amountText, isZero, ZERO } from './amounts';

export interface PaymentMessageInput {
	status: PaymentStatus;
	/** What is new: paid minus what the caller already recorded (or everything paid). Unknown when undefined. */
	received?: Decimal;
	previouslyPaid?: Decimal;
	open: Decimal;
	currency: string;
	/** `YYYY-MM-DD` of the check. */
	seenOn: string;
	notInOpenItems?: boolean;
}

export function paymentMessage(input: PaymentMessageInput): string {
	const money = (value: Decimal) => `${input.currency} ${amountText(value)}`;
	const stillOpen = input.status === 'partiallyPaid' ? `; ${money(input.open)} still open` : '';
	const gone = input.notInOpenItems ? ' (no longer among Yuki\'s open items)' : '';

	if (input.notInOpenItems && input.received === undefined) {
		return `Yuki: no longer among the open items on ${input.seenOn}: paid, credited or never booked (Yuki does not say which)`;
	}
	const received = input.received ?? ZERO;
	if (compareDecimals(received, ZERO) > 0) {
		return `Yuki: payment of ${money(received)} received, seen on ${input.seenOn}${stillOpen}${gone}`;
	}
	if (input.status === 'open') return `Yuki: no payment received yet; ${money(input.open)} open`;
	if (isZero(received) && input.previouslyPaid) {
		return input.status === 'paid'
			? `Yuki: no new payment; fully paid (${money(input.previouslyPaid)} already recorded)${gone}`
			: `Yuki: no new payment since ${money(input.previouslyPaid)} already recorded; ${money(input.open)} still open`;
	}
	if (isZero(received)) return `Yuki: fully settled, seen on ${input.seenOn}${gone}`;
	// Less paid than recorded: a payment was reversed or re-assigned in Yuki.
	return `Yuki: paid amount went down by ${money(received).replace('-', '')} since the amount recorded, seen on ${input.seenOn}${stillOpen}`;
}

/** The trigger's text for one detected payment. */
export function receivedMessage(received: Decimal, open: Decimal, currency: string, seenOn: string): string {
	const rest = isZero(open) ? '; fully paid' : `; ${currency} ${amountText(open)} still open`;
	return `Yuki: payment of ${currency} ${amountText(received)} received, seen on ${seenOn}${rest}`;
}

/** The trigger's text for an invoice that became overdue. */
export function overdueMessage(reference: string | undefined, dueDate: string, open: Decimal, currency: string, days: number): string {
	const name = reference ? `invoice ${reference}` : 'an open item without reference';
	return `Yuki: ${name} is overdue since ${dueDate} (${days} ${days === 1 ? 'day' : 'days'}); ${currency} ${amountText(open)} open`;
}
