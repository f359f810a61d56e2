/**
 * Payment → Get Status: the payment status of invoices by reference. Asks Yuki as little as
 * possible: references are grouped per administration and side, and each group costs one list
 * call (or, for a single reference, one small check call). "paid" only on evidence
 * (payments/referenceStatus.ts); a reference without evidence is `notFound`.
 *
 * Calls per administration and side: 1 (list) or 1 per distinct reference (check); plus, only
 * when asked, 1 per absent reference confirmed one by one (at most "Confirm Absent References");
 * plus, only when most remembered open invoices vanish at once, at most 4 (payments/confirm.ts).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { administrationField, optionsCollection } from '../../helpers/parameters';
import { runLogOption } from '../../helpers/runLog';
import type { LookupStrategy } from '../../payments/matching';
import type { MessageStyle } from '../../payments/messages';
import { messageStyle } from '../../payments/messages';
import { messageOptions, readSide, sideField } from '../../payments/parameters';
import { parseReferenceList, referenceRequest } from '../../payments/references';
import type { RunContext } from '../../helpers/runContext';
import { administrationFor, chosenAdministration } from '../../helpers/runContext';
import { locatorValuePerItem, parameterPerItem } from '../../helpers/itemParameters';
import { handleItemError, resultItem } from '../../helpers/items';
import { paymentItemError } from './outcome';
import { simplifyField } from '../../helpers/presentation';
import type { Answer, Lookup, LookupRun } from './statusLookup';
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
			displayName: 'Confirm Absent References (Calls)',
			name: 'confirmAbsent',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				"How many references that are not among the open items and were never seen open by this node to check one by one with Yuki (one call each, from the domain's 1,000 a day). Yuki listing one with OpenAmount 0 proves it paid; otherwise it stays \"notFound\".",
		},
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
		...messageOptions(),
	]),
];

export const description = updateDisplayOptions(displayOptions, properties);

interface Options {
	caseInsensitive?: boolean;
	strategy?: LookupStrategy;
	confirmAbsent?: number;
	messageLanguage?: string;
	messageDateFormat?: string;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { clockIn } = await import('../../payments/dates');
	const { referenceStatus } = await import('../../payments/referenceStatus');
	const { lookUp } = await import('./statusLookup');
	const options = this.getNodeParameter('options', 0, {}) as Options;
	const caseInsensitive = options.caseInsensitive === true;
	// `now` does not change within a run: every date derived from it is computed once.
	const clock = clockIn(this.getTimezone());
	const style: MessageStyle = messageStyle(options);

	// Read every item first, so that bad input stops the run before any quota is spent.
	const lookupsByItem: Lookup[][] = [];
	const inputErrors = new Map<number, NodeApiError | NodeOperationError>();
	const parameters = lookupParameters.call(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			lookupsByItem[itemIndex] = readLookups.call(this, context, parameters, itemIndex);
		} catch (error) {
			const nodeError = paymentItemError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			inputErrors.set(itemIndex, nodeError);
		}
	}

	const run: LookupRun = {
		yuki: context.yuki,
		strategy: options.strategy ?? 'auto',
		caseInsensitive,
		confirmBudget: { left: Math.max(0, Math.floor(Number(options.confirmAbsent) || 0)) },
		clock,
		staticData: this.getWorkflowStaticData('node'),
	};
	const answers = await lookUp.call(this, run, lookupsByItem);

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const inputFailure = inputErrors.get(itemIndex);
		if (inputFailure) {
			output.push(handleItemError(this, inputFailure, itemIndex));
			continue;
		}
		for (const lookup of lookupsByItem[itemIndex] ?? []) {
			const answer = answers.get(lookup) as Answer;
			const { administrationId, side } = lookup;
			if (answer instanceof Error) {
				output.push(handleItemError(this, answer, itemIndex, { reference: lookup.request.reference, administrationId, side }));
			} else {
				output.push(resultItem(referenceStatus(lookup.request, answer, { administrationId, side, clock, style }), itemIndex));
			}
		}
	}
	return output;
}

/** The parameters that say what each item asks: read once when fixed, per item when an expression. */
interface LookupParameters {
	side: (itemIndex: number) => unknown;
	administrationId: (itemIndex: number) => unknown;
	referenceSource: (itemIndex: number) => unknown;
	reference: (itemIndex: number) => unknown;
	total: (itemIndex: number) => unknown;
	previouslyPaid: (itemIndex: number) => unknown;
	references: (itemIndex: number) => unknown;
}

function lookupParameters(this: IExecuteFunctions): LookupParameters {
	return {
		side: parameterPerItem(this, 'side'),
		administrationId: locatorValuePerItem(this, 'administrationId'),
		referenceSource: parameterPerItem(this, 'referenceSource', 'perItem'),
		reference: parameterPerItem(this, 'reference', ''),
		total: parameterPerItem(this, 'total', ''),
		previouslyPaid: parameterPerItem(this, 'previouslyPaid', ''),
		references: parameterPerItem(this, 'references', ''),
	};
}

function readLookups(this: IExecuteFunctions, context: RunContext, parameters: LookupParameters, itemIndex: number): Lookup[] {
	const side = readSide(parameters.side(itemIndex));
	// The usual case without a second read; administrationFor says what is missing otherwise.
	const administrationId =
		chosenAdministration(parameters.administrationId(itemIndex), context.credentials) || administrationFor.call(this, context, itemIndex);
	const source = parameters.referenceSource(itemIndex) as string;
	const requests =
		source === 'list'
			? parseReferenceList(parameters.references(itemIndex), 'references')
			: [referenceRequest(parameters.reference(itemIndex), parameters.total(itemIndex), parameters.previouslyPaid(itemIndex))];
	return requests.map((request) => ({ itemIndex, request, administrationId, side }));
}
