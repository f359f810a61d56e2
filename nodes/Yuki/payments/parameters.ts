/** Parameters the payment operations and the Yuki Trigger share. */
import type { INodeProperties } from 'n8n-workflow';
import type { OutstandingSide, OutstandingSortOrder } from '../transport/types';
import { PaymentInputError } from './references';

export const SIDES: ReadonlyArray<{ name: string; value: OutstandingSide; description: string }> = [
	{ name: 'Sales Invoices (Debtors)', value: 'debtor', description: 'What customers still owe you' },
	{ name: 'Purchase Invoices (Creditors)', value: 'creditor', description: 'What you still owe suppliers' },
];

export function sideField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Side',
		name: 'side',
		type: 'options',
		options: SIDES.map((side) => ({ ...side })),
		default: 'debtor',
		description: 'Which open items to look at',
		...extra,
	};
}

export const SORT_ORDERS: ReadonlyArray<{ name: string; value: OutstandingSortOrder }> = [
	{ name: 'Amount (Ascending)', value: 'AmountAsc' },
	{ name: 'Amount (Descending)', value: 'AmountDesc' },
	{ name: 'Contact (A to Z)', value: 'ContactAsc' },
	{ name: 'Contact (Z to A)', value: 'ContactDesc' },
	{ name: 'Date (Newest First)', value: 'DateDesc' },
	{ name: 'Date (Oldest First)', value: 'DateAsc' },
];

/** The side as given (an expression may produce anything). */
export function readSide(value: unknown): OutstandingSide {
	if (value === 'debtor' || value === 'creditor') return value;
	throw new PaymentInputError('side', `"side" must be "debtor" (sales invoices) or "creditor" (purchase invoices), not ${JSON.stringify(value)}`);
}
