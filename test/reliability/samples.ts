/**
 * Well-formed sample input the demo domain of the sandbox accepts: a sales invoice in the JSON
 * shape the node takes ("From Input JSON"), and a purchase invoice with its PDF. Faults and bad
 * inputs are variations of these.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import type { DocumentSpec } from '../../nodes/Yuki/documents/fields';
import { salesInvoiceDocument } from '../../nodes/Yuki/documents/salesInvoice';
import { describeIssues, validateRecord } from '../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../nodes/Yuki/documents/xml';
import { purchaseInvoiceInput, salesInvoiceJson } from '../../scripts/fixtures/invoices';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'reliability');

/** A small valid PDF (one page). */
export const samplePdf = readFileSync(join(FIXTURES, 'invoice.pdf'));

function documentOf(spec: DocumentSpec, inputs: IDataObject[]): { xml: string } {
	const records = inputs.map((input, index) => {
		const result = validateRecord(spec, input);
		if (!result.ok) throw new Error(`sample ${spec.name} is invalid: ${describeIssues(result.issues, index)}`);
		return result.record;
	});
	return { xml: buildDocument(spec, records) };
}

export const salesInvoiceInput = {
	json: salesInvoiceJson,
	document(references: string[]): { xml: string } {
		return documentOf(salesInvoiceDocument, references.map((reference) => salesInvoiceInput.json(reference)));
	},
};

export { purchaseInvoiceInput };
