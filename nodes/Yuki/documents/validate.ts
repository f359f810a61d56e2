/**
 * Validation of one input record against a document description: every field's type, limits and
 * allowed values, then the description's cross-field rules. The result is either the record in
 * canonical form (what the XML is built from) or every issue found, each naming the JSON path,
 * the field's label, what is wrong and what is allowed. Pure: no I/O.
 */
import { ruleFindings } from './fields';
import type { DocumentSpec, Field, ListField, NormalisedRecord } from './fields';
import { closestMatch, describeType, isAbsent, isEmptyGroup, isPlainObject, normaliseScalar } from './normalise';
import { childPath, entryPath, fieldTable, labelAtPath } from './paths';
import { quickRecord, quickWrittenRecord } from './quickValidate';
import type { QuickRun } from './quickValidate';
import type { WrittenRecord } from './xml';
import { writeRecord } from './xml';

export interface ValidateOptions {
	/** Zone in which ISO date-times and date objects are read as a date; default Europe/Amsterdam. */
	timeZone?: string;
	/** What to do with keys the description does not know; default 'error'. */
	unknownKeys?: 'error' | 'ignore';
}

export interface ValidationIssue {
	/** JSON path, e.g. `invoiceLines[2].product.salesPrice`; empty for the record itself. */
	path: string;
	/** The field's label, e.g. `Sales Price`. */
	label: string;
	/** What is wrong and what is allowed. */
	message: string;
}

export type ValidationResult = { ok: true; record: NormalisedRecord } | { ok: false; issues: ValidationIssue[] };

/** A valid record with its XML element (xml.ts `writeRecord`), unless the record cannot be written on its own. */
export type WrittenValidation = { ok: true; record: NormalisedRecord; written: WrittenRecord | undefined } | { ok: false; issues: ValidationIssue[] };

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

interface Context {
	timeZone: string;
	unknownKeys: 'error' | 'ignore';
	issues: ValidationIssue[];
}

function reportUnknownKeys(
	input: Record<string, unknown>,
	fields: readonly Field[],
	path: string,
	label: string,
	context: Context,
): void {
	if (context.unknownKeys === 'ignore') return;
	const { keys: allowed, known } = fieldTable(fields);
	let unknown: string[] | undefined;
	// A loop, not Object.keys().filter(): this runs for every object of every record.
	for (const key in input) {
		if (Object.prototype.hasOwnProperty.call(input, key) && !known.has(key) && !isAbsent(input[key])) (unknown ??= []).push(key);
	}
	if (unknown === undefined) return;
	const hints = unknown
		.map((key) => ({ key, match: closestMatch(key, allowed) }))
		.filter((hint) => hint.match !== undefined)
		.map((hint) => `"${hint.match}" for "${hint.key}"`);
	context.issues.push({
		path,
		label,
		message: `has unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((key) => `"${key}"`).join(', ')} (allowed keys: ${allowed.join(', ')})${hints.length ? `. Did you mean ${hints.join(', ')}?` : ''}`,
	});
}

function validateList(field: ListField, value: unknown, path: string, context: Context): NormalisedRecord[] | undefined {
	// One object where a list is expected is a list of one: n8n users often map a single line.
	const entries = isPlainObject(value) ? [value] : value;
	if (!Array.isArray(entries)) {
		context.issues.push({ path, label: field.label, message: `must be a list of objects, not ${describeType(value)} (allowed: a list of entries with the keys ${fieldTable(field.fields).keys.join(', ')})` });
		return undefined;
	}
	const limits = `${field.minItems ?? 0}${field.maxItems !== undefined ? ` to ${field.maxItems}` : ' or more'} entries`;
	if (entries.length === 0 && field.required) {
		context.issues.push({ path, label: field.label, message: `is required (allowed: ${limits})` });
		return undefined;
	}
	if ((field.minItems !== undefined && entries.length < field.minItems) || (field.maxItems !== undefined && entries.length > field.maxItems)) {
		context.issues.push({ path, label: field.label, message: `has ${entries.length} entries (allowed: ${limits})` });
		return undefined;
	}
	const records: NormalisedRecord[] = [];
	entries.forEach((entry, index) => {
		const entryAt = entryPath(path, index);
		if (!isPlainObject(entry)) {
			context.issues.push({ path: entryAt, label: field.label, message: `must be an object, not ${describeType(entry)} (allowed keys: ${fieldTable(field.fields).keys.join(', ')})` });
			return;
		}
		records.push(validateObject(field.fields, entry, entryAt, field.label, context));
	});
	return records.length === 0 ? undefined : records;
}

function validateObject(
	fields: readonly Field[],
	input: Record<string, unknown>,
	path: string,
	label: string,
	context: Context,
): NormalisedRecord {
	reportUnknownKeys(input, fields, path, label, context);
	const record: NormalisedRecord = {};
	for (const { field, key } of fieldTable(fields).entries) {
		const value = input[key];
		if (isAbsent(value) || isEmptyGroup(field, value)) {
			if (field.required) context.issues.push({ path: childPath(path, key), label: field.label, message: 'is required' });
			continue;
		}
		if (field.kind === 'group') {
			if (!isPlainObject(value)) {
				context.issues.push({ path: childPath(path, key), label: field.label, message: `must be an object, not ${describeType(value)} (allowed keys: ${fieldTable(field.fields).keys.join(', ')})` });
				continue;
			}
			record[key] = validateObject(field.fields, value, childPath(path, key), field.label, context);
			continue;
		}
		if (field.kind === 'list') {
			const list = validateList(field, value, childPath(path, key), context);
			if (list) record[key] = list;
			continue;
		}
		// A scalar's path is only spelled out for an issue: a large run has millions of fields.
		const outcome = normaliseScalar(field, value, context.timeZone);
		if ('error' in outcome) context.issues.push({ path: childPath(path, key), label: field.label, message: outcome.error });
		else record[key] = outcome.value;
	}
	return record;
}

/** Checks one input record (the camelCase JSON shape) and returns it in canonical form. */
export function validateRecord(spec: DocumentSpec, input: unknown, options: ValidateOptions = {}): ValidationResult {
	return validate(spec, input, options, 'quick');
}

/** `validateRecord` without its quick path: for the tests that hold the two to the same answers. */
export function validateInFull(spec: DocumentSpec, input: unknown, options: ValidateOptions = {}): ValidationResult {
	return validate(spec, input, options, 'full');
}

/**
 * `validateRecord`, and the valid record's element as xml.ts `writeRecord` writes it (undefined
 * where that gives none or throws). A plainly valid record is written in the walk that reads it.
 */
export function validateAndWriteRecord(spec: DocumentSpec, input: unknown, options: ValidateOptions = {}): WrittenValidation {
	const result = validate(spec, input, options, 'write');
	if (!result.ok || 'written' in result) return result;
	let written: WrittenRecord | undefined;
	try {
		written = writeRecord(spec, result.record);
	} catch {
		// Left to the document that holds it, whose writer reports it.
		written = undefined;
	}
	return { ok: true, record: result.record, written };
}

/** The quick path (and with it the element, for 'write') is taken for a plainly valid record, the full one otherwise. */
function validate(spec: DocumentSpec, input: unknown, options: ValidateOptions, mode: 'quick' | 'write' | 'full'): ValidationResult | WrittenValidation {
	const context: Context = {
		timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
		unknownKeys: options.unknownKeys ?? 'error',
		issues: [],
	};
	if (!isPlainObject(input)) {
		return {
			ok: false,
			issues: [{ path: '', label: spec.name, message: `must be an object, not ${describeType(input)} (allowed keys: ${fieldTable(spec.fields).keys.join(', ')})` }],
		};
	}
	// Nearly every record of a large run is plainly valid: read quickly; anything else is read again in full.
	const run: QuickRun = { timeZone: context.timeZone, ignoreUnknownKeys: context.unknownKeys === 'ignore' };
	const quick = mode === 'write' ? quickWrittenRecord(spec, input, run) : undefined;
	const record =
		quick?.record ?? (mode === 'quick' ? quickRecord(spec.fields, input, run) : undefined) ?? validateObject(spec.fields, input, '', spec.name, context);
	// Rules read normalised values; on a record with broken fields they would only add noise.
	if (context.issues.length > 0) return { ok: false, issues: context.issues };
	for (const rule of spec.rules) {
		for (const finding of ruleFindings(rule, record)) {
			context.issues.push({ path: finding.path, label: labelAtPath(spec, finding.path), message: finding.message });
		}
	}
	if (context.issues.length > 0) return { ok: false, issues: context.issues };
	return quick ? { ok: true, record, written: quick.written } : { ok: true, record };
}

/** One issue as a sentence fragment: `invoiceLines[0].product.salesPrice (Sales Price) has more than 4 decimals (…)`. */
export function describeIssue(issue: ValidationIssue): string {
	return issue.path ? `${issue.path} (${issue.label}) ${issue.message}` : `${issue.label} ${issue.message}`;
}

/** Most issues one message lists; a thousand wrong lines would otherwise bury the first ones. */
export const MAX_DESCRIBED_ISSUES = 25;

/** The issues of one input item in one line, e.g. for a NodeOperationError; `itemIndex` as n8n counts (from 0). */
export function describeIssues(issues: readonly ValidationIssue[], itemIndex: number): string {
	const shown = issues.slice(0, MAX_DESCRIBED_ISSUES).map(describeIssue);
	const more = issues.length - shown.length;
	return `Item ${itemIndex}: ${shown.join('; ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'issue' : 'issues'}` : ''}`;
}
