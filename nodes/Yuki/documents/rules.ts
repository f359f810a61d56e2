/**
 * Cross-field rules that need arithmetic, kept apart from the field lists so that a document
 * description stays a readable list. All sums are exact decimals (see decimal.ts).
 */
import { compareDecimals, decimalFromString, formatDecimal, multiplyDecimals, rescale, subtractDecimals } from './decimal';
import type { Decimal } from './decimal';
import type { DocumentRule, NormalisedRecord, RuleFinding } from './fields';
import { childPath, entryPath } from './paths';

/** Differences up to one cent are rounding, not mistakes (Yuki and invoicing tools round per line). */
const TOLERANCE: Decimal = { units: 1n, scale: 2 };

function withinTolerance(actual: Decimal, expected: Decimal): boolean {
	const difference = subtractDecimals(actual, expected);
	const magnitude = difference.units < 0n ? { ...difference, units: -difference.units } : difference;
	return compareDecimals(magnitude, TOLERANCE) <= 0;
}

function decimalOf(value: unknown): Decimal | undefined {
	return typeof value === 'string' ? decimalFromString(value, (value.split('.')[1] ?? '').length) : undefined;
}

function lineFindings(line: NormalisedRecord, path: string): RuleFinding[] {
	const product = (line.product ?? {}) as NormalisedRecord;
	const lineAmount = decimalOf(line.lineAmount);
	if (lineAmount === undefined || product.vatIncluded === 'true') return [];
	const findings: RuleFinding[] = [];
	const quantity = decimalOf(line.productQuantity);
	const price = decimalOf(product.salesPrice);
	if (quantity !== undefined && price !== undefined) {
		const expected = rescale(multiplyDecimals(quantity, price), 2);
		if (!withinTolerance(lineAmount, expected)) {
			findings.push({
				path: childPath(path, 'lineAmount'),
				message: `is ${formatDecimal(lineAmount)} but Quantity × Sales Price is ${formatDecimal(expected)} (${line.productQuantity} × ${product.salesPrice} rounded to cents, a difference of at most 0.01 is allowed)`,
			});
		}
	}
	const vatAmount = decimalOf(line.lineVatAmount);
	const percentage = decimalOf(product.vatPercentage);
	if (vatAmount !== undefined && percentage !== undefined) {
		// amount × percentage / 100: shifting the scale by two divides by 100 exactly.
		const product = multiplyDecimals(lineAmount, percentage);
		const expected = rescale({ units: product.units, scale: product.scale + 2 }, 2);
		if (!withinTolerance(vatAmount, expected)) {
			findings.push({
				path: childPath(path, 'lineVatAmount'),
				message: `is ${formatDecimal(vatAmount)} but Line Amount × VAT Percentage / 100 is ${formatDecimal(expected)} (${formatDecimal(lineAmount)} × ${formatDecimal(percentage)} / 100 rounded to cents, a difference of at most 0.01 is allowed)`,
			});
		}
	}
	return findings;
}

/** A canonical decimal as whole units of 10^-scale in a plain number, when that is exact. */
interface SmallDecimal {
	units: number;
	scale: number;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

/**
 * A canonical decimal ("-12.50") read digit by digit into a number (no string or match per value);
 * undefined when not given as text, null when not plain digits or not exact in a number.
 */
function smallDecimalOf(value: unknown): SmallDecimal | undefined | null {
	if (typeof value !== 'string') return undefined;
	const length = value.length;
	let position = value.charCodeAt(0) === 45 ? 1 : 0;
	let units = 0;
	let digits = 0;
	let scale = -1;
	for (; position < length; position++) {
		const code = value.charCodeAt(position);
		if (code === 46 && scale === -1 && digits > 0) scale = 0;
		else if (code >= 48 && code <= 57) {
			units = units * 10 + (code - 48);
			digits++;
			if (scale >= 0) scale++;
		} else return null;
	}
	if (digits === 0 || scale === 0 || !Number.isSafeInteger(units)) return null;
	return { units: value.charCodeAt(0) === 45 ? -units : units, scale: Math.max(scale, 0) };
}

/** `value` at `scale` decimals, rounded half away from zero; null when not exact in a number. */
function smallRescale(value: SmallDecimal, scale: number): number | null {
	if (scale >= value.scale) {
		const units = value.units * (POWERS_OF_TEN[scale - value.scale] ?? Infinity);
		return Number.isSafeInteger(units) ? units : null;
	}
	const divisor = POWERS_OF_TEN[value.scale - scale];
	const magnitude = Math.abs(value.units) + (divisor === undefined ? Infinity : divisor / 2);
	if (!Number.isSafeInteger(magnitude)) return null;
	const rounded = (magnitude - (magnitude % divisor)) / divisor;
	return value.units < 0 ? -rounded : rounded;
}

/** `actual` within a cent of `expected` (both at 2 decimals or more); null when not exact in a number. */
function smallWithinTolerance(actual: SmallDecimal, expectedCents: number): boolean | null {
	const scale = Math.max(actual.scale, 2);
	const a = smallRescale(actual, scale);
	const e = smallRescale({ units: expectedCents, scale: 2 }, scale);
	if (a === null || e === null) return null;
	return Math.abs(a - e) <= POWERS_OF_TEN[scale - 2];
}

/**
 * Whether `actual` is a × b (divided by 10^`extraScale`), rounded to cents, within the tolerance;
 * false also when plain numbers cannot say exactly (the exact check then decides).
 */
function isProductWithinTolerance(actual: SmallDecimal, a: SmallDecimal, b: SmallDecimal, extraScale: number): boolean {
	const units = a.units * b.units;
	if (!Number.isSafeInteger(units)) return false;
	const expected = smallRescale({ units, scale: a.scale + b.scale + extraScale }, 2);
	return expected !== null && smallWithinTolerance(actual, expected) === true;
}

/**
 * Whether a line surely passes, worked out in plain numbers (the common case: amounts far below
 * 2^53 units). Anything else, a finding or a value too large to be exact, goes to the exact
 * decimal check, which also words the findings.
 */
function linePassesQuickly(line: NormalisedRecord): boolean {
	const product = (line.product ?? {}) as NormalisedRecord;
	const lineAmount = smallDecimalOf(line.lineAmount);
	if (lineAmount === null) return false;
	if (lineAmount === undefined || product.vatIncluded === 'true') return true;
	const quantity = smallDecimalOf(line.productQuantity);
	const price = smallDecimalOf(product.salesPrice);
	if (quantity === null || price === null) return false;
	if (quantity !== undefined && price !== undefined && !isProductWithinTolerance(lineAmount, quantity, price, 0)) return false;
	const vatAmount = smallDecimalOf(line.lineVatAmount);
	const percentage = smallDecimalOf(product.vatPercentage);
	if (vatAmount === null || percentage === null) return false;
	// amount × percentage / 100: two more decimals divide by 100 exactly.
	if (vatAmount !== undefined && percentage !== undefined && !isProductWithinTolerance(vatAmount, lineAmount, percentage, 2)) return false;
	return true;
}

function salesLineFindings(record: NormalisedRecord): RuleFinding[] {
	const lines = Array.isArray(record.invoiceLines) ? record.invoiceLines : [];
	if (lines.every(linePassesQuickly)) return [];
	return lines.flatMap((line, index) => lineFindings(line, entryPath('invoiceLines', index)));
}

/** Sales lines that state their amounts must agree with their own quantity, price and VAT. */
export const salesLineTotalsRule: DocumentRule = {
	description:
		'Line totals: when a line gives Line Amount and its product is priced excluding VAT (VAT Included not true), Line Amount must equal Quantity × Sales Price rounded to cents, and Line VAT Amount (when given) must equal Line Amount × VAT Percentage / 100 rounded to cents, each within 0.01 (our own check against mapping mistakes; how Yuki rounds is not published)',
	field: 'invoiceLines.lineAmount',
	findAll: salesLineFindings,
	check(record) {
		const [first] = salesLineFindings(record);
		return first ? `${first.path}: ${first.message}` : undefined;
	},
};
