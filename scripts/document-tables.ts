/**
 * Rewrites the generated "document-tables" section of docs/invoice-fields.md from the document
 * descriptions (`npm run docs:tables`). A test fails when that file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contactDocument } from '../nodes/Yuki/documents/contact';
import { journalDocument } from '../nodes/Yuki/documents/journal';
import { purchaseInvoiceDocument } from '../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../nodes/Yuki/documents/salesInvoice';
import { documentTablesSection, replaceDocumentTablesSection } from './docs/tables';

export const DOCUMENTS = [salesInvoiceDocument, purchaseInvoiceDocument, journalDocument, contactDocument];

export const FIELDS_DOC_PATH = join(__dirname, '..', 'docs', 'invoice-fields.md');

/** The field reference as it should be, from the file as it is. */
export function updatedFieldsDoc(doc: string): string {
	return replaceDocumentTablesSection(doc, documentTablesSection(DOCUMENTS));
}

if (require.main === module) {
	const doc = readFileSync(FIELDS_DOC_PATH, 'utf8');
	const updated = updatedFieldsDoc(doc);
	if (updated === doc) console.log('docs/invoice-fields.md is up to date');
	else {
		writeFileSync(FIELDS_DOC_PATH, updated);
		console.log('docs/invoice-fields.md document tables rewritten');
	}
}
