/**
 * Purchase invoices carry PDFs: the run must validate every item without reading whole PDFs, and
 * hand each batch's PDFs to the transport as sources that are read only while that batch's
 * request is sent (never as bytes held for the batch, never as a base64 string). With n8n's
 * filesystem binary data a source streams the file n8n keeps; with in-memory binary data it
 * decodes the item's base64 a chunk at a time. Checked through the order of events seen by a
 * recording execution context and a fake Yuki that reads the sources as the transport does.
 */
import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import type { IBinaryData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { purchaseInvoiceProcess } from '../../../../nodes/Yuki/actions/purchaseInvoice/process.operation';
import type { XmlPart } from '../../../../nodes/Yuki/documents/xml';
import { isFileSource, WrittenRecord } from '../../../../nodes/Yuki/documents/xml';
import { processInvoices } from '../../../../nodes/Yuki/invoices/processInvoices';
import type { RunContext } from '../../../../nodes/Yuki/helpers/runContext';
import type { YukiApi } from '../../../../nodes/Yuki/transport/api';
import type { ImportResponse } from '../../../../nodes/Yuki/transport/types';
import { fixture, purchaseInvoice } from './invoiceFixtures';

type BinaryMode = 'filesystem' | 'memory' | 'memory with line breaks';

function recordingRun(mode: BinaryMode, count: number, batchSize: number) {
	const events: string[] = [];
	const pdf = fixture('invoice.pdf');
	const base64 = mode === 'memory with line breaks' ? pdf.toString('base64').replace(/(.{76})/g, '$1\n') : pdf.toString('base64');
	const binaryOf = (index: number): IBinaryData =>
		mode === 'filesystem'
			? { id: `filesystem-v2:pdf-${index}`, data: 'filesystem-v2', mimeType: 'application/pdf', fileName: `M-${index}.pdf`, fileSize: '2 kB' }
			: { data: base64, mimeType: 'application/pdf', fileName: `M-${index}.pdf` };
	const items: INodeExecutionData[] = Array.from({ length: count }, (_, index) => ({
		json: purchaseInvoice(`M-${index}`),
		binary: { data: binaryOf(index) },
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
		getExecutionId: () => 'pdf-memory-test',
		helpers: {
			assertBinaryData: (itemIndex: number, property: string) => items[itemIndex].binary?.[property],
			getBinaryDataBuffer: async (itemIndex: number) => {
				events.push(`read ${itemIndex}`);
				return Buffer.from(pdf);
			},
			getBinaryMetadata: async () => ({ fileSize: pdf.length }),
			getBinaryStream: async (id: string, chunkSize?: number) => {
				// The check of a file's first bytes asks for a small chunk; a whole read does not.
				if (chunkSize === undefined) events.push(`stream ${indexOf(id)}`);
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
			const sources = xml.filter((part) => isFileSource(part)).length;
			const buffers = xml.filter((part) => Buffer.isBuffer(part)).length;
			assert.equal(
				xml.some((part) => typeof part === 'string' && part.includes(pdf.toString('base64').slice(0, 40))),
				false,
				'no PDF as base64 text',
			);
			events.push(`send ${sources} sources, ${buffers} buffers`);
			// What the transport does while it sends: read each source from its start.
			let text = '';
			for (const part of xml) {
				if (typeof part === 'string') text += part;
				else if (part instanceof WrittenRecord) text += part.xml;
				else if (Buffer.isBuffer(part)) assert.ok(part.equals(pdf));
				else {
					const chunks: Buffer[] = [];
					for await (const chunk of await part.open()) chunks.push(Buffer.from(chunk));
					assert.ok(Buffer.concat(chunks).equals(pdf));
					assert.equal(part.bytes, pdf.length);
				}
			}
			const references = [...text.matchAll(/<Reference>M-(\d+)<\/Reference>/g)].map((match) => match[1]);
			events.push(`answered ${references.join(',')}`);
			return {
				totalSucceeded: references.length,
				totalFailed: 0,
				totalSkipped: 0,
				invoices: references.map((reference) => ({ succeeded: true, processed: true, reference: `M-${reference}` })),
			};
		},
	} as unknown as YukiApi;
	const run: RunContext = { yuki, credentials: { accessKey: 'k', region: 'custom' } };
	return { events, run: async () => await processInvoices.call(context, purchaseInvoiceProcess, items, run) };
}

describe('purchase PDFs are read only while their batch is sent', () => {
	it('with n8n filesystem binary data: each file is streamed while its call is sent, never read before', async () => {
		const { events, run } = recordingRun('filesystem', 5, 3);
		assert.equal((await run()).length, 5);
		assert.deepEqual(events, [
			'send 3 sources, 0 buffers', 'stream 0', 'stream 1', 'stream 2', 'answered 0,1,2',
			'send 2 sources, 0 buffers', 'stream 3', 'stream 4', 'answered 3,4',
		]);
	});

	it('with in-memory binary data: the item’s base64 is decoded while the call is sent, never into a batch of bytes', async () => {
		const { events, run } = recordingRun('memory', 7, 3);
		assert.equal((await run()).length, 7);
		assert.deepEqual(events, ['send 3 sources, 0 buffers', 'answered 0,1,2', 'send 3 sources, 0 buffers', 'answered 3,4,5', 'send 1 sources, 0 buffers', 'answered 6']);
	});

	it('reads the bytes of a batch just before its call when the size cannot be known beforehand (base64 with line breaks)', async () => {
		const { events, run } = recordingRun('memory with line breaks', 4, 3);
		assert.equal((await run()).length, 4);
		assert.deepEqual(events, ['read 0', 'read 1', 'read 2', 'send 0 sources, 3 buffers', 'answered 0,1,2', 'read 3', 'send 0 sources, 1 buffers', 'answered 3']);
	});
});
