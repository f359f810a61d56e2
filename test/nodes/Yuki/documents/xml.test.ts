import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSpec, NormalisedRecord } from '../../../../nodes/Yuki/documents/fields';
import { parseDocument } from '../../../../nodes/Yuki/documents/inspect';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { describeIssues, validateRecord } from '../../../../nodes/Yuki/documents/validate';
import { buildDocument, writeRecord, WrittenRecord } from '../../../../nodes/Yuki/documents/xml';
import { readXml } from '../../../../nodes/Yuki/documents/xmlReader';
import type { XmlElement } from '../../../../nodes/Yuki/documents/xmlReader';
import { purchaseInput, salesInput } from './samples';

function record(input: unknown, spec: DocumentSpec = salesInvoiceDocument): NormalisedRecord {
	const result = validateRecord(spec, input);
	if (!result.ok) assert.fail(describeIssues(result.issues, 0));
	return result.record;
}

function childNames(element: XmlElement): string[] {
	return element.children.map((child) => child.name);
}

describe('buildDocument', () => {
	it('puts the root in the default namespace, without an XML declaration', () => {
		const xml = buildDocument(salesInvoiceDocument, [record(salesInput())]);
		assert.ok(xml.startsWith('<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice>'));
		assert.ok(!xml.includes('<?xml'));
		assert.ok(!xml.includes('\n'), 'no pretty printing');
		const root = readXml(xml);
		assert.equal(root.namespace, 'urn:xmlns:http://www.theyukicompany.com:salesinvoices');
		assert.equal(root.children[0].namespace, root.namespace, 'records inherit the namespace');
		const purchase = buildDocument(purchaseInvoiceDocument, [record(purchaseInput(), purchaseInvoiceDocument)]);
		assert.ok(purchase.startsWith('<PurchaseInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:purchaseinvoices"><PurchaseInvoice><Process>true</Process><Reference>INV-7781</Reference>'));
	});

	it('writes elements in the described order, whatever the order of the input keys', () => {
		const input = salesInput();
		const reversed = Object.fromEntries(Object.entries(input).reverse());
		reversed.contact = Object.fromEntries(Object.entries(input.contact).reverse());
		reversed.invoiceLines = input.invoiceLines.map((line: Record<string, unknown>) => Object.fromEntries(Object.entries(line).reverse()));
		const root = readXml(buildDocument(salesInvoiceDocument, [record(reversed)]));
		const invoice = root.children[0];
		assert.deepEqual(childNames(invoice), ['Reference', 'Subject', 'PaymentMethod', 'Process', 'Date', 'DueDate', 'Currency', 'Contact', 'InvoiceLines']);
		assert.deepEqual(childNames(invoice.children[7]), ['ContactCode', 'FullName', 'CountryCode', 'EmailAddress', 'ContactType']);
		const line = invoice.children[8].children[0];
		assert.equal(invoice.children[8].children[0].name, 'InvoiceLine');
		assert.deepEqual(childNames(line), ['Description', 'ProductQuantity', 'LineAmount', 'LineVATAmount', 'Product']);
		assert.deepEqual(childNames(line.children[4]), ['Description', 'SalesPrice', 'VATPercentage', 'VATType', 'GLAccountCode']);
	});

	it('leaves absent fields out and keeps records in the given order', () => {
		const first = record({ ...salesInput(), reference: 'A-1', subject: undefined });
		const second = record({ ...salesInput(), reference: 'A-2' });
		const xml = buildDocument(salesInvoiceDocument, [first, second]);
		assert.ok(xml.includes('<SalesInvoice><Reference>A-1</Reference><PaymentMethod>'), 'no Subject element in the first invoice');
		assert.deepEqual(parseDocument(salesInvoiceDocument, xml).map((invoice) => invoice.reference), ['A-1', 'A-2']);
	});

	it('writes the exact document for a known invoice', () => {
		const xml = buildDocument(salesInvoiceDocument, [record(salesInput())]);
		assert.equal(
			xml,
			'<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice><Reference>F2024-0042</Reference><Subject>March consultancy</Subject><PaymentMethod>ElectronicTransfer</PaymentMethod><Process>true</Process><Date>2024-03-31</Date><DueDate>2024-04-30</DueDate><Currency>EUR</Currency><Contact><ContactCode>C-17</ContactCode><FullName>Bakkerij De Vries B.V.</FullName><CountryCode>NL</CountryCode><EmailAddress>info@devries.example</EmailAddress><ContactType>Company</ContactType></Contact><InvoiceLines><InvoiceLine><Description>Consultancy March</Description><ProductQuantity>12.0000</ProductQuantity><LineAmount>1140.00</LineAmount><LineVATAmount>239.40</LineVATAmount><Product><Description>Consultancy</Description><SalesPrice>95.0000</SalesPrice><VATPercentage>21.00</VATPercentage><VATType>1</VATType><GLAccountCode>8000</GLAccountCode></Product></InvoiceLine><InvoiceLine><Description>Travel</Description><ProductQuantity>1.0000</ProductQuantity><Product><Description>Travel costs</Description><SalesPrice>26.4000</SalesPrice><VATPercentage>9.00</VATPercentage><VATType>2</VATType></Product></InvoiceLine></InvoiceLines></SalesInvoice></SalesInvoices>',
		);
	});

	it('escapes user text so that it can never become markup', () => {
		const hostile = `Smith & Sons <b>"quoted"</b> 'single' ]]> </FullName><Process>true</Process><!-- x -->`;
		const xml = buildDocument(salesInvoiceDocument, [record({ ...salesInput(), subject: hostile, contact: { fullName: hostile } })]);
		assert.ok(xml.includes('<Subject>Smith &amp; Sons &lt;b&gt;"quoted"&lt;/b&gt; \'single\' ]]&gt; &lt;/FullName&gt;&lt;Process&gt;true&lt;/Process&gt;&lt;!-- x --&gt;</Subject>'));
		const [parsed] = parseDocument(salesInvoiceDocument, xml);
		assert.equal(parsed.subject, hostile);
		assert.deepEqual(parsed.contact, { fullName: hostile });
		assert.equal(readXml(xml).children[0].children.filter((child) => child.name === 'Process').length, 1);
	});

	it('keeps text that looks like an entity reference as typed', () => {
		const typed = 'R&amp;D &lt;b&gt; &#65; &foo; AT&T';
		const xml = buildDocument(salesInvoiceDocument, [record({ ...salesInput(), subject: typed })]);
		assert.ok(xml.includes('<Subject>R&amp;amp;D &amp;lt;b&amp;gt; &amp;#65; &amp;foo; AT&amp;T</Subject>'));
		assert.equal(parseDocument(salesInvoiceDocument, xml)[0].subject, typed);
	});

	it('writes 0.1 + 0.2 as 0.30', () => {
		const input = salesInput();
		input.invoiceLines = [{ productQuantity: 1, lineAmount: 0.1 + 0.2, product: { description: 'x', salesPrice: 0.1 + 0.2, vatPercentage: 21, vatType: 1 } }];
		const xml = buildDocument(salesInvoiceDocument, [record(input)]);
		assert.ok(xml.includes('<LineAmount>0.30</LineAmount>'));
		assert.ok(xml.includes('<SalesPrice>0.3000</SalesPrice>'));
	});

	it('parses back to the records it was built from', () => {
		const sales = [record(salesInput()), record({ ...salesInput(), reference: 'F2', contactPerson: { firstName: 'Anna', gender: 'Female' } })];
		assert.deepEqual(parseDocument(salesInvoiceDocument, buildDocument(salesInvoiceDocument, sales)), sales);
		const purchase = [record(purchaseInput(), purchaseInvoiceDocument)];
		assert.deepEqual(parseDocument(purchaseInvoiceDocument, buildDocument(purchaseInvoiceDocument, purchase)), purchase);
	});

	it('refuses records that were not validated rather than write broken XML', () => {
		assert.throws(() => buildDocument(salesInvoiceDocument, [{ subject: 'bell\u0007' }]), /SalesInvoice\/Subject contains a character XML cannot carry/);
		assert.throws(() => buildDocument(salesInvoiceDocument, [{ contact: 'x' }]), /SalesInvoice\/Contact must be a record/);
	});

	it('writes a record the same whatever the order of its keys, and names the first wrong field in described order', () => {
		const valid = record(salesInput());
		const reversed = Object.fromEntries(Object.entries(valid).reverse());
		assert.equal(buildDocument(salesInvoiceDocument, [reversed]), buildDocument(salesInvoiceDocument, [valid]));
		assert.equal(buildDocument(salesInvoiceDocument, [{ ...valid, notDescribed: 'x' }]), buildDocument(salesInvoiceDocument, [valid]));
		// Contact comes first among the keys, Subject first in the description: Subject is named.
		assert.throws(() => buildDocument(salesInvoiceDocument, [{ contact: 'x', subject: 'bell\u0007' }]), /SalesInvoice\/Subject contains a character XML cannot carry/);
	});

	it('writes records of changing shapes in one batch exactly as each alone', () => {
		const shapes = [
			record(salesInput()),
			record({ ...salesInput(), reference: 'F-2', subject: undefined, remarks: 'A & B' }),
			record({ ...salesInput(), reference: 'F-3', contactPerson: { firstName: 'Anna' } }),
			{ reference: 'F-4', contact: {}, invoiceLines: [{}, { description: 'x' }] },
			record(salesInput()),
		];
		const alone = shapes.map((entry) => buildDocument(salesInvoiceDocument, [entry]).replace(/^<SalesInvoices[^>]*>|<\/SalesInvoices>$/g, ''));
		const batch = buildDocument(salesInvoiceDocument, shapes);
		assert.equal(batch, `<SalesInvoices xmlns="${salesInvoiceDocument.namespace}">${alone.join('')}</SalesInvoices>`);
		assert.ok(batch.includes('<SalesInvoice><Reference>F-4</Reference><Contact/><InvoiceLines><InvoiceLine/><InvoiceLine><Description>x</Description></InvoiceLine></InvoiceLines></SalesInvoice>'));
	});

	it('handles a batch of 1,000 invoices with PDFs', () => {
		const pdf = Buffer.alloc(30_000, 7).toString('base64');
		const invoice = record({ ...salesInput(), documentFileName: 'invoice.pdf', documentBase64: pdf });
		const batch = Array.from({ length: 1000 }, (_, index) => ({ ...invoice, reference: `F-${index}` }));
		const xml = buildDocument(salesInvoiceDocument, batch);
		assert.equal(xml.split('<SalesInvoice>').length - 1, 1000);
		assert.ok(xml.includes(`<Reference>F-999</Reference>`));
		assert.ok(xml.length > 1000 * pdf.length);
	});
});

describe('writeRecord', () => {
	it('writes a record once, to be placed in any document byte for byte as buildDocument writes it', () => {
		const sales = [record(salesInput()), record({ ...salesInput(), reference: 'F-2', remarks: 'A & B <c>\r\n' }), record({ ...salesInput(), reference: 'F-3' })];
		const written = sales.map((entry) => writeRecord(salesInvoiceDocument, entry));
		assert.ok(written.every((entry) => entry instanceof WrittenRecord));
		const mixed = [written[0] as WrittenRecord, sales[1], written[2] as WrittenRecord];
		assert.equal(buildDocument(salesInvoiceDocument, mixed), buildDocument(salesInvoiceDocument, sales));
		const purchase = record({ ...purchaseInput(), documentBase64: 'JVBERi0=' }, purchaseInvoiceDocument);
		assert.equal(
			buildDocument(purchaseInvoiceDocument, [writeRecord(purchaseInvoiceDocument, purchase) as WrittenRecord]),
			buildDocument(purchaseInvoiceDocument, [purchase]),
		);
	});

	it('leaves a record holding file bytes to be written while it is sent', () => {
		const purchase = record(purchaseInput(), purchaseInvoiceDocument);
		assert.equal(writeRecord(purchaseInvoiceDocument, { ...purchase, documentBase64: Buffer.from('%PDF-1.4') }), undefined);
	});
});
