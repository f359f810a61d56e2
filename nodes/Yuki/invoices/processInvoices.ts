/**
 * Process Sales Invoices / Process Purchase Invoices, shared by both operations:
 * validate every item first (nothing invalid is sent), then send the valid invoices grouped per
 * administration in batches, and give every input item exactly one output item.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { NormalisedRecord } from '../documents/fields';
import type { WritableRecord, WrittenRecord } from '../documents/xml';
import { buildDocument, buildDocumentParts } from '../documents/xml';
import type { YukiApi } from '../transport/api';
import type { ImportResponse, XmlDocumentParts } from '../transport/types';
import { asNodeError, errorItem, resultItem } from '../helpers/items';
import type { RunContext } from '../helpers/runContext';
import type { AdministrationPlan, BatchInfo } from './batching';
import { UnitBuildError, sendInBatches } from './batching';
import type { InvoiceOptions } from './options';
import { readInvoiceOptions } from './options';
import { BookingMemory } from './bookingMemory';
import { checkContactCodes } from './contactCheck';
import type { ItemResult } from './output';
import { itemError, itemResult, runAccount, summariseRun } from './output';
import { pdfBytes, pdfContent } from './pdf';
import type { GivenInvoice, InvoiceOperationConfig, PreparedInvoice, PreparedItem } from './prepare';
import { prepareItem, runParameters } from './prepare';
import type { InvoiceReport } from './reports';
import { alreadyInYukiMessage, confirmedBooking, reportFor } from './reports';
import { refuseUnsafeRetry } from './retryGuard';
import { findRunDuplicates } from './runDuplicates';
import type { InvoiceSource } from './source';
import { invoiceInputs } from './source';
import { documentOf, invoiceFragments } from './xmlDocument';
import type { Settled } from '../helpers/settle';
import { settle, settleNow } from '../helpers/settle';

/** One invoice's place in the input (its item and, for an item holding a list, its position there), and what became of it. */
interface Slot {
	itemIndex: number;
	entry?: number;
	/** Why it was not sent (invalid input, unknown contact code). */
	error?: unknown;
	result?: ItemResult;
}

/** An error of one invoice of a list, named as such: "Item 3, invoice 2: …". */
function forEntry(error: unknown, itemIndex: number, entry: number | undefined): unknown {
	if (entry !== undefined && error instanceof Error) error.message = error.message.replace(/^Item \d+:/, `Item ${itemIndex}, invoice ${entry}:`);
	return error;
}

/** A prepared item's outcome, waiting only when preparing it was asynchronous (an item with a PDF). */
function settledItem(outcome: Settled<PreparedItem | Promise<PreparedItem>>): Settled<PreparedItem> | Promise<Settled<PreparedItem>> {
	if (!outcome.ok) return outcome;
	const { value } = outcome;
	return value instanceof Promise ? settle(async () => await value) : { ok: true, value };
}

export interface InvoiceOperation extends InvoiceOperationConfig {
	send(yuki: YukiApi, administrationId: string, xml: XmlDocumentParts, options: InvoiceOptions): Promise<ImportResponse>;
}

/** The invoices of items not sent as an XML document of their own, in input order. */
function* sentAsRecords(items: PreparedItem[]): Generator<PreparedInvoice> {
	for (const item of items) if (item.document === undefined) yield* item.invoices;
}

/** Per administration, in the order the administrations first appear in the input. */
function plansFor(items: PreparedItem[], duplicates: Map<PreparedInvoice, PreparedInvoice>): Array<AdministrationPlan<PreparedInvoice>> {
	const plans = new Map<string, AdministrationPlan<PreparedInvoice>>();
	for (const item of items) {
		let plan = plans.get(item.administrationId);
		if (!plan) {
			plan = { administrationId: item.administrationId, units: [], documents: [] };
			plans.set(item.administrationId, plan);
		}
		if (item.document !== undefined) plan.documents.push({ units: item.invoices, xml: item.document });
		else plan.units.push(...item.invoices.filter((invoice) => !duplicates.has(invoice)));
	}
	return [...plans.values()];
}

/** The report of an invoice held back because an earlier item of the run has the same number. */
function runDuplicateReport(
	invoice: PreparedInvoice,
	earlierItem: number,
	earlier: InvoiceReport | undefined,
	treatDuplicatesAsSuccess: boolean,
): InvoiceReport {
	const base = { succeeded: false, processed: false, reference: invoice.reference };
	if (earlier && earlier.status !== 'rejected') {
		const message = alreadyInYukiMessage(invoice.reference, `sent by item ${earlierItem} of this run; this copy was not sent`);
		return {
			status: 'alreadyInYuki',
			...base,
			message,
			batch: earlier.batch,
			failure: treatDuplicatesAsSuccess ? undefined : { message, fromYuki: false },
		};
	}
	const message = `Invoice ${invoice.reference} was not sent: it has the same number as item ${earlierItem} of this run, which Yuki did not book${earlier?.message ? ` (${earlier.message})` : ''}`;
	return { status: 'rejected', ...base, message, failure: { message, fromYuki: false } };
}

export async function processInvoices(
	this: IExecuteFunctions,
	operation: InvoiceOperation,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	const options = readInvoiceOptions.call(this, operation.kind);
	const source = this.getNodeParameter('invoiceSource', 0, 'fields') as InvoiceSource;
	const continueOnFail = this.continueOnFail();
	const parameters = runParameters.call(this);

	// 1. Validate everything before anything is sent. An item holding a list of invoices gives
	// one slot (and one output item) per invoice, each validated on its own.
	const prepared: PreparedItem[] = [];
	const slots: Slot[] = [];
	const slotOf = new Map<PreparedItem, Slot>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const item = items[itemIndex];
		const read = settleNow(() =>
			source === 'json' ? invoiceInputs.call(this, operation.document, item, itemIndex, parameters.jsonProperty) : undefined,
		);
		if (!read.ok) {
			if (!continueOnFail) throw read.error;
			slots.push({ itemIndex, error: read.error });
			continue;
		}
		const entries = read.value?.list ? read.value.entries : undefined;
		for (let position = 0; position < (entries ? entries.length : 1); position++) {
			const entry = entries ? position : undefined;
			const slot: Slot = { itemIndex, entry };
			slots.push(slot);
			// The JSON source's invoice is passed on as read here, not read (and copied) again.
			const given: GivenInvoice | undefined =
				read.value === undefined ? undefined : read.value.list ? { entry: position, value: read.value.entries[position] } : { input: read.value.input };
			const settled = settledItem(settleNow(() => prepareItem.call(this, operation, context, options, source, item, itemIndex, parameters, given)));
			const outcome = settled instanceof Promise ? await settled : settled;
			if (outcome.ok) {
				prepared.push(outcome.value);
				slotOf.set(outcome.value, slot);
			} else if (continueOnFail) slot.error = forEntry(outcome.error, itemIndex, entry);
			else throw forEntry(outcome.error, itemIndex, entry);
		}
	}
	// Contact codes unknown to Yuki (Options › Check Contact Codes): those items are not sent in Fail mode.
	const unknownContacts = await checkContactCodes.call(this, options.dryRun ? 'off' : options.checkContactCodes, prepared, context);
	if (unknownContacts.size > 0) {
		const [first] = unknownContacts.values();
		if (!continueOnFail) throw first;
		for (const [item, error] of unknownContacts) (slotOf.get(item) as Slot).error = error;
		prepared.splice(0, prepared.length, ...prepared.filter((item) => !unknownContacts.has(item)));
	}
	// n8n's Retry On Fail would send the whole run again: only safe when Yuki can recognise every invoice.
	if (!options.dryRun) refuseUnsafeRetry.call(this, prepared);
	// XML input goes unchanged; Yuki itself refuses a number it already has.
	const duplicates = findRunDuplicates(sentAsRecords(prepared));

	// 2. Send (or, in a dry run, only plan and build).
	const results = options.dryRun
		? await dryRun.call(this, operation, prepared, duplicates, options)
		: await sendAll.call(this, operation, prepared, duplicates, options, context);

	// 3. One output item per input item, in input order. A run that stops on an error still names
	// every invoice it booked (and every one it may have booked): nothing booked is invisible.
	if (!continueOnFail) {
		const failed = results.find((result) => result.failure);
		if (failed) {
			const account = [results.length > 1 ? summariseRun(results) : undefined, runAccount(results)].filter(Boolean).join('\n');
			throw itemError.call(this, failed, account || undefined);
		}
	}
	// Results come in the order of `prepared`, one each.
	results.forEach((result, index) => ((slotOf.get(prepared[index]) as Slot).result = result));
	const output: INodeExecutionData[] = [];
	for (const slot of slots) {
		const { itemIndex, result } = slot;
		let outputItem: INodeExecutionData;
		if (!result) outputItem = errorItem(this, asNodeError(this, slot.error, itemIndex), itemIndex, { status: 'invalid' });
		else if (!result.failure) outputItem = resultItem(result.json, itemIndex);
		else outputItem = errorItem(this, itemError.call(this, result), itemIndex, result.json);
		if (slot.entry !== undefined) outputItem.json.listIndex = slot.entry;
		output.push(outputItem);
	}
	return output;
}

/** Builds batch documents, reading and encoding each batch's PDFs only while it is built. */
function batchBuilder(this: IExecuteFunctions, operation: InvoiceOperation, prepared: PreparedItem[]) {
	// XML input only: the item's document, found when its first batch is built.
	let documents: Map<number, string | undefined> | undefined;
	const fragments = new Map<number, string[]>();
	const fragmentOf = (invoice: PreparedInvoice): string => {
		let list = fragments.get(invoice.itemIndex);
		if (!list) {
			documents ??= new Map(prepared.map((item) => [item.itemIndex, item.document]));
			list = invoiceFragments(operation.document, documents.get(invoice.itemIndex) ?? '');
			fragments.set(invoice.itemIndex, list);
		}
		return list[invoice.position ?? 0];
	};
	return async (_administrationId: string, invoices: PreparedInvoice[]): Promise<XmlDocumentParts> => {
		if (invoices.every((invoice) => invoice.position !== undefined)) {
			return documentOf(operation.document, invoices.map(fragmentOf));
		}
		// The PDFs stay sources (or bytes) in the document's parts; the envelope writes them as base64
		// straight into the request body while it is sent. Nothing keeps the records after the call.
		const records: Array<WritableRecord | WrittenRecord> = [];
		for (const invoice of invoices) {
			// Most invoices were written when validated: no promise to wait for.
			records.push(invoice.written ?? (await recordWithPdf.call(this, invoice, pdfContent)));
		}
		return buildDocumentParts(operation.document, records);
	};
}

/**
 * The invoice's record with its PDF in place of the placeholder (a copy: the prepared record
 * keeps the placeholder): its bytes, or for a request a source read while it is sent.
 */
async function recordWithPdf(
	this: IExecuteFunctions,
	invoice: PreparedInvoice,
	read: typeof pdfContent = pdfBytes,
): Promise<WritableRecord | WrittenRecord> {
	if (invoice.written) return invoice.written;
	const record = invoice.record as NormalisedRecord;
	if (!invoice.pdf) return record;
	const pdf = invoice.pdf;
	const content = await settle(async () => await read.call(this, pdf));
	if (!content.ok) throw new UnitBuildError(invoice, content.error);
	return { ...record, documentBase64: content.value };
}

async function sendAll(
	this: IExecuteFunctions,
	operation: InvoiceOperation,
	prepared: PreparedItem[],
	duplicates: Map<PreparedInvoice, PreparedInvoice>,
	options: InvoiceOptions,
	context: RunContext,
): Promise<ItemResult[]> {
	const outcomes = await sendInBatches(plansFor(prepared, duplicates), {
		batchSize: options.batchSize,
		build: batchBuilder.call(this, operation, prepared),
		send: async (administrationId, xml) => await operation.send(context.yuki, administrationId, xml, options),
		referenceOf: (invoice) => invoice.reference,
	});

	const memory = BookingMemory.in(this.getWorkflowStaticData('node'), this.getExecutionId());
	// Booked invoices are remembered only for n8n's retries of this execution.
	const retries = this.getNode().retryOnFail === true;
	const reports = new Map<PreparedInvoice, InvoiceReport>();
	for (const item of prepared) {
		for (const invoice of item.invoices) {
			const outcome = outcomes.get(invoice);
			if (!outcome) continue;
			let report = reportFor(outcome, invoice.reference, options.treatDuplicatesAsSuccess);
			const { administrationId, reference } = invoice;
			const earlier = memory.recall(administrationId, reference);
			if (report.status === 'alreadyInYuki' && earlier && (earlier.state === 'unknown' || earlier.sameExecution)) {
				const yukiMessage = outcome.kind === 'answered' ? outcome.result.message : undefined;
				report = confirmedBooking(report, earlier.state === 'unknown' ? 'lostAnswer' : 'retry', earlier.at, yukiMessage);
				if (retries) memory.remember(administrationId, reference, 'booked');
				else memory.forget(administrationId, reference);
			} else if (report.status === 'unknown') {
				memory.remember(administrationId, reference, 'unknown');
			} else if (report.status === 'booked' || report.status === 'draft') {
				if (retries) memory.remember(administrationId, reference, 'booked');
				else memory.forget(administrationId, reference);
			}
			reports.set(invoice, report);
		}
	}
	return prepared.map((item) => {
		const itemReports = item.invoices.map((invoice) => {
			// The first invoice of the run with its number (an item may hold a list of invoices).
			const first = duplicates.get(invoice);
			if (first === undefined) return reports.get(invoice) as InvoiceReport;
			return runDuplicateReport(invoice, first.itemIndex, reports.get(first), options.treatDuplicatesAsSuccess);
		});
		const duplicateOf = item.invoices.map((invoice) => duplicates.get(invoice)?.itemIndex).find((index) => index !== undefined);
		return itemResult(operation.kind, item, itemReports, duplicateOf === undefined ? {} : { duplicateOf });
	});
}

/** Plans the batches as a real run would and returns each item's XML; no call to Yuki. */
async function dryRun(
	this: IExecuteFunctions,
	operation: InvoiceOperation,
	prepared: PreparedItem[],
	duplicates: Map<PreparedInvoice, PreparedInvoice>,
	options: InvoiceOptions,
): Promise<ItemResult[]> {
	const plannedBatch = new Map<PreparedInvoice, BatchInfo>();
	let number = 0;
	for (const plan of plansFor(prepared, duplicates)) {
		for (const document of plan.documents) {
			const batch = { number: ++number, size: document.units.length };
			for (const invoice of document.units) plannedBatch.set(invoice, batch);
		}
		for (let start = 0; start < plan.units.length; start += options.batchSize) {
			const units = plan.units.slice(start, start + options.batchSize);
			const batch = { number: ++number, size: units.length };
			for (const invoice of units) plannedBatch.set(invoice, batch);
		}
	}

	const results: ItemResult[] = [];
	for (const item of prepared) {
		const common = { dryRun: true, administrationId: item.administrationId, warnings: item.warnings };
		const [invoice] = item.invoices;
		const earlierItem = invoice ? duplicates.get(invoice)?.itemIndex : undefined;
		if (earlierItem !== undefined) {
			const message = `Invoice ${invoice.reference} would not be sent: it has the same number as item ${earlierItem} of this run`;
			results.push({
				itemIndex: item.itemIndex,
				json: { ...common, reference: invoice.reference ?? null, duplicateOf: earlierItem, message },
				failure: options.treatDuplicatesAsSuccess ? undefined : { message, fromYuki: false },
			});
			continue;
		}
		const json = { ...common, batch: plannedBatch.has(invoice) ? { ...plannedBatch.get(invoice) } : null };
		if (item.document !== undefined) {
			const references = item.invoices.map((entry) => entry.reference ?? null);
			results.push({ itemIndex: item.itemIndex, json: { ...json, invoiceCount: references.length, references, xml: item.document } });
			continue;
		}
		try {
			const xml = buildDocument(operation.document, [await recordWithPdf.call(this, invoice)]);
			results.push({ itemIndex: item.itemIndex, json: { ...json, reference: invoice.reference ?? null, xml } });
		} catch (error) {
			const cause = error instanceof UnitBuildError ? error.cause : error;
			results.push({ itemIndex: item.itemIndex, json, failure: { message: (cause as Error).message, fromYuki: false, cause } });
		}
	}
	return results;
}
