/**
 * The least a Yuki node built on this package's own code can do with N sales invoices, timed as
 * the node is: validate each invoice and write its XML in one walk (documents/), send batches of 50 through
 * the transport (sessions, envelopes, n8n's request helper, reading and checking Yuki's answers),
 * and give one output item per invoice from Yuki's entry (time it with engineRuns.ts `timedNode`). None of the node's own invoice work:
 * no per-item parameters, no check that every invoice is accounted for, no resending of skipped
 * invoices, no run duplicates, no memory for Retry On Fail, no reports or run summary.
 *
 * Shown beside the node in the client-cost table: the part of the ratio that no work in the
 * invoice operations can remove. Only for plainly valid invoices in one administration (the
 * bench's); it throws on anything else rather than pass a failed run for a fast one.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { salesInvoiceDocument } from '../../nodes/Yuki/documents/salesInvoice';
import { validateAndWriteRecord } from '../../nodes/Yuki/documents/validate';
import type { WrittenRecord } from '../../nodes/Yuki/documents/xml';
import { buildDocumentParts } from '../../nodes/Yuki/documents/xml';
import type { YukiCredentials } from '../../nodes/Yuki/helpers/runContext';
import { connectionSettings } from '../../nodes/Yuki/helpers/runContext';
import { createYukiClient } from '../../nodes/Yuki/transport/client';
import type { YukiRequestFunction } from '../../nodes/Yuki/transport/http';
import { YUKI_NODE_TYPE, packageNodeType } from '../harness/nodeTypes';

const BATCH_SIZE = 50;

export function minimalYukiNode(): INodeType {
	return {
		description: packageNodeType(YUKI_NODE_TYPE).description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const input = this.getInputData();
			const credentials = (await this.getCredentials('yukiApi')) as unknown as YukiCredentials;
			const request: YukiRequestFunction = async (options) => await this.helpers.httpRequest(options);
			const yuki = createYukiClient(connectionSettings(credentials), { request });
			const administrationId = credentials.administrationId ?? '';
			const written: WrittenRecord[] = [];
			for (let index = 0; index < input.length; index++) {
				// As the node does it: validated and written in one walk.
				const validation = validateAndWriteRecord(salesInvoiceDocument, input[index].json, { timeZone: this.getTimezone(), unknownKeys: 'error' });
				const record = validation.ok ? validation.written : undefined;
				if (!record) throw new Error(`minimal node: item ${index} is not a plainly valid sales invoice`);
				written.push(record);
			}
			const output: INodeExecutionData[] = [];
			for (let start = 0; start < written.length; start += BATCH_SIZE) {
				const batch = written.slice(start, start + BATCH_SIZE);
				const answer = await yuki.processSalesInvoices(administrationId, buildDocumentParts(salesInvoiceDocument, batch));
				if (answer.invoices.length !== batch.length) throw new Error(`minimal node: ${answer.invoices.length} answers for ${batch.length} invoices`);
				answer.invoices.forEach((entry, position) => {
					output.push({
						json: { status: entry.succeeded ? 'booked' : 'rejected', reference: entry.reference ?? null, message: entry.message ?? '' },
						pairedItem: { item: start + position },
					});
				});
			}
			return [output];
		},
	};
}
