/**
 * A PDF corrupted on its way to Yuki must never go unnoticed. With n8n's filesystem binary data
 * the node streams each PDF into the request body as base64, chunk by chunk; with in-memory
 * binary data it encodes the bytes it has. Through n8n's real engine and binary data service,
 * the sandbox must archive exactly the bytes of each PDF, for sizes with every remainder mod 3,
 * below, at and across the file stream's 64 KiB chunks, and again when Yuki refuses the session
 * and the call is repeated (the stream is read anew).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { useFilesystemBinaryData, useInMemoryBinaryData } from '../../../../scripts/harness/engine';
import { runWithTruncatedFiles } from '../../../helpers/binaryFiles';
import type { InvoiceSandbox } from './invoiceFixtures';
import { invoiceSandbox, purchaseInvoice, runProcess } from './invoiceFixtures';

/** n8n's filesystem binary data is read with Node's default 64 KiB chunks. */
const CHUNK = 64 * 1024;
/** Remainders 1, 2, 0 mod 3: smaller than the file check's 16 bytes, a few KB, at and across one and two chunks. */
const SIZES = [7, 8, 9, 1000, 1001, 1002, CHUNK - 1, CHUNK, CHUNK + 1, CHUNK + 2, 2 * CHUNK + 1, 200_003];

/** A PDF of exactly `size` bytes (random bytes after the signature, so every base64 alphabet letter occurs). */
function pdfOf(size: number): Buffer {
	const head = Buffer.from('%PDF-');
	return Buffer.concat([head, randomBytes(size - head.length)]);
}

let yuki: InvoiceSandbox;
let folder: string;
before(async () => {
	yuki = await invoiceSandbox();
	folder = mkdtempSync(join(tmpdir(), 'yuki-pdf-test-'));
});
after(async () => {
	useInMemoryBinaryData();
	await yuki.close();
	rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => yuki.beginTest());

/** Books one purchase invoice per size and returns what the sandbox archived for each. */
async function sendPdfs(prefix: string, pdfs: Buffer[], options: { batchSize?: number } = {}) {
	const references = pdfs.map((_, index) => `${prefix}-${index}`);
	const run = await runProcess(
		yuki,
		'purchaseInvoice',
		references.map((reference, index) => ({
			json: purchaseInvoice(reference),
			binary: { data: { data: pdfs[index], fileName: `${reference}.pdf`, mimeType: 'application/pdf' } },
		})),
		{ binaryPropertyName: 'data', options: { batchSize: options.batchSize ?? 10 } },
	);
	assert.equal(run.error, undefined, run.error?.message);
	assert.deepEqual(
		run.json.map((json) => json.status),
		references.map(() => 'booked'),
		JSON.stringify(run.json.find((json) => json.status !== 'booked')),
	);
	const archived = references.map((reference) => yuki.sandbox.state.documents.find((document) => document.fileName === `${reference}.pdf`));
	return { run, archived };
}

function assertSameBytes(pdfs: Buffer[], archived: Array<{ dataBase64: string; size: number } | undefined>): void {
	pdfs.forEach((pdf, index) => {
		const document = archived[index];
		assert.ok(document, `the sandbox archived the PDF of ${pdf.length} bytes`);
		// The exact base64 text (no padding inside, nothing lost or added at a chunk border) and the bytes.
		assert.equal(document.dataBase64, pdf.toString('base64'), `base64 of the PDF of ${pdf.length} bytes`);
		assert.equal(document.size, pdf.length);
		assert.ok(Buffer.from(document.dataBase64, 'base64').equals(pdf), `bytes of the PDF of ${pdf.length} bytes`);
	});
}

for (const mode of ['memory', 'filesystem'] as const) {
	describe(`purchase invoice PDFs arrive byte for byte (n8n ${mode} binary data)`, () => {
		before(async () => {
			if (mode === 'filesystem') await useFilesystemBinaryData(folder);
			else useInMemoryBinaryData();
		});

		it('for every remainder mod 3, below, at and across the 64 KiB chunks, in batches of 10', async () => {
			const pdfs = SIZES.map(pdfOf);
			const { archived } = await sendPdfs(`PDF-${mode}`, pdfs);
			assertSameBytes(pdfs, archived);
			assert.equal(yuki.processCalls('Purchase'), 2);
		});

		it('when Yuki refuses the session and the call is repeated, the PDFs are read anew, whole', async () => {
			const pdfs = [pdfOf(CHUNK + 1), pdfOf(1001)];
			yuki.sandbox.injectFault({ kind: 'expire-session', operation: 'ProcessPurchaseInvoices' });
			const { archived } = await sendPdfs(`PDF-${mode}-SESSION`, pdfs);
			assertSameBytes(pdfs, archived);
			// Refused once ("Invalid session ID"), then sent again after a new sign-in.
			assert.equal(yuki.processCalls('Purchase'), 2);
		});
	});
}

describe('a PDF that changes after it was checked (n8n filesystem binary data)', () => {
	before(async () => await useFilesystemBinaryData(folder));

	it('is never sent cut short as a complete document: its batch fails as not processed, the other batches are booked', async () => {
		const pdfs = [pdfOf(70_000), pdfOf(70_000), pdfOf(70_000)];
		const references = ['PDF-CUT-0', 'PDF-CUT-1', 'PDF-CUT-2'];
		// PDF 1 is still a PDF by its first bytes (the check before the call passes), but shorter than n8n recorded.
		const output = await runWithTruncatedFiles(
			{ resource: 'purchaseInvoice', operation: 'process', invoiceSource: 'json', binaryPropertyName: 'data', options: { batchSize: 1 } },
			references.map((reference, index) => ({
				json: purchaseInvoice(reference),
				binary: { data: { data: pdfs[index], fileName: `${reference}.pdf`, mimeType: 'application/pdf' } },
			})),
			yuki.credentials,
			{ indexes: [1], bytes: 50_000 },
		);
		assert.deepEqual(
			output.map((json) => json.status),
			['booked', 'rejected', 'booked'],
			JSON.stringify(output[1]),
		);
		assert.equal(output[1].processed, false);
		assert.match(String(output[1].error), /was not sent/);
		assert.match(String(output[1].error), /has 50000 bytes, not the 70000/);
		assert.deepEqual(
			references.filter((reference) => yuki.referencesInYuki().includes(reference)),
			['PDF-CUT-0', 'PDF-CUT-2'],
		);
		// The cut request reached the sandbox at most as an incomplete body: no call was recorded for it.
		assert.equal(yuki.processCalls('Purchase'), 2);
	});
});
