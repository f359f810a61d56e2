import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectDocument, parseDocument } from '../../../../nodes/Yuki/documents/inspect';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';

const fixture = readFileSync(join(__dirname, '../../../fixtures/documents/sales-invoices.xml'), 'utf8');
const SALES_NS = 'urn:xmlns:http://www.theyukicompany.com:salesinvoices';

function reasonFor(xml: string, spec = salesInvoiceDocument): string {
	const inspection = inspectDocument(spec, xml);
	assert.equal(inspection.ok, false, 'expected the document to be refused');
	return inspection.ok ? '' : inspection.reason;
}

describe('inspectDocument', () => {
	it('counts the records, reads their references and strips the declaration', () => {
		const inspection = inspectDocument(salesInvoiceDocument, fixture);
		assert.ok(inspection.ok);
		assert.equal(inspection.records, 2);
		assert.deepEqual(inspection.references, ['F2024-0042', undefined]);
		assert.ok(inspection.body.startsWith('<!-- Two sales invoices'));
		assert.ok(!inspection.body.includes('<?xml'));
		assert.ok(inspection.body.endsWith('</SalesInvoices>'));
	});

	it('accepts a byte order mark, a prefixed root and a document without declaration', () => {
		const prefixed = `\uFEFF<?xml version="1.0"?><y:SalesInvoices xmlns:y="${SALES_NS}"><y:SalesInvoice><y:Reference>P-1</y:Reference></y:SalesInvoice></y:SalesInvoices>`;
		const inspection = inspectDocument(salesInvoiceDocument, prefixed);
		assert.ok(inspection.ok);
		assert.deepEqual(inspection.references, ['P-1']);
		assert.ok(inspection.body.startsWith('<y:SalesInvoices'));
		const plain = `<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice/></SalesInvoices>`;
		assert.deepEqual(inspectDocument(salesInvoiceDocument, plain), { ok: true, records: 1, references: [undefined], body: plain });
	});

	it('refuses the wrong root, namespace or records, saying what Yuki needs', () => {
		assert.equal(reasonFor(fixture, purchaseInvoiceDocument), 'The root element is <SalesInvoices>, but a purchase invoice document starts with <PurchaseInvoices>');
		assert.equal(reasonFor('<SalesInvoices><SalesInvoice/></SalesInvoices>'), `<SalesInvoices> is in no namespace; Yuki needs xmlns="${SALES_NS}"`);
		assert.equal(reasonFor(`<SalesInvoices xmlns="${SALES_NS}x"/>`), `<SalesInvoices> is in "${SALES_NS}x"; Yuki needs xmlns="${SALES_NS}"`);
		assert.equal(reasonFor(`<SalesInvoices xmlns="${SALES_NS}"><Invoice/></SalesInvoices>`), '<Invoice> is not allowed directly under <SalesInvoices>; only <SalesInvoice> records are');
		assert.equal(reasonFor(`<SalesInvoices xmlns="${SALES_NS}"> </SalesInvoices>`), '<SalesInvoices> holds no <SalesInvoice> record');
		assert.equal(reasonFor(`<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice/>loose</SalesInvoices>`), '<SalesInvoices> holds text outside its <SalesInvoice> records');
	});

	it('refuses XML that is not well-formed, with the position', () => {
		const cases: Array<[string, string]> = [
			[`<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice></SalesInvoices>`, 'Closing tag </SalesInvoices> does not match <SalesInvoice> at line 1, column 92'],
			[`<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice>`, '<SalesInvoice> is never closed at line 1, column 78'],
			[`<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice/></SalesInvoices><SalesInvoices/>`, 'A second root element (a document has exactly one) at line 1, column 109'],
			[`<SalesInvoices xmlns="${SALES_NS}">\n<SalesInvoice><Subject>A & B</Subject></SalesInvoice></SalesInvoices>`, 'Unknown entity or a bare "&" (write &amp;) at line 2, column 26'],
			[`<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice><Subject>a < b</Subject></SalesInvoice></SalesInvoices>`, 'A "<" that starts no tag (write &lt;) at line 1, column 103'],
			[`<SalesInvoices xmlns="${SALES_NS}"><x:SalesInvoice/></SalesInvoices>`, 'Namespace prefix "x" is not declared at line 1, column 78'],
			[`<SalesInvoices xmlns="${SALES_NS}" a="1" a="2"/>`, 'Attribute a appears twice at line 1, column 83'],
			[`<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice><Subject>\u0001</Subject></SalesInvoice></SalesInvoices>`, 'A character XML cannot carry (U+0001) appears at line 1, column 101'],
			['', 'The document has no root element'],
			['just text', 'Text outside the root element at line 1, column 1'],
		];
		for (const [xml, problem] of cases) assert.equal(reasonFor(xml), `The sales invoice XML is not well-formed: ${problem}`, xml);
	});

	it('refuses any DOCTYPE, so no entity is ever declared or expanded', () => {
		const billionLaughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><SalesInvoices xmlns="${SALES_NS}"><SalesInvoice><Subject>&lol2;</Subject></SalesInvoice></SalesInvoices>`;
		assert.match(reasonFor(billionLaughs), /DOCTYPE and DTD declarations are not accepted/);
		const external = `<!DOCTYPE SalesInvoices SYSTEM "file:///etc/passwd"><SalesInvoices xmlns="${SALES_NS}"><SalesInvoice/></SalesInvoices>`;
		assert.match(reasonFor(external), /DOCTYPE and DTD declarations are not accepted/);
	});
});

describe('parseDocument', () => {
	it('reads every record by the description, entities and CDATA decoded', () => {
		const [first, second] = parseDocument(salesInvoiceDocument, fixture);
		assert.equal(first.subject, 'Onderhoud & reparatie');
		assert.deepEqual(first.contact, { contactCode: 'C-17', fullName: 'Bakkerij De Vries B.V.', countryCode: 'NL' });
		const [line] = first.invoiceLines as any[];
		assert.equal(line.description, 'Service <spoed>');
		assert.deepEqual(line.product, { description: 'Onderhoud', salesPrice: '95.00', vatPercentage: '21.00', vatType: '1' });
		assert.equal((second.contact as any).fullName, 'Café Het Hoekje');
	});

	it('throws on elements the document does not have', () => {
		const xml = `<SalesInvoices xmlns="${SALES_NS}"><SalesInvoice><Colour>red</Colour></SalesInvoice></SalesInvoices>`;
		assert.throws(() => parseDocument(salesInvoiceDocument, xml), /SalesInvoice\/Colour is not an element of this document/);
		assert.throws(() => parseDocument(salesInvoiceDocument, '<SalesInvoices/>'), /is in no namespace/);
	});
});
