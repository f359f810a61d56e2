/**
 * The run log: one extra output item that sums up a run, like the "Yuki logs" page of Yoobi's
 * link (category, when, how many offered, booked, drafts, duplicates, unknown, failed, calls).
 * Flat, with the same keys on every run, so that an Append Row node can write it as one row.
 */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Goes into the Options of the invoice, expense-claim and payment operations; the router reads it. */
export const runLogOption: INodeProperties = {
	displayName: 'Add Run Log Item',
	name: 'runLog',
	type: 'boolean',
	default: false,
	description:
		'Whether to add one more output item that sums up the run (category, start and end time, offered, booked, drafts, duplicates, unknown, failed, Yuki calls spent), with recordType "yukiRunLog": one row for a sheet or database',
};

export const RUN_LOG_RECORD_TYPE = 'yukiRunLog';

/** `other`: a result without error that is no invoice (an expense claim stored, a payment status read). */
export type Outcome = 'booked' | 'draft' | 'duplicate' | 'unknown' | 'failed' | 'other';

/** Texts the node uses when it cannot know whether Yuki carried a call out (see helpers/runContext.ts, invoices/reports.ts). */
const CANNOT_KNOW = /may have (been booked|reached Yuki)/i;

function outcomeOf(json: IDataObject): Outcome {
	const status = typeof json.status === 'string' ? json.status : undefined;
	const text = [json.error, json.message, json.description].filter((value) => typeof value === 'string').join(' ');
	// "Cannot know" first: such an invoice must not be counted as failed (it may be in Yuki).
	if (status === 'unknown' || CANNOT_KNOW.test(text)) return 'unknown';
	// A duplicate is one whether or not the user treats it as an error.
	if (status === 'alreadyInYuki') return 'duplicate';
	if (json.error !== undefined || status === 'rejected') return 'failed';
	if (status === 'booked') return 'booked';
	if (status === 'draft') return 'draft';
	return 'other';
}

/** What became of each thing offered: one per invoice of an item (an XML item may hold several), else one per item. */
export function outcomesOf(output: readonly INodeExecutionData[]): Outcome[] {
	return output.flatMap((item) => {
		const invoices = item.json.invoices;
		if (Array.isArray(invoices) && invoices.length > 0 && item.json.error === undefined) {
			return invoices.map((invoice) => outcomeOf(invoice as IDataObject));
		}
		return [outcomeOf(item.json)];
	});
}

export interface RunLogInput {
	/** e.g. "Sales Invoice › Process". */
	category: string;
	startedAt: Date;
	finishedAt: Date;
	inputItems: number;
	output: readonly INodeExecutionData[];
	/** Yuki calls this run made, and the day's count for the key. */
	calls: number;
	callsToday: number;
	dailyLimit: number;
}

/**
 * The run log row. `offered` counts invoices (or items, for operations that take one thing per
 * item); `succeeded` = offered − failed − unknown (duplicates count as succeeded: the invoice is in Yuki).
 */
export function runLogRow(input: RunLogInput): IDataObject {
	const outcomes = outcomesOf(input.output);
	const count = (outcome: Outcome) => outcomes.filter((candidate) => candidate === outcome).length;
	return {
		recordType: RUN_LOG_RECORD_TYPE,
		category: input.category,
		startedAt: input.startedAt.toISOString(),
		finishedAt: input.finishedAt.toISOString(),
		durationSeconds: Math.round((input.finishedAt.getTime() - input.startedAt.getTime()) / 100) / 10,
		inputItems: input.inputItems,
		offered: outcomes.length,
		succeeded: outcomes.length - count('failed') - count('unknown'),
		booked: count('booked'),
		drafts: count('draft'),
		duplicates: count('duplicate'),
		unknown: count('unknown'),
		failed: count('failed'),
		calls: input.calls,
		callsToday: input.callsToday,
		dailyLimit: input.dailyLimit,
	};
}

/** The run log as an output item, paired with every input item it sums up. */
export function runLogItem(input: RunLogInput): INodeExecutionData {
	return {
		json: runLogRow(input),
		pairedItem: Array.from({ length: input.inputItems }, (_, item) => ({ item })),
	};
}
