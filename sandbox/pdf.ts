/**
 * A small, valid one-page PDF with a few lines of text: what the sandbox archives for an invoice
 * Yuki would render itself (a booked sales invoice without a custom PDF) and for the demo
 * documents, so every archived document can be downloaded and opened.
 */

function pdfText(value: string): string {
	// Latin-1 only (the standard Helvetica font); anything else becomes '?'.
	return value.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').replace(/[\\()]/g, (char) => `\\${char}`);
}

/** The PDF's bytes, base64-encoded. Deterministic: the same lines give the same file. */
export function textPdfBase64(lines: readonly string[]): string {
	const content = ['BT', '/F1 12 Tf', '72 770 Td', '16 TL', ...lines.map((line) => `(${pdfText(line)}) '`), 'ET'].join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1').toString('base64');
}
