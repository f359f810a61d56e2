/**
 * The node's own XML writer, read back by an independent parser (xmlbuilder2, a dev dependency
 * only): every document it writes must be well-formed and carry exactly the described elements,
 * in the described order, with exactly the values of the record.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { create } from 'xmlbuilder2';
import type { DocumentSpec, Field, NormalisedRecord } from '../../../../nodes/Yuki/documents/fields';
import { fieldKey } from '../../../../nodes/Yuki/documents/fields';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { describeIssues, validateRecord } from '../../../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../../../nodes/Yuki/documents/xml';
import { documentOf, invoiceFragments } from '../../../../nodes/Yuki/invoices/xmlDocument';
import { validInvoice } from '../../../reliability/arbitraries';
import { purchaseInput, salesInput } from './samples';

/** An element as the oracle sees it: name and namespace, then its text or its children. */
type Shape = { name: string; namespace: string | null; text?: string; children?: Shape[] };

interface DomNode {
	nodeType: number;
	localName?: string;
	namespaceURI?: string | null;
	textContent: string | null;
	childNodes: ArrayLike<DomNode>;
}

function shapeOf(node: DomNode): Shape {
	const elements = Array.from(node.childNodes).filter((child) => child.nodeType === 1);
	const shape: Shape = { name: node.localName ?? '', namespace: node.namespaceURI ?? null };
	if (elements.length > 0) shape.children = elements.map(shapeOf);
	else if (node.textContent !== '') shape.text = node.textContent ?? '';
	return shape;
}

/**
 * xmlbuilder2's parser decodes character references once more after `&amp;` (it reads the
 * correctly escaped text "&amp;#65;" as "A", not "&#65;"): the one place where the oracle
 * itself is wrong, so the expectation applies the same step. The writer's exact output for such
 * text is asserted in xml.test.ts ("keeps text that looks like an entity reference as typed").
 */
function asOracleReadsIt(text: string): string {
	return text.replace(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g, (_, hex: string | undefined, decimal: string | undefined) =>
		String.fromCodePoint(parseInt(hex ?? decimal ?? '0', hex ? 16 : 10)),
	);
}

/** What the description says the record's elements must be (absent fields left out). */
function expected(fields: readonly Field[], record: NormalisedRecord, namespace: string): Shape[] {
	const shapes: Shape[] = [];
	for (const field of fields) {
		const value = record[fieldKey(field)];
		if (value === undefined || value === '') continue;
		if (field.kind === 'group') {
			const children = expected(field.fields, value as NormalisedRecord, namespace);
			shapes.push({ name: field.xml, namespace, ...(children.length ? { children } : {}) });
		} else if (field.kind === 'list') {
			const entries = (value as NormalisedRecord[]).map((entry) => {
				const children = expected(field.fields, entry, namespace);
				return { name: field.itemXml, namespace, ...(children.length ? { children } : {}) };
			});
			shapes.push({ name: field.xml, namespace, ...(entries.length ? { children: entries } : {}) });
		} else {
			shapes.push({ name: field.xml, namespace, text: asOracleReadsIt(value as string) });
		}
	}
	return shapes;
}

function oracleShape(xml: string): Shape {
	return shapeOf(create({ skipWhitespaceOnlyText: false }, xml).root().node as unknown as DomNode);
}

function expectedDocument(spec: DocumentSpec, records: NormalisedRecord[]): Shape {
	return {
		name: spec.root,
		namespace: spec.namespace,
		children: records.map((record) => {
			const children = expected(spec.fields, record, spec.namespace);
			return { name: spec.record, namespace: spec.namespace, ...(children.length ? { children } : {}) };
		}),
	};
}

function validated(spec: DocumentSpec, input: unknown): NormalisedRecord {
	const result = validateRecord(spec, input);
	if (!result.ok) throw new Error(describeIssues(result.issues, 0));
	return result.record;
}

const SPECS: Array<[DocumentSpec, () => Record<string, unknown>]> = [
	[salesInvoiceDocument, salesInput],
	[purchaseInvoiceDocument, purchaseInput],
];

describe('the invoice XML writer, read back by xmlbuilder2', () => {
	for (const [spec, sample] of SPECS) {
		it(`writes a ${spec.name} document xmlbuilder2 reads back to the same elements and values`, () => {
			const records = [validated(spec, sample()), validated(spec, { ...sample(), reference: 'X&<>"\']]>\t\n second' })];
			assert.deepEqual(oracleShape(buildDocument(spec, records)), expectedDocument(spec, records));
		});

		it(`random valid ${spec.name}s (hostile text included) round-trip exactly through xmlbuilder2`, () => {
			fc.assert(
				fc.property(fc.array(validInvoice(spec), { minLength: 1, maxLength: 3 }), (inputs) => {
					const records = inputs.map((input) => validated(spec, input));
					const xml = buildDocument(spec, records);
					assert.deepEqual(oracleShape(xml), expectedDocument(spec, records));
					// Taking a document apart and putting it back (pass-through documents) keeps every value.
					assert.deepEqual(oracleShape(documentOf(spec, invoiceFragments(spec, xml))), expectedDocument(spec, records));
				}),
				{ numRuns: 200, seed: 20261201 },
			);
		});
	}

	it('refuses text XML 1.0 cannot carry instead of writing a broken document', () => {
		const record = validated(salesInvoiceDocument, salesInput());
		for (const bad of ['\u0000', '\u0008', '\uFFFE', '\uD800', 'a\uDC00']) {
			assert.throws(() => buildDocument(salesInvoiceDocument, [{ ...record, subject: `x${bad}` }]), /character XML cannot carry/);
		}
	});

	it('keeps a carriage return a user typed, which a literal one would not survive', () => {
		const record = validated(salesInvoiceDocument, salesInput());
		const xml = buildDocument(salesInvoiceDocument, [{ ...record, subject: 'a\r\nb' }]);
		assert.ok(xml.includes('<Subject>a&#13;\nb</Subject>'));
		assert.equal(oracleShape(xml).children?.[0].children?.find((child) => child.name === 'Subject')?.text, 'a\r\nb');
	});

	it('gives each invoice of a prefixed document the declarations it inherited', () => {
		const ns = salesInvoiceDocument.namespace;
		const xml = `<y:SalesInvoices xmlns:y="${ns}"><y:SalesInvoice><y:Reference>A</y:Reference></y:SalesInvoice><y:SalesInvoice/></y:SalesInvoices>`;
		const fragments = invoiceFragments(salesInvoiceDocument, xml);
		assert.deepEqual(fragments, [`<y:SalesInvoice xmlns:y="${ns}"><y:Reference>A</y:Reference></y:SalesInvoice>`, `<y:SalesInvoice xmlns:y="${ns}"/>`]);
		assert.deepEqual(oracleShape(documentOf(salesInvoiceDocument, fragments)), {
			name: 'SalesInvoices',
			namespace: ns,
			children: [
				{ name: 'SalesInvoice', namespace: ns, children: [{ name: 'Reference', namespace: ns, text: 'A' }] },
				{ name: 'SalesInvoice', namespace: ns },
			],
		});
	});
});
