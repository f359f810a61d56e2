/**
 * Invoice PDFs from binary properties. A PDF is checked when its item is validated, then left
 * where n8n keeps it (a file, or base64 in the item). It is read only while its batch's request
 * is sent, chunk by chunk, straight into the body as base64 (transport/streamedBody.ts): a run
 * holds a few chunks, not a batch of PDFs, and never a PDF as a new base64 string.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import type { FileSource } from '../documents/xml';
import { checkBinaryFile, readBinaryFile, streamBinaryFile } from '../helpers/binary';

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

/**
 * The PDF for a request: a source read while the request is sent when its size is known
 * beforehand (checked again as a PDF now, and its first bytes and size again while it is read),
 * otherwise its bytes.
 */
export async function pdfContent(this: IExecuteFunctions, pdf: PdfReference): Promise<Buffer | FileSource> {
	const source = await streamBinaryFile(this, pdf.itemIndex, pdf.binaryProperty, { allowed: 'pdf', label: `the PDF of item ${pdf.itemIndex}` });
	return source ?? (await pdfBytes.call(this, pdf));
}
