import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FIELDS_DOC_PATH, updatedFieldsDoc } from '../../../scripts/document-tables';
import { contactDocument } from '../../../nodes/Yuki/documents/contact';
import { journalDocument } from '../../../nodes/Yuki/documents/journal';
import { purchaseInvoiceDocument } from '../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../nodes/Yuki/documents/salesInvoice';
import { documentExample, documentTable, replaceDocumentTablesSection } from '../../../scripts/docs/tables';
import { validateRecord } from '../../../nodes/Yuki/documents/validate';

describe('document tables', () => {
	it('docs/invoice-fields.md is up to date with the descriptions (run `npm run docs:tables` when this fails)', () => {
		const doc = readFileSync(FIELDS_DOC_PATH, 'utf8');
		assert.equal(updatedFieldsDoc(doc), doc);
	});

	it('lists every element with its JSON key, type, limits and confidence, nested levels in their own table', () => {
		const table = documentTable(salesInvoiceDocument);
		assert.ok(table.includes('| `Date` | `date` | date (YYYY-MM-DD) | yes |  | Invoice date | doc |'));
		assert.ok(table.includes('| `SalesPrice` | `salesPrice` | decimal (4 decimals) | yes |  | Price per unit | doc |'));
		assert.ok(table.includes('| `VATPercentage` | `vatPercentage` | decimal (2 decimals) | yes | 0 to 100 |'));
		assert.ok(table.includes('| `PaymentMethod` | `paymentMethod` | choice |  | `Unspecified`, `ElectronicTransfer`,'));
		assert.ok(table.includes('**Product**: `SalesInvoices/SalesInvoice/InvoiceLines/InvoiceLine/Product`, JSON `invoiceLines[].product`'));
		const purchase = documentTable(purchaseInvoiceDocument);
		assert.ok(purchase.includes('| `DocumentFileName` | `documentFileName` | text | yes | a file name ending in .pdf; up to 255 characters |'));
		assert.ok(purchase.includes('| `City` | `city` | text |  | up to 255 characters | City | guess |'));
		const journal = documentTable(journalDocument);
		assert.ok(journal.startsWith('**Journal**: `Journal`\n'), 'the root is the record');
		assert.ok(journal.includes('**Entries**: `Journal/JournalEntry`, JSON `journalEntry[]`'), 'entries repeat without a wrapper');
	});

	it('gives a JSON example that passes validation', () => {
		for (const spec of [salesInvoiceDocument, purchaseInvoiceDocument, journalDocument, contactDocument]) {
			const result = validateRecord(spec, documentExample(spec));
			assert.ok(result.ok, JSON.stringify(result));
		}
	});

	it('replaces only the generated section and keeps its markers', () => {
		const readme = '# x\n<!-- section:document-tables (generated) -->\nold\n<!-- /section:document-tables -->\n<!-- section:next -->';
		assert.equal(replaceDocumentTablesSection(readme, 'new'), '# x\n<!-- section:document-tables (generated) -->\nnew\n<!-- /section:document-tables -->\n<!-- section:next -->');
		assert.throws(() => replaceDocumentTablesSection('# no markers', 'new'), /no <!-- section:document-tables -->/);
	});
});
