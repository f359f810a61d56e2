/**
 * The quick path of validation, for the record whose every value is plainly valid (nearly every
 * record of a large run). It walks the record's own keys, not every described field (a sales
 * invoice describes about 60, a record gives about 20), with readers built once per description,
 * and allocates nothing per value. Anything that is not plainly valid (a required field missing,
 * an unknown key, a value that needs more than a glance) makes it return undefined: the full
 * validation (validate.ts) then reads the record from the start and words every issue.
 *
 * For JSON data (own enumerable keys, as n8n items hold), a record it returns is exactly the
 * one the full validation returns, keys in described order; test/nodes/Yuki/documents/
 * quickValidate.test.ts compares the two on valid, odd and broken records.
 *
 * The same walk can write the record's XML element (`quickWrittenRecord`): each level's values
 * are read in the input's key order, then put into the record in described order, which is the
 * order of the elements, so they are written there and then. The record's objects are so never
 * walked a second time by the writer; the test compares the element with xml.ts `writeRecord`'s.
 */
import type { DocumentSpec, EnumField, Field, ListField, NormalisedRecord, ScalarField, TextField } from './fields';
import { dayExists, isAbsent, isEmptyGroup, isPlainObject, normaliseScalar, plainDecimalText } from './normalise';
import { fieldTable } from './paths';
import type { ElementTags, Output, WrittenRecord } from './xml';
import { closeElement, newOutput, openElement, recordTags, tagsOf, writeTextElement, writtenRecordOf } from './xml';
import { hasIllegalXmlCharacter } from './xmlText';

type NormalisedValue = NonNullable<NormalisedRecord[string]>;

export interface QuickRun {
	timeZone: string;
	/** Keys the description does not know are passed over (Options › Unknown JSON Keys: Ignore). */
	ignoreUnknownKeys: boolean;
}

/** Reads one present scalar value; undefined when it is not plainly valid. */
type Reader = (value: unknown, run: QuickRun) => string | undefined;

interface QuickEntry {
	/** Position in the description: the record is built in described order, as the full validation builds it. */
	index: number;
	key: string;
	required: boolean;
	field: Field;
	/** A scalar's reader; a group or list is read by the walk itself, in described order. */
	read: Reader | undefined;
	/** The field's element, for writing. */
	tags: ElementTags;
	/** A list's entry element (`InvoiceLine`). */
	entryTags: ElementTags | undefined;
	/** A group's or list entry's own fields. */
	children: QuickTable | undefined;
}

interface QuickTable {
	byKey: Map<string, QuickEntry>;
	/** In described order. */
	entries: readonly QuickEntry[];
	requiredCount: number;
}

const tables = new WeakMap<readonly Field[], QuickTable>();

function quickTable(fields: readonly Field[]): QuickTable {
	let table = tables.get(fields);
	if (!table) {
		const entries = fieldTable(fields).entries.map(
			({ field, key }, index): QuickEntry => ({
				index,
				key,
				required: field.required === true,
				field,
				read: field.kind === 'group' || field.kind === 'list' ? undefined : readerOf(field),
				tags: tagsOf(field.xml),
				entryTags: field.kind === 'list' ? tagsOf(field.itemXml) : undefined,
				children: field.kind === 'group' || field.kind === 'list' ? quickTable(field.fields) : undefined,
			}),
		);
		table = { byKey: new Map(entries.map((entry) => [entry.key, entry])), entries, requiredCount: entries.filter((entry) => entry.required).length };
		tables.set(fields, table);
	}
	return table;
}

/** The full normaliser's answer, for the values the quick readers below do not take at a glance. */
function fullReader(field: ScalarField): Reader {
	return (value, run) => {
		const outcome = normaliseScalar(field, value, run.timeZone);
		return 'value' in outcome ? outcome.value : undefined;
	};
}

function textReader(field: TextField, full: Reader): Reader {
	const { maxLength, pattern } = field;
	return (value, run) => {
		// Carriage returns are rewritten by the full normaliser; control characters are refused by it.
		if (typeof value !== 'string' || value.includes('\r') || hasIllegalXmlCharacter(value)) return full(value, run);
		if (maxLength !== undefined && value.length > maxLength) return undefined;
		if (pattern && !pattern.regex.test(value)) return undefined;
		return value;
	};
}

function enumReader(field: EnumField, full: Reader): Reader {
	// A listed value is what the full normaliser returns for itself (when no listed value has spaces around it).
	if (field.values.some((value) => value !== value.trim())) return full;
	const listed = new Set(field.values);
	return (value, run) => (typeof value === 'string' && listed.has(value) ? value : full(value, run));
}

/** The number written by two to four digits at `from`, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
	let number = 0;
	for (let position = from; position < from + count; position++) {
		const digit = text.charCodeAt(position) - 48;
		if (digit < 0 || digit > 9) return -1;
		number = number * 10 + digit;
	}
	return number;
}

/** `YYYY-MM-DD` of a day that exists: the full normaliser returns such text as it is. */
function isPlainDate(text: string): boolean {
	if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
	const year = digitsAt(text, 0, 4);
	// A month or day of -1 (not digits) fails dayExists itself.
	return year >= 0 && dayExists(year, digitsAt(text, 5, 2), digitsAt(text, 8, 2));
}

function readerOf(field: ScalarField): Reader {
	const full = fullReader(field);
	switch (field.kind) {
		case 'text':
			return textReader(field, full);
		case 'decimal':
			return (value, run) => plainDecimalText(field, value) ?? full(value, run);
		case 'enum':
			return enumReader(field, full);
		case 'boolean':
			return (value, run) => (typeof value === 'boolean' ? (value ? 'true' : 'false') : full(value, run));
		case 'integer': {
			const { min, max } = field;
			return (value, run) =>
				typeof value === 'number' && Number.isSafeInteger(value) && (min === undefined || value >= min) && (max === undefined || value <= max)
					? String(value)
					: full(value, run);
		}
		case 'date':
			return (value, run) => (typeof value === 'string' && isPlainDate(value) ? value : full(value, run));
		default:
			return full;
	}
}

/** A group's record, written between its tags when `out` is given. */
function quickGroup(entry: QuickEntry, value: unknown, run: QuickRun, out: Output | undefined): NormalisedRecord | undefined {
	if (!isPlainObject(value)) return undefined;
	return quickElement(entry.tags, entry.children as QuickTable, value, run, out);
}

/** A record (a group, a list entry, the document's record) as an element of its own when `out` is given. */
function quickElement(tags: ElementTags, table: QuickTable, input: Record<string, unknown>, run: QuickRun, out: Output | undefined): NormalisedRecord | undefined {
	if (out === undefined) return quickLevel(table, input, run, undefined);
	const before = openElement(out, tags);
	const opened = out.pending;
	const record = quickLevel(table, input, run, out);
	closeElement(out, tags, before, opened);
	return record;
}

function quickList(entry: QuickEntry, value: unknown, run: QuickRun, out: Output | undefined): NormalisedRecord[] | undefined {
	const field = entry.field as ListField;
	// One object where a list is expected is a list of one, as in the full validation.
	const entries = isPlainObject(value) ? [value] : value;
	if (!Array.isArray(entries) || entries.length === 0) return undefined;
	if ((field.minItems !== undefined && entries.length < field.minItems) || (field.maxItems !== undefined && entries.length > field.maxItems)) return undefined;
	// A repeated list has no wrapper element: its entries stand directly in the parent.
	const wrapped = out !== undefined && field.repeated !== true;
	const before = wrapped ? openElement(out, entry.tags) : '';
	const opened = wrapped ? out.pending : '';
	const records: NormalisedRecord[] = [];
	for (let index = 0; index < entries.length; index++) {
		const item: unknown = entries[index];
		const record = isPlainObject(item) ? quickElement(entry.entryTags as ElementTags, entry.children as QuickTable, item, run, out) : undefined;
		if (record === undefined) return undefined;
		records.push(record);
	}
	if (wrapped) closeElement(out, entry.tags, before, opened);
	return records;
}

/**
 * One level in canonical form if every value is plainly valid, its elements written into `out`
 * when given; undefined when the full validation must read it.
 */
function quickLevel(table: QuickTable, input: Record<string, unknown>, run: QuickRun, out: Output | undefined): NormalisedRecord | undefined {
	// Scalars read in the input's key order, groups and lists as given: all kept in described order.
	const values: unknown[] = [];
	let required = 0;
	for (const key in input) {
		if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
		const value = input[key];
		if (isAbsent(value)) continue;
		const entry = table.byKey.get(key);
		if (entry === undefined) {
			if (run.ignoreUnknownKeys) continue;
			return undefined;
		}
		if (entry.read === undefined) {
			// A group given as an object of empty values is not given at all.
			if (isEmptyGroup(entry.field, value)) continue;
			values[entry.index] = value;
		} else {
			const read = entry.read(value, run);
			if (read === undefined) return undefined;
			values[entry.index] = read;
		}
		if (entry.required) required++;
	}
	if (required < table.requiredCount) return undefined;
	// Built, and written, in described order: the order of the full validation's record and of the elements.
	const record: NormalisedRecord = {};
	for (let index = 0; index < values.length; index++) {
		const value = values[index];
		if (value === undefined) continue;
		const entry = table.entries[index];
		let read: NormalisedValue | undefined;
		if (entry.read !== undefined) {
			read = value as string;
			// The writer leaves an empty value out, as absent.
			if (out !== undefined && read !== '') writeTextElement(entry.tags, entry.key, read, out);
		} else read = entry.field.kind === 'group' ? quickGroup(entry, value, run, out) : quickList(entry, value, run, out);
		if (read === undefined) return undefined;
		record[entry.key] = read;
	}
	return record;
}

/** The record in canonical form if every value is plainly valid; undefined when the full validation must read it. */
export function quickRecord(fields: readonly Field[], input: Record<string, unknown>, run: QuickRun): NormalisedRecord | undefined {
	return quickLevel(quickTable(fields), input, run, undefined);
}

/**
 * `quickRecord`, and the record's element exactly as xml.ts `writeRecord` writes it, from the same
 * walk (no element for a single-record document); undefined when the full validation must read
 * the record, or the writer must word why it cannot write it.
 */
export function quickWrittenRecord(
	spec: DocumentSpec,
	input: Record<string, unknown>,
	run: QuickRun,
): { record: NormalisedRecord; written: WrittenRecord | undefined } | undefined {
	const table = quickTable(spec.fields);
	if (spec.singleRecord) {
		const record = quickLevel(table, input, run, undefined);
		return record && { record, written: undefined };
	}
	const out = newOutput(true);
	let record: NormalisedRecord | undefined;
	try {
		record = quickElement(recordTags(spec), table, input, run, out);
	} catch {
		// Text XML cannot carry, which validation refuses anyway: the long way says so.
		return undefined;
	}
	return record && { record, written: writtenRecordOf(out) };
}
