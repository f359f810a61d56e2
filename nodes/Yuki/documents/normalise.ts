/**
 * The scalar values of a described document in canonical form (the text written into the XML),
 * or the words that say what is wrong and what is allowed. Pure: no I/O.
 */
import { DateTime } from 'luxon';
import { decimalAllowed, rangeText } from './allowed';
import { compareDecimals, decimalFromString, formatDecimal, parseDecimal } from './decimal';
import type { Decimal } from './decimal';
import type { Base64Field, BooleanField, DecimalField, EnumField, Field, IntegerField, ScalarField, TextField } from './fields';
import { ILLEGAL_XML_CHARACTER, hasIllegalXmlCharacter, normaliseLineEnds } from './xmlText';

/** A value in canonical form, or what is wrong with it and what is allowed. */
export type Outcome = { value: string } | { error: string };

/** An expression that resolved to nothing, or a field left empty, means "not given". */
export function isAbsent(value: unknown): boolean {
	return value === null || value === undefined || value === '';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value) || DateTime.isDateTime(value)) return false;
	// By tag, not prototype: objects from another realm (a sandboxed expression) are objects too.
	return Object.prototype.toString.call(value) === '[object Object]';
}

/** An empty collection from n8n's UI (or an object of empty values) means the group was not given. */
export function isEmptyGroup(field: Field, value: unknown): boolean {
	if (field.kind !== 'group' || !isPlainObject(value)) return false;
	for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && !isAbsent(value[key])) return false;
	return true;
}

export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : `the number ${value}`;
	if (value instanceof Date || DateTime.isDateTime(value)) return 'a date';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** Short, printable echo of a bad value so the user can find it in their data. */
function quote(text: string): string {
	const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	return JSON.stringify(shown);
}

function levenshtein(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
		}
		previous = current;
	}
	return previous[b.length];
}

/** The allowed value a user most likely meant, if one is close enough to say so. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
	const wanted = input.toLowerCase();
	let best: { candidate: string; distance: number } | undefined;
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		const distance = lower.startsWith(wanted) || wanted.startsWith(lower) ? 0.5 : levenshtein(wanted, lower);
		if (!best || distance < best.distance) best = { candidate, distance };
	}
	if (!best || wanted.length < 2) return undefined;
	return best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

function normaliseText(field: TextField, value: unknown): Outcome {
	let text: string;
	if (typeof value === 'string') text = value;
	else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || typeof value === 'bigint') {
		text = String(value);
	} else {
		return { error: `must be text, not ${describeType(value)} (allowed: text, numbers are converted to text)` };
	}
	const illegal = hasIllegalXmlCharacter(text) ? ILLEGAL_XML_CHARACTER.exec(text) : null;
	if (illegal) {
		const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		return {
			error: `contains the control character U+${code} at position ${illegal.index + 1}, which XML cannot carry (allowed: any text; of the control characters only tab, line feed and carriage return)`,
		};
	}
	text = normaliseLineEnds(text);
	if (field.maxLength !== undefined && text.length > field.maxLength) {
		return { error: `is ${text.length} characters long (allowed: at most ${field.maxLength} characters)` };
	}
	if (field.pattern && !field.pattern.regex.test(text)) {
		return { error: `is ${quote(text)}, which is not allowed (allowed: ${field.pattern.allowed})` };
	}
	return { value: text };
}

const decimalBounds = new WeakMap<DecimalField, { min?: Decimal; max?: Decimal }>();

/** A field's limits as decimals, parsed on first use instead of for every value. */
function boundsOf(field: DecimalField): { min?: Decimal; max?: Decimal } {
	let bounds = decimalBounds.get(field);
	if (!bounds) {
		const at = (limit: number | undefined) => (limit === undefined ? undefined : decimalFromString(String(limit), field.decimals));
		bounds = { min: at(field.min), max: at(field.max) };
		decimalBounds.set(field, bounds);
	}
	return bounds;
}

/** Up to this many significant digits, distinct decimals are distinct doubles, in the same order. */
const EXACT_DIGITS = 15;
const ZEROS = Array.from({ length: EXACT_DIGITS + 1 }, (_, count) => '0'.repeat(count));

/** Whether a field's limits can be compared with a plain number without losing exactness. */
function plainBounds(field: DecimalField): boolean {
	return (field.min === undefined || Number.isInteger(field.min)) && (field.max === undefined || Number.isInteger(field.max));
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Text such as "100" or "100.5" (optional minus, no leading zeros, at most the field's decimals,
 * at most 15 digits in all) in canonical form, usually the text itself; undefined otherwise.
 */
function plainDecimalString(text: string, decimals: number): string | undefined {
	const length = text.length;
	let position = text.charCodeAt(0) === 45 ? 1 : 0;
	const wholeStart = position;
	let nonZero = false;
	for (; position < length && isDigit(text.charCodeAt(position)); position++) if (text.charCodeAt(position) !== 48) nonZero = true;
	const wholeLength = position - wholeStart;
	if (wholeLength === 0 || (wholeLength > 1 && text.charCodeAt(wholeStart) === 48) || wholeLength + decimals > EXACT_DIGITS) return undefined;
	let fractionLength = 0;
	if (position < length) {
		if (text.charCodeAt(position++) !== 46) return undefined;
		const fractionStart = position;
		for (; position < length && isDigit(text.charCodeAt(position)); position++) if (text.charCodeAt(position) !== 48) nonZero = true;
		fractionLength = position - fractionStart;
		if (fractionLength === 0 || position < length || fractionLength > decimals) return undefined;
	}
	// "-0.00" is written 0.00: the exact path below knows that.
	if (wholeStart === 1 && !nonZero) return undefined;
	if (fractionLength === decimals) return text;
	return text + (fractionLength === 0 ? '.' : '') + ZEROS[decimals - fractionLength];
}

/**
 * The canonical text of the common, plainly valid value (a whole number, or text such as
 * "100.00" within the field's decimals and limits), written directly; undefined for anything
 * else, which the exact path below reads, refuses or words the refusal of.
 */
export function plainDecimalText(field: DecimalField, value: unknown): string | undefined {
	const { decimals } = field;
	let text: string | undefined;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || Math.abs(value) >= 10 ** EXACT_DIGITS) return undefined;
		text = (value < 0 ? '-' : '') + String(Math.abs(value)) + (decimals > 0 ? '.' + ZEROS[decimals] : '');
	} else if (typeof value === 'string') {
		text = plainDecimalString(value, decimals);
		if (text === undefined) return undefined;
	} else return undefined;
	if (field.min === undefined && field.max === undefined) return text;
	if (!plainBounds(field)) return undefined;
	const number = Number(text);
	return (field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max) ? undefined : text;
}

function normaliseDecimal(field: DecimalField, value: unknown): Outcome {
	const plain = plainDecimalText(field, value);
	if (plain !== undefined) return { value: plain };
	const parsed = parseDecimal(value, field.decimals);
	if (!parsed.ok) return { error: `${parsed.reason} (allowed: ${decimalAllowed(field)})` };
	const { min, max } = boundsOf(field);
	const outOfRange = (min !== undefined && compareDecimals(parsed.value, min) < 0) || (max !== undefined && compareDecimals(parsed.value, max) > 0);
	const text = formatDecimal(parsed.value);
	if (outOfRange) return { error: `is ${text}, which is out of range (allowed: ${decimalAllowed(field)})` };
	return { value: text };
}

function integerAllowed(field: IntegerField): string {
	const range = rangeText(field.min, field.max);
	return `a whole number${range ? ' ' + range : ''}`;
}

function normaliseInteger(field: IntegerField, value: unknown): Outcome {
	let whole: bigint | undefined;
	if (typeof value === 'number' && Number.isSafeInteger(value)) whole = BigInt(value);
	else if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) whole = BigInt(value.trim());
	if (whole === undefined) {
		const shown = typeof value === 'string' || typeof value === 'number' ? `is ${quote(String(value))}, which is not a whole number` : `must be a whole number, not ${describeType(value)}`;
		return { error: `${shown} (allowed: ${integerAllowed(field)})` };
	}
	if ((field.min !== undefined && whole < BigInt(field.min)) || (field.max !== undefined && whole > BigInt(field.max))) {
		return { error: `is ${whole}, which is out of range (allowed: ${integerAllowed(field)})` };
	}
	return { value: whole.toString() };
}

function normaliseBoolean(_field: BooleanField, value: unknown): Outcome {
	if (typeof value === 'boolean') return { value: String(value) };
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return { value: value.trim().toLowerCase() };
	const shown = typeof value === 'string' || typeof value === 'number' ? `is ${quote(String(value))}` : `is ${describeType(value)}`;
	return { error: `${shown} (allowed: true or false)` };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]/;
const USE_DATE = 'use YYYY-MM-DD, e.g. 2024-03-31';

/** Whether a calendar day exists (proleptic Gregorian, as luxon counts), without building a DateTime per value. */
export function dayExists(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
	return day <= days;
}

function isLuxonDateTime(value: unknown): value is DateTime {
	// n8n may hand over a DateTime from its own copy of luxon, so no instanceof.
	return DateTime.isDateTime(value);
}

function normaliseDate(value: unknown, timeZone: string): Outcome {
	let date: DateTime | undefined;
	if (isLuxonDateTime(value)) date = value.setZone(timeZone);
	else if (value instanceof Date) date = DateTime.fromJSDate(value, { zone: timeZone });
	else if (typeof value === 'string') {
		const text = value.trim();
		const dateOnly = DATE_ONLY.exec(text);
		if (dateOnly) {
			if (!dayExists(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))) {
				return { error: `is ${quote(text)}, a date that does not exist (${USE_DATE})` };
			}
			return { value: text };
		}
		if (DATE_TIME.test(text)) {
			// ISO 8601, or the "2024-03-31 14:00:00" that databases and spreadsheets export.
			date = text.charAt(10) === 'T' ? DateTime.fromISO(text, { zone: timeZone }) : DateTime.fromSQL(text, { zone: timeZone });
		}
		if (!date) return { error: `is ${quote(text)}, which is not a date (${USE_DATE})` };
	} else {
		return { error: `must be a date, not ${describeType(value)} (${USE_DATE})` };
	}
	if (!date.isValid) {
		const shown = typeof value === 'string' ? quote(value) : 'an invalid date';
		return { error: `is ${shown}, which is not a valid date (${USE_DATE})` };
	}
	return { value: date.toISODate() as string };
}

function normaliseEnum(field: EnumField, value: unknown): Outcome {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return { error: `must be one of the listed values, not ${describeType(value)} (allowed: ${field.values.join(', ')})` };
	}
	const text = String(value).trim();
	if (field.values.includes(text)) return { value: text };
	// Worded only for a value that is not plainly allowed: a large run has a million of these.
	const allowed = `allowed: ${field.values.join(', ')}`;
	const caseInsensitive = field.values.find((candidate) => candidate.toLowerCase() === text.toLowerCase());
	if (caseInsensitive) return { value: caseInsensitive };
	const suggestion = closestMatch(text, field.values);
	return { error: `is ${quote(text)}, which is not allowed (${allowed})${suggestion ? `. Did you mean "${suggestion}"?` : ''}` };
}

const BASE64_ALLOWED = 'allowed: base64 text, the letters A–Z and a–z, digits, + and /, with = padding at the end';

function normaliseBase64(_field: Base64Field, value: unknown): Outcome {
	if (typeof value !== 'string') return { error: `must be base64 text, not ${describeType(value)} (${BASE64_ALLOWED})` };
	// Line breaks are common in base64 from e-mail and files; they carry no data.
	const compact = value.replace(/\s+/g, '');
	if (compact === '') return { error: `is empty (${BASE64_ALLOWED})` };
	const wrongCharacter = /[^A-Za-z0-9+/=]/.exec(compact);
	if (wrongCharacter) return { error: `contains ${quote(wrongCharacter[0])}, which is not base64 (${BASE64_ALLOWED})` };
	const padding = compact.indexOf('=');
	const paddingValid = padding === -1 || (padding >= compact.length - 2 && /^=+$/.test(compact.slice(padding)));
	if (compact.length % 4 !== 0 || !paddingValid) {
		return { error: `is not complete base64: its length or = padding is wrong (${BASE64_ALLOWED})` };
	}
	return { value: compact };
}

/** One scalar value in canonical form (dates given with a time are read in `timeZone`), or its error. */
export function normaliseScalar(field: ScalarField, value: unknown, timeZone: string): Outcome {
	switch (field.kind) {
		case 'text':
			return normaliseText(field, value);
		case 'decimal':
			return normaliseDecimal(field, value);
		case 'integer':
			return normaliseInteger(field, value);
		case 'boolean':
			return normaliseBoolean(field, value);
		case 'date':
			return normaliseDate(value, timeZone);
		case 'enum':
			return normaliseEnum(field, value);
		case 'base64':
			return normaliseBase64(field, value);
	}
}
