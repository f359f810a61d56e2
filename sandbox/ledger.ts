/**
 * Open items (outstanding debtor and creditor items) and payments on them. Amounts are exact
 * decimals (decimal.ts); a fully paid item stays in the state with OpenAmount 0.00 but drops
 * out of the open lists.
 */
import {
	compareDecimals,
	formatDecimal,
	money,
	parseDecimal,
	subtractDecimals,
} from './documents';
import { outstandingItemAnswer } from './answers/accounting';
import { untypedListStreamed } from './answers/shape';
import type { AnswerRow } from './answers/shape';
import { newGuid } from './ids';
import type { ContactState, OpenItemState, PaymentState, SandboxState, Side } from './state';

export const SORT_ORDERS = ['ContactAsc', 'ContactDesc', 'AmountAsc', 'AmountDesc', 'DateAsc', 'DateDesc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface PaymentOptions {
	side?: Side;
	administrationId?: string;
}

export interface PaymentResult {
	paymentId: string;
	itemId: string;
	administrationId: string;
	side: Side;
	reference: string;
	amount: string;
	openAmount: string;
	originalAmount: string;
	fullyPaid: boolean;
}

export class PaymentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PaymentError';
	}
}

/** Amount in cents; stored amounts are canonical 2-decimal strings, so this is exact and fast. */
function centsOf(amount: string): bigint {
	return /^-?\d+\.\d\d$/.test(amount) ? BigInt(amount.replace('.', '')) : money(amount).units;
}

export function isOpen(item: OpenItemState): boolean {
	return centsOf(item.openAmount) !== 0n;
}

/**
 * Records a payment on the oldest open item with this reference. Several items may share a
 * reference (Yuki allows it across contacts); pass `administrationId` to narrow it down.
 */
export function recordPayment(
	state: SandboxState,
	reference: string,
	amount: string | number,
	options: PaymentOptions,
	now: Date,
): PaymentResult {
	const side = options.side ?? 'debtor';
	const parsed = parseDecimal(amount, 2);
	if (!parsed.ok) throw new PaymentError(`Payment amount ${String(amount)} ${parsed.reason}`);
	if (parsed.value.units <= 0n) throw new PaymentError('Payment amount must be greater than 0');
	const candidates = state.items
		.filter(
			(item) =>
				item.side === side &&
				item.reference === reference &&
				(!options.administrationId || item.administrationId === options.administrationId) &&
				isOpen(item),
		)
		.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
	const item = candidates[0];
	if (!item) throw new PaymentError(`No open ${side} item with reference ${reference}`);
	const open = money(item.openAmount);
	if (compareDecimals(parsed.value, open) > 0) {
		throw new PaymentError(
			`Payment of ${formatDecimal(parsed.value)} is more than the open amount ${item.openAmount} of ${reference}`,
		);
	}
	item.openAmount = formatDecimal(subtractDecimals(open, parsed.value));
	const payment: PaymentState = {
		id: newGuid(),
		itemId: item.id,
		administrationId: item.administrationId,
		side,
		reference,
		amount: formatDecimal(parsed.value),
		at: now.toISOString(),
	};
	state.payments.push(payment);
	return {
		paymentId: payment.id,
		itemId: item.id,
		administrationId: item.administrationId,
		side,
		reference,
		amount: payment.amount,
		openAmount: item.openAmount,
		originalAmount: item.originalAmount,
		fullyPaid: !isOpen(item),
	};
}

/** Sorts with keys computed once per item: lists can hold tens of thousands of items. */
function sortItems(items: OpenItemState[], order: SortOrder, contactName: (item: OpenItemState) => string): OpenItemState[] {
	const direction = order.endsWith('Desc') ? -1 : 1;
	const keyed = items.map((item) => ({ item, name: order.startsWith('Contact') ? contactName(item) : '', cents: centsOf(item.openAmount) }));
	keyed.sort((a, b) => {
		let primary: number;
		if (order.startsWith('Contact')) primary = a.name.localeCompare(b.name);
		else if (order.startsWith('Amount')) primary = a.cents === b.cents ? 0 : a.cents < b.cents ? -1 : 1;
		else primary = a.item.date.localeCompare(b.item.date);
		return (
			direction * primary ||
			a.item.date.localeCompare(b.item.date) ||
			a.item.reference.localeCompare(b.item.reference) ||
			a.item.id.localeCompare(b.item.id)
		);
	});
	return keyed.map((entry) => entry.item);
}

export interface ListQuery {
	administrationIds: string[];
	side: Side;
	sortOrder: SortOrder;
	/** Inclusive invoice-date bounds (YYYY-MM-DD). */
	from?: string;
	to?: string;
}

export function listOpenItems(state: SandboxState, query: ListQuery): OpenItemState[] {
	const contacts = contactIndex(state);
	const admins = new Set(query.administrationIds);
	const open = state.items.filter(
		(item) =>
			admins.has(item.administrationId) &&
			item.side === query.side &&
			isOpen(item) &&
			(!query.from || item.date >= query.from) &&
			(!query.to || item.date <= query.to),
	);
	return sortItems(open, query.sortOrder, (item) => contacts.get(item.contactId)?.fullName ?? '');
}

export function contactIndex(state: SandboxState): Map<string, ContactState> {
	return new Map(state.contacts.map((contact) => [contact.id, contact]));
}

/** One item as a row of `outstandingItemAnswer`, by Yuki's element names. */
function itemRow(item: OpenItemState, contact: ContactState | undefined): AnswerRow {
	const field = (name: string) => contact?.fields[name] ?? '';
	return {
		ID: item.id,
		Date: item.date,
		Description: item.description,
		Contact: contact?.fullName ?? '',
		ContactID: contact?.id ?? '',
		OpenAmount: item.openAmount,
		OriginalAmount: item.originalAmount,
		Type: item.typeText,
		'Type@ID': String(item.typeId),
		Reference: item.reference,
		PaymentReference: item.paymentReference,
		DueDate: item.dueDate,
		PaymentMethod: item.paymentMethod,
		DocumentID: item.documentId,
		ContactCode: contact?.code ?? '',
		CoCNumber: field('CoCNumber'),
		VATNumber: field('VATNumber'),
		AddressLine_1: field('AddressLine_1'),
		AddressLine_2: field('AddressLine_2'),
		Postcode: field('Zipcode'),
		City: field('City'),
		Country: field('CountryCode'),
		RecipientEmail: '',
		EmailWork: field('EmailAddress'),
		EmailHome: '',
		PhoneWork: '',
		PhoneHome: field('PhoneHome'),
	};
}

/** `<Wrapper xmlns=""><Item ID="…">…</Item>…</Wrapper>` in the order of Yuki's examples. */
export function itemsXml(wrapper: string, items: OpenItemState[], contacts: Map<string, ContactState>): string {
	return untypedListStreamed(wrapper, outstandingItemAnswer, items.map((item) => itemRow(item, contacts.get(item.contactId))));
}
