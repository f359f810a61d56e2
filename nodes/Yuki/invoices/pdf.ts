/**
 * Invoice PDFs from binary properties. A PDF is checked when its item is validated, then left
 * where n8n keeps it; it is read only when its batch is built and its bytes go into the request
 * body as base64 (transport/envelope.ts), so a run never holds more than one batch of PDFs and
 * never a PDF as a base64 string.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { checkBinaryFile, readBinaryFile } from '../shared/binary';

/** Where an invoice's PDF is, and the file name Yuki gets. */
export interface PdfReference {
	itemIndex: number;
	binaryProperty: string;
	fileName: string;
}

/**
 * Stands in for the PDF while the record is validated: valid base64 (of "%PDF-"), swapped for
 * the real content when the batch is built.
 */
export const PDF_PLACEHOLDER = 'JVBERi0=';

/** Checks that the item holds a PDF in that property (its first bytes only); throws the item's error otherwise. */
export async function checkPdf(this: IExecuteFunctions, itemIndex: number, binaryProperty: string): Promise<PdfReference> {
	const file = await checkBinaryFile(this, itemIndex, binaryProperty, { allowed: 'pdf' });
	return { itemIndex, binaryProperty, fileName: file.fileName };
}

/** The PDF's bytes, checked again as a PDF (the file may have changed since the item was validated). */
export async function pdfBytes(this: IExecuteFunctions, pdf: PdfReference): Promise<Buffer> {
	const file = await readBinaryFile(this, pdf.itemIndex, pdf.binaryProperty, { allowed: 'pdf' });
	return file.buffer;
}
