/**
 * Exact decimal arithmetic for money. Amounts never pass through binary floating point on their
 * way into a document: "0.1 + 0.2" must never reach Yuki as 0.30000000000000004.
 * Values are held as a scaled BigInt (units of 10^-scale).
 */

export interface Decimal {
	/** Value in units of 10^-scale. */
	units: bigint;
	scale: number;
}

/** Relative difference still taken for float noise: about 8 units in the last place of a double. */
const FLOAT_NOISE = 2 ** -49;

const PLAIN_DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Why a value is not an acceptable decimal, or the decimal itself. */
export type DecimalParse = { ok: true; value: Decimal } | { ok: false; reason: string };

/**
 * Reads a number or string with at most `decimals` decimals.
 * Strings must use a dot as decimal separator and no thousands separators, because "1.234,5"
 * or "1,234" cannot be read without guessing. A JS number is taken at its shortest exact
 * representation, and float noise (0.1 + 0.2) is rounded away; real over-precision is not.
 */
export function parseDecimal(input: unknown, decimals: number): DecimalParse {
	let text: string;
	if (typeof input === 'number') {
		if (!Number.isFinite(input)) return { ok: false, reason: 'is not a finite number' };
		const rounded = Number(input.toFixed(decimals));
		// Float noise (0.1 + 0.2) is a few units in the last place of a double; genuine extra digits
		// are more, also on large amounts (12345678901.00004 must not become 12345678901.00).
		if (Math.abs(rounded - input) > Math.max(Math.abs(input), 1) * FLOAT_NOISE) {
			return { ok: false, reason: `has more than ${decimals} decimals` };
		}
		text = rounded.toFixed(decimals);
	} else if (typeof input === 'string') {
		text = input.trim();
		if (/[,\s']/.test(text) || /\..*\./.test(text)) {
			return {
				ok: false,
				reason: 'is ambiguous: use a dot as the decimal separator and no thousands separators, e.g. 1234.50',
			};
		}
	} else {
		return { ok: false, reason: 'must be a number or a numeric string' };
	}
	const match = PLAIN_DECIMAL.exec(text);
	if (!match) return { ok: false, reason: 'is not a number' };
	const [, sign, whole, fraction = ''] = match;
	const significantFraction = fraction.replace(/0+$/, '');
	if (significantFraction.length > decimals) {
		return { ok: false, reason: `has more than ${decimals} decimals` };
	}
	const units = BigInt(whole + fraction.padEnd(decimals, '0').slice(0, decimals));
	return { ok: true, value: { units: sign === '-' ? -units : units, scale: decimals } };
}

/** Canonical text with exactly `scale` decimals, as written into documents. */
export function formatDecimal(value: Decimal): string {
	const negative = value.units < 0n;
	const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
	const whole = digits.slice(0, digits.length - value.scale);
	const fraction = digits.slice(digits.length - value.scale);
	return `${negative ? '-' : ''}${whole}${value.scale > 0 ? '.' + fraction : ''}`;
}

/** Parses a canonical decimal string (as produced by `formatDecimal` or found in Yuki's responses). */
export function decimalFromString(text: string, scale: number): Decimal {
	const parsed = parseDecimal(text, Math.max(scale, (text.split('.')[1] ?? '').length));
	if (!parsed.ok) throw new Error(`Not a decimal: ${text}`);
	return rescale(parsed.value, scale);
}

/** Changes the scale, rounding half away from zero when decimals are dropped. */
export function rescale(value: Decimal, scale: number): Decimal {
	if (scale === value.scale) return value;
	if (scale > value.scale) return { units: value.units * 10n ** BigInt(scale - value.scale), scale };
	const divisor = 10n ** BigInt(value.scale - scale);
	const negative = value.units < 0n;
	const magnitude = negative ? -value.units : value.units;
	const rounded = (magnitude + divisor / 2n) / divisor;
	return { units: negative ? -rounded : rounded, scale };
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
	const scale = Math.max(a.scale, b.scale);
	return { units: rescale(a, scale).units + rescale(b, scale).units, scale };
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
	return addDecimals(a, { units: -b.units, scale: b.scale });
}

/** Exact product; its scale is the sum of both scales. */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
	return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compareDecimals(a: Decimal, b: Decimal): number {
	const scale = Math.max(a.scale, b.scale);
	const difference = rescale(a, scale).units - rescale(b, scale).units;
	return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Plain JS number for output items (exact for money amounts of up to 15 significant digits). */
export function decimalToNumber(value: Decimal): number {
	return Number(formatDecimal(value));
}

/** Money amount (2 decimals) from a Yuki or canonical string, e.g. "26.40". */
export function money(text: string): Decimal {
	return decimalFromString(text, 2);
}
