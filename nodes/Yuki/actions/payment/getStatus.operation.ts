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
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { administrationField, optionsCollection } from '../../shared/parameters';
import { CANONICAL_AMOUNT, isZero, itemAmounts, sum } from '../../payments/amounts';
import { confirmDisappearance, isSuspicious } from '../../payments/confirm';
import type { Clock } from '../../payments/dates';
import { clockIn } from '../../payments/dates';
import { runLogOption } from '../../shared/runLog';
import type { LookupStrategy } from '../../payments/matching';
import { chooseStrategy, indexByReference, matchingItems, referenceKey } from '../../payments/matching';
import type { MessageStyle } from '../../payments/messages';
import { messageStyle } from '../../payments/messages';
import { messageOptions, readSide, sideField } from '../../payments/parameters';
import type { Finding } from '../../payments/referenceStatus';
import { referenceStatus } from '../../payments/referenceStatus';
import type { ReferenceRequest } from '../../payments/references';
import { parseReferenceList, referenceRequest } from '../../payments/references';
import { Sightings, sightingsKey } from '../../payments/sightings';
import type { RunContext } from '../../shared/runContext';
import { administrationFor, chosenAdministration, toNodeError } from '../../shared/runContext';
import { locatorValuePerItem, parameterPerItem } from '../../shared/itemParameters';
import type { OutstandingItem, OutstandingSide, YukiApi } from '../../transport/types';
import { handleItemError, resultItem } from '../../shared/items';
import { paymentItemError } from './outcome';
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
	confirmAbsent?: number;
	messageLanguage?: string;
	messageDateFormat?: string;
}

/** What one distinct reference of a group came to: a finding, or the error that prevented it. */
type Answer = Finding | NodeApiError | NodeOperationError;

interface LookupRun {
	yuki: YukiApi;
	strategy: LookupStrategy;
	caseInsensitive: boolean;
	/** Absent, never-seen references still to be checked one by one (shared by every group of the run). */
	confirmBudget: { left: number };
	clock: Clock;
	staticData: IDataObject;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
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

/**
 * The finding of every lookup, or the error that prevented it. One group per administration and
 * side; the strategy is chosen per group by its number of distinct references. Linear: each
 * lookup is touched a constant number of times.
 */
async function lookUp(this: IExecuteFunctions, run: LookupRun, lookupsByItem: Lookup[][]): Promise<Map<Lookup, Answer>> {
	const groups = new Map<string, Map<string, Lookup[]>>();
	for (const lookups of lookupsByItem) {
		for (const lookup of lookups ?? []) {
			const groupKey = `${lookup.side}\u0000${lookup.administrationId}`;
			let distinct = groups.get(groupKey);
			if (!distinct) groups.set(groupKey, (distinct = new Map()));
			const key = referenceKey(lookup.request.reference, run.caseInsensitive);
			const same = distinct.get(key);
			if (same) same.push(lookup);
			else distinct.set(key, [lookup]);
		}
	}

	const answers = new Map<Lookup, Answer>();
	for (const distinct of groups.values()) {
		const first = distinct.values().next().value as Lookup[];
		const { administrationId, side } = first[0];
		const sightings = new Sightings(run.staticData, sightingsKey(administrationId, side), run.clock);
		let findings: Map<string, Answer>;
		try {
			findings =
				chooseStrategy(run.strategy, distinct.size, run.caseInsensitive) === 'listOnce'
					? await findInList.call(this, run, distinct, sightings)
					: await findOneByOne.call(this, run, distinct, sightings);
		} catch (error) {
			const nodeError = toNodeError.call(this, error, first[0].itemIndex);
			for (const same of distinct.values()) for (const lookup of same) answers.set(lookup, nodeError);
			continue;
		}
		for (const [key, same] of distinct) {
			const finding = findings.get(key) as Answer;
			if (!(finding instanceof Error)) remember(sightings, same[0].request.reference, finding, run.caseInsensitive);
			for (const lookup of same) answers.set(lookup, finding);
		}
		sightings.save();
	}
	return answers;
}

/** One list call for the group; a mass disappearance of remembered open invoices is confirmed first. */
async function findInList(
	this: IExecuteFunctions,
	run: LookupRun,
	distinct: Map<string, Lookup[]>,
	sightings: Sightings,
): Promise<Map<string, Answer>> {
	const { administrationId, side } = distinct.values().next().value![0];
	const read = () => run.yuki.outstandingItems(side, administrationId, { includeBankTransactions: false, sortOrder: 'DateAsc' });
	const openItems = await read();
	const index = indexByReference(openItems, run.caseInsensitive);

	const findings = new Map<string, Answer>();
	const absent: Array<[string, string]> = [];
	let rememberedOpen = 0;
	const vanished: string[] = [];
	for (const [key, same] of distinct) {
		const { reference } = same[0].request;
		const wasOpen = sightings.rememberedOpen(reference, run.caseInsensitive);
		if (wasOpen) rememberedOpen++;
		const listed = index.get(key);
		if (listed) findings.set(key, { kind: 'listed', items: listed });
		else {
			absent.push([key, reference]);
			if (wasOpen) vanished.push(reference);
		}
	}

	let confirmation: string | undefined;
	if (isSuspicious(vanished.length, rememberedOpen, openItems.length)) {
		({ note: confirmation } = await confirmDisappearance(run.yuki, {
			administrationId,
			side,
			firstRead: openItems,
			reread: read,
			vanishedReferences: vanished,
			vanishedCount: vanished.length,
			caseInsensitive: run.caseInsensitive,
		}));
	}

	for (const [key, reference] of absent) {
		const sighting = sightings.recall(reference, run.caseInsensitive);
		if (sighting) {
			findings.set(key, { kind: 'gone', sighting, confirmation: sighting.goneSince ? undefined : confirmation });
		} else if (run.confirmBudget.left > 0) {
			run.confirmBudget.left--;
			findings.set(key, await checkOne.call(this, run, administrationId, side, reference, sightings, distinct.get(key)![0].itemIndex));
		} else {
			findings.set(key, { kind: 'notFound', checkedOneByOne: false });
		}
	}
	return findings;
}

/** One check call per distinct reference (CheckOutstandingItemAdmin). */
async function findOneByOne(
	this: IExecuteFunctions,
	run: LookupRun,
	distinct: Map<string, Lookup[]>,
	sightings: Sightings,
): Promise<Map<string, Answer>> {
	const findings = new Map<string, Answer>();
	for (const [key, same] of distinct) {
		const { administrationId, side, itemIndex, request } = same[0];
		findings.set(key, await checkOne.call(this, run, administrationId, side, request.reference, sightings, itemIndex));
	}
	return findings;
}

async function checkOne(
	this: IExecuteFunctions,
	run: LookupRun,
	administrationId: string,
	side: OutstandingSide,
	reference: string,
	sightings: Sightings,
	itemIndex: number,
): Promise<Answer> {
	let matches: OutstandingItem[];
	try {
		matches = matchingItems(await run.yuki.checkOutstandingItem(administrationId, reference), reference, side, run.caseInsensitive);
	} catch (error) {
		return toNodeError.call(this, error, itemIndex);
	}
	if (matches.length > 0) return { kind: 'listed', items: matches };
	const sighting = sightings.recall(reference, run.caseInsensitive);
	return sighting ? { kind: 'gone', sighting } : { kind: 'notFound', checkedOneByOne: true };
}

/** What the next run needs as evidence: references seen open, and those found settled. */
function remember(sightings: Sightings, reference: string, finding: Finding, caseInsensitive: boolean): void {
	if (finding.kind === 'gone') {
		sightings.sawGone(reference, caseInsensitive);
		return;
	}
	if (finding.kind !== 'listed') return;
	const [only] = finding.items;
	if (finding.items.length === 1 && CANONICAL_AMOUNT.test(only.openAmountText) && CANONICAL_AMOUNT.test(only.originalAmountText)) {
		// The common case, without decimal arithmetic: one item, amounts as Yuki writes them ("1234.56").
		if (/^-?0\.00$/.test(only.openAmountText)) sightings.sawGone(reference, caseInsensitive);
		else sightings.sawOpenText(reference, only.openAmountText, only.originalAmountText, caseInsensitive);
		return;
	}
	const amounts = finding.items.map(itemAmounts);
	const open = sum(amounts.map((entry) => entry.open));
	if (isZero(open)) sightings.sawGone(reference, caseInsensitive);
	else sightings.sawOpen(reference, open, sum(amounts.map((entry) => entry.original)), caseInsensitive);
}
