/**
 * The writer's exact output, byte for byte, for a spread of documents (every sales and purchase
 * field the fixtures use, escaping, line ends, empty elements, PDF bytes as a part of their own,
 * a journal). The expected documents were written by the writer before it was made faster
 * (test/fixtures/documents/golden.json): a change to what Yuki receives shows up here.
 * Regenerate only for an intended change: WRITE_GOLDEN=1 with this test.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSpec } from '../../../../nodes/Yuki/documents/fields';
import { journalDocument } from '../../../../nodes/Yuki/documents/journal';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { describeIssues, validateRecord } from '../../../../nodes/Yuki/documents/validate';
import type { WritableRecord } from '../../../../nodes/Yuki/documents/xml';
import { buildDocument, buildDocumentParts } from '../../../../nodes/Yuki/documents/xml';
import { purchaseInput, salesInput } from './samples';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');
const GOLDEN = join(FIXTURES, 'documents', 'golden.json');

function record(spec: DocumentSpec, input: unknown): WritableRecord {
	const result = validateRecord(spec, input);
	if (!result.ok) assert.fail(describeIssues(result.issues, 0));
	return result.record;
}

function fixture(name: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(FIXTURES, 'invoices', name), 'utf8')) as Record<string, unknown>;
}

const tricky = 'Smith & Sons <b>"quoted"</b> \'single\' ]]> R&amp;D\r\nline two\ttab é € 😀';

/** Each case: a document as text parts (a Buffer part as base64, marked), so the parts' split is checked too. */
function documents(): Record<string, string[]> {
	const sales = salesInvoiceDocument;
	const purchase = purchaseInvoiceDocument;
	const parts = (spec: DocumentSpec, records: WritableRecord[]) =>
		buildDocumentParts(spec, records).map((part) => (typeof part === 'string' ? part : `[bytes:${part.toString('base64')}]`));
	const pdf = Buffer.from('%PDF-1.4 golden');
	return {
		salesSample: [buildDocument(sales, [record(sales, salesInput())])],
		salesFixture: [buildDocument(sales, [record(sales, fixture('sales-invoice.json'))])],
		salesBatch: [
			buildDocument(sales, [
				record(sales, salesInput()),
				record(sales, { ...salesInput(), reference: 'F2', subject: tricky, contactPerson: { firstName: 'Anna', gender: 'Female' } }),
				record(sales, { ...salesInput(), reference: 'F3', subject: undefined, contact: { fullName: tricky } }),
			]),
		],
		salesUnvalidatedEmptyElements: [buildDocument(sales, [{ reference: 'E-1', contact: {}, invoiceLines: [{ description: 'x' }, {}] }])],
		purchaseSample: [buildDocument(purchase, [record(purchase, purchaseInput())])],
		purchaseFixture: [buildDocument(purchase, [record(purchase, { ...fixture('purchase-invoice.json'), documentFileName: 'f.pdf', documentBase64: 'JVBERi0xLjQK' })])],
		purchaseWithBytes: parts(purchase, [
			{ ...record(purchase, purchaseInput()), documentBase64: pdf },
			{ ...record(purchase, { ...purchaseInput(), reference: 'INV-2' }), documentBase64: Buffer.alloc(0) },
			record(purchase, { ...purchaseInput(), reference: 'INV-3' }),
		]),
		journal: [
			buildDocument(journalDocument, [
				record(journalDocument, {
					administrationId: '3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11',
					documentSubject: tricky,
					journalType: 'GeneralJournal',
					journalEntry: [
						{ entryDate: '2024-03-31', glAccount: '4500', amount: '121.00', description: 'Office costs' },
						{ entryDate: '2024-03-31', glAccount: '1600', amount: -121, contactCode: 'C-1001', contactName: 'Kantoorartikelen Jansen' },
					],
				}),
			]),
		],
	};
}

describe('document writer output (golden)', () => {
	it('writes every document exactly as before, byte for byte', () => {
		const actual = documents();
		if (process.env.WRITE_GOLDEN === '1') writeFileSync(GOLDEN, JSON.stringify(actual, null, '\t') + '\n');
		const expected = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string[]>;
		assert.deepEqual(Object.keys(actual), Object.keys(expected));
		for (const [name, document] of Object.entries(expected)) assert.deepEqual(actual[name], document, name);
	});
});
