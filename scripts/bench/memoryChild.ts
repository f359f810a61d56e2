/**
 * One memory scenario in a process of its own (spawned by memory.ts, run with --expose-gc):
 * 200 purchase invoices with a 2 MB PDF each through the node in n8n's real engine, against the
 * sandbox the parent runs (so the sandbox's memory is not counted here). Prints one JSON line.
 *
 * BENCH_BINARY_MODE=filesystem (n8n's default in 2.x/3.x): baseline is the process after warming
 * up, with the 200 PDFs read into Buffers (the files exist before any run); the run stores them
 * as n8n's binary files first. BENCH_BINARY_MODE=memory (n8n's in-memory mode, which 3.0
 * removes): the items already hold their PDFs as base64, in the baseline, as in n8n.
 * Peak: the kernel's maximum resident set size of this process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { purchaseInvoiceInput } from '../fixtures/invoices';
import { useFilesystemBinaryData } from '../harness/engine';
import type { TestItem } from '../harness/nodeTypes';
import { runYukiNode } from '../harness/runWorkflow';

const count = Number(process.env.BENCH_INVOICES ?? 200);
const pdfBytes = Number(process.env.BENCH_PDF_BYTES ?? 2 * 2 ** 20);
const batchSize = Number(process.env.BENCH_BATCH_SIZE ?? 10);
const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '{}') as Record<string, unknown>;
const prefix = process.env.BENCH_PREFIX ?? 'MEM';
const binaryMode = process.env.BENCH_BINARY_MODE === 'memory' ? 'memory' : 'filesystem';

function pdf(size: number): Buffer {
	const head = Buffer.from('%PDF-1.4\n');
	const tail = Buffer.from('\n%%EOF\n');
	return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** A PDF as a test item's binary: bytes for n8n to store as a file, or already in the item as base64. */
type PdfInput = Buffer | string;

async function run(references: string[], pdfs: PdfInput[]) {
	return await runYukiNode({
		parameters: {
			resource: 'purchaseInvoice',
			operation: 'process',
			invoiceSource: 'json',
			jsonProperty: '',
			binaryPropertyName: 'data',
			options: { batchSize },
		},
		items: references.map((reference, index) => ({
			json: purchaseInvoiceInput.json(reference),
			binary: { data: { data: pdfs[index], fileName: `${reference}.pdf`, mimeType: 'application/pdf' } } as TestItem['binary'],
		})),
		credentials,
		continueOnFail: true,
	});
}

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
	const folder = mkdtempSync(join(tmpdir(), 'yuki-bench-binary-'));
	process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
	if (binaryMode === 'filesystem') await useFilesystemBinaryData(folder);
	// Warm-up: loads every module and opens the session, so the measurement sees only the data.
	const input = (bytes: Buffer): PdfInput => (binaryMode === 'memory' ? bytes.toString('base64') : bytes);
	await run([`${prefix}-WARM`], [input(pdf(64 * 1024))]);
	const pdfs = Array.from({ length: count }, () => input(pdf(pdfBytes)));
	gc();
	const baseline = process.memoryUsage().rss;
	let sampledPeak = baseline;
	const sampler = setInterval(() => {
		sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
	}, 10);
	const references = Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(4, '0')}`);
	let outcome: string;
	let failed = 0;
	try {
		const result = await run(references, pdfs);
		failed = result.items.filter((item) => item.json.error !== undefined).length;
		const firstError = result.items.find((item) => item.json.error !== undefined)?.json.error ?? result.error?.message;
		outcome = result.error ? `failed: ${result.error.message}` : failed > 0 ? `${failed} items failed: ${String(firstError).slice(0, 160)}` : 'ok';
	} catch (error) {
		outcome = `failed: ${(error as Error).message}`;
	}
	clearInterval(sampler);
	const peak = Math.max(sampledPeak, process.resourceUsage().maxRSS * 1024);
	console.log(JSON.stringify({ baseline, peak, outcome, failed, pdfTotal: count * pdfBytes }));
}

main()
	.catch((error: unknown) => {
		console.log(JSON.stringify({ outcome: `failed: ${(error as Error).message}` }));
		process.exitCode = 1;
	})
	// n8n-core keeps background timers (its SSH tunnel cleanup) that would hold the process open.
	.finally(() => process.exit());
