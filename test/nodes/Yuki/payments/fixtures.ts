import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutstandingItem } from '../../../../nodes/Yuki/transport/types';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'payments');

export function fixtureOpenItems(): OutstandingItem[] {
	return JSON.parse(readFileSync(join(FIXTURES, 'openItems.json'), 'utf8')) as OutstandingItem[];
}

/** An open sales invoice; amounts as Yuki writes them. */
export function openItem(id: string, reference: string, original: string, open = original, extra: Partial<OutstandingItem> = {}): OutstandingItem {
	return {
		id,
		reference,
		originalAmountText: original,
		openAmountText: open,
		originalAmount: Number(original),
		openAmount: Number(open),
		typeId: 6,
		date: '2024-08-01',
		dueDate: '2024-08-31',
		contact: `Contact of ${reference}`,
		...extra,
	};
}
