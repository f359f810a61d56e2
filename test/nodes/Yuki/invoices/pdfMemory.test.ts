/**
 * Purchase invoices carry PDFs: the run must validate every item without reading whole PDFs, then read
 * and encode only one batch's PDFs right before that batch's call. Checked through the order of
 * events seen by a recording execution context and a fake Yuki.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { purchaseInvoiceProcess } from '../../../../nodes/Yuki/actions/purchaseInvoice/process.operation';
import { processInvoices } from '../../../../nodes/Yuki/invoices/processInvoices';
import type { RunContext } from '../../../../nodes/Yuki/shared/runContext';
import type { ImportResponse, YukiApi } from '../../../../nodes/Yuki/transport/types';
import { fixture, purchaseInvoice } from './invoiceFixtures';

function recordingRun(count: number, batchSize: number) {
	const events: string[] = [];
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
				return Buffer.from(pdf);
			},
		},
	} as unknown as IExecuteFunctions;
	const yuki = {
		processPurchaseInvoices: async (_administrationId: string, xml: string): Promise<ImportResponse> => {
			const references = [...xml.matchAll(/<Reference>M-(\d+)<\/Reference>/g)].map((match) => match[1]);
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
	return { events, run: async () => await processInvoices.call(context, purchaseInvoiceProcess, items, run) };
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
});
