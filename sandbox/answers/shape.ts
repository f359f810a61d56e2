/**
 * The sandbox's own vocabulary for the answers it sends, and the two ways Yuki writes them:
 *
 * - untyped (`s:any` results): an embedded document whose elements are in no namespace
 *   (`<Wrapper xmlns=""><Record ID="…">…</Record></Wrapper>`) [doc];
 * - typed results: records directly inside `<OpResult>`, inheriting Yuki's namespace, with
 *   lower-camel element names as .NET's XmlSerializer writes them [doc: Postman examples].
 *
 * Each answer description in this folder is written from Yuki's documented examples and public
 * clients, never from the node's reading of them: the sandbox must be able to disagree.
 */
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { YUKI_NAMESPACE, literal, resultXml } from '../soap';
import { escapeAttribute, escapeText } from '../xml';

/** How an element is written when its value is missing. */
export type WhenEmpty =
	/** `<Name />` (untyped answers write every element of the record). */
	| 'empty'
	/** Left out (XmlSerializer omits a null string of a typed result). */
	| 'omit'
	/** `<name xsi:nil="true" />` (a nullable date of a typed result). */
	| 'nil';

export interface AnswerField {
	/** Element (or attribute) name, exactly as Yuki writes it. */
	xml: string;
	/** Written as an attribute of the record element. */
	attribute?: boolean;
	/** Default `empty` for untyped answers, `omit` for typed ones. */
	whenEmpty?: WhenEmpty;
	/** An attribute of this element, e.g. `Type@ID`, taken from the row key `<xml>@<attribute>`. */
	idAttribute?: string;
}

export interface AnswerRecord {
	/** Element of one record. */
	record: string;
	fields: readonly AnswerField[];
	/** Where the description comes from, with its confidence tag. */
	source: string;
}

/** One record's values by element name (`Type@ID` for an element's ID attribute). */
export type AnswerRow = Record<string, string | undefined>;

/** Writes one record under `parent` with xmlbuilder2; `ns` is '' (untyped) or Yuki's namespace (typed). */
function writeRecord(parent: XMLBuilder, ns: string, spec: AnswerRecord, row: AnswerRow, typed: boolean): void {
	const record = parent.ele(ns, spec.record);
	for (const field of spec.fields) {
		const value = row[field.xml];
		if (field.attribute) {
			if (value !== undefined) record.att(field.xml, literal(value));
			continue;
		}
		const whenEmpty = field.whenEmpty ?? (typed ? 'omit' : 'empty');
		const idValue = field.idAttribute ? row[`${field.xml}@${field.idAttribute}`] : undefined;
		if (idValue !== undefined) {
			const element = record.ele(ns, field.xml).att(field.idAttribute!, literal(idValue));
			if (value) element.txt(literal(value));
		} else if (value !== undefined && value !== '') {
			record.ele(ns, field.xml).txt(literal(value));
		} else if (whenEmpty === 'empty') {
			record.ele(ns, field.xml);
		} else if (whenEmpty === 'nil') {
			// The envelope declares xsi (soap.ts), as ASMX does.
			record.ele(ns, field.xml).att('xsi:nil', 'true');
		}
	}
}

/** An untyped result: `<Wrapper xmlns="">records</Wrapper>` (`<Wrapper xmlns="" />` when empty). */
export function untypedList(wrapper: string, spec: AnswerRecord, rows: readonly AnswerRow[]): string {
	return resultXml((result) => {
		const list = result.ele('', wrapper);
		for (const row of rows) writeRecord(list, '', spec, row, false);
	});
}

/** A typed result: the records themselves, in Yuki's namespace (inherited from `<OpResponse>`). */
export function typedList(spec: AnswerRecord, rows: readonly AnswerRow[]): string {
	return resultXml((result) => {
		for (const row of rows) writeRecord(result, YUKI_NAMESPACE, spec, row, true);
	});
}

/**
 * The same untyped list written as a string, for the open items only: the bench asks for 10,000 to
 * 100,000 of them (a 70 MB answer), and xmlbuilder2 writes those about ten times slower
 * (10,000 items: ~8 s against ~0.7 s on the shared machine). Same bytes as `untypedList`
 * (test/sandbox/shapes.test.ts compares them).
 */
export function untypedListStreamed(wrapper: string, spec: AnswerRecord, rows: readonly AnswerRow[]): string {
	if (rows.length === 0) return `<${wrapper} xmlns="" />`;
	let xml = `<${wrapper} xmlns="">`;
	for (const row of rows) xml += recordString(spec, row);
	return xml + `</${wrapper}>`;
}

function recordString(spec: AnswerRecord, row: AnswerRow): string {
	let attributes = '';
	let children = '';
	for (const field of spec.fields) {
		const value = row[field.xml];
		if (field.attribute) {
			if (value !== undefined) attributes += ` ${field.xml}="${escapeAttribute(value)}"`;
			continue;
		}
		const whenEmpty = field.whenEmpty ?? 'empty';
		const idValue = field.idAttribute ? row[`${field.xml}@${field.idAttribute}`] : undefined;
		if (idValue !== undefined) {
			children += value ? `<${field.xml} ${field.idAttribute}="${escapeAttribute(idValue)}">${escapeText(value)}</${field.xml}>` : `<${field.xml} ${field.idAttribute}="${escapeAttribute(idValue)}" />`;
		} else if (value !== undefined && value !== '') {
			children += `<${field.xml}>${escapeText(value)}</${field.xml}>`;
		} else if (whenEmpty === 'empty') {
			children += `<${field.xml} />`;
		} else if (whenEmpty === 'nil') {
			children += `<${field.xml} xsi:nil="true" />`;
		}
	}
	return `<${spec.record}${attributes}>${children}</${spec.record}>`;
}

/** A .NET boolean as `ToString()` writes it inside untyped answers (`True` / `False`) [doc: Postman examples]. */
export function dotNetBoolean(value: boolean): string {
	return value ? 'True' : 'False';
}

/** An xs:dateTime of a typed result for a date (`2024-01-01T00:00:00`); .NET's "no date" is 0001-01-01. */
export function typedDateTime(date: string | undefined): string {
	return `${date || '0001-01-01'}T00:00:00`;
}
