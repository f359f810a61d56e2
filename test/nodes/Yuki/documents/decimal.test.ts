import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDecimal, parseDecimal } from '../../../../nodes/Yuki/documents/decimal';

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
