/**
 * Payment arithmetic on Yuki's open items. Yuki only reports what is still open, so every paid
 * amount is derived (original − open) and done in exact decimals: 0.1 + 0.2 must stay 0.30.
 */
import type { Decimal } from '../documents/decimal';
import { addDecimals, compareDecimals, decimalToNumber, formatDecimal, money, subtractDecimals } from '../documents/decimal';
import type { OutstandingItem } from '../transport/types';

export type PaymentStatus = 'open' | 'partiallyPaid' | 'paid';

export const ZERO: Decimal = money('0');

/** An amount exactly as `formatDecimal` writes it ("1234.56"): such text can be stored and compared without parsing. */
export const CANONICAL_AMOUNT = /^(?!-0\.00$)-?(0|[1-9]\d*)\.\d\d$/;

/** "1234.56", "-12.30": how Yuki writes amounts [doc: yuki-reference examples]. */
const TWO_DECIMALS = /^(-?)(\d+)\.(\d\d)$/;

/**
 * `money(text)` for an amount as Yuki writes it, without the general parser (which also takes
 * other spellings): the same Decimal, at a fraction of the cost over 100,000 open items.
 */
export function yukiMoney(text: string): Decimal {
	const match = TWO_DECIMALS.exec(text);
	if (!match) return money(text);
	const units = BigInt(match[2] + match[3]);
	return { units: match[1] ? -units : units, scale: 2 };
}

/** Yuki's amounts of one item, exactly as written (falls back to the parsed number). */
export function itemAmounts(item: OutstandingItem): { original: Decimal; open: Decimal } {
	return {
		original: yukiMoney(item.originalAmountText || String(item.originalAmount ?? 0)),
		open: yukiMoney(item.openAmountText || String(item.openAmount ?? 0)),
	};
}

/**
 * Status from what Yuki still has open. A credit note has negative amounts: it is partly
 * settled when its open amount moved towards zero, hence the sign check.
 */
export function statusOf(original: Decimal, open: Decimal): PaymentStatus {
	if (isZero(open)) return 'paid';
	const paid = subtractDecimals(original, open);
	if (isZero(paid) || Math.sign(compareDecimals(paid, ZERO)) !== Math.sign(compareDecimals(original, ZERO))) {
		return 'open';
	}
	return 'partiallyPaid';
}

export function isZero(value: Decimal): boolean {
	return compareDecimals(value, ZERO) === 0;
}

export function sum(values: Decimal[]): Decimal {
	return values.reduce((total, value) => addDecimals(total, value), ZERO);
}

const MAX_EXACT_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

/** A plain number for output items (money amounts keep their 2 decimals exactly). */
export function amount(value: Decimal): number {
	// Cents as an exact double divided by 100 is the double nearest the amount, as reading its
	// text is (both round once, correctly): the same number, without writing the text first.
	if (value.scale === 2 && value.units <= MAX_EXACT_UNITS && value.units >= -MAX_EXACT_UNITS) return Number(value.units) / 100;
	return decimalToNumber(value);
}

/** "26.40": the text used in messages. */
export function amountText(value: Decimal): string {
	return formatDecimal(value);
}

/** Yuki's open item lists carry no currency; a currency given on the item is used when present. */
export function currencyOf(item?: OutstandingItem): string {
	const currency = item?.currency;
	return typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'EUR';
}
