/**
 * The one-line texts an invoicing tool can put in an invoice's history, in the spirit of
 * Yoobi's "Yuki: Betaling van EUR 26.40 ontvangen op 06-08-2024.", in English or Dutch and with
 * the date format the user picks.
 *
 * The date in a message is the day the check SAW the payment: Yuki's open items carry no payment
 * date [doc: yuki-api "Outstanding items"; the Item fields are Date (invoice date), DueDate, no
 * payment date], so the moment a payment was made or booked cannot be known from them. Hence
 * "seen on" / "gezien op", never "paid on".
 */
import type { Decimal } from '../documents/decimal';
import { compareDecimals } from '../documents/decimal';
import type { PaymentStatus } from './amounts';
import { amountText, isZero, ZERO } from './amounts';

export const LANGUAGES = [
	{ name: 'English', value: 'en' },
	{ name: 'Dutch (Nederlands)', value: 'nl' },
] as const;
export type MessageLanguage = (typeof LANGUAGES)[number]['value'];

export const DATE_FORMATS = [
	{ name: '2024-08-06 (ISO)', value: 'yyyy-MM-dd' },
	{ name: '06-08-2024 (as Yoobi Writes It)', value: 'dd-MM-yyyy' },
	{ name: '06/08/2024', value: 'dd/MM/yyyy' },
	{ name: '08/06/2024', value: 'MM/dd/yyyy' },
	{ name: '6 August 2024 (6 Augustus 2024)', value: 'd MMMM yyyy' },
] as const;
export type MessageDateFormat = (typeof DATE_FORMATS)[number]['value'];

export interface MessageStyle {
	language: MessageLanguage;
	dateFormat: MessageDateFormat;
}

export const DEFAULT_STYLE: MessageStyle = { language: 'en', dateFormat: 'yyyy-MM-dd' };

const MONTHS: Record<MessageLanguage, string[]> = {
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
	nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};

/** A `YYYY-MM-DD` day in the chosen format (text arithmetic: called once per message, no luxon). */
export function formatDay(isoDay: string, style: MessageStyle): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
	if (!match) return isoDay;
	const [, year, month, day] = match;
	switch (style.dateFormat) {
		case 'dd-MM-yyyy':
			return `${day}-${month}-${year}`;
		case 'dd/MM/yyyy':
			return `${day}/${month}/${year}`;
		case 'MM/dd/yyyy':
			return `${month}/${day}/${year}`;
		case 'd MMMM yyyy':
			return `${Number(day)} ${MONTHS[style.language][Number(month) - 1]} ${year}`;
		default:
			return isoDay;
	}
}

/** Reads the style from a node's options; unknown values fall back to the defaults. */
export function messageStyle(options: { messageLanguage?: unknown; messageDateFormat?: unknown }): MessageStyle {
	const language = LANGUAGES.find((entry) => entry.value === options.messageLanguage)?.value ?? DEFAULT_STYLE.language;
	const dateFormat = DATE_FORMATS.find((entry) => entry.value === options.messageDateFormat)?.value ?? DEFAULT_STYLE.dateFormat;
	return { language, dateFormat };
}

export interface PaymentMessageInput {
	status: PaymentStatus;
	/** What is new: paid minus what the caller already recorded (or everything paid). */
	received: Decimal;
	previouslyPaid?: Decimal;
	open: Decimal;
	currency: string;
	/** `YYYY-MM-DD` of the check. */
	seenOn: string;
	/** Paid because it left the open items after the node saw it open (paid or credited in full). */
	leftOpenItems?: boolean;
}

type Texts = {
	received: (money: string, day: string) => string;
	stillOpen: (money: string) => string;
	gone: string;
	noPaymentYet: (open: string) => string;
	noNewFullyPaid: (recorded: string) => string;
	noNewStillOpen: (recorded: string, open: string) => string;
	settled: (day: string) => string;
	wentDown: (money: string, day: string) => string;
	notFound: (reference: string, day: string) => string;
	overdue: (name: string, due: string, days: number, open: string) => string;
	invoice: (reference: string | undefined) => string;
	reopened: (name: string, day: string, open: string, undone: string) => string;
	fullyPaid: string;
};

const TEXTS: Record<MessageLanguage, Texts> = {
	en: {
		received: (money, day) => `Yuki: payment of ${money} received, seen on ${day}`,
		stillOpen: (money) => `; ${money} still open`,
		gone: '; no longer among the open items (paid or credited in full: Yuki does not say which)',
		noPaymentYet: (open) => `Yuki: no payment received yet; ${open} open`,
		noNewFullyPaid: (recorded) => `Yuki: no new payment; fully paid (${recorded} already recorded)`,
		noNewStillOpen: (recorded, open) => `Yuki: no new payment since ${recorded} already recorded; ${open} still open`,
		settled: (day) => `Yuki: fully settled, seen on ${day}`,
		wentDown: (money, day) => `Yuki: paid amount went down by ${money} since the amount recorded, seen on ${day}`,
		notFound: (reference, day) =>
			`Yuki: ${reference} is not among the open items (checked on ${day}) and was never seen open here: not known to be paid. Check it in Yuki: it may have been paid before the first check, credited, not booked, or booked in another administration`,
		overdue: (name, due, days, open) => `Yuki: ${name} is overdue since ${due} (${days} ${days === 1 ? 'day' : 'days'}); ${open} open`,
		invoice: (reference) => (reference ? `invoice ${reference}` : 'an open item without reference'),
		reopened: (name, day, open, undone) => `Yuki: ${name} is open again, seen on ${day}: ${open} open; ${undone} of earlier payments undone in Yuki`,
		fullyPaid: '; fully paid',
	},
	nl: {
		received: (money, day) => `Yuki: Betaling van ${money} ontvangen, gezien op ${day}`,
		stillOpen: (money) => `; ${money} staat nog open`,
		gone: '; niet meer bij de openstaande posten (betaald of volledig gecrediteerd: Yuki zegt niet welke)',
		noPaymentYet: (open) => `Yuki: nog geen betaling ontvangen; ${open} staat open`,
		noNewFullyPaid: (recorded) => `Yuki: geen nieuwe betaling; volledig betaald (${recorded} al verwerkt)`,
		noNewStillOpen: (recorded, open) => `Yuki: geen nieuwe betaling sinds ${recorded} al verwerkt; ${open} staat nog open`,
		settled: (day) => `Yuki: volledig voldaan, gezien op ${day}`,
		wentDown: (money, day) => `Yuki: betaald bedrag ${money} lager dan het verwerkte bedrag, gezien op ${day}`,
		notFound: (reference, day) =>
			`Yuki: ${reference} staat niet bij de openstaande posten (gecontroleerd op ${day}) en is hier nooit open gezien: niet bekend als betaald. Controleer in Yuki: mogelijk betaald vóór de eerste controle, gecrediteerd, niet geboekt of in een andere administratie geboekt`,
		overdue: (name, due, days, open) => `Yuki: ${name} is vervallen sinds ${due} (${days} ${days === 1 ? 'dag' : 'dagen'}); ${open} staat open`,
		invoice: (reference) => (reference ? `factuur ${reference}` : 'een openstaande post zonder referentie'),
		reopened: (name, day, open, undone) => `Yuki: ${name} staat weer open, gezien op ${day}: ${open} staat open; ${undone} aan eerdere betalingen teruggedraaid in Yuki`,
		fullyPaid: '; volledig betaald',
	},
};

function moneyText(value: Decimal, currency: string): string {
	return `${currency} ${amountText(value)}`;
}

/** Get Status's message for an invoice Yuki shows (open, partly paid, paid). */
export function paymentMessage(input: PaymentMessageInput, style: MessageStyle = DEFAULT_STYLE): string {
	const texts = TEXTS[style.language];
	const { received, currency } = input;
	const day = formatDay(input.seenOn, style);
	const stillOpen = input.status === 'partiallyPaid' ? texts.stillOpen(moneyText(input.open, currency)) : '';
	const gone = input.leftOpenItems ? texts.gone : '';

	if (compareDecimals(received, ZERO) > 0) return `${texts.received(moneyText(received, currency), day)}${stillOpen}${gone}`;
	if (input.status === 'open') return texts.noPaymentYet(moneyText(input.open, currency));
	if (isZero(received) && input.previouslyPaid) {
		return input.status === 'paid'
			? `${texts.noNewFullyPaid(moneyText(input.previouslyPaid, currency))}${gone}`
			: texts.noNewStillOpen(moneyText(input.previouslyPaid, currency), moneyText(input.open, currency));
	}
	if (isZero(received)) return `${texts.settled(day)}${gone}`;
	// Less paid than recorded: a payment was reversed or re-assigned in Yuki.
	return `${texts.wentDown(moneyText(received, currency).replace('-', ''), day)}${stillOpen}`;
}

/** Get Status's message for a reference without evidence of payment. */
export function notFoundMessage(reference: string, seenOn: string, style: MessageStyle = DEFAULT_STYLE): string {
	return TEXTS[style.language].notFound(reference, formatDay(seenOn, style));
}

/** The trigger's text for one detected payment. */
export function receivedMessage(received: Decimal, open: Decimal, currency: string, seenOn: string, style: MessageStyle = DEFAULT_STYLE): string {
	const texts = TEXTS[style.language];
	const rest = isZero(open) ? texts.fullyPaid : texts.stillOpen(moneyText(open, currency));
	return `${texts.received(moneyText(received, currency), formatDay(seenOn, style))}${rest}`;
}

/** The trigger's text for an invoice that became overdue. */
export function overdueMessage(
	reference: string | undefined,
	dueDate: string,
	open: Decimal,
	currency: string,
	days: number,
	style: MessageStyle = DEFAULT_STYLE,
): string {
	const texts = TEXTS[style.language];
	return texts.overdue(texts.invoice(reference), formatDay(dueDate, style), days, moneyText(open, currency));
}

/** The trigger's text for an invoice that is open again (a payment reversed or a bank match undone). */
export function reopenedMessage(
	reference: string | undefined,
	open: Decimal,
	undone: Decimal,
	currency: string,
	seenOn: string,
	style: MessageStyle = DEFAULT_STYLE,
): string {
	const texts = TEXTS[style.language];
	return texts.reopened(texts.invoice(reference), formatDay(seenOn, style), moneyText(open, currency), moneyText(undone, currency));
}
