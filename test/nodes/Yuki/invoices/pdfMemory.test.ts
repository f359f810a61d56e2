/**
 * Purchase invoices carry PDFs: the run must validate every item without reading whole PDFs, then read
 * only one batch's PDFs right before that batch's call, hand them to the transport as bytes (never as
 * a base64 string), and let them go once the batch is answered. Checked through the order of events
 * seen by a recording execution context and a fake Yuki, and by what a garbage collection leaves of
 * the PDFs read so far (weak references: counts, never timings). With n8n's filesystem binary data
 * the transport gets sources instead of bytes, and a PDF is read only while its call is sent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Readable } from 'node:stream';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { XmlPart } from '../../../../nodes/Yuki/documents/xml';
import { isFileSource } from '../../../../nodes/Yuki/documents/xml';
import { purchaseInvoiceProcess } from '../../../../nodes/Yuki/actions/purchaseInvoice/process.operation';
import { processInvoices } from '../../../../nodes/Yuki/invoices/processInvoices';
import type { RunContext } from '../../../../nodes/Yuki/shared/runContext';
import type { ImportResponse, YukiApi } from '../../../../nodes/Yuki/transport/types';
import { fixture, purchaseInvoice } from './invoiceFixtures';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The document as the transport would write it, PDFs as base64. */
function documentText(xml: string | ReadonlyArray<string | Buffer>): string {
	return typeof xml === 'string' ? xml : xml.map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join('');
}

function recordingRun(count: number, batchSize: number) {
	const events: string[] = [];
	/** Every PDF the node read, weakly: which of them are still held by anyone. */
	const read: Array<WeakRef<Buffer>> = [];
	/** Per call: PDFs handed over as bytes, PDFs as base64 text, and PDFs read so far still alive. */
	const calls: Array<{ pdfParts: number; base64Text: boolean; alive: number }> = [];
	const pdf = fixture('invoice.pdf');
	const items: INodeExecutionData[] = Array.from({ length: count }, (_, index) => ({
		json: purchaseInvoice(`M-${index}`),
		binary: { data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: `M-${index}.pdf` } },
	}));
	const parameters: Record<string, unknown> = {
		invoiceSource: 'json',
		jsonProperty: '',
		binaryPropertyName: 'data',
		administrationId: 'admin-1',
		options: { batchSize },
	};
	const staticData = {};
	const context = {
		getNode: () => ({ name: 'Yuki', type: 'n8n-nodes-yuki.yuki', typeVersion: 1, position: [0, 0], parameters: {} }),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => parameters[name] ?? fallback,
		getInputData: () => items,
		getTimezone: () => 'Europe/Amsterdam',
		continueOnFail: () => false,
		getWorkflowStaticData: () => staticData,
		getExecutionId: () => 'pdf-memory-test',
		helpers: {
			assertBinaryData: (itemIndex: number, property: string) => items[itemIndex].binary?.[property],
			getBinaryDataBuffer: async (itemIndex: number) => {
				events.push(`read ${itemIndex}`);
				const bytes = Buffer.from(pdf);
				read.push(new WeakRef(bytes));
				return bytes;
			},
		},
	} as unknown as IExecuteFunctions;
	const yuki = {
		processPurchaseInvoices: async (_administrationId: string, xml: string | ReadonlyArray<string | Buffer>): Promise<ImportResponse> => {
			const pdfParts = typeof xml === 'string' ? 0 : xml.filter((part) => Buffer.isBuffer(part)).length;
			const base64Text = (typeof xml === 'string' ? [xml] : xml).some((part) => typeof part === 'string' && part.includes(pdf.toString('base64')));
			const text = documentText(xml);
			// Weak references are kept alive until the current job ends: collect on a later turn.
			await new Promise((resolve) => setImmediate(resolve));
			collectGarbage();
			calls.push({ pdfParts, base64Text, alive: read.filter((reference) => reference.deref() !== undefined).length });
			const references = [...text.matchAll(/<Reference>M-(\d+)<\/Reference>/g)].map((match) => match[1]);
			events.push(`send ${references.join(',')}`);
			return {
				totalSucceeded: references.length,
				totalFailed: 0,
				totalSkipped: 0,
				invoices: references.map((reference) => ({ succeeded: true, processed: true, reference: `M-${reference}` })),
			};
		},
	} as unknown as YukiApi;
	const run: RunContext = { yuki, credentials: { accessKey: 'k', region: 'custom' } };
	return { events, calls, read, run: async () => await processInvoices.call(context, purchaseInvoiceProcess, items, run) };
}

describe('purchase PDFs are read one batch at a time', () => {
	it('checks every PDF by its first bytes, then reads each batch’s PDFs just before sending that batch', async () => {
		const { events, run } = recordingRun(7, 3);
		const output = await run();
		assert.equal(output.length, 7);
		assert.deepEqual(events, [
			// Validation looks at each file's first bytes only; whole files are read per batch.
			'read 0', 'read 1', 'read 2', 'send 0,1,2',
			'read 3', 'read 4', 'read 5', 'send 3,4,5',
			'read 6', 'send 6',
		]);
	});

	it('hands each batch\'s PDFs to the transport as bytes and holds no earlier batch\'s PDFs while sending the next', async () => {
		const { calls, read, run } = recordingRun(7, 3);
		await run();
		assert.deepEqual(
			calls.map(({ pdfParts, base64Text }) => ({ pdfParts, base64Text })),
			[3, 3, 1].map((pdfParts) => ({ pdfParts, base64Text: false })),
		);
		// While a batch is being sent, only its own PDFs are still alive.
		assert.deepEqual(
			calls.map((call) => call.alive),
			[3, 3, 1],
		);
		await new Promise((resolve) => setImmediate(resolve));
		collectGarbage();
		assert.equal(read.filter((reference) => reference.deref() !== undefined).length, 0, 'no PDF is kept after the run');
	});
});

/** The same run with n8n's filesystem binary data: items carry only an ID, files are read as streams. */
function streamingRun(count: number, batchSize: number) {
	const events: string[] = [];
	const pdf = fixture('invoice.pdf');
	const items: INodeExecutionData[] = Array.from({ length: count }, (_, index) => ({
		json: purchaseInvoice(`S-${index}`),
		binary: { data: { id: `filesystem-v2:pdf-${index}`, data: 'filesystem-v2', mimeType: 'application/pdf', fileName: `S-${index}.pdf`, fileSize: '2 kB' } },
	}));
	const parameters: Record<string, unknown> = { invoiceSource: 'json', jsonProperty: '', binaryPropertyName: 'data', administrationId: 'admin-1', options: { batchSize } };
	const staticData = {};
	const indexOf = (id: string) => Number(/pdf-(\d+)$/.exec(id)?.[1]);
	const context = {
		getNode: () => ({ name: 'Yuki', type: 'n8n-nodes-yuki.yuki', typeVersion: 1, position: [0, 0], parameters: {} }),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => parameters[name] ?? fallback,
		getInputData: () => items,
		getTimezone: () => 'Europe/Amsterdam',
		continueOnFail: () => false,
		getWorkflowStaticData: () => staticData,
		getExecutionId: () => 'pdf-stream-test',
		helpers: {
			assertBinaryData: (itemIndex: number, property: string) => items[itemIndex].binary?.[property],
			getBinaryDataBuffer: async (itemIndex: number) => {
				events.push(`buffer ${itemIndex}`);
				return Buffer.from(pdf);
			},
			getBinaryMetadata: async () => ({ fileSize: pdf.length }),
			getBinaryStream: async (id: string, chunkSize?: number) => {
				const whole = chunkSize === undefined;
				if (whole) events.push(`stream ${indexOf(id)}`);
				const size = chunkSize ?? 1000;
				const chunks = (async function* () {
					for (let start = 0; start < pdf.length; start += size) yield pdf.subarray(start, start + size);
				})();
				return Object.assign(chunks, { destroy: () => undefined }) as unknown as Readable;
			},
		},
	} as unknown as IExecuteFunctions;
	const yuki = {
		processPurchaseInvoices: async (_administrationId: string, xml: readonly XmlPart[]): Promise<ImportResponse> => {
			const sources = xml.filter((part) => isFileSource(part));
			events.push(`send ${sources.length} sources, ${xml.filter((part) => Buffer.isBuffer(part)).length} buffers`);
			// What the transport does while it sends: read each source from its start.
			let text = '';
			for (const part of xml) {
				if (typeof part === 'string') text += part;
				else if (isFileSource(part)) {
					const chunks: Buffer[] = [];
					for await (const chunk of await part.open()) chunks.push(Buffer.from(chunk));
					assert.ok(Buffer.concat(chunks).equals(pdf));
				}
			}
			const references = [...text.matchAll(/<Reference>S-(\d+)<\/Reference>/g)].map((match) => match[1]);
			events.push(`answered ${references.join(',')}`);
			return {
				totalSucceeded: references.length,
				totalFailed: 0,
				totalSkipped: 0,
				invoices: references.map((reference) => ({ succeeded: true, processed: true, reference: `S-${reference}` })),
			};
		},
	} as unknown as YukiApi;
	const run: RunContext = { yuki, credentials: { accessKey: 'k', region: 'custom' } };
	return { events, run: async () => await processInvoices.call(context, purchaseInvoiceProcess, items, run) };
}

describe('purchase PDFs with n8n filesystem binary data are streamed, not read', () => {
	it('hands the transport sources and reads each PDF only while its batch is sent', async () => {
		const { events, run } = streamingRun(5, 3);
		const output = await run();
		assert.equal(output.length, 5);
		assert.deepEqual(events, [
			// No PDF is read whole before its call; the transport reads each one while it sends.
			'send 3 sources, 0 buffers', 'stream 0', 'stream 1', 'stream 2', 'answered 0,1,2',
			'send 2 sources, 0 buffers', 'stream 3', 'stream 4', 'answered 3,4',
		]);
	});
});
