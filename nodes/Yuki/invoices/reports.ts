/**
 * What one invoice's fate means to the user: a status, Yuki's own words, and whether it is an
 * error. Pure: the operation turns these reports into output items or item errors.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ImportInvoiceResult } from '../transport/types';
import { YukiError } from '../transport/types';
import type { BatchInfo, UnitOutcome } from './batching';
import { isDuplicateMessage } from './yukiMessages';

export type InvoiceKind = 'sales' | 'purchase';

/**
 * booked: processed into the books; draft: stored unprocessed (Process=false, or awaiting
 * approval for purchase invoices); alreadyInYuki: the invoice number is already in Yuki;
 * rejected: not in Yuki; unknown: the node cannot tell (the call may have reached Yuki but its
 * answer was lost, or the answer does not account for the invoice): it may have been booked, and
 * the user checks Yuki before sending it again. Never "rejected" without proof.
 */
export type InvoiceStatus = 'booked' | 'draft' | 'alreadyInYuki' | 'rejected' | 'unknown';

/**
 * Why a duplicate answer still means "booked": an earlier run's answer was lost, or an earlier
 * try of this run (n8n's Retry On Fail) booked it.
 */
export type BookedEarlier = 'lostAnswer' | 'retry';

/**
 * One invoice's result as the output item shows it: Yuki's answer for it (whose `message` may
 * instead give the reason it did not reach Yuki), with the status and the call it went in.
 */
export interface InvoiceReport extends ImportInvoiceResult {
	status: InvoiceStatus;
	batch?: BatchInfo;
	/** Set on a duplicate answer that confirms this node's own earlier booking. */
	bookedEarlier?: BookedEarlier;
	/** Set when the invoice counts as failed: the text of the item error. */
	failure?: InvoiceFailure;
}

export interface InvoiceFailure {
	message: string;
	description?: string;
	/** Yuki said so (NodeApiError) rather than the input being wrong (NodeOperationError). */
	fromYuki: boolean;
	/** The original error, when one exists (e.g. the transport's YukiError). */
	cause?: unknown;
}

export function invoiceStatus(result: ImportInvoiceResult): InvoiceStatus {
	if (result.succeeded) return result.processed ? 'booked' : 'draft';
	return isDuplicateMessage(result.message) ? 'alreadyInYuki' : 'rejected';
}

/** "invoice F-1", or a stand-in for invoices without a number. */
function invoiceName(reference: string | undefined): string {
	return reference ? `invoice ${reference}` : 'the invoice without reference';
}

function label(reference: string | undefined): string {
	const name = invoiceName(reference);
	return name.charAt(0).toUpperCase() + name.slice(1);
}

function causeText(error: unknown): string {
	if (error && typeof error === 'object') {
		const { faultString, message } = error as { faultString?: string; message?: string };
		return faultString || message || String(error);
	}
	return String(error);
}

/** The message of an invoice whose fate is unknown: machine-readable status `unknown`, plain words here. */
export function unknownMessage(reference: string | undefined, why: string): string {
	return `${label(reference)} may have been booked; check Yuki before sending it again (${why})`;
}

/**
 * Yuki's duplicate answer for an invoice this node itself booked earlier: a confirmation, not an
 * error. `report` is the duplicate's report; the result says "booked" and why.
 */
export function confirmedBooking(report: InvoiceReport, earlier: BookedEarlier, since: string, yukiMessage?: string): InvoiceReport {
	const how =
		earlier === 'retry'
			? 'an earlier try of this run booked it (n8n Retry On Fail ran the node again)'
			: `an earlier run sent it on ${since.slice(0, 10)} and lost Yuki's answer`;
	const yuki = yukiMessage?.trim();
	return {
		...report,
		status: 'booked',
		succeeded: true,
		processed: true,
		bookedEarlier: earlier,
		message: `${label(report.reference)} is booked: ${how}; Yuki now reports the number as already there${yuki ? ` ("${yuki}")` : ''}`,
		failure: undefined,
	};
}

export function alreadyInYukiMessage(reference: string | undefined, yukiMessage: string | undefined): string {
	return `${label(reference)} is already in Yuki${yukiMessage ? ` (${yukiMessage})` : ''}`;
}

/**
 * The report for one invoice. `reference` is what the node sent (Yuki's answer may omit it);
 * duplicates are failures unless the user treats them as success.
 */
export function reportFor(
	outcome: UnitOutcome,
	reference: string | undefined,
	treatDuplicatesAsSuccess: boolean,
): InvoiceReport {
	const notBooked = { succeeded: false, processed: false, reference };
	switch (outcome.kind) {
		case 'answered': {
			const result = outcome.result;
			const status = invoiceStatus(result);
			const report: InvoiceReport = {
				status,
				succeeded: result.succeeded,
				processed: result.processed,
				emailSent: result.emailSent,
				reference: result.reference || reference,
				subject: result.subject,
				contact: result.contact,
				message: result.message || undefined,
				batch: outcome.batch,
			};
			if (status === 'alreadyInYuki') {
				report.message = alreadyInYukiMessage(report.reference, result.message);
				if (!treatDuplicatesAsSuccess) report.failure = { message: report.message, fromYuki: true };
			} else if (status === 'rejected') {
				report.failure = {
					message: `Yuki rejected ${invoiceName(report.reference)}: ${result.message || 'no reason given'}`,
					fromYuki: true,
				};
			}
			return report;
		}
		case 'schemaRejected': {
			const message = causeText(outcome.error);
			return {
				status: 'rejected',
				...notBooked,
				message,
				batch: outcome.batch,
				failure: {
					message: `Yuki rejected ${invoiceName(reference)} as invalid XML: ${message}`,
					description: 'Yuki checked the invoice on its own and rejected it; the other invoices of the batch were sent without it.',
					fromYuki: true,
					cause: outcome.error,
				},
			};
		}
		case 'mayHaveBeenBooked':
		case 'unaccounted': {
			const why = outcome.kind === 'unaccounted' ? outcome.reason : causeText(outcome.error);
			const message = unknownMessage(reference, why);
			return {
				status: 'unknown',
				...notBooked,
				message,
				batch: outcome.batch,
				failure: {
					message,
					description:
						outcome.kind === 'unaccounted'
							? "Yuki answered, but its answer does not say what became of this invoice, so the node does not know whether Yuki booked it and does not send it again by itself. Look it up in Yuki: if it is there, it is booked; if not, send it again (Yuki refuses a number it already has)."
							: 'The call may have reached Yuki but no answer came back, so the node does not know whether Yuki booked it and does not send it again by itself. Look it up in Yuki: if it is there, it is booked; if not, send it again (Yuki refuses a number it already has).',
					fromYuki: true,
					cause: outcome.kind === 'unaccounted' ? undefined : outcome.error,
				},
			};
		}
		case 'batchFailed': {
			// A fault is Yuki's refusal; anything else (settings, wrong URL) never reached Yuki.
			const refused = outcome.error instanceof YukiError && outcome.error.kind === 'fault';
			const message = refused
				? `${label(reference)} was not booked: Yuki refused the call (${causeText(outcome.error)})`
				: `${label(reference)} was not sent: ${causeText(outcome.error)}`;
			return {
				status: 'rejected',
				...notBooked,
				message,
				batch: refused ? outcome.batch : undefined,
				failure: { message, fromYuki: true, cause: outcome.error },
			};
		}
		case 'notSent': {
			const message = `${label(reference)} was not sent: an earlier call failed (${causeText(outcome.error)}); it can be sent again`;
			return { status: 'rejected', ...notBooked, message, failure: { message, fromYuki: true, cause: outcome.error } };
		}
		case 'buildFailed': {
			const message = causeText(outcome.error);
			return { status: 'rejected', ...notBooked, message, failure: { message, fromYuki: false, cause: outcome.error } };
		}
		case 'skippedRepeatedly': {
			const message = `${label(reference)} was not booked: Yuki skipped it each time because other invoices of its batch were incorrect; it can be sent again`;
			return { status: 'rejected', ...notBooked, message, batch: outcome.batch, failure: { message, fromYuki: true } };
		}
	}
}

/** The JSON of one invoice's result (sales invoices also tell whether Yuki e-mailed them). */
export function reportJson(report: InvoiceReport, kind: InvoiceKind): IDataObject {
	const json: IDataObject = {
		status: report.status,
		succeeded: report.succeeded,
		processed: report.processed,
	};
	if (kind === 'sales') json.emailSent = report.emailSent ?? false;
	json.reference = report.reference ?? null;
	json.subject = report.subject ?? null;
	json.contact = report.contact ?? null;
	json.message = report.message ?? null;
	if (report.bookedEarlier) json.bookedEarlier = report.bookedEarlier;
	if (report.batch) json.batch = { ...report.batch };
	return json;
}

/** Status of an item holding several invoices (XML input): the worst of them. */
export function combinedStatus(reports: InvoiceReport[]): InvoiceStatus {
	const order: InvoiceStatus[] = ['unknown', 'rejected', 'alreadyInYuki', 'draft', 'booked'];
	return order.find((status) => reports.some((report) => report.status === status)) ?? 'booked';
}
