/**
 * Payment → Get Status, what its run does after reading the items: the references grouped per
 * administration and side, each group asked with the fewest calls, a mass disappearance confirmed,
 * and what was seen remembered for the next run. Loaded by the operation's execute on first run.
 */
import type { IDataObject, IExecuteFunctions, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CANONICAL_AMOUNT, isZero, itemAmounts, sum } from '../../payments/amounts';
import { confirmDisappearance, isSuspicious } from '../../payments/confirm';
import type { Clock } from '../../payments/dates';
import type { LookupStrategy } from '../../payments/matching';
import { chooseStrategy, indexByReference, matchingItems, referenceKey } from '../../payments/matching';
import type { Finding } from '../../payments/referenceStatus';
import type { ReferenceRequest } from '../../payments/references';
import { Sightings, sightingsKey } from '../../payments/sightings';
import { toNodeError } from '../../helpers/runContext';
import type { YukiApi } from '../../transport/api';
import type { OutstandingItem, OutstandingSide } from '../../transport/types';

/** One reference of one input item, with where it is looked up. */
export interface Lookup {
	itemIndex: number;
	request: ReferenceRequest;
	administrationId: string;
	side: OutstandingSide;
}

/** What one distinct reference of a group came to: a finding, or the error that prevented it. */
export type Answer = Finding | NodeApiError | NodeOperationError;

export interface LookupRun {
	yuki: YukiApi;
	strategy: LookupStrategy;
	caseInsensitive: boolean;
	/** Absent, never-seen references still to be checked one by one (shared by every group of the run). */
	confirmBudget: { left: number };
	clock: Clock;
	staticData: IDataObject;
}

/**
 * The finding of every lookup, or the error that prevented it. One group per administration and
 * side; the strategy is chosen per group by its number of distinct references. Linear: each
 * lookup is touched a constant number of times.
 */
export async function lookUp(this: IExecuteFunctions, run: LookupRun, lookupsByItem: Lookup[][]): Promise<Map<Lookup, Answer>> {
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
