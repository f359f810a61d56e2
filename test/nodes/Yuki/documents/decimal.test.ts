import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
	addDecimals,
	compareDecimals,
	decimalFromString,
	decimalToNumber,
	formatDecimal,
	money,
	multiplyDecimals,
	parseDecimal,
	rescale,
	subtractDecimals,
} from '../../../../nodes/Yuki/documents/decimal';

function canonical(input: unknown, decimals: number): string {
	const parsed = parseDecimal(input, decimals);
	if (!parsed.ok) throw new Error(parsed.reason);
	return formatDecimal(parsed.value);
}

describe('decimal', () => {
	it('turns float noise into the exact amount', () => {
		assert.equal(canonical(0.1 + 0.2, 2), '0.30');
		assert.equal(canonical(26.4, 2), '26.40');
		assert.equal(canonical('26.40', 2), '26.40');
		assert.equal(canonical('-13.2', 4), '-13.2000');
	});
	it('rejects ambiguous separators and over-precise values', () => {
		for (const value of ['1.234,5', '1,234', '26,40', '1 000.00', '1.2.3']) {
			const parsed = parseDecimal(value, 2);
			assert.equal(parsed.ok, false, value);
		}
		assert.equal(parseDecimal('26.405', 2).ok, false);
		assert.equal(parseDecimal(26.405, 2).ok, false);
		assert.equal(parseDecimal('26.4000', 2).ok, true);
	});
});

describe('decimal arithmetic', () => {
	const d = (text: string, scale: number) => decimalFromString(text, scale);

	it('keeps amounts beyond float precision exact when given as text', () => {
		assert.equal(canonical('12345678901234567.89', 2), '12345678901234567.89');
		assert.equal(canonical('+5', 2), '5.00');
		assert.equal(canonical('-0.00', 2), '0.00');
		assert.equal(canonical(-0.5, 2), '-0.50');
	});

	it('explains why a value is refused', () => {
		assert.deepEqual(parseDecimal('1,5', 2), { ok: false, reason: 'is ambiguous: use a dot as the decimal separator and no thousands separators, e.g. 1234.50' });
		assert.deepEqual(parseDecimal('abc', 2), { ok: false, reason: 'is not a number' });
		assert.deepEqual(parseDecimal(Number.NaN, 2), { ok: false, reason: 'is not a finite number' });
		assert.deepEqual(parseDecimal(true, 2), { ok: false, reason: 'must be a number or a numeric string' });
		assert.deepEqual(parseDecimal(1.005, 2), { ok: false, reason: 'has more than 2 decimals' });
	});

	it('rounds half away from zero when dropping decimals', () => {
		assert.equal(formatDecimal(rescale(d('2.345', 3), 2)), '2.35');
		assert.equal(formatDecimal(rescale(d('-2.345', 3), 2)), '-2.35');
		assert.equal(formatDecimal(rescale(d('2.3449', 4), 2)), '2.34');
		assert.equal(formatDecimal(rescale(d('7', 0), 2)), '7.00');
	});

	it('adds, subtracts, multiplies and compares exactly', () => {
		assert.equal(formatDecimal(addDecimals(d('0.1', 2), d('0.2', 4))), '0.3000');
		assert.equal(formatDecimal(subtractDecimals(d('26.40', 2), d('30', 2))), '-3.60');
		assert.equal(formatDecimal(rescale(multiplyDecimals(d('3', 4), d('3.3333', 4)), 2)), '10.00');
		assert.equal(compareDecimals(d('1.10', 2), d('1.1', 4)), 0);
		assert.equal(compareDecimals(d('-1', 2), d('0.01', 2)), -1);
		assert.equal(decimalToNumber(money('26.40')), 26.4);
		assert.throws(() => decimalFromString('1,5', 2), /Not a decimal: 1,5/);
	});
});
