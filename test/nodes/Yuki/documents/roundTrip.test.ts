/**
 * Property tests: for any input the descriptions accept, the document written and read back
 * holds exactly the validated values, and validating those again changes nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fieldKey } from '../../../../nodes/Yuki/documents/fields';
import type { DocumentSpec, Field } from '../../../../nodes/Yuki/documents/fields';
import { parseDocument } from '../../../../nodes/Yuki/documents/inspect';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { validateRecord } from '../../../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../../../nodes/Yuki/documents/xml';
import { ILLEGAL_XML_CHARACTER } from '../../../../nodes/Yuki/documents/xmlText';

const HOSTILE = ['<b>', '&amp;', ']]>', '"\'', '</Reference>', '<!--', 'é€😀', ' spaced ', 'a\tb\nc'];

function textArbitrary(field: Extract<Field, { kind: 'text' }>): fc.Arbitrary<string> {
	const base = field.pattern
		? fc.stringMatching(new RegExp(field.pattern.regex.source)) // without flags: what matches without "i" matches with it
		: fc.oneof(fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }), fc.constantFrom(...HOSTILE));
	return base.filter((text) => text !== '' && !ILLEGAL_XML_CHARACTER.test(text) && !text.includes('\r') && text.length <= (field.maxLength ?? Infinity));
}

function decimalArbitrary(decimals: number, min = -1_000_000, max = 1_000_000): fc.Arbitrary<string | number> {
	const scale = 10n ** BigInt(decimals);
	return fc.bigInt(BigInt(min) * scale, BigInt(max) * scale).chain((units) => {
		const negative = units < 0n;
		const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
		const text = `${negative ? '-' : ''}${digits.slice(0, digits.length - decimals)}${decimals ? '.' + digits.slice(-decimals) : ''}`;
		// Also as a JS number, which is how n8n expressions usually hand amounts over.
		return fc.constantFrom<string | number>(text, Number(text));
	});
}

function valueArbitrary(field: Field): fc.Arbitrary<unknown> {
	switch (field.kind) {
		case 'text':
			return textArbitrary(field);
		case 'decimal':
			return decimalArbitrary(field.decimals, field.min, field.max);
		case 'integer':
			return fc.integer({ min: field.min ?? 0, max: field.max ?? 100_000 });
		case 'boolean':
			return fc.oneof(fc.boolean(), fc.constantFrom('true', 'FALSE'));
		case 'date':
			return fc.integer({ min: 0, max: 365 * 60 }).map((days) => new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));
		case 'enum':
			return fc.constantFrom(...field.values);
		case 'base64':
			return fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64'));
		case 'group':
			return objectArbitrary(field.fields);
		case 'list':
			return fc.array(objectArbitrary(field.fields), { minLength: field.minItems ?? 1, maxLength: 3 });
	}
}

function objectArbitrary(fields: readonly Field[]): fc.Arbitrary<Record<string, unknown>> {
	const model = Object.fromEntries(fields.map((field) => [fieldKey(field), valueArbitrary(field)]));
	const requiredKeys = fields.filter((field) => field.required).map(fieldKey);
	return fc.record(model, { requiredKeys });
}

function roundTripProperty(spec: DocumentSpec) {
	return fc.property(fc.array(objectArbitrary(spec.fields), { minLength: 1, maxLength: 3 }), (inputs) => {
		const results = inputs.map((input) => validateRecord(spec, input, { timeZone: 'UTC' }));
		// Random amounts rarely satisfy the cross-field rules; only accepted inputs say anything here.
		fc.pre(results.every((result) => result.ok));
		const records = results.map((result) => (result.ok ? result.record : {}));
		const parsed = parseDocument(spec, buildDocument(spec, records));
		assert.deepEqual(parsed, records);
		for (const record of parsed) assert.deepEqual(validateRecord(spec, record, { timeZone: 'UTC' }), { ok: true, record });
	});
}

describe('document round trip', () => {
	for (const spec of [salesInvoiceDocument, purchaseInvoiceDocument]) {
		it(`${spec.name}: build → parse gives back the validated records, and they validate unchanged`, () => {
			fc.assert(roundTripProperty(spec), { numRuns: 100, maxSkipsPerRun: 1000 });
		});
	}
});
