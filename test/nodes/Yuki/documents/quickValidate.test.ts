import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { contactDocument } from '../../../../nodes/Yuki/documents/contact';
import type { DocumentSpec, Field } from '../../../../nodes/Yuki/documents/fields';
import { fieldKey } from '../../../../nodes/Yuki/documents/fields';
import { journalDocument } from '../../../../nodes/Yuki/documents/journal';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { quickRecord, quickWrittenRecord } from '../../../../nodes/Yuki/documents/quickValidate';
import { validateAndWriteRecord, validateInFull, validateRecord } from '../../../../nodes/Yuki/documents/validate';
import type { ValidateOptions } from '../../../../nodes/Yuki/documents/validate';
import { writeRecord } from '../../../../nodes/Yuki/documents/xml';
import { purchaseInput, salesInput } from './samples';

type Json = Record<string, unknown>;

/** A value of the field's kind that its checks accept (before the document's rules). */
function validValue(field: Field): unknown {
	switch (field.kind) {
		case 'text':
			return field.example ?? (field.pattern ? undefined : 'Tekst');
		case 'decimal':
			return field.min !== undefined ? String(field.min) : '12.50';
		case 'integer':
			return field.min ?? 1;
		case 'boolean':
			return true;
		case 'date':
			return '2024-03-31';
		case 'enum':
			return field.values[0];
		case 'base64':
			return 'JVBERi0=';
		case 'group':
			return filledObject(field.fields);
		case 'list':
			return [filledObject(field.fields)];
	}
}

function filledObject(fields: readonly Field[]): Json {
	const object: Json = {};
	for (const field of fields) {
		const value = validValue(field);
		if (value !== undefined) object[fieldKey(field)] = value;
	}
	return object;
}

/** Values of every kind and shape, plainly valid, odd and wrong. */
function oddValues(field: Field): unknown[] {
	const sparse: unknown[] = [];
	sparse[1] = {};
	const common = [
		undefined, null, '', ' ', '  x  ', 'x', 'X'.repeat(5000), 'a\r\nb', 'a\rb', 'a\u0001b', 'a\uD800b', '😀 ok', '<&>', '\t',
		0, -0, 1, -1, 1.5, 26.4, 1e21, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 10 ** 15, -(10 ** 14), 12345678901234,
		true, false, 'true', 'TRUE', ' false ', '1', '007', '+1', '-1', '1.005', '1.00', '100.5', '-0.00', '-0', '1e3', '0012.5', '.5', '5.',
		'2024-02-29', '2023-02-29', '2024-13-01', '2024-00-10', '2024-3-1', '20a4-03-31', '2024-03-31T12:00:00Z', '2024-03-31T23:30:00',
		'2024-03-31 14:00:00', ' 2024-03-31', '0000-01-01', new Date('2024-03-31T22:30:00Z'), DateTime.fromISO('2024-03-31T23:30:00Z'),
		'ElectronicTransfer', 'electronictransfer', 'Company', ' Company', 'NL', 'EUR', 'JVBERi0=', 'JVBE\nRi0=', 'abc', 'info@x.example',
		'inv-1.pdf', 'a/b.pdf', {}, { a: '' }, { a: 1 }, [], [{}], ['x'], sparse, 10n,
	];
	const own: unknown[] = [];
	if (field.kind === 'enum') for (const value of field.values) own.push(value, value.toLowerCase(), ` ${value}`, `${value} `);
	if (field.kind === 'decimal' || field.kind === 'integer') {
		for (const limit of [field.min, field.max]) if (limit !== undefined) own.push(limit, limit - 1, limit + 1, String(limit), `${limit}.001`, limit + 0.5);
	}
	if (field.kind === 'text' && field.maxLength !== undefined) own.push('y'.repeat(field.maxLength), 'y'.repeat(field.maxLength + 1));
	if (field.kind === 'group' || field.kind === 'list') {
		const filled = filledObject(field.fields);
		own.push(filled, [filled], [filled, filled], [filled, 'x'], { ...filled, unknownKey: 'x' }, { ...filled, unknownKey: '' });
		for (const key of Object.keys(filled)) own.push({ ...filled, [key]: undefined }, { ...filled, [key]: '' });
	}
	return [...common, ...own];
}

/** Every input the comparison reads: each field (at any depth) of each base input replaced by each odd value, or removed. */
function* variants(fields: readonly Field[], base: Json): Generator<Json> {
	yield base;
	yield { ...base, unknownKey: 'x' };
	yield { ...base, unknownKey: null };
	for (const field of fields) {
		const key = fieldKey(field);
		const { [key]: _removed, ...without } = base;
		yield without;
		for (const value of oddValues(field)) yield { ...base, [key]: value };
		const current = base[key];
		const entry = Array.isArray(current) ? current[0] : current;
		if ((field.kind === 'group' || field.kind === 'list') && entry && typeof entry === 'object') {
			for (const inner of variants(field.fields, entry as Json)) yield { ...base, [key]: field.kind === 'list' ? [inner] : inner };
		}
	}
}

const OPTIONS: ValidateOptions[] = [{}, { unknownKeys: 'ignore' }, { timeZone: 'America/New_York' }];

/** The element `writeRecord` writes for a record, or what it throws. */
function writtenXml(spec: DocumentSpec, record: Record<string, unknown>): string | undefined {
	try {
		return writeRecord(spec, record as never)?.xml;
	} catch (error) {
		return `thrown: ${(error as Error).message}`;
	}
}

/** The same object with its keys (at every depth) in reverse order: JSON from another tool. */
function reversed(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reversed);
	if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
	return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversed(inner)]));
}

function compare(spec: DocumentSpec, givenBases: Json[]): number {
	let compared = 0;
	const bases = givenBases.flatMap((base) => [base, reversed(base) as Json]);
	for (const base of bases) {
		for (const input of variants(spec.fields, base)) {
			for (const options of OPTIONS) {
				const quick = validateRecord(spec, input, options);
				const full = validateInFull(spec, input, options);
				// Same answer, same issues in the same order, record keys in the same (described) order.
				assert.deepEqual(quick, full);
				assert.equal(JSON.stringify(quick), JSON.stringify(full));
				// Validated and written in one walk: the same answer, and the element writeRecord writes (none where it throws).
				const written = validateAndWriteRecord(spec, input, options);
				assert.equal(JSON.stringify(written.ok ? { ok: true, record: written.record } : written), JSON.stringify(full));
				const expected = full.ok ? writtenXml(spec, full.record) : undefined;
				assert.equal(written.ok ? written.written?.xml : undefined, expected?.startsWith('thrown: ') ? undefined : expected);
				compared++;
			}
		}
	}
	return compared;
}

describe('quick validation gives exactly the full validation’s answer', () => {
	it('sales invoices: every field of the sample and of a filled invoice, with odd values', () => {
		const compared = compare(salesInvoiceDocument, [salesInput(), filledObject(salesInvoiceDocument.fields)]);
		assert.ok(compared > 10_000, `compared ${compared}`);
	});

	it('purchase invoices, journals and contacts', () => {
		compare(purchaseInvoiceDocument, [purchaseInput(), filledObject(purchaseInvoiceDocument.fields)]);
		compare(journalDocument, [filledObject(journalDocument.fields)]);
		compare(contactDocument, [filledObject(contactDocument.fields)]);
	});

	it('takes most valid invoices quickly: a valid record is accepted and a broken one still names its field', () => {
		const valid = validateRecord(salesInvoiceDocument, salesInput());
		assert.equal(valid.ok, true);
		// The sample is read by the quick path itself, not only by the full one behind it.
		const quick = quickRecord(salesInvoiceDocument.fields, salesInput(), { timeZone: 'Europe/Amsterdam', ignoreUnknownKeys: false });
		assert.deepEqual(quick, valid.ok ? valid.record : undefined);
		// And written in the same walk.
		const written = quickWrittenRecord(salesInvoiceDocument, salesInput(), { timeZone: 'Europe/Amsterdam', ignoreUnknownKeys: false });
		assert.deepEqual(written?.record, quick);
		assert.equal(written?.written?.xml, valid.ok ? writeRecord(salesInvoiceDocument, valid.record)?.xml : undefined);
		const broken = salesInput();
		broken.invoiceLines[1].product.vatPercentage = '121';
		const refused = validateRecord(salesInvoiceDocument, broken);
		assert.equal(refused.ok, false);
		assert.match(refused.ok ? '' : refused.issues[0].path, /^invoiceLines\[1\]\.product\.vatPercentage$/);
	});
});
