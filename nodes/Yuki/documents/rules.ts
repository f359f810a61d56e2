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

function salesLineFindings(record: NormalisedRecord): RuleFinding[] {
	const lines = Array.isArray(record.invoiceLines) ? record.invoiceLines : [];
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
