/**
 * Random invoices for property-based tests, derived from the document descriptions
 * (nodes/Yuki/documents): no field is listed here. Each field kind gets a generator that
 * respects the field's limits (length, pattern, decimals, range, values); `satisfyRules` then
 * makes the few cross-field rules hold. `invalidInvoice` breaks one field of a valid invoice.
 */
import fc from 'fast-check';
import { decimalFromString, formatDecimal, multiplyDecimals, rescale } from '../../nodes/Yuki/documents/decimal';
import { fieldKey } from '../../nodes/Yuki/documents/fields';
import type { DecimalField, DocumentSpec, Field, ScalarField, TextField } from '../../nodes/Yuki/documents/fields';
import { ILLEGAL_XML_CHARACTER } from '../../nodes/Yuki/documents/xmlText';

export type InputRecord = Record<string, unknown>;

/** Text a user may type, heavy on what breaks naive XML writers. */
const hostileCharacter = fc.oneof(
	{ weight: 6, arbitrary: fc.char() },
	{ weight: 3, arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&amp;', '&#x0;', '&nbsp;', '</Reference>', '<Process>true</Process>', '\n', '\t', ' ') },
	{ weight: 2, arbitrary: fc.constantFrom('é', 'ë', '€', 'ß', 'ĳ', '中', '😀', '\u00a0', '\u2028') },
);

function legal(text: string): boolean {
	return !ILLEGAL_XML_CHARACTER.test(text);
}

function textArbitrary(field: TextField): fc.Arbitrary<string> {
	const maxLength = field.maxLength ?? 255;
	if (field.pattern) {
		// fast-check cannot generate from a case-insensitive regex; the lower-case variant matches too.
		const regex = new RegExp(field.pattern.regex.source, field.pattern.regex.flags.replace('i', ''));
		return fc
			.stringMatching(regex)
			.filter((text) => text.length > 0 && text.length <= maxLength && legal(text) && !text.includes('\r'));
	}
	return fc
		.string({ unit: hostileCharacter, minLength: 1, maxLength: Math.min(maxLength, 60) })
		.map((text) => text.replace(/\r/g, ''))
		.filter((text) => text.length > 0 && text.length <= maxLength && legal(text));
}

function decimalArbitrary(field: DecimalField): fc.Arbitrary<string | number> {
	const scale = 10n ** BigInt(field.decimals);
	const min = field.min !== undefined ? BigInt(field.min) * scale : -(10n ** 9n) * scale;
	const max = field.max !== undefined ? BigInt(field.max) * scale : 10n ** 9n * scale;
	return fc.tuple(fc.bigInt({ min, max }), fc.constantFrom('text', 'short', 'number')).map(([units, form]) => {
		const text = formatDecimal({ units, scale: field.decimals });
		if (form === 'short' && text.includes('.')) return text.replace(/\.?0+$/, '') || '0';
		if (form === 'number' && Number.isSafeInteger(Number(units))) return Number(text);
		return text;
	});
}

const dateArbitrary = fc
	.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
	.map((date) => date.toISOString().slice(0, 10));

const pdfArbitrary = fc
	.uint8Array({ minLength: 0, maxLength: 64 })
	.map((bytes) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(bytes), Buffer.from('\n%%EOF\n')]).toString('base64'));

function scalarArbitrary(field: ScalarField): fc.Arbitrary<unknown> {
	switch (field.kind) {
		case 'text':
			return textArbitrary(field);
		case 'decimal':
			return decimalArbitrary(field);
		case 'integer':
			return fc.integer({ min: field.min ?? -1_000_000, max: field.max ?? 1_000_000 });
		case 'boolean':
			return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'TRUE'));
		case 'date':
			return dateArbitrary;
		case 'enum':
			return fc.constantFrom(...field.values);
		case 'base64':
			return pdfArbitrary;
	}
}

function fieldArbitrary(field: Field): fc.Arbitrary<unknown> {
	if (field.kind === 'group') return recordArbitrary(field.fields);
	if (field.kind === 'list') {
		const minLength = Math.max(field.minItems ?? 0, field.required ? 1 : 0);
		return fc.array(recordArbitrary(field.fields), { minLength, maxLength: Math.max(minLength, Math.min(field.maxItems ?? 3, 3)) });
	}
	return scalarArbitrary(field);
}

/** A record with every required field and a random choice of optional ones. */
export function recordArbitrary(fields: readonly Field[]): fc.Arbitrary<InputRecord> {
	const model: Record<string, fc.Arbitrary<unknown>> = {};
	const requiredKeys: string[] = [];
	for (const field of fields) {
		model[fieldKey(field)] = fieldArbitrary(field);
		if (field.required) requiredKeys.push(fieldKey(field));
	}
	return fc.record(model, { requiredKeys });
}

const text = (value: unknown): string => (value === undefined ? '' : String(value));

/** Makes the descriptions' cross-field rules hold (they are few and named in the descriptions). */
export function satisfyRules(spec: DocumentSpec, input: InputRecord): InputRecord {
	const record = structuredClone(input);
	if ('documentFileName' in record !== 'documentBase64' in record) {
		delete record.documentFileName;
		delete record.documentBase64;
	}
	if (spec.root === 'PurchaseInvoices' && text(record.process).toLowerCase() === 'true' && !record.reference) {
		record.reference = 'REF-1';
	}
	const lines = Array.isArray(record.invoiceLines) ? (record.invoiceLines as InputRecord[]) : [];
	for (const line of lines) {
		const product = line.product as InputRecord | undefined;
		if (!product || line.lineAmount === undefined || text(product.vatIncluded).toLowerCase() === 'true') continue;
		// Sales lines that state amounts must agree with quantity × price and the VAT percentage.
		const amount = rescale(multiplyDecimals(decimalFromString(canonical(line.productQuantity), 4), decimalFromString(canonical(product.salesPrice), 4)), 2);
		line.lineAmount = formatDecimal(amount);
		if (line.lineVatAmount !== undefined) {
			const vat = multiplyDecimals(amount, decimalFromString(canonical(product.vatPercentage), 2));
			line.lineVatAmount = formatDecimal(rescale({ units: vat.units, scale: vat.scale + 2 }, 2));
		}
	}
	return record;
}

/** Decimal inputs are canonical text or plain JS numbers, whose `String` is exact here. */
function canonical(value: unknown): string {
	return text(value);
}

/** A valid random invoice of `spec` (valid as the node's own validation sees it). */
export function validInvoice(spec: DocumentSpec): fc.Arbitrary<InputRecord> {
	return recordArbitrary(spec.fields).map((record) => satisfyRules(spec, record));
}

/** Ways to break one field, by field kind; each names the field the error must name. */
export interface Breakage {
	/** JSON path of the broken field, e.g. `invoiceLines[0].product.salesPrice`. */
	path: string;
	what: string;
	record: InputRecord;
}

function brokenValues(field: Field): Array<{ what: string; value: unknown }> {
	const wrongType = { what: 'an object where a value belongs', value: { nested: true } };
	switch (field.kind) {
		case 'text': {
			const values = [wrongType, { what: 'a control character', value: 'A\u0001B' }];
			if (field.maxLength !== undefined) values.push({ what: 'a too long text', value: 'x'.repeat(field.maxLength + 1) });
			if (field.pattern) values.push({ what: 'a value not matching the pattern', value: '!! not allowed !!' });
			return values;
		}
		case 'decimal':
			return [
				wrongType,
				{ what: 'too many decimals', value: `1.${'1'.repeat(field.decimals + 1)}` },
				{ what: 'a comma separator', value: '12,50' },
				{ what: 'not a number', value: 'twelve' },
				...(field.min !== undefined ? [{ what: 'below the minimum', value: field.min - 1 }] : []),
			];
		case 'integer':
			return [wrongType, { what: 'a fraction', value: 1.5 }, ...(field.min !== undefined ? [{ what: 'below the minimum', value: field.min - 1 }] : [])];
		case 'boolean':
			return [wrongType, { what: 'a yes/no word', value: 'yes' }];
		case 'date':
			return [wrongType, { what: 'a day that does not exist', value: '2025-02-30' }, { what: 'a Dutch date', value: '31-12-2025' }];
		case 'enum':
			return [wrongType, { what: 'a typo', value: `${field.values[0].slice(0, -1)}x` }];
		case 'base64':
			return [wrongType, { what: 'not base64', value: '%%% not base64 %%%' }];
		case 'group':
			return [{ what: 'text where an object belongs', value: 'just text' }];
		case 'list':
			return [{ what: 'text where a list belongs', value: 'just text' }];
	}
}

/** Every scalar or nested field of a valid record, with its path, that can be broken. */
function breakablePaths(fields: readonly Field[], record: InputRecord, path: string): Array<{ path: string; field: Field }> {
	const found: Array<{ path: string; field: Field }> = [];
	for (const field of fields) {
		const key = fieldKey(field);
		const at = path ? `${path}.${key}` : key;
		found.push({ path: at, field });
		const value = record[key];
		if (field.kind === 'group' && value && typeof value === 'object') found.push(...breakablePaths(field.fields, value as InputRecord, at));
		if (field.kind === 'list' && Array.isArray(value) && value[0]) found.push(...breakablePaths(field.fields, value[0] as InputRecord, `${at}[0]`));
	}
	return found;
}

function setAt(record: InputRecord, path: string, value: unknown): void {
	const steps = path.match(/[^.[\]]+/g) ?? [];
	let target: Record<string, unknown> = record;
	for (const step of steps.slice(0, -1)) target = target[step] as Record<string, unknown>;
	target[steps[steps.length - 1]] = value;
}

/** A valid invoice with exactly one field broken (or one required field removed). */
export function invalidInvoice(spec: DocumentSpec): fc.Arbitrary<Breakage> {
	return validInvoice(spec).chain((record) => {
		const candidates = breakablePaths(spec.fields, record, '').flatMap(({ path, field }) => [
			...brokenValues(field).map((broken) => ({ path, what: broken.what, value: broken.value as unknown, remove: false })),
			...(field.required ? [{ path, what: 'a required field left out', value: undefined as unknown, remove: true }] : []),
		]);
		return fc.constantFrom(...candidates).map((choice) => {
			const broken = structuredClone(record);
			setAt(broken, choice.path, choice.remove ? undefined : choice.value);
			if (choice.remove) {
				const steps = choice.path.match(/[^.[\]]+/g) ?? [];
				let target: Record<string, unknown> = broken;
				for (const step of steps.slice(0, -1)) target = target[step] as Record<string, unknown>;
				delete target[steps[steps.length - 1]];
			}
			return { path: choice.path, what: choice.what, record: broken };
		});
	});
}
