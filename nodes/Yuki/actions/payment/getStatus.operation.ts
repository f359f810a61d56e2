/**
 * Payment → Get Status: the payment status of invoices by reference. Asks Yuki as little as
 * possible: references are grouped per administration and side, and each group costs one list
 * call (or, for a single reference, one small check call).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { administrationField, optionsCollection } from '../../shared/parameters';
import { runLogOption } from '../../shared/runLog';
import { nowIn } from '../../payments/dates';
import type { LookupStrategy } from '../../payments/matching';
import { chooseStrategy, indexByReference, matchingItems, referenceKey } from '../../payments/matching';
import { readSide, sideField } from '../../payments/parameters';
import { referenceStatus } from '../../payments/referenceStatus';
import type { ReferenceRequest } from '../../payments/references';
import { parseReferenceList, referenceRequest } from '../../payments/references';
import type { RunContext } from '../../shared/runContext';
import { administrationFor, toNodeError } from '../../shared/runContext';
import type { OutstandingItem, OutstandingSide, YukiApi } from '../../transport/types';
import { failedItem, inputError, resultItem } from './outcome';
import { simplifyField } from '../../shared/presentation';

export { simplifyStatus as simplify } from './simplify';

const displayOptions = { show: { resource: ['payment'], operation: ['getStatus'] } };

const properties: INodeProperties[] = [
	sideField({ description: 'Sales invoices are looked up among the debtor items, purchase invoices among the creditor items' }),
	administrationField(displayOptions),
	{
		displayName: 'Input',
		name: 'referenceSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One Reference per Item', value: 'perItem', description: 'Each input item is one invoice' },
			{ name: 'A List of References', value: 'list', description: 'Each input item holds a list; one output item per reference' },
		],
		default: 'perItem',
		description: 'Whether each input item is one invoice, or carries a list of invoice references'
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.invoiceNumber }}',
		description: 'The invoice reference as booked in Yuki (usually the invoice number)',
		displayOptions: { show: { referenceSource: ['perItem'] } },
	},
	{
		displayName: 'Invoice Total',
		name: 'total',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.total }}',
		description:
			'Optional: the invoice total your invoicing tool knows. Gives "paidSinceTotal", and the paid amount of an invoice that is no longer open in Yuki.',
		displayOptions: { show: { referenceSource: ['perItem'] } },
	},
	{
		displayName: 'Previously Paid',
		name: 'previouslyPaid',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.amountPaid }}',
		description: 'Optional: what your invoicing tool already recorded as paid, so that only a new payment is reported',
		displayOptions: { show: { referenceSource: ['perItem'] } },
	},
	{
		displayName: 'References',
		name: 'references',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'e.g. 2024-0012, 2024-0013 or {{ $json.invoiceNumbers }}',
		description:
			'Invoice references separated by commas or new lines, or an array expression. Array entries may also be objects with "reference", "total" and "previouslyPaid".',
		displayOptions: { show: { referenceSource: ['list'] } },
	},
	simplifyField,
	optionsCollection([
		runLogOption,
		{
			displayName: 'Ignore Case',
			name: 'caseInsensitive',
			type: 'boolean',
			default: false,
			description: 'Whether "inv-1" matches a Yuki reference "INV-1" (references are always compared without surrounding spaces)',
		},
		{
			displayName: 'Lookup Strategy',
			name: 'strategy',
			type: 'options',
			options: [
				{
					name: 'Auto (Fewest Calls)',
					value: 'auto',
					description: 'One check call for a single reference, otherwise one list call per administration and side',
				},
				{
					name: 'List Once',
					value: 'listOnce',
					description: 'One call per administration and side for any number of references; the answer holds every open item',
				},
				{
					name: 'Check Each Reference',
					value: 'perReference',
					description: 'One small call per reference',
				},
			],
			default: 'auto',
			description: "How to ask Yuki; every call counts towards the domain's daily quota",
		},
	]),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** One reference of one input item, with where it is looked up. */
interface Lookup {
	itemIndex: number;
	request: ReferenceRequest;
	administrationId: string;
	side: OutstandingSide;
}

interface Options {
	caseInsensitive?: boolean;
	strategy?: LookupStrategy;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as Options;
	const caseInsensitive = options.caseInsensitive === true;
	const now = nowIn(this.getTimezone());

	// Read every item first, so that bad input stops the run before any quota is spent.
	const lookupsByItem: Lookup[][] = [];
	const inputErrors = new Map<number, NodeApiError | NodeOperationError>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			lookupsByItem[itemIndex] = readLookups.call(this, context, itemIndex);
		} catch (error) {
			const nodeError = inputError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			inputErrors.set(itemIndex, nodeError);
		}
	}

	const lookups = lookupsByItem.flat();
	const answers = await lookUp.call(this, context.yuki, lookups, options.strategy ?? 'auto', caseInsensitive);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const inputFailure = inputErrors.get(itemIndex);
		if (inputFailure) {
			output.push(failedItem.call(this, inputFailure, itemIndex));
			continue;
		}
		for (const lookup of lookupsByItem[itemIndex] ?? []) {
			const answer = answers.get(lookup);
			if (answer instanceof Error) {
				output.push(
					failedItem.call(this, answer, itemIndex, {
						reference: lookup.request.reference,
						administrationId: lookup.administrationId,
						side: lookup.side,
					}),
				);
			} else {
				const { administrationId, side } = lookup;
				output.push(resultItem(referenceStatus(lookup.request, answer ?? [], { administrationId, side, now }), itemIndex));
			}
		}
	}
	return output;
}

function readLookups(this: IExecuteFunctions, context: RunContext, itemIndex: number): Lookup[] {
	const side = readSide(this.getNodeParameter('side', itemIndex));
	const administrationId = administrationFor.call(this, context, itemIndex);
	const source = this.getNodeParameter('referenceSource', itemIndex, 'perItem') as string;
	const requests =
		source === 'list'
			? parseReferenceList(this.getNodeParameter('references', itemIndex, ''), 'references')
			: [
					referenceRequest(
						this.getNodeParameter('reference', itemIndex, ''),
						this.getNodeParameter('total', itemIndex, ''),
						this.getNodeParameter('previouslyPaid', itemIndex, ''),
					),
				];
	return requests.map((request) => ({ itemIndex, request, administrationId, side }));
}

/**
 * The matching open items of every lookup, or the error that prevented the answer. One group per
 * administration and side; the strategy is chosen per group by its number of distinct references.
 */
async function lookUp(
	this: IExecuteFunctions,
	yuki: YukiApi,
	lookups: Lookup[],
	strategy: LookupStrategy,
	caseInsensitive: boolean,
): Promise<Map<Lookup, OutstandingItem[] | NodeApiError | NodeOperationError>> {
	const answers = new Map<Lookup, OutstandingItem[] | NodeApiError | NodeOperationError>();
	const groups = new Map<string, Lookup[]>();
	for (const lookup of lookups) {
		const key = JSON.stringify([lookup.administrationId, lookup.side]);
		groups.set(key, [...(groups.get(key) ?? []), lookup]);
	}
	for (const group of groups.values()) {
		const { administrationId, side, itemIndex } = group[0];
		const distinct = new Map<string, Lookup[]>();
		for (const lookup of group) {
			const key = referenceKey(lookup.request.reference, caseInsensitive);
			distinct.set(key, [...(distinct.get(key) ?? []), lookup]);
		}

		if (chooseStrategy(strategy, distinct.size, caseInsensitive) === 'listOnce') {
			try {
				const openItems = await yuki.outstandingItems(side, administrationId, { includeBankTransactions: false, sortOrder: 'DateAsc' });
				const index = indexByReference(openItems, caseInsensitive);
				for (const [key, sameReference] of distinct) {
					for (const lookup of sameReference) answers.set(lookup, index.get(key) ?? []);
				}
			} catch (error) {
				const nodeError = toNodeError.call(this, error, itemIndex);
				for (const lookup of group) answers.set(lookup, nodeError);
			}
			continue;
		}

		for (const sameReference of distinct.values()) {
			const { reference } = sameReference[0].request;
			try {
				const checked = await yuki.checkOutstandingItem(administrationId, reference);
				const matches = matchingItems(checked, reference, side, caseInsensitive);
				for (const lookup of sameReference) answers.set(lookup, matches);
			} catch (error) {
				const nodeError = toNodeError.call(this, error, sameReference[0].itemIndex);
				for (const lookup of sameReference) answers.set(lookup, nodeError);
			}
		}
	}
	return answers;
}
