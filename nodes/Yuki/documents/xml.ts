/**
 * Writes validated records as a Yuki invoice document, in the order the description gives.
 * Each record is built and serialised on its own with xmlbuilder2, so only one record's tree
 * exists at a time (a batch of invoices with PDFs can be many megabytes); the strings are joined
 * once at the end. No `<?xml?>` declaration: the document goes inside the SOAP `xmlDoc` element.
 */
import { fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { fieldKey } from './fields';
import type { DocumentSpec, Field, NormalisedRecord } from './fields';
import { ILLEGAL_XML_CHARACTER } from './xmlText';

function isAbsent(value: unknown): boolean {
	return value === undefined || value === '';
}

/**
 * xmlbuilder2 leaves an "&" alone when it looks like an entity reference ("&amp;", "&foo;"), so
 * user text "&lt;" would reach Yuki as "<" and "&foo;" would break the whole document. Escaping
 * every "&" first makes the serialiser see only "&amp;", which it keeps; it escapes "<" and ">".
 */
function escapeAmpersands(text: string): string {
	return text.includes('&') ? text.replace(/&/g, '&amp;') : text;
}

function writeFields(parent: XMLBuilder, fields: readonly Field[], record: NormalisedRecord, path: string): void {
	for (const field of fields) {
		const value = record[fieldKey(field)];
		if (isAbsent(value)) continue;
		const at = `${path}/${field.xml}`;
		if (field.kind === 'group') {
			if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${at} must be a record`);
			writeFields(parent.ele(field.xml), field.fields, value, at);
		} else if (field.kind === 'list') {
			if (!Array.isArray(value)) throw new Error(`${at} must be a list of records`);
			const wrapper = parent.ele(field.xml);
			for (const entry of value) writeFields(wrapper.ele(field.itemXml), field.fields, entry, `${at}/${field.itemXml}`);
		} else {
			if (typeof value !== 'string') throw new Error(`${at} must be text; validate the record first`);
			// Validation already refuses these; a record built elsewhere must not yield broken XML.
			if (ILLEGAL_XML_CHARACTER.test(value)) throw new Error(`${at} contains a character XML cannot carry`);
			parent.ele(field.xml).txt(escapeAmpersands(value));
		}
	}
}

/** One `<SalesInvoice>…</SalesInvoice>` (or purchase) element as text. */
function recordXml(spec: DocumentSpec, record: NormalisedRecord): string {
	const element = fragment().ele(spec.record);
	writeFields(element, spec.fields, record, spec.record);
	return element.end({ headless: true, prettyPrint: false });
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * The document for `records` (validated with `validateRecord`): root element in the
 * description's default namespace, records in the given order, children in described order,
 * absent fields left out.
 */
export function buildDocument(spec: DocumentSpec, records: readonly NormalisedRecord[]): string {
	// The root's name and namespace are our own constants; only record content is user data.
	const parts = [`<${spec.root} xmlns="${escapeAttribute(spec.namespace)}">`];
	for (const record of records) parts.push(recordXml(spec, record));
	parts.push(`</${spec.root}>`);
	return parts.join('');
}
