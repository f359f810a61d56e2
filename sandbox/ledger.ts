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
} from '../nodes/Yuki/documents/decimal';
import { outstandingItemRecord } from '../nodes/Yuki/transport/responses';
import { newGuid } from './ids';
import type { ContactState, OpenItemState, PaymentState, SandboxState, Side } from './state';
import { escapeXml, leaf } from './xml';

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

/** Values of one item for `outstandingItemRecord`, keyed by its JSON keys. */
function itemValues(item: OpenItemState, contact: ContactState | undefined): Record<string, string> {
	const field = (name: string) => contact?.fields[name] ?? '';
	return {
		date: item.date,
		description: item.description,
		contact: contact?.fullName ?? '',
		contactId: contact?.id ?? '',
		openAmount: item.openAmount,
		originalAmount: item.originalAmount,
		type: item.typeText,
		reference: item.reference,
		paymentReference: item.paymentReference,
		dueDate: item.dueDate,
		paymentMethod: item.paymentMethod,
		documentId: item.documentId,
		contactCode: contact?.code ?? '',
		cocNumber: field('CoCNumber'),
		vatNumber: field('VATNumber'),
		addressLine1: field('AddressLine_1'),
		addressLine2: field('AddressLine_2'),
		postcode: field('Zipcode'),
		city: field('City'),
		country: field('CountryCode'),
		recipientEmail: '',
		emailWork: field('EmailAddress'),
		emailHome: '',
		phoneWork: '',
		phoneHome: field('PhoneHome'),
	};
}

/**
 * `<Wrapper xmlns=""><Item ID="…">…</Item>…</Wrapper>`, elements in the order of the
 * description. Built as one string: a list of 10,000 items is several megabytes.
 */
export function itemsXml(wrapper: string, items: OpenItemState[], contacts: Map<string, ContactState>): string {
	if (items.length === 0) return `<${wrapper} xmlns="" />`;
	const parts: string[] = [`<${wrapper} xmlns="">`];
	for (const item of items) {
		const values = itemValues(item, contacts.get(item.contactId));
		let xml = `<${outstandingItemRecord.record} ID="${escapeXml(item.id)}">`;
		for (const field of outstandingItemRecord.fields) {
			if (field.attribute) continue;
			if (field.key === 'paymentReference' && !values.paymentReference) continue;
			if (field.idAttribute) xml += `<${field.xml} ID="${item.typeId}">${escapeXml(values[field.key])}</${field.xml}>`;
			else xml += leaf(field.xml, values[field.key]);
		}
		parts.push(xml + `</${outstandingItemRecord.record}>`);
	}
	parts.push(`</${wrapper}>`);
	return parts.join('');
}
