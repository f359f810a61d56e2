import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../../../nodes/Yuki/documents/decimal';
import { itemAmounts, yukiMoney } from '../../../../nodes/Yuki/payments/amounts';
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
});
