/**
 * Writes validated records as a Yuki invoice document, in the order the description gives.
 * The records of one call are built into one xmlbuilder2 fragment and serialised once; the tree
 * holds the record's own strings (a PDF's base64 is not copied), so a batch with PDFs costs
 * little more than its text. No `<?xml?>` declaration: the document goes inside the SOAP
 * `xmlDoc` element.
 */
import { fragment } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { DocumentSpec, Field, NormalisedRecord } from './fields';
import { fieldTable } from './paths';
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

/**
 * A child element in no namespace. Our elements never are in one (the default namespace is declared
 * on the root, outside the fragment), so an explicit null gives the same element while sparing
 * xmlbuilder2 the search up the tree for an inherited namespace on every element.
 */
function child(parent: XMLBuilder, name: string): XMLBuilder {
	return parent.ele(null, name);
}

function writeFields(parent: XMLBuilder, fields: readonly Field[], record: NormalisedRecord, path: string): void {
	for (const { field, key } of fieldTable(fields).entries) {
		const value = record[key];
		if (isAbsent(value)) continue;
		const at = `${path}/${field.xml}`;
		if (field.kind === 'group') {
			if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${at} must be a record`);
			writeFields(child(parent, field.xml), field.fields, value, at);
		} else if (field.kind === 'list') {
			if (!Array.isArray(value)) throw new Error(`${at} must be a list of records`);
			const wrapper = field.repeated ? parent : child(parent, field.xml);
			for (const entry of value) writeFields(child(wrapper, field.itemXml), field.fields, entry, `${at}/${field.itemXml}`);
		} else {
			if (typeof value !== 'string') throw new Error(`${at} must be text; validate the record first`);
			// Validation already refuses these; a record built elsewhere must not yield broken XML.
			if (ILLEGAL_XML_CHARACTER.test(value)) throw new Error(`${at} contains a character XML cannot carry`);
			child(parent, field.xml).txt(escapeAmpersands(value));
		}
	}
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
	const body = fragment();
	if (spec.singleRecord) {
		if (records.length !== 1) throw new Error(`A ${spec.name} document holds exactly one record, not ${records.length}`);
		writeFields(body, spec.fields, records[0], spec.root);
	} else for (const record of records) writeFields(child(body, spec.record), spec.fields, record, spec.record);
	return `<${spec.root} xmlns="${escapeAttribute(spec.namespace)}">${body.end({ headless: true, prettyPrint: false })}</${spec.root}>`;
}
