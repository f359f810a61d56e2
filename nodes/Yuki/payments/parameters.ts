/** Parameters the payment operations and the Yuki Trigger share. */
import type { INodeProperties } from 'n8n-workflow';
import type { OutstandingSide, OutstandingSortOrder } from '../transport/types';
import { DATE_FORMATS, LANGUAGES } from './messages';
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

/** The message options Get Status and the Yuki Trigger share (language and date format of `message`). */
export function messageOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Message Language',
			name: 'messageLanguage',
			type: 'options',
			options: LANGUAGES.map((language) => ({ ...language })),
			default: 'en',
			description: 'Language of the one-line "message" for the invoice history, e.g. "Yuki: Betaling van EUR 26.40 ontvangen, gezien op 06-08-2024"',
		},
		{
			displayName: 'Message Date Format',
			name: 'messageDateFormat',
			type: 'options',
			options: DATE_FORMATS.map((format) => ({ ...format })),
			default: 'yyyy-MM-dd',
			description:
				'How dates are written in "message". Yuki gives no payment date: the date is the day the check saw the payment.',
		},
	];
}
