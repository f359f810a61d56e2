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
 */
import type { EnumField, Field, ListField, NormalisedRecord, ScalarField, TextField } from './fields';
import { dayExists, isAbsent, isEmptyGroup, isPlainObject, normaliseScalar, plainDecimalText } from './normalise';
import { fieldTable } from './paths';
import { hasIllegalXmlCharacter } from './xmlText';

type NormalisedValue = NonNullable<NormalisedRecord[string]>;

export interface QuickRun {
	timeZone: string;
	/** Keys the description does not know are passed over (Options › Unknown JSON Keys: Ignore). */
	ignoreUnknownKeys: boolean;
}

/** Reads one present value; undefined when it is not plainly valid. */
type Reader = (value: unknown, run: QuickRun) => NormalisedValue | undefined;

interface QuickEntry {
	/** Position in the description: the record is built in described order, as the full validation builds it. */
	index: number;
	required: boolean;
	field: Field;
	read: Reader;
}

interface QuickTable {
	byKey: Map<string, QuickEntry>;
	keys: readonly string[];
	requiredCount: number;
}

const tables = new WeakMap<readonly Field[], QuickTable>();

function quickTable(fields: readonly Field[]): QuickTable {
	let table = tables.get(fields);
	if (!table) {
		const { entries, keys } = fieldTable(fields);
		const byKey = new Map<string, QuickEntry>();
		entries.forEach(({ field, key }, index) => {
			byKey.set(key, { index, required: field.required === true, field, read: readerOf(field) });
		});
		table = { byKey, keys, requiredCount: entries.filter(({ field }) => field.required).length };
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

function readerOf(field: Field): Reader {
	switch (field.kind) {
		case 'group':
			return (value, run) => (isPlainObject(value) ? quickRecord(field.fields, value, run) : undefined);
		case 'list':
			return (value, run) => quickList(field, value, run);
	}
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

function quickList(field: ListField, value: unknown, run: QuickRun): NormalisedRecord[] | undefined {
	// One object where a list is expected is a list of one, as in the full validation.
	const entries = isPlainObject(value) ? [value] : value;
	if (!Array.isArray(entries) || entries.length === 0) return undefined;
	if ((field.minItems !== undefined && entries.length < field.minItems) || (field.maxItems !== undefined && entries.length > field.maxItems)) return undefined;
	const records: NormalisedRecord[] = [];
	for (let index = 0; index < entries.length; index++) {
		const entry: unknown = entries[index];
		const record = isPlainObject(entry) ? quickRecord(field.fields, entry, run) : undefined;
		if (record === undefined) return undefined;
		records.push(record);
	}
	return records;
}

/** The record in canonical form if every value is plainly valid; undefined when the full validation must read it. */
export function quickRecord(fields: readonly Field[], input: Record<string, unknown>, run: QuickRun): NormalisedRecord | undefined {
	const table = quickTable(fields);
	// Read in the input's key order, kept in described order: the record is built in that order.
	const values: Array<NormalisedValue | undefined> = [];
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
		// A group given as an object of empty values is not given at all.
		if (isEmptyGroup(entry.field, value)) continue;
		const read = entry.read(value, run);
		if (read === undefined) return undefined;
		values[entry.index] = read;
		if (entry.required) required++;
	}
	if (required < table.requiredCount) return undefined;
	const record: NormalisedRecord = {};
	for (let index = 0; index < values.length; index++) {
		const value = values[index];
		if (value !== undefined) record[table.keys[index]] = value;
	}
	return record;
}
