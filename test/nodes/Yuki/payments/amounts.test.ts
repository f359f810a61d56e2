import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decimalToNumber, money } from '../../../../nodes/Yuki/documents/decimal';
import { amount, itemAmounts, yukiMoney } from '../../../../nodes/Yuki/payments/amounts';
import type { OutstandingItem } from '../../../../nodes/Yuki/transport/types';

describe("reading Yuki's amounts", () => {
	it('gives the same decimal as the general parser for every spelling', () => {
		const texts = ['0.00', '-0.00', '26.40', '-26.40', '1000.00', '007.50', '12345678901234.99', '-0.01', '99999999999999999999.99'];
		const otherSpellings = ['26.4', '26', '+26.40', ' 26.40 ', '26.400', '-5', '1e3', '1,234.50', '', 'abc'];
		for (const text of [...texts, ...otherSpellings]) {
			let expected: unknown;
			try {
				expected = money(text);
			} catch (error) {
				assert.throws(() => yukiMoney(text), { message: (error as Error).message }, text);
				continue;
			}
			assert.deepEqual(yukiMoney(text), expected, text);
		}
	});

	it("takes an item's amounts as Yuki wrote them, else the numbers", () => {
		const item = { openAmountText: '10.05', originalAmountText: '121.00', openAmount: 10.05, originalAmount: 121 } as OutstandingItem;
		assert.deepEqual(itemAmounts(item), { open: money('10.05'), original: money('121.00') });
		const withoutText = { openAmountText: '', originalAmountText: '', openAmount: 3.5, originalAmount: 7 } as OutstandingItem;
		assert.deepEqual(itemAmounts(withoutText), { open: money('3.5'), original: money('7') });
	});

	it('gives output amounts as the same number as reading their text', () => {
		const units = [0n, 1n, -1n, 5n, 10n, 99n, 101n, 2640n, -2640n, 12345n, 100000n, 1234567890123n, 9007199254740991n, -9007199254740991n, 9007199254740993n, 10n ** 20n + 1n];
		// Every cent of a range, and a spread of larger amounts.
		for (let cents = -20_000n; cents <= 20_000n; cents++) units.push(cents);
		for (let step = 1n; step < 10n ** 15n; step = step * 7n + 3n) units.push(step, -step);
		for (const value of units) assert.equal(amount({ units: value, scale: 2 }), decimalToNumber({ units: value, scale: 2 }), String(value));
		assert.equal(amount({ units: 12345n, scale: 3 }), 12.345);
	});
});
