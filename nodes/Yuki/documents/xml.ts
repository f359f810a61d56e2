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

/** Text, a file (bytes or source) that stands in the document as its base64, or a record written before (its UTF-8 bytes). */
export type XmlPart = string | Buffer | FileSource | WrittenRecord;

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
 * Text joined to a tag, remembered for the text it was last joined to. Between two values of a
 * record stands a run of tags (`</Reference><Subject>`, `</DueDate><Contact><ContactCode>`)
 * that is the same from one record to the next: each tag keeps the run it last ended, so a large
 * run of invoices joins each run once and then reuses it (the text compared is that very string,
 * so the comparison is one of identity), and a record's text is one piece per value and one per run.
 */
class Joint {
	private before: string | undefined;
	private joined = '';

	constructor(private readonly tag: string) {}

	/** `before` followed by the tag, as one flat string. */
	after(before: string): string {
		if (before !== this.before) {
			this.before = before;
			// Joined, not concatenated: a concatenation is a chain that every copy of the record would walk.
			this.joined = [before, this.tag].join('');
		}
		return this.joined;
	}
}

/** An element's tags, worked out once per description rather than for every value of a large run. */
export interface ElementTags {
	open: string;
	close: string;
	empty: string;
	/** Runs of tags ending with each of the three. */
	afterOpen: Joint;
	afterClose: Joint;
	afterEmpty: Joint;
}

export function tagsOf(name: string): ElementTags {
	const [open, close, empty] = [`<${name}>`, `</${name}>`, `<${name}/>`];
	return { open, close, empty, afterOpen: new Joint(open), afterClose: new Joint(close), afterEmpty: new Joint(empty) };
}

/**
 * One described element, compiled once per description: its tags, and the path errors name.
 * Paths hold no list index (`SalesInvoice/InvoiceLines/InvoiceLine/Description`), so they too are
 * known before any record is written. Every entry has every property (one shape for all).
 */
interface CompiledField extends ElementTags {
	field: Field;
	key: string;
	/** Text, enum, number, date or file: a string value is written as escaped text. */
	scalar: boolean;
	/** The element's path in errors, e.g. `SalesInvoice/Contact`. */
	at: string;
	/** A group's or list entry's own fields. */
	children: CompiledLevel | undefined;
	/** A list's entry element (`InvoiceLine` in `InvoiceLines`). */
	entry: ElementTags | undefined;
	/** Where in its level the next field given stood, the last time this one was not given: records of a run mostly leave out the same fields. */
	nextGiven: number;
}

/** One level of a description (a record, a group, a list entry). */
type CompiledLevel = readonly CompiledField[];

function compileLevel(fields: readonly Field[], path: string): CompiledLevel {
	return fieldTable(fields).entries.map(({ field, key }): CompiledField => {
		const at = `${path}/${field.xml}`;
		const entryAt = field.kind === 'list' ? `${at}/${field.itemXml}` : at;
		return {
			...tagsOf(field.xml),
			field,
			key,
			scalar: field.kind !== 'group' && field.kind !== 'list',
			at,
			children: field.kind === 'group' || field.kind === 'list' ? compileLevel(field.fields, entryAt) : undefined,
			entry: field.kind === 'list' ? tagsOf(field.itemXml) : undefined,
			nextGiven: 0,
		};
	});
}

/** A description compiled: its record's element and fields, its root's tags. */
interface CompiledSpec {
	record: ElementTags;
	fields: CompiledLevel;
	rootOpen: string;
	rootClose: string;
}

const compiledSpecs = new WeakMap<DocumentSpec, CompiledSpec>();

/** The description compiled on first use and kept with it: a large run writes every record with it. */
function compiledSpec(spec: DocumentSpec): CompiledSpec {
	let compiled = compiledSpecs.get(spec);
	if (!compiled) {
		compiled = {
			record: tagsOf(spec.record),
			// A single-record document's fields stand in the root and are named from it.
			fields: compileLevel(spec.fields, spec.singleRecord ? spec.root : spec.record),
			rootOpen: `<${spec.root} xmlns="${escapeAttribute(spec.namespace)}">`,
			rootClose: `</${spec.root}>`,
		};
		compiledSpecs.set(spec, compiled);
	}
	return compiled;
}

/**
 * Whether text needs more than copying: a character to escape (`&`, `<`, `>`, CR) or one XML may
 * not carry (every character `hasIllegalXmlCharacter` refuses is among these). One pass over the
 * text, rather than two regular expressions for every value.
 */
function needsCare(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		// Letters and most punctuation first: above `>`, only surrogates and U+FFFE/U+FFFF need care.
		if (code > 0x3e) {
			if (code >= 0xd800 && (code <= 0xdfff || code >= 0xfffe)) return true;
		} else if (code < 0x20 ? code !== 0x09 && code !== 0x0a : code === 0x26 || code === 0x3c || code === 0x3e) return true;
	}
	return false;
}

/** A value that needs care: refused when XML cannot carry it (`at` names the element), escaped otherwise. */
function carefulText(at: string, value: string): string {
	// Validation already refuses these; a record built elsewhere must not yield broken XML.
	if (hasIllegalXmlCharacter(value)) throw new Error(`${at} contains a character XML cannot carry`);
	return escapeText(value);
}

/**
 * Where a document (or one record's element) is written. Tags are not written at once: they wait
 * in `pending`, joined into one run, until a value (or a file, or the end) follows, so that an
 * element that gets no content can still become `<name/>`, and the text grows by one piece per
 * value and one per run of tags. A file ends a text run: the run and the file go into `parts`.
 *
 * A plain object and functions rather than a class: V8 keeps an object literal's shape for good,
 * while the shape of a class's instances is let go by a full garbage collection that finds none
 * alive (one is made per record), and with it the optimised code of the whole writer.
 */
export interface Output {
	text: string;
	pending: string;
	readonly parts: XmlPart[];
	/** Every level is written field by field in described order (see `writtenInOrder`). */
	readonly inDescribedOrder: boolean;
}

export function newOutput(inDescribedOrder: boolean): Output {
	return { text: '', pending: '', parts: [], inDescribedOrder };
}

/** Opens an element: its open tag waits with the others. Returns the tags that waited before it, for `closeElement`. */
export function openElement(out: Output, tags: ElementTags): string {
	const before = out.pending;
	out.pending = tags.afterOpen.after(before);
	return before;
}

/**
 * Closes the element opened when `before` was waiting and `opened` (its open tag) then came to
 * wait: `<name/>` in their place when nothing was written since. Whatever is written replaces
 * the waiting tags (text, a file) or joins them into another string (tags), and nothing in the
 * element opens it again, so the waiting tags are still `opened` itself exactly when the element
 * got no content.
 */
export function closeElement(out: Output, tags: ElementTags, before: string, opened: string): void {
	out.pending = out.pending === opened ? tags.afterEmpty.after(before) : tags.afterClose.after(out.pending);
}

/** Writes the tags waiting, then `text`. */
function writeText(out: Output, text: string): void {
	out.text += out.pending;
	out.pending = '';
	out.text += text;
}

/** A part that is not text (a file, a record written before) after the text so far. */
function writePart(out: Output, part: Buffer | FileSource | WrittenRecord): void {
	const text = out.text + out.pending;
	if (text !== '') out.parts.push(text);
	out.parts.push(part);
	out.text = '';
	out.pending = '';
}

/** The text runs and files in order, none empty. */
function finishedParts(out: Output): XmlPart[] {
	writeText(out, '');
	if (out.text !== '') out.parts.push(out.text);
	return out.parts;
}

/** Thrown when a record's keys are not in described order: the document is then written in described order. */
const OUT_OF_ORDER = new Error('keys out of described order');

/**
 * The record's described fields as elements, absent ones left out. Element names come from the
 * descriptions, never from user data.
 *
 * Validation builds a record with its keys in described order, so the record's keys (its
 * enumerable properties, as validation and JSON give them) are walked alongside the
 * description: only the fields given are read (a third of them in a typical invoice), rather
 * than every described field looked up by name. A key the description does not have there
 * (another order, a key it does not know) stops it (see `writtenInOrder`).
 */
function writeLevel(level: CompiledLevel, record: WritableRecord, out: Output): void {
	if (out.inDescribedOrder || typeof record !== 'object' || record === null) {
		writeLevelInOrder(level, record, out);
		return;
	}
	let index = 0;
	for (const key in record) {
		let compiled = level[index];
		if (compiled !== undefined && compiled.key !== key) {
			// Fields left out: first where the same gap ended last time (keys are unique in a level), then every one.
			const from = compiled;
			const guess = from.nextGiven > index ? level[from.nextGiven] : undefined;
			if (guess !== undefined && guess.key === key) {
				index = from.nextGiven;
				compiled = guess;
			} else {
				while (compiled !== undefined && compiled.key !== key) compiled = level[++index];
				from.nextGiven = index;
			}
		}
		if (compiled === undefined) throw OUT_OF_ORDER;
		index++;
		const value = record[key];
		if (value === undefined || value === '') continue;
		if (typeof value === 'string' && compiled.scalar) writeTextElement(compiled, compiled.at, value, out);
		else writeStructure(compiled, value, out);
	}
}

/** `writeLevel` field by field in described order, whatever the record's keys. */
function writeLevelInOrder(level: CompiledLevel, record: WritableRecord, out: Output): void {
	for (let index = 0; index < level.length; index++) {
		const compiled = level[index];
		const value = record[compiled.key];
		if (value === undefined || value === '') continue;
		if (typeof value === 'string' && compiled.scalar) writeTextElement(compiled, compiled.at, value, out);
		else writeStructure(compiled, value, out);
	}
}

/**
 * What `write` writes: walking the records' own keys, or when that stops (keys in another order)
 * or fails, again from the start in described order, so that the output, or the error (the one
 * for the first field in that order), is exactly that of writing field by field.
 */
function writtenInOrder<A, B>(write: (out: Output, a: A, b: B) => void, a: A, b: B): Output {
	const out = newOutput(false);
	try {
		write(out, a, b);
		return out;
	} catch {
		// Written again below.
	}
	const again = newOutput(true);
	write(again, a, b);
	return again;
}

/** A text element (never empty: absent values were skipped), the common case; `at` names it in an error. */
export function writeTextElement(tags: ElementTags, at: string, value: string, out: Output): void {
	out.text += tags.afterOpen.after(out.pending);
	out.text += needsCare(value) ? carefulText(at, value) : value;
	out.pending = tags.close;
}

/** A group, a list, or a file: the rarer shapes, and every value of the wrong shape. */
function writeStructure(compiled: CompiledField, value: Exclude<WritableRecord[string], undefined>, out: Output): void {
	const { field, at } = compiled;
	if (field.kind === 'group') {
		if (typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value) || isFileSource(value)) {
			throw new Error(`${at} must be a record`);
		}
		writeRecordElement(compiled, compiled.children as CompiledLevel, value as WritableRecord, out);
	} else if (field.kind === 'list') {
		if (!Array.isArray(value)) throw new Error(`${at} must be a list of records`);
		const entry = compiled.entry as ElementTags;
		const children = compiled.children as CompiledLevel;
		// A repeated list has no wrapper element: its entries stand directly in the parent.
		if (field.repeated) {
			for (const record of value) writeRecordElement(entry, children, record as WritableRecord, out);
			return;
		}
		const before = openElement(out, compiled);
		const opened = out.pending;
		for (const record of value) writeRecordElement(entry, children, record as WritableRecord, out);
		closeElement(out, compiled, before, opened);
	} else if (Buffer.isBuffer(value) || isFileSource(value)) {
		if (field.kind !== 'base64') throw new Error(`${at} must be text; only a file field takes bytes`);
		const before = openElement(out, compiled);
		const opened = out.pending;
		// The file stands as a part of its own between its tags.
		if ((Buffer.isBuffer(value) ? value.length : value.bytes) > 0) writePart(out, value);
		closeElement(out, compiled, before, opened);
	} else {
		throw new Error(`${at} must be text; validate the record first`);
	}
}

/** An element holding a record's fields (a record, a group, a list entry); `<name/>` when none is given. */
function writeRecordElement(tags: ElementTags, level: CompiledLevel, record: WritableRecord, out: Output): void {
	const before = openElement(out, tags);
	const opened = out.pending;
	writeLevel(level, record, out);
	closeElement(out, tags, before, opened);
}

/**
 * A record's element, written once (when the record is validated) and placed in a document as it
 * is: kept as its UTF-8 bytes, which is what the request body holds. Bytes live outside V8's heap,
 * so a large run's thousands of waiting elements are not copied by every garbage collection (as
 * strings they were, twice each), and the text they were written as is let go while it is young.
 */
export class WrittenRecord {
	readonly bytes: Buffer;

	constructor(xml: string) {
		this.bytes = Buffer.from(xml, 'utf8');
	}

	get xml(): string {
		return this.bytes.toString('utf8');
	}
}

/** The tags of the element that holds one record of `spec` (`SalesInvoice`). */
export function recordTags(spec: DocumentSpec): ElementTags {
	return compiledSpec(spec).record;
}

/** The record's element written into `out` (all text, no file) as a `WrittenRecord`. */
export function writtenRecordOf(out: Output): WrittenRecord {
	writeText(out, '');
	return new WrittenRecord(out.text);
}

/**
 * The record's element exactly as `buildDocumentParts` writes it in a document, so that the
 * record itself need not be kept until its batch is built; `undefined` for a record holding file
 * bytes or a source (written only while it is sent) and for a single-record document.
 * Throws what `buildDocumentParts` would throw for the record.
 */
export function writeRecord(spec: DocumentSpec, record: WritableRecord): WrittenRecord | undefined {
	if (spec.singleRecord) return undefined;
	const out = writtenInOrder(writeRecordIn, compiledSpec(spec), record);
	return out.parts.length > 0 ? undefined : writtenRecordOf(out);
}

/**
 * The document for `records` (validated with `validateRecord`) as text parts and file bytes, in
 * order: root element in the description's default namespace, records in the given order,
 * children in described order, absent fields left out. A file field's Buffer or source is one
 * part of its own, to be written as base64 where it stands; the text between files is one part.
 */
export function buildDocumentParts(spec: DocumentSpec, records: ReadonlyArray<WritableRecord | WrittenRecord>): XmlPart[] {
	if (spec.singleRecord) {
		if (records.length !== 1) throw new Error(`A ${spec.name} document holds exactly one record, not ${records.length}`);
		if (records[0] instanceof WrittenRecord) throw new Error(`A ${spec.name} document is written from its record`);
	}
	return finishedParts(writtenInOrder(writeDocument, spec, records));
}

function writeRecordIn(out: Output, compiled: CompiledSpec, record: WritableRecord): void {
	writeRecordElement(compiled.record, compiled.fields, record, out);
}

function writeDocument(out: Output, spec: DocumentSpec, records: ReadonlyArray<WritableRecord | WrittenRecord>): void {
	const compiled = compiledSpec(spec);
	writeText(out, compiled.rootOpen);
	for (const record of records) {
		// A record written before reads exactly as if written here: an element's content depends on nothing around it.
		if (record instanceof WrittenRecord) writePart(out, record);
		// The root of a single-record document (e.g. a Journal) is the record itself: its fields stand directly in it.
		else if (spec.singleRecord) writeLevel(compiled.fields, record, out);
		else writeRecordElement(compiled.record, compiled.fields, record, out);
	}
	writeText(out, compiled.rootClose);
}

/** The document as one string (file bytes as base64 text): for small documents, dry runs and tests. Files must be Buffers. */
export function buildDocument(spec: DocumentSpec, records: ReadonlyArray<WritableRecord | WrittenRecord>): string {
	return buildDocumentParts(spec, records)
		.map((part) => {
			if (typeof part === 'string') return part;
			if (part instanceof WrittenRecord) return part.xml;
			if (Buffer.isBuffer(part)) return part.toString('base64');
			throw new Error(`${part.label} is read only while it is sent; a document as one string needs its bytes`);
		})
		.join('');
}
