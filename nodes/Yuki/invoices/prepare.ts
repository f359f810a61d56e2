/**
 * Turns one input item into the invoice(s) to send, or the item's error: input read from its
 * source, PDF located and checked, every field validated, and the checks only the node knows.
 * Nothing here calls Yuki, and no PDF stays in memory.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DocumentSpec, NormalisedRecord } from '../documents/fields';
import { inspectDocument } from '../documents/inspect';
import { describeIssues, validateAndWriteRecord, validateRecord } from '../documents/validate';
import type { WrittenRecord } from '../documents/xml';
import { parameterPerItem } from '../helpers/itemParameters';
import type { RunContext } from '../helpers/runContext';
import { administrationFor, chosenAdministration } from '../helpers/runContext';
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
	/** Validated record (mapped fields or JSON input); its PDF is still a placeholder. Not kept once written. */
	record?: NormalisedRecord;
	/** The record's XML element, written when it was validated (an invoice without a PDF): its batch places it as it is. */
	written?: WrittenRecord;
	/** The record's contact code, if any (Options › Check Contact Codes reads it). */
	contactCode?: string;
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

/**
 * What every item of a run reads from the node's parameters, each read once when it holds no
 * expression (n8n's getNodeParameter costs tens of microseconds per call, seconds over a large run).
 */
export interface RunParameters {
	administrationId(itemIndex: number): unknown;
	binaryPropertyName(itemIndex: number): unknown;
	/** Dot path of the invoice in the item's JSON (From Input JSON). */
	jsonProperty(itemIndex: number): unknown;
	/** The workflow's time zone (dates given with a time are read in it). */
	timeZone: string;
}

export function runParameters(this: IExecuteFunctions): RunParameters {
	return {
		administrationId: parameterPerItem(this, 'administrationId', '', { extractValue: true }),
		binaryPropertyName: parameterPerItem(this, 'binaryPropertyName', ''),
		jsonProperty: parameterPerItem(this, 'jsonProperty', ''),
		timeZone: this.getTimezone(),
	};
}

/** The JSON source's invoice as the caller already read it: the item's object, or one entry of the list it holds. */
export type GivenInvoice = { entry?: undefined; input: IDataObject } | { entry: number; value: unknown };

/** The PDF parameter: the binary property name, empty when the item has none (sales only). */
function pdfProperty(this: IExecuteFunctions, config: InvoiceOperationConfig, parameters: RunParameters, itemIndex: number): string {
	const property = String(parameters.binaryPropertyName(itemIndex) ?? '').trim();
	if (!property && config.pdfRequired) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: "PDF Binary Field" is empty (allowed: the name of the binary property holding the invoice PDF, e.g. data)`,
			{ itemIndex },
		);
	}
	return property;
}

const NO_REFERENCE_WARNING =
	'the invoice has no reference: it cannot be protected against double delivery (sent twice, e.g. by a webhook delivered twice, it is booked twice)';

// Yuki needs a purchase invoice's reference only when it is processed [doc]: one without is a draft.
const NO_REFERENCE_DRAFT_WARNING =
	'the purchase invoice has no reference, so it goes to Yuki as a draft that cannot be protected against double delivery (sent twice, e.g. by a webhook delivered twice, it is stored twice)';

/**
 * The node's own rule on invoice numbers (Yuki does not require one): a number of only spaces is
 * refused; a missing one is refused for sales invoices unless the user allows it, and then warned
 * about on every item, since nothing can recognise such an invoice when it arrives twice (a
 * purchase invoice without one, only possible as a draft, is warned about too).
 */
function checkReferences(
	this: IExecuteFunctions,
	config: InvoiceOperationConfig,
	options: InvoiceOptions,
	references: Array<string | undefined>,
	itemIndex: number,
	warnings: string[],
): void {
	const where = (position: number) => (references.length > 1 ? ` (invoice ${position + 1} of the XML document)` : '');
	for (let position = 0; position < references.length; position++) {
		const reference = references[position];
		if (reference !== undefined && reference !== '' && reference.trim() === '') {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: "reference" (Reference) is only spaces${where(position)}`, {
				itemIndex,
				description: 'Allowed: the invoice number from the invoicing tool, e.g. F-2024-0042. The invoice was not sent.',
			});
		}
		if (reference) continue;
		if (config.kind === 'sales' && !options.allowNoReference) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: "reference" (Reference) is empty${where(position)}`, {
				itemIndex,
				description:
					'Allowed: the invoice number from the invoicing tool, e.g. F-2024-0042. Yuki recognises an invoice it already has only by its number; without one, an invoice delivered twice is booked twice. To send invoices without a number anyway, turn on Allow Invoices Without Reference.',
			});
		}
		warnings.push(`${config.kind === 'sales' ? NO_REFERENCE_WARNING : NO_REFERENCE_DRAFT_WARNING}${where(position)}`);
	}
}

/**
 * The item's invoice(s), validated, or the error naming what is wrong. Synchronous unless the
 * item's PDF has to be looked at (a promise then): a large run then makes no promise per item.
 */
export function prepareItem(
	this: IExecuteFunctions,
	config: InvoiceOperationConfig,
	context: RunContext,
	options: InvoiceOptions,
	source: InvoiceSource,
	item: INodeExecutionData,
	itemIndex: number,
	parameters: RunParameters,
	/** From Input JSON: the invoice already read from the item (one entry of a list, or the item's object). */
	given?: GivenInvoice,
): PreparedItem | Promise<PreparedItem> {
	// n8n's getNode() deep-copies the node on every call, so only the error paths ask for it.
	const administrationId =
		chosenAdministration(parameters.administrationId(itemIndex), context.credentials) || administrationFor.call(this, context, itemIndex);
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
		checkReferences.call(this, config, options, inspected.references, itemIndex, warnings);
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

	const input =
		given === undefined
			? invoiceInput.call(this, source, config.document, item, itemIndex)
			: given.entry === undefined
				? given.input
				: invoiceEntryInput.call(this, config.document, given.value, itemIndex, given.entry);
	const job: ItemJob = { config, options, source, itemIndex, entry: given?.entry, administrationId, warnings, timeZone: parameters.timeZone };
	// A JSON body may bring its own base64 PDF; otherwise it comes from the binary property
	// (one file per item: the invoices of a list each bring their own documentBase64).
	if (given?.entry === undefined && (input.documentBase64 === undefined || input.documentBase64 === '')) {
		const property = pdfProperty.call(this, config, parameters, itemIndex);
		if (property) {
			return checkPdf.call(this, itemIndex, property).then((pdf) => {
				// A copy: the input item itself is never changed.
				const withPdf = { ...input, documentFileName: input.documentFileName || pdf.fileName, documentBase64: PDF_PLACEHOLDER };
				return validatedItem.call(this, job, withPdf, pdf);
			});
		}
	}
	return validatedItem.call(this, job, input, undefined);
}

/** What validating one invoice needs to know besides the invoice. */
interface ItemJob {
	config: InvoiceOperationConfig;
	options: InvoiceOptions;
	source: InvoiceSource;
	itemIndex: number;
	/** Position in the item's list of invoices, if it holds one. */
	entry: number | undefined;
	administrationId: string;
	warnings: string[];
	timeZone: string;
}

/** The invoice of one item (its PDF, if any, already checked) validated, with the node's own checks. */
function validatedItem(this: IExecuteFunctions, job: ItemJob, input: IDataObject, pdf: PdfReference | undefined): PreparedItem {
	const { config, options, source, itemIndex, administrationId, warnings } = job;
	const validateOptions = { timeZone: job.timeZone, unknownKeys: source === 'json' ? options.unknownJsonKeys : 'error' } as const;
	// Written now, while the record is young (and, when plainly valid, in the walk that validates it):
	// a large run then keeps one element's bytes per invoice until its batch is sent, not the record's objects.
	// A record with a PDF is written when its batch is; one that cannot be written is left to the batch, which reports it.
	const validation = pdf
		? { ...validateRecord(config.document, input, validateOptions), written: undefined }
		: validateAndWriteRecord(config.document, input, validateOptions);
	if (!validation.ok) {
		throw new NodeOperationError(this.getNode(), describeIssues(validation.issues, itemIndex), {
			itemIndex,
			description: 'The invoice was not sent to Yuki. Correct the fields named above and run the node again.',
		});
	}
	const { record, written } = validation;
	checkReferences.call(this, config, options, [typeof record.reference === 'string' ? record.reference : undefined], itemIndex, warnings);

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
		entry: job.entry,
		administrationId,
		warnings,
		invoices: [
			{ itemIndex, administrationId, reference: str(record.reference), record: written ? undefined : record, written, contactCode: contactCodeOf(record), pdf },
		],
	};
}
