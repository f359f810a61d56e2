/**
 * Turns one input item into the invoice(s) to send, or the item's error: input read from its
 * source, PDF located and checked, every field validated, and the checks only the node knows.
 * Nothing here calls Yuki, and no PDF stays in memory.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DocumentSpec, NormalisedRecord } from '../documents/fields';
import { inspectDocument } from '../documents/inspect';
import { describeIssues, validateRecord } from '../documents/validate';
import type { RunContext } from '../shared/runContext';
import { administrationFor } from '../shared/runContext';
import type { InvoiceOptions } from './options';
import type { PdfReference } from './pdf';
import { PDF_PLACEHOLDER, checkPdf } from './pdf';
import type { InvoiceSource } from './source';
import { invoiceEntryInput, invoiceInput } from './source';
import type { InvoiceKind } from './reports';

/** One invoice on its way to Yuki. */
export interface PreparedInvoice {
	itemIndex: number;
	administrationId: string;
	reference?: string;
	/** Validated record (mapped fields or JSON input); its PDF is still a placeholder. */
	record?: NormalisedRecord;
	/** Where the PDF is read from when the batch is built. */
	pdf?: PdfReference;
	/** XML input: position of this invoice in the item's document. */
	position?: number;
}

export interface PreparedItem {
	itemIndex: number;
	/** Position in the item's list of invoices (From Input JSON holding a list); undefined for one invoice per item. */
	entry?: number;
	administrationId: string;
	invoices: PreparedInvoice[];
	/** XML input: the document as given (without an XML declaration), sent unchanged first. */
	document?: string;
	warnings: string[];
}

export interface InvoiceOperationConfig {
	kind: InvoiceKind;
	document: DocumentSpec;
	/** Purchase invoices must carry their PDF; sales invoices may. */
	pdfRequired: boolean;
}

function str(value: NormalisedRecord[string]): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function contactCodeOf(record: NormalisedRecord): string | undefined {
	const contact = record.contact;
	return contact && typeof contact === 'object' && !Array.isArray(contact) ? str(contact.contactCode) : undefined;
}

/** The PDF parameter: the binary property name, empty when the item has none (sales only). */
function pdfProperty(this: IExecuteFunctions, config: InvoiceOperationConfig, itemIndex: number): string {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, '') ?? '').trim();
	if (!property && config.pdfRequired) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: "PDF Binary Field" is empty (allowed: the name of the binary property holding the invoice PDF, e.g. data)`,
			{ itemIndex },
		);
	}
	return property;
}

export async function prepareItem(
	this: IExecuteFunctions,
	config: InvoiceOperationConfig,
	context: RunContext,
	options: InvoiceOptions,
	source: InvoiceSource,
	item: INodeExecutionData,
	itemIndex: number,
	/** One invoice of a list held by the item: its position and value. */
	listEntry?: { entry: number; value: unknown },
): Promise<PreparedItem> {
	// n8n's getNode() deep-copies the node on every call, so only the error paths ask for it.
	const administrationId = administrationFor.call(this, context, itemIndex);
	const warnings: string[] = [];

	if (source === 'xml') {
		const xml = String(this.getNodeParameter('xmlDocument', itemIndex, '') ?? '');
		const inspected = inspectDocument(config.document, xml);
		if (!inspected.ok) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: XML Document: ${inspected.reason}`, {
				itemIndex,
				description: `Allowed: a complete <${config.document.root} xmlns="${config.document.namespace}"> document holding one or more <${config.document.record}> records.`,
			});
		}
		return {
			itemIndex,
			administrationId,
			document: inspected.body,
			warnings,
			invoices: inspected.references.map((reference, position) => ({
				itemIndex,
				administrationId,
				reference: reference || undefined,
				position,
			})),
		};
	}

	const input = listEntry
		? invoiceEntryInput.call(this, config.document, listEntry.value, itemIndex, listEntry.entry)
		: invoiceInput.call(this, source, config.document, item, itemIndex);
	let pdf: PdfReference | undefined;
	// A JSON body may bring its own base64 PDF; otherwise it comes from the binary property
	// (one file per item: the invoices of a list each bring their own documentBase64).
	if (!listEntry && (input.documentBase64 === undefined || input.documentBase64 === '')) {
		const property = pdfProperty.call(this, config, itemIndex);
		if (property) {
			pdf = await checkPdf.call(this, itemIndex, property);
			input.documentFileName = input.documentFileName || pdf.fileName;
			input.documentBase64 = PDF_PLACEHOLDER;
		}
	}

	const validation = validateRecord(config.document, input, {
		timeZone: this.getTimezone(),
		unknownKeys: source === 'json' ? options.unknownJsonKeys : 'error',
	});
	if (!validation.ok) {
		throw new NodeOperationError(this.getNode(), describeIssues(validation.issues, itemIndex), {
			itemIndex,
			description: 'The invoice was not sent to Yuki. Correct the fields named above and run the node again.',
		});
	}
	const record = validation.record;

	if (config.kind === 'sales' && options.missingContactCode !== 'ignore' && !contactCodeOf(record)) {
		const problem =
			'contact.contactCode (Contact Code) is empty: without the relation number Yuki matches the customer by name and address and may create a second contact';
		if (options.missingContactCode === 'fail') {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex}: ${problem} (allowed: the relation number from the invoicing tool; or set Options › Missing Contact Code to Warn or Ignore)`,
				{ itemIndex },
			);
		}
		warnings.push(problem);
	}

	return {
		itemIndex,
		entry: listEntry?.entry,
		administrationId,
		warnings,
		invoices: [{ itemIndex, administrationId, reference: str(record.reference), record, pdf }],
	};
}
