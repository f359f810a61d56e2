/**
 * One output item (or item error) per input item, from the reports of its invoice(s).
 */
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { PreparedItem } from './prepare';
import type { InvoiceFailure, InvoiceKind, InvoiceReport } from './reports';
import { combinedStatus, reportJson } from './reports';

/** What became of one input item: its output JSON, and its error when it failed. */
export interface ItemResult {
	itemIndex: number;
	json: IDataObject;
	failure?: InvoiceFailure;
}

export function itemResult(kind: InvoiceKind, prepared: PreparedItem, reports: InvoiceReport[], extra: IDataObject = {}): ItemResult {
	const common = { administrationId: prepared.administrationId, warnings: prepared.warnings };
	if (prepared.document === undefined) {
		const [report] = reports;
		// Same keys in the same order as spreading into a new object, without the extra copy per invoice.
		return { itemIndex: prepared.itemIndex, json: Object.assign(reportJson(report, kind), common, extra), failure: report.failure };
	}
	// XML input: one item may hold several invoices; the item lists each invoice's result.
	const failed = reports.filter((report) => report.failure);
	const json: IDataObject = {
		status: combinedStatus(reports),
		succeeded: reports.every((report) => report.succeeded),
		processed: reports.every((report) => report.processed),
		invoiceCount: reports.length,
		invoices: reports.map((report) => reportJson(report, kind)),
		batch: reports[0]?.batch ? { ...reports[0].batch } : null,
		...common,
		...extra,
	};
	if (failed.length === 0) return { itemIndex: prepared.itemIndex, json };
	return {
		itemIndex: prepared.itemIndex,
		json,
		failure: {
			message: `${failed.length} of ${reports.length} invoices of the XML document were not booked: ${failed.map((report) => report.failure?.message).join('; ')}`,
			fromYuki: failed.every((report) => report.failure?.fromYuki),
		},
	};
}

function causeDetails(cause: unknown): string[] {
	if (!cause || typeof cause !== 'object') return [];
	const { hint, description } = cause as { hint?: string; description?: string };
	return [hint, description].filter((text): text is string => typeof text === 'string' && text !== '');
}

/** The n8n error for a failed item: Yuki's verdict as NodeApiError, bad input as NodeOperationError. */
export function itemError(this: IExecuteFunctions, result: ItemResult, runSummary?: string): NodeApiError | NodeOperationError {
	const failure = result.failure as InvoiceFailure;
	if (failure.cause instanceof NodeOperationError || failure.cause instanceof NodeApiError) {
		if (runSummary) failure.cause.description = [failure.cause.description, runSummary].filter(Boolean).join('\n');
		return failure.cause;
	}
	const message = failure.message.startsWith('Item ') ? failure.message : `Item ${result.itemIndex}: ${failure.message}`;
	const description = [failure.description, ...causeDetails(failure.cause), runSummary].filter(Boolean).join('\n');
	if (!failure.fromYuki) return new NodeOperationError(this.getNode(), message, { itemIndex: result.itemIndex, description });
	// Only the message: n8n would read an HTTP status out of fields such as `status`.
	const httpStatus = (failure.cause as { httpStatus?: number } | undefined)?.httpStatus;
	const error = new NodeApiError(this.getNode(), { message } as JsonObject, {
		message,
		description: description || undefined,
		httpCode: httpStatus ? String(httpStatus) : undefined,
		itemIndex: result.itemIndex,
	});
	// n8n swaps a message mentioning e.g. ECONNRESET for a generic text; ours says what became of the invoice.
	error.message = message;
	return error;
}

/** "3 booked, 1 draft, 2 failed (items 4, 7)": what the rest of the run did, for a run that stops on an error. */
export function summariseRun(results: ItemResult[]): string {
	const counts = new Map<string, number>();
	const failedItems: number[] = [];
	for (const result of results) {
		if (result.failure) failedItems.push(result.itemIndex);
		else counts.set(String(result.json.status ?? 'valid'), (counts.get(String(result.json.status ?? 'valid')) ?? 0) + 1);
	}
	const parts = [...counts].map(([status, count]) => `${count} ${status}`);
	if (failedItems.length) parts.push(`${failedItems.length} failed (items ${failedItems.join(', ')})`);
	return `This run: ${parts.join(', ')}.`;
}

interface InvoiceLine {
	itemIndex: number;
	json: IDataObject;
}

function invoicesOf(result: ItemResult): InvoiceLine[] {
	const list = result.json.invoices;
	if (Array.isArray(list)) return (list as IDataObject[]).map((json) => ({ itemIndex: result.itemIndex, json }));
	return [{ itemIndex: result.itemIndex, json: result.json }];
}

function line({ itemIndex, json }: InvoiceLine): string {
	const reference = json.reference ? String(json.reference) : 'without reference';
	const answer = json.message ? `: ${String(json.message)}` : '';
	return `- item ${itemIndex}, ${reference} (${String(json.status)}${answer})`;
}

/**
 * For a run that stops on an error: every invoice this run booked or stored as a draft (with
 * Yuki's answer), and every one it may have booked. Without it, a failed run would hide what
 * already is in Yuki.
 */
export function runAccount(results: ItemResult[]): string | undefined {
	const lines = results.flatMap(invoicesOf);
	const inYuki = lines.filter((entry) => entry.json.status === 'booked' || entry.json.status === 'draft');
	const unknown = lines.filter((entry) => entry.json.status === 'unknown');
	const parts: string[] = [];
	if (inYuki.length) parts.push(`Booked in Yuki by this run (${inYuki.length}); do not send these again:`, ...inYuki.map(line));
	if (unknown.length) parts.push(`May have been booked (${unknown.length}); check Yuki before sending these again:`, ...unknown.map(line));
	if (!inYuki.length && !unknown.length) parts.push('Nothing was booked in Yuki by this run.');
	return parts.join('\n');
}
