/**
 * Reads Yuki's SOAP answers into plain JSON, by the result descriptions in
 * `responses.ts`.
 * Elements are matched by local name because Yuki mixes namespaces (`xmlns=""` inside a
 * namespaced result). Lists are always arrays; empty or nil elements become `undefined`.
 */
import type { ResultField, ResultRecordSpec, ResultValueKind } from './responses';
import { importResponseHeader, importResponseInvoice, IMPORT_RESPONSE_ROOT, outstandingItemRecord } from './responses';
import type { ImportInvoiceResult, ImportResponse, OutstandingItem } from './types';
import type { RawRecord, RecordSpec } from './xml/records';
import { documentReader, scanContainer, streamRecords } from './xml/records';
import type { XmlElement } from './xml/scanner';
import type { XmlHandler } from './xml/stream';
import { childNamed, parseXml, textInOrder, XmlSyntaxError } from './xml/scanner';

export type ResultValue = string | number | boolean | undefined;
export type ResultRecord = Record<string, ResultValue>;

/** An answer that is not the SOAP document expected; the client turns it into a `malformed` error. */
export class MalformedAnswerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MalformedAnswerError';
	}
}

export interface SoapFault {
	faultCode?: string;
	faultString: string;
	detail?: string;
}

export type SoapAnswer = { fault: SoapFault } | { fault?: undefined; body: XmlElement };

/**
 * A reader of `<Operation>Result` that takes the result's content as it streams past during the
 * envelope's own pass (so a large answer is read once), then `read` as a call's `read` would.
 */
export interface ResultStream<T> {
	handler: XmlHandler;
	read(result: XmlElement | undefined): T;
}

/**
 * Parses an envelope and returns its Body, or the fault it carries (SOAP 1.1 or 1.2). With
 * `stream`, the content of `<operation>Response/<operation>Result` goes to its handler in the same pass.
 */
export function readEnvelope(xml: string, stream?: { operation: string; handler: XmlHandler }): SoapAnswer {
	let envelope: XmlElement | undefined;
	let syntaxError: unknown;
	try {
		// Envelope, Body, Response, Result: anything deeper is read when asked for (lists by streaming).
		envelope = parseXml(
			xml,
			stream
				? { within: { path: ['Envelope', 'Body', `${stream.operation}Response`, `${stream.operation}Result`], handler: stream.handler } }
				: { depth: 3 },
		);
	} catch (error) {
		syntaxError = error;
	}
	if (syntaxError instanceof XmlSyntaxError) throw new MalformedAnswerError(`not well-formed XML: ${syntaxError.message}`);
	if (!envelope) throw syntaxError;
	if (envelope.name !== 'Envelope') throw new MalformedAnswerError(`expected a SOAP envelope, got <${envelope.name}>`);
	const body = childNamed(envelope, 'Body');
	if (!body) throw new MalformedAnswerError('the SOAP envelope has no Body');
	const fault = childNamed(body, 'Fault');
	if (fault) return { fault: readFault(fault) };
	return { body };
}

function readFault(fault: XmlElement): SoapFault {
	// SOAP 1.1: faultcode/faultstring/detail; SOAP 1.2: Code/Value, Reason/Text, Detail.
	const code = childNamed(fault, 'faultcode') ?? childNamed(childNamed(fault, 'Code') ?? fault, 'Value');
	const reason = childNamed(fault, 'faultstring') ?? childNamed(childNamed(fault, 'Reason') ?? fault, 'Text');
	const detail = childNamed(fault, 'detail') ?? childNamed(fault, 'Detail');
	return {
		faultCode: code ? textOf(code) : undefined,
		faultString: (reason ? textOf(reason) : undefined) ?? 'Yuki returned a SOAP fault without a message',
		detail: detail ? textInOrder(detail) || undefined : undefined,
	};
}

/** `<Op>Response/<Op>Result` of the answer; `undefined` when the result element is absent (nothing returned). */
export function operationResult(body: XmlElement, operation: string): XmlElement | undefined {
	const response = childNamed(body, `${operation}Response`);
	if (!response) throw new MalformedAnswerError(`the SOAP Body holds no ${operation}Response`);
	return childNamed(response, `${operation}Result`);
}

/** Trimmed text of an element; `undefined` when empty or `xsi:nil`. */
export function textOf(element: XmlElement | undefined): string | undefined {
	if (!element || element.attributes.nil === 'true') return undefined;
	const text = element.text.trim();
	return text === '' ? undefined : text;
}


/** What `converted` returns for a text that does not fit its kind. */
const UNFIT = Symbol('unfit');

/**
 * `text` as a value of `kind`, or `UNFIT`: a value that does not fit its kind means the answer is
 * not what we expect (`setConverted` throws it, naming the field only then).
 */
function converted(text: string, kind: ResultValueKind): ResultValue | typeof UNFIT {
	switch (kind) {
		case 'text':
			return text;
		case 'number': {
			const value = Number(text);
			return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) && Number.isFinite(value) ? value : UNFIT;
		}
		case 'integer':
			return /^[-+]?\d+$/.test(text) ? Number(text) : UNFIT;
		case 'boolean': {
			const lower = text.toLowerCase();
			if (lower === 'true' || lower === '1') return true;
			if (lower === 'false' || lower === '0') return false;
			return UNFIT;
		}
		case 'date':
			return isoDate(text);
	}
}

function unfitValue(text: string, kind: ResultValueKind, what: string): MalformedAnswerError {
	const expected = kind === 'number' ? 'a number' : kind === 'integer' ? 'a whole number' : 'true or false';
	return new MalformedAnswerError(`${what} is not ${expected}: "${text}"`);
}

/** `2021-07-01T00:00:00` → `2021-07-01`; `31-12-2024` → `2024-12-31`; other text is kept as Yuki wrote it. */
function isoDate(text: string): string {
	const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
	if (iso) return iso[1];
	const dutch = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
	if (dutch) return `${dutch[3]}-${dutch[2]}-${dutch[1]}`;
	return text;
}

/** A result description as the streaming record reader takes it (built once per description). */
interface CompiledFields {
	attributes: ResultField[];
	children: ResultField[];
	/** Children of which `ID` is read too. */
	withId: string[];
	/** `Type@ID` per child, for an error naming the attribute (built once, not per record). */
	idNames: string[];
	/** `recordSpec`s made of these fields, by record name. */
	specs: Map<string, RecordSpec>;
}

const compiled = new WeakMap<readonly ResultField[], CompiledFields>();

function compile(fields: readonly ResultField[]): CompiledFields {
	let result = compiled.get(fields);
	if (!result) {
		const children = fields.filter((field) => !field.attribute);
		result = {
			attributes: fields.filter((field) => field.attribute),
			children,
			withId: children.filter((field) => field.idAttribute).map((field) => field.xml),
			idNames: children.map((field) => `${field.xml}@ID`),
			specs: new Map(),
		};
		compiled.set(fields, result);
	}
	return result;
}

/** The record reader's description of `record` elements with these fields (made once, not per answer). */
function recordSpec(record: string, fields: CompiledFields): RecordSpec {
	let spec = fields.specs.get(record);
	if (!spec) {
		spec = {
			record,
			attributes: fields.attributes.map((field) => field.xml),
			children: fields.children.map((field) => field.xml),
			childAttribute: { name: 'ID', of: fields.withId },
		};
		fields.specs.set(record, spec);
	}
	return spec;
}

/** The described fields of one record, converted by kind; empty values are left out. */
function toResultRecord(raw: RawRecord, fields: CompiledFields, recordName: string): ResultRecord {
	const record: ResultRecord = {};
	for (let index = 0; index < fields.attributes.length; index++) {
		const field = fields.attributes[index];
		setConverted(record, field.key, trimmedAttribute(raw.attributes[index]), field.kind, recordName, '@', field.xml);
	}
	for (let index = 0; index < fields.children.length; index++) {
		const field = fields.children[index];
		setConverted(record, field.key, raw.texts[index], field.kind, recordName, '.', field.xml);
		if (field.idAttribute) {
			setConverted(record, field.idAttribute.key, trimmedAttribute(raw.childAttributes[index]), field.idAttribute.kind, recordName, '.', fields.idNames[index]);
		}
	}
	return record;
}

/**
 * Sets `key` to `text` converted by `kind`, or leaves it out when there is no text (the JSON shows
 * only what Yuki said). The field is named (`Invoice.Succeeded`, a string built) only when its
 * value does not fit, not for every value.
 */
function setConverted(record: ResultRecord, key: string, text: string | undefined, kind: ResultValueKind, recordName: string, separator: string, name: string): void {
	if (text === undefined) return;
	const value = converted(text, kind);
	if (value === UNFIT) throw unfitValue(text, kind, recordName + separator + name);
	record[key] = value;
}

function trimmedAttribute(raw: string | undefined): string | undefined {
	const trimmed = raw?.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** Reads the described fields of one record element (children and attributes by local name; the first of a name wins). */
export function readRecord(element: XmlElement, fields: readonly ResultField[]): ResultRecord {
	const compiledFields = compile(fields);
	let record: ResultRecord = {};
	const holder: XmlElement = { name: '', attributes: {}, children: [element], text: '' };
	streamRecords(holder, recordSpec(element.name, compiledFields), (raw) => {
		record = toResultRecord(raw, compiledFields, element.name);
	});
	return record;
}

/**
 * Every `record` element under `container` (at any depth, not inside another record), as elements:
 * for readers that need more than the described fields of each (small lists such as contacts).
 */
export function recordElements(container: XmlElement | undefined, record: string): XmlElement[] {
	const found: XmlElement[] = [];
	const visit = (element: XmlElement) => {
		for (const child of element.children) {
			if (child.name === record) found.push(child);
			else visit(child);
		}
	};
	if (container) visit(container);
	return found;
}

/**
 * Every `spec.record` element under `container` (at any depth, not inside another record), in
 * document order, read as it streams past (no element tree is built for the list).
 */
export function readRecords(container: XmlElement | undefined, spec: ResultRecordSpec): ResultRecord[] {
	if (!container) return [];
	const fields = compile(spec.fields);
	const records: ResultRecord[] = [];
	streamRecords(container, recordSpec(spec.record, fields), (raw) => records.push(toResultRecord(raw, fields, spec.record)));
	return records;
}

/** Keys a record must have for the result type to make sense. */
export function requireKeys(records: ResultRecord[], keys: readonly string[], recordName: string): void {
	for (const [index, record] of records.entries()) {
		for (const key of keys) {
			if (record[key] === undefined) throw new MalformedAnswerError(`${recordName} ${index + 1} has no ${key}`);
		}
	}
}

/**
 * Open items (`Item` records), with the amounts also as the exact text Yuki wrote. Read as they
 * stream past: a 70 MB list never becomes an element tree.
 *
 * An answer that does not say what is open is an error, never an empty list (an empty list would
 * report every open invoice as paid): no `…Result` element at all [the WSDL allows that; whether
 * Yuki omits it for an empty list is not documented], or a result without its `container` list
 * element. An empty list element is an empty list [doc: Yuki's example answers].
 */
export function readOutstandingItems(result: XmlElement | undefined, operation: string, container: string): OutstandingItem[] {
	if (!result) throw new MalformedAnswerError(`the ${operation} answer has no ${operation}Result: it cannot be read as a list of open items`);
	const fields = compile(outstandingItemRecord.fields);
	const openAmount = fields.children.findIndex((field) => field.xml === 'OpenAmount');
	const originalAmount = fields.children.findIndex((field) => field.xml === 'OriginalAmount');
	const items: OutstandingItem[] = [];
	const { topLevel } = streamRecords(result, recordSpec(outstandingItemRecord.record, fields), (raw) => {
		const record = toResultRecord(raw, fields, outstandingItemRecord.record);
		// Exact texts for decimal-safe arithmetic (the numbers are for display and comparisons).
		const openAmountText = raw.texts[openAmount];
		const originalAmountText = raw.texts[originalAmount];
		if (record.id === undefined || openAmountText === undefined || originalAmountText === undefined) {
			throw new MalformedAnswerError(`open item ${items.length + 1} lacks its ID, OpenAmount or OriginalAmount`);
		}
		record.openAmountText = openAmountText;
		record.originalAmountText = originalAmountText;
		items.push(record as unknown as OutstandingItem);
	});
	// The list element `container` (OutstandingItems, OutstandingDebtorItems, OutstandingCreditorItems) must be there [doc: Yuki's examples].
	if (!topLevel.includes(container)) {
		const found = topLevel.length > 0 ? `<${topLevel.join('>, <')}>` : 'nothing';
		throw new MalformedAnswerError(`the ${operation} answer holds ${found} instead of <${container}>: it cannot be read as a list of open items`);
	}
	return items;
}

/** First descendant with this name, depth first. */
export function findDescendant(element: XmlElement, name: string): XmlElement | undefined {
	for (const child of element.children) {
		if (child.name === name) return child;
		const found = findDescendant(child, name);
		if (found) return found;
	}
	return undefined;
}

/**
 * `SalesInvoicesImportResponse` / `PurchaseInvoicesImportResponse`. When the result holds no such
 * document, Yuki rejected the batch before processing it (e.g. schema validation) and the text it
 * returned instead is thrown as a `RejectedDocumentError` [guess: the shape of that answer is not documented].
 */
export function readImportResponse(result: XmlElement | undefined, kind: keyof typeof IMPORT_RESPONSE_ROOT): ImportResponse {
	const stream = importResponseStream(kind);
	if (result) scanContainer(result, stream.handler);
	return stream.read(result);
}

/**
 * `readImportResponse` as the answer streams past: the response's own fields and its invoices in
 * one pass, no element tree. An unreadable value stops the reading and is thrown by `read`, as
 * `readImportResponse` would throw it (the client reads the result only of an answer it accepts).
 */
export function importResponseStream(kind: keyof typeof IMPORT_RESPONSE_ROOT): ResultStream<ImportResponse> {
	const rootName = IMPORT_RESPONSE_ROOT[kind].root;
	const headerFields = compile(importResponseHeader);
	const invoiceFields = compile(importResponseInvoice.fields);
	const invoices: ImportInvoiceResult[] = [];
	let succeeded = 0;
	let failure: { error: unknown } | undefined;
	const reader = documentReader(
		{ root: rootName, header: recordSpec(rootName, headerFields), records: recordSpec(importResponseInvoice.record, invoiceFields) },
		(raw) => {
			// Only converting a value can fail; after a failure the rest is not converted (the scan still checks the XML).
			if (failure) return;
			try {
				const invoice = toResultRecord(raw, invoiceFields, importResponseInvoice.record) as unknown as ImportInvoiceResult;
				invoice.succeeded = invoice.succeeded === true;
				invoice.processed = invoice.processed === true;
				if (invoice.succeeded) succeeded++;
				invoices.push(invoice);
			} catch (error) {
				failure = { error };
			}
		},
	);
	return {
		handler: reader.handler,
		read(result) {
			if (failure) throw failure.error;
			const raw = reader.header();
			if (!raw) {
				const text = result ? textInOrder(result) : '';
				throw new RejectedDocumentError(text || `Yuki returned no ${rootName}`);
			}
			const header = toResultRecord(raw, headerFields, rootName);
			return {
				timeStamp: header.timeStamp as string | undefined,
				administrationId: header.administrationId as string | undefined,
				totalSucceeded: (header.totalSucceeded as number | undefined) ?? succeeded,
				totalFailed: (header.totalFailed as number | undefined) ?? invoices.length - succeeded,
				totalSkipped: (header.totalSkipped as number | undefined) ?? 0,
				invoices,
			};
		},
	};
}

/** Yuki answered an import without an import response: it refused the whole document. */
export class RejectedDocumentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RejectedDocumentError';
	}
}

/** Records of one kind, checked for the keys their result type needs (a gap is a malformed answer). */
export function readTypedRecords<T>(result: XmlElement | undefined, spec: ResultRecordSpec, required: readonly string[], recordName: string): T[] {
	const records = readRecords(result, spec);
	requireKeys(records, required, recordName);
	return records as unknown as T[];
}

/** A result that is one required text (a session or document ID). */
export function requiredText(result: XmlElement | undefined, what: string): string {
	const text = textOf(result);
	if (!text) throw new MalformedAnswerError(`Yuki returned no ${what}`);
	return text;
}
