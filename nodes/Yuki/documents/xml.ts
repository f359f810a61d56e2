/**
 * Writes validated records as a Yuki invoice document, in the order the description gives.
 * A small writer of our own (n8n's verified nodes may not bring xmlbuilder2 at run time): it
 * knows our documents, which have elements and text only, so it needs to escape text and
 * nothing else. The document is one string built in one pass; a PDF's base64 is appended as is
 * (base64 needs no escaping). No `<?xml?>` declaration: the document goes inside the SOAP
 * `xmlDoc` element. Tests read every document back with xmlbuilder2 as an independent oracle.
 */
import type { DocumentSpec, Field, NormalisedRecord } from './fields';
import { fieldTable } from './paths';
import { ILLEGAL_XML_CHARACTER } from './xmlText';

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

/** The record's described fields as elements, absent ones left out; returns the text. */
function writeFields(fields: readonly Field[], record: NormalisedRecord, path: string): string {
	let out = '';
	for (const { field, key } of fieldTable(fields).entries) {
		const value = record[key];
		if (isAbsent(value)) continue;
		const at = `${path}/${field.xml}`;
		let content: string;
		if (field.kind === 'group') {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${at} must be a record`);
			content = writeFields(field.fields, value as NormalisedRecord, at);
		} else if (field.kind === 'list') {
			if (!Array.isArray(value)) throw new Error(`${at} must be a list of records`);
			content = '';
			for (const entry of value) content += element(field.itemXml, writeFields(field.fields, entry as NormalisedRecord, `${at}/${field.itemXml}`));
			// A repeated list has no wrapper element: its entries stand directly in the parent.
			if (field.repeated) {
				out += content;
				continue;
			}
		} else {
			if (typeof value !== 'string') throw new Error(`${at} must be text; validate the record first`);
			// Validation already refuses these; a record built elsewhere must not yield broken XML.
			if (ILLEGAL_XML_CHARACTER.test(value)) throw new Error(`${at} contains a character XML cannot carry`);
			content = escapeText(value);
		}
		out += element(field.xml, content);
	}
	return out;
}

/** Element names come from the descriptions (our constants), never from user data. */
function element(name: string, content: string): string {
	return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/**
 * The document for `records` (validated with `validateRecord`): root element in the
 * description's default namespace, records in the given order, children in described order,
 * absent fields left out.
 */
export function buildDocument(spec: DocumentSpec, records: readonly NormalisedRecord[]): string {
	let body = '';
	if (spec.singleRecord) {
		// The root is the record itself (e.g. a Journal): its fields stand directly in it.
		if (records.length !== 1) throw new Error(`A ${spec.name} document holds exactly one record, not ${records.length}`);
		body = writeFields(spec.fields, records[0], spec.root);
	} else for (const record of records) body += element(spec.record, writeFields(spec.fields, record, spec.record));
	return `<${spec.root} xmlns="${escapeAttribute(spec.namespace)}">${body}</${spec.root}>`;
}
