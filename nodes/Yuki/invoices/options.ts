/** The Options of both invoice operations, described once and read once per run. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { optionsCollection } from '../helpers/parameters';
import { runLogOption } from '../helpers/runLog';
import type { InvoiceKind } from './reports';

/**
 * Sales invoices: the switch that lets invoices go without a reference. A parameter of its own,
 * not one of the Options, because the form's Reference field is required or not depending on it
 * (n8n's displayOptions can only depend on top-level parameters).
 */
export const ALLOW_NO_REFERENCE = 'allowNoReference';

export const allowNoReferenceField: INodeProperties = {
	displayName: 'Allow Invoices Without Reference',
	name: ALLOW_NO_REFERENCE,
	type: 'boolean',
	default: false,
	description:
		'Whether to send invoices that have no reference (invoice number). Yuki recognises an invoice it already has only by its number: one without a number that arrives twice (a webhook delivered twice, n8n Retry On Fail) is booked twice. Every such invoice gets a warning.',
};

/** Check Contact Codes: whether each invoice's contact code is looked up in Yuki before sending. */
export type ContactCheck = 'off' | 'warn' | 'fail';

export type MissingContactCode = 'fail' | 'warn' | 'ignore';

export interface InvoiceOptions {
	/** Sales invoices: send invoices without a reference (each gets a warning). */
	allowNoReference: boolean;
	batchSize: number;
	checkContactCodes: ContactCheck;
	dryRun: boolean;
	treatDuplicatesAsSuccess: boolean;
	missingContactCode: MissingContactCode;
	unknownJsonKeys: 'error' | 'ignore';
	disableAutoCorrect: boolean;
}

/**
 * Yuki stops after 6 incorrect invoices in one call and skips the rest; skipped invoices are
 * re-sent automatically, so a large batch only costs an extra call when many are wrong. Sales
 * invoices are small: 50 per call. Purchase invoices carry their PDF (often 1–2 MB): 10 per call
 * keeps each request, and the memory it needs, moderate.
 */
export const DEFAULT_BATCH_SIZE: Record<InvoiceKind, number> = { sales: 50, purchase: 10 };
export const MAX_BATCH_SIZE = 1000;

const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
	default: 50,
	description:
		'How many invoices go to Yuki in one call. Yuki stops after 6 incorrect invoices in a call and skips the rest; the node sends skipped invoices again by itself. Larger batches use fewer of the 1,000 daily calls.',
};

export function invoiceOptionsField(kind: InvoiceKind): INodeProperties {
	const options: INodeProperties[] = [
		{
			...batchSizeOption,
			default: DEFAULT_BATCH_SIZE[kind],
		},
		{
			displayName: 'Check Contact Codes',
			name: 'checkContactCodes',
			type: 'options',
			options: [
				{ name: 'Off', value: 'off', description: 'Send without looking the codes up' },
				{ name: 'Warn', value: 'warn', description: 'Send, and add a warning to invoices whose contact code is not in Yuki' },
				{ name: 'Fail', value: 'fail', description: 'Do not send invoices whose contact code is not in Yuki (or could not be checked)' },
			],
			default: 'off',
			description:
				'Whether to look up each invoice’s contact code in Yuki before sending. Costs 1 call per distinct contact code of the run, plus 1 call to find the domain when the credential has no Domain ID.',
		},
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only check the invoices and show the XML that would be sent, without sending anything to Yuki',
		},
		{
			displayName: 'Treat Duplicates As Success',
			name: 'treatDuplicatesAsSuccess',
			type: 'boolean',
			default: false,
			description:
				'Whether an invoice whose number Yuki already has (e.g. the same webhook delivered twice) gives a normal output item with status "alreadyInYuki" instead of an error',
		},
		...(kind === 'sales'
			? [
					{
						displayName: 'Missing Contact Code',
						name: 'missingContactCode',
						type: 'options',
						options: [
							{ name: 'Fail', value: 'fail', description: 'The item is an error and is not sent' },
							{ name: 'Warn', value: 'warn', description: 'Send it and add a warning to the output item' },
							{ name: 'Ignore', value: 'ignore', description: 'Send it without a warning' },
						],
						default: 'fail',
						description:
							'What to do with an invoice without a contact code (relation number). Without it Yuki matches the customer by name and address and may create a second contact.',
					} satisfies INodeProperties,
				]
			: []),
		{
			displayName: 'Unknown JSON Keys',
			name: 'unknownJsonKeys',
			type: 'options',
			options: [
				{ name: 'Error', value: 'error', description: 'A key the invoice does not know makes the item an error (catches typos)' },
				{ name: 'Ignore', value: 'ignore', description: 'Keys the invoice does not know are left out' },
			],
			default: 'error',
			description: 'What to do with keys in the input JSON that are not invoice fields',
			// Only the JSON source has keys of its own; mapped fields and XML have none to be unknown.
			displayOptions: { show: { '/invoiceSource': ['json'] } },
		},
		...(kind === 'purchase'
			? [
					{
						displayName: 'Disable Auto-Correct',
						name: 'disableAutoCorrect',
						type: 'boolean',
						default: false,
						description:
							"Whether to send Yuki's disableAutoCorrect flag as true. Yuki does not document what it corrects; leave off unless Yuki support asks for it.",
					} satisfies INodeProperties,
				]
			: []),
	];
	return optionsCollection([...options, runLogOption]);
}

/** The run's options (options are not per item: one run is one way of sending). */
export function readInvoiceOptions(this: IExecuteFunctions, kind: InvoiceKind): InvoiceOptions {
	const raw = this.getNodeParameter('options', 0, {}) as Partial<InvoiceOptions>;
	const batchSize = Number(raw.batchSize ?? DEFAULT_BATCH_SIZE[kind]);
	if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
		throw new NodeOperationError(this.getNode(), `Options › Batch Size must be a whole number from 1 to ${MAX_BATCH_SIZE}, not ${String(raw.batchSize)}`);
	}
	return {
		allowNoReference: kind === 'sales' ? this.getNodeParameter(ALLOW_NO_REFERENCE, 0, false) === true : true,
		batchSize,
		checkContactCodes: raw.checkContactCodes ?? 'off',
		dryRun: raw.dryRun === true,
		treatDuplicatesAsSuccess: raw.treatDuplicatesAsSuccess === true,
		missingContactCode: kind === 'sales' ? (raw.missingContactCode ?? 'fail') : 'ignore',
		unknownJsonKeys: raw.unknownJsonKeys ?? 'error',
		disableAutoCorrect: raw.disableAutoCorrect === true,
	};
}
