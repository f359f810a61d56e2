/**
 * Reading ready-made invoice documents: `inspectDocument` checks what the node's pass-through
 * mode sends as is, `parseDocument` turns a document back into records (the reverse of
 * `buildDocument`, for round-trip tests and the sandbox).
 */
import { fieldKey } from './fields';
import type { DocumentSpec, Field, NormalisedRecord } from './fields';
import { XmlSyntaxError, afterDeclaration, readXml } from './xmlReader';
import type { XmlElement } from './xmlReader';

export type DocumentInspection =
	| {
			ok: true;
			/** Number of invoice records under the root. */
			records: number;
			/** Each record's Reference (invoice number) in order; undefined when it has none. */
			references: Array<string | undefined>;
			/** The document without its `<?xml?>` declaration, ready for the SOAP `xmlDoc` element. */
			body: string;
	  }
	| { ok: false; reason: string };

/** The parsed root, or the error that stopped the reader (returned, so that callers decide what it means). */
function readXmlOrError(xml: string): XmlElement | Error {
	try {
		return readXml(xml);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

/** The root and its records after the checks both functions share; throws with the reason. */
function recordElements(spec: DocumentSpec, xml: string): XmlElement[] {
	const root = readRoot(spec, xml);
	if (root.localName !== spec.root) {
		throw new Error(`The root element is <${root.name}>, but a ${spec.name} document starts with <${spec.root}>`);
	}
	if (root.namespace !== spec.namespace) {
		const found = root.namespace ? `"${root.namespace}"` : 'no namespace';
		throw new Error(`<${spec.root}> is in ${found}; Yuki needs xmlns="${spec.namespace}"`);
	}
	const stray = root.children.find((child) => child.localName !== spec.record || child.namespace !== spec.namespace);
	if (stray) throw new Error(`<${stray.name}> is not allowed directly under <${spec.root}>; only <${spec.record}> records are`);
	if (root.children.length === 0) throw new Error(`<${spec.root}> holds no <${spec.record}> record`);
	if (root.text.trim()) throw new Error(`<${spec.root}> holds text outside its <${spec.record}> records`);
	return root.children;
}

/** The document's root element; throws with the reason when the XML is not well-formed. */
function readRoot(spec: DocumentSpec, xml: string): XmlElement {
	const read = readXmlOrError(xml);
	if (read instanceof XmlSyntaxError) throw new Error(`The ${spec.name} XML is not well-formed: ${read.message}`);
	if (read instanceof Error) throw read;
	return read;
}

/** The root of a single-record document, after the name and namespace checks. */
function singleRoot(spec: DocumentSpec, xml: string): XmlElement {
	const root = readRoot(spec, xml);
	if (root.localName !== spec.root || root.namespace !== spec.namespace) {
		throw new Error(`A ${spec.name} document starts with <${spec.root} xmlns="${spec.namespace}">, not <${root.name}>`);
	}
	return root;
}

const referenceXml = (spec: DocumentSpec): string | undefined =>
	spec.fields.find((field) => fieldKey(field) === 'reference')?.xml;

/** Checks a ready-made document without entity expansion and counts its records. */
export function inspectDocument(spec: DocumentSpec, xml: string): DocumentInspection {
	try {
		const records = recordElements(spec, xml);
		const reference = referenceXml(spec);
		return {
			ok: true,
			records: records.length,
			references: records.map((record) => {
				const text = record.children.find((child) => child.localName === reference)?.text.trim();
				return text ? text : undefined;
			}),
			body: xml.slice(afterDeclaration(xml)).trim(),
		};
	} catch (error) {
		return { ok: false, reason: (error as Error).message };
	}
}

function readFields(fields: readonly Field[], element: XmlElement, path: string): NormalisedRecord {
	const record: NormalisedRecord = {};
	for (const child of element.children) {
		const field = fields.find((candidate) => candidate.xml === child.localName);
		const at = `${path}/${child.localName}`;
		if (!field) throw new Error(`${at} is not an element of this document`);
		const key = fieldKey(field);
		if (field.kind === 'list' && field.repeated) {
			const entries = (record[key] ??= []) as NormalisedRecord[];
			entries.push(readFields(field.fields, child, at));
			continue;
		}
		if (key in record) throw new Error(`${at} appears twice`);
		if (field.kind === 'group') record[key] = readFields(field.fields, child, at);
		else if (field.kind === 'list') {
			record[key] = child.children.map((entry) => {
				if (entry.localName !== field.itemXml) throw new Error(`${at}/${entry.localName} is not allowed; only <${field.itemXml}>`);
				return readFields(field.fields, entry, `${at}/${field.itemXml}`);
			});
		} else if (child.text !== '') record[key] = child.text;
	}
	return record;
}

/** The records of a document, with every value as the text it holds; throws on a broken document. */
export function parseDocument(spec: DocumentSpec, xml: string): NormalisedRecord[] {
	if (spec.singleRecord) return [readFields(spec.fields, singleRoot(spec, xml), spec.root)];
	return recordElements(spec, xml).map((element) => readFields(spec.fields, element, spec.record));
}
