/**
 * Writes validated records as a Yuki invoice document, in the order the description gives.
 * A small writer of our own (n8n's verified nodes may not bring xmlbuilder2 at run time): it
 * knows our documents, which have elements and text only, so it needs to escape text and
 * nothing else. No `<?xml?>` declaration: the document goes inside the SOAP `xmlDoc` element.
 * Tests read every document back with xmlbuilder2 as an independent oracle.
 *
 * A file field (kind `base64`) may hold the file's bytes as a Buffer, or a `FileSource` that
 * reads them when the request body is written, instead of base64 text: `buildDocumentParts` then
 * leaves the file as it is, between the text parts, and the envelope encodes it straight into
 * the request body. A batch of PDFs is so never held as base64 strings, nor copied into one
 * document string and again into the body; a streamed PDF is not held at all.
 */
import type { DocumentSpec, Field, NormalisedRecord } from './fields';
import { fieldTable } from './paths';
import { hasIllegalXmlCharacter } from './xmlText';

/**
 * A file read only while the request body is written, chunk by chunk. `open` may be called more
 * than once (a call repeated after a new sign-in sends the document again) and must then read
 * the same bytes from the start.
 */
export interface FileSource {
	/** The file's size in bytes, known before it is read: the request's length depends on it. */
	readonly bytes: number;
	/** What the file is, for messages (e.g. `the PDF of item 3`). */
	readonly label: string;
	open(): Promise<AsyncIterable<Uint8Array>>;
}

export function isFileSource(value: unknown): value is FileSource {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as FileSource).open === 'function' &&
		Number.isSafeInteger((value as FileSource).bytes)
	);
}

/** A record to write: a validated record whose file fields may hold the file's bytes or its source. */
export interface WritableRecord {
	[key: string]: string | Buffer | FileSource | WritableRecord | WritableRecord[] | NormalisedRecord | NormalisedRecord[] | undefined;
}

/** Text, or a file (bytes or source) that stands in the document as its base64. */
export type XmlPart = string | Buffer | FileSource;

function isAbsent(value: unknown): boolean {
	return value === undefined || value === '';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const NEEDS_ESCAPE = /[&<>\r]/;

/**
 * Character data as XML text: `&`, `<` and `>` escaped (so "]]>" and text that looks like an
 * entity reference stay as typed), and a carriage return as a reference, since a parser would
 * turn a literal one into a line feed.
 */
export function escapeText(text: string): string {
	return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>\r]/g, (character) => ESCAPES[character]) : text;
}

function escapeAttribute(text: string): string {
	return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/**
 * Collects the document: text runs joined, bytes kept apart. The pieces of a run are kept in a
 * list and joined once: one flat string, rather than a chain of concatenations to copy later.
 */
class PartsWriter {
	private readonly parts: XmlPart[] = [];
	private pieces: string[] = [];
	/** Elements opened but not yet written (their open tags): an element that gets no content becomes `<name/>`. */
	private readonly pending: string[] = [];

	open(tags: Tags): void {
		this.pending.push(tags.open);
	}

	/** Closes the innermost open element. */
	close(tags: Tags): void {
		if (this.pending.length > 0) {
			// Nothing was written since it was opened (it is the innermost pending element).
			this.pending.pop();
			this.write(tags.empty);
		} else this.write(tags.close);
	}

	write(text: string): void {
		if (this.pending.length > 0) {
			for (const open of this.pending) this.pieces.push(open);
			this.pending.length = 0;
		}
		this.pieces.push(text);
	}

	/** Text, then the open tag, the escaped value and the close tag of a text element (the common case, in one go). */
	element(tags: Tags, escaped: string): void {
		this.write(tags.open);
		this.pieces.push(escaped, tags.close);
	}

	private flush(): void {
		const text = this.pieces.join('');
		this.pieces = [];
		if (text !== '') this.parts.push(text);
	}

	file(file: Buffer | FileSource): void {
		this.write('');
		this.flush();
		this.parts.push(file);
	}

	finish(): XmlPart[] {
		this.flush();
		return this.parts;
	}
}

/** An element's tags, written once per description rather than for every value of a large run. */
interface Tags {
	open: string;
	close: string;
	empty: string;
}

function tagsOf(name: string): Tags {
	return { open: `<${name}>`, close: `</${name}>`, empty: `<${name}/>` };
}

interface WriterEntry {
	field: Field;
	key: string;
	tags: Tags;
	/** A list's entry element (`InvoiceLine` in `InvoiceLines`). */
	itemTags?: Tags;
}

const writerTables = new WeakMap<readonly Field[], WriterEntry[]>();

/** One level of a description with its tags, built on first use and kept with the description. */
function writerTable(fields: readonly Field[]): WriterEntry[] {
	let table = writerTables.get(fields);
	if (!table) {
		table = fieldTable(fields).entries.map(({ field, key }) => ({
			field,
			key,
			tags: tagsOf(field.xml),
			itemTags: field.kind === 'list' ? tagsOf(field.itemXml) : undefined,
		}));
		writerTables.set(fields, table);
	}
	return table;
}

/**
 * The record's described fields as elements, absent ones left out. Element names come from the
 * descriptions, never from user data. `path` names the record in errors (e.g. `SalesInvoice`).
 */
function writeFields(out: PartsWriter, fields: readonly Field[], record: WritableRecord, path: string): void {
	for (const { field, key, tags, itemTags } of writerTable(fields)) {
		const value = record[key];
		if (isAbsent(value)) continue;
		if (typeof value === 'string' && field.kind !== 'group' && field.kind !== 'list') {
			// Validation already refuses these; a record built elsewhere must not yield broken XML.
			if (hasIllegalXmlCharacter(value)) throw new Error(`${path}/${field.xml} contains a character XML cannot carry`);
			// Never empty (absent values were skipped): written in one go, the common case.
			out.element(tags, escapeText(value));
			continue;
		}
		const at = `${path}/${field.xml}`;
		if (field.kind === 'group') {
			if (typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value) || isFileSource(value)) {
				throw new Error(`${at} must be a record`);
			}
			out.open(tags);
			writeFields(out, field.fields, value as WritableRecord, at);
			out.close(tags);
		} else if (field.kind === 'list') {
			if (!Array.isArray(value)) throw new Error(`${at} must be a list of records`);
			const entryTags = itemTags as Tags;
			const entryAt = `${at}/${field.itemXml}`;
			// A repeated list has no wrapper element: its entries stand directly in the parent.
			if (!field.repeated) out.open(tags);
			for (const entry of value) {
				out.open(entryTags);
				writeFields(out, field.fields, entry as WritableRecord, entryAt);
				out.close(entryTags);
			}
			if (!field.repeated) out.close(tags);
		} else if (Buffer.isBuffer(value) || isFileSource(value)) {
			if (field.kind !== 'base64') throw new Error(`${at} must be text; only a file field takes bytes`);
			out.open(tags);
			if ((Buffer.isBuffer(value) ? value.length : value.bytes) > 0) out.file(value);
			out.close(tags);
		} else {
			throw new Error(`${at} must be text; validate the record first`);
		}
	}
}

function writeRecordElement(out: PartsWriter, spec: DocumentSpec, recordTags: Tags, record: WritableRecord): void {
	out.open(recordTags);
	writeFields(out, spec.fields, record, spec.record);
	out.close(recordTags);
}

/** A record's element, written once (when the record is validated) and placed in a document as it is. */
export class WrittenRecord {
	constructor(readonly xml: string) {}
}

/**
 * The record's element exactly as `buildDocumentParts` writes it in a document, so that the
 * record itself need not be kept until its batch is built; `undefined` for a record holding file
 * bytes or a source (written only while it is sent) and for a single-record document.
 * Throws what `buildDocumentParts` would throw for the record.
 */
export function writeRecord(spec: DocumentSpec, record: WritableRecord): WrittenRecord | undefined {
	if (spec.singleRecord) return undefined;
	const out = new PartsWriter();
	writeRecordElement(out, spec, tagsOf(spec.record), record);
	const parts = out.finish();
	if (parts.length !== 1 || typeof parts[0] !== 'string') return undefined;
	return new WrittenRecord(parts[0]);
}

/**
 * The document for `records` (validated with `validateRecord`) as text parts and file bytes, in
 * order: root element in the description's default namespace, records in the given order,
 * children in described order, absent fields left out. A file field's Buffer or source is one
 * part of its own, to be written as base64 where it stands.
 */
export function buildDocumentParts(spec: DocumentSpec, records: ReadonlyArray<WritableRecord | WrittenRecord>): XmlPart[] {
	const out = new PartsWriter();
	out.write(`<${spec.root} xmlns="${escapeAttribute(spec.namespace)}">`);
	if (spec.singleRecord) {
		// The root is the record itself (e.g. a Journal): its fields stand directly in it.
		if (records.length !== 1) throw new Error(`A ${spec.name} document holds exactly one record, not ${records.length}`);
		const [record] = records;
		if (record instanceof WrittenRecord) throw new Error(`A ${spec.name} document is written from its record`);
		writeFields(out, spec.fields, record, spec.root);
	} else {
		const recordTags = tagsOf(spec.record);
		for (const record of records) {
			// Between records nothing is pending: a record written before reads exactly as if written here.
			if (record instanceof WrittenRecord) out.write(record.xml);
			else writeRecordElement(out, spec, recordTags, record);
		}
	}
	out.write(`</${spec.root}>`);
	return out.finish();
}

/** The document as one string (file bytes as base64 text): for small documents, dry runs and tests. Files must be Buffers. */
export function buildDocument(spec: DocumentSpec, records: ReadonlyArray<WritableRecord | WrittenRecord>): string {
	return buildDocumentParts(spec, records)
		.map((part) => {
			if (typeof part === 'string') return part;
			if (Buffer.isBuffer(part)) return part.toString('base64');
			throw new Error(`${part.label} is read only while it is sent; a document as one string needs its bytes`);
		})
		.join('');
}
