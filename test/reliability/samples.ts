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
	/** One booked sales invoice of EUR 121.00 (100.00 + 21 % VAT) to a known customer. */
	json(reference: string): IDataObject {
		return {
			reference,
			subject: `Advies ${reference}`,
			paymentMethod: 'ElectronicTransfer',
			process: true,
			date: '2025-06-30',
			dueDate: '2025-07-30',
			contact: { contactCode: 'REL-1001', fullName: 'Bakkerij De Korenaar', countryCode: 'NL', contactType: 'Company' },
			invoiceLines: [
				{ description: 'Advies juni', productQuantity: 2, lineAmount: '100.00', lineVatAmount: '21.00', product: { description: 'Advies per uur', salesPrice: '50.00', vatPercentage: '21.00', vatType: 1 } },
			],
		};
	},
	document(references: string[]): { xml: string } {
		return documentOf(salesInvoiceDocument, references.map((reference) => salesInvoiceInput.json(reference)));
	},
};

export const purchaseInvoiceInput = {
	/** One purchase invoice of EUR 181.50 (150.00 + 21 % input VAT); the PDF comes from the binary property `data`. */
	json(reference: string): IDataObject {
		return {
			reference,
			date: '2025-06-30',
			invoiceAmount: '181.50',
			invoiceVatAmount: '31.50',
			currency: 'EUR',
			contact: { contactCode: 'LEV-200', fullName: 'Kantoorhuis Nederland B.V.', bankAccount: 'NL91ABNA0417164300', countryCode: 'NL' },
			invoiceLines: [{ description: 'Kantoorartikelen', lineAmount: '150.00', lineVatType: 11, lineVatPercentage: '21.00' }],
		};
	},
};
