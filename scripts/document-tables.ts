/**
 * Rewrites README.md's generated "document-tables" section from the document descriptions
 * (`npm run docs:tables`). A test fails when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { purchaseInvoiceDocument } from '../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../nodes/Yuki/documents/salesInvoice';
import { documentTablesSection, replaceDocumentTablesSection } from './docs/tables';

export const DOCUMENTS = [salesInvoiceDocument, purchaseInvoiceDocument];

export const README_PATH = join(__dirname, '..', 'README.md');

/** The README as it should be, from the README as it is. */
export function updatedReadme(readme: string): string {
	return replaceDocumentTablesSection(readme, documentTablesSection(DOCUMENTS));
}

if (require.main === module) {
	const readme = readFileSync(README_PATH, 'utf8');
	const updated = updatedReadme(readme);
	if (updated === readme) console.log('README.md document tables are up to date');
	else {
		writeFileSync(README_PATH, updated);
		console.log('README.md document tables rewritten');
	}
}
