/**
 * Document → Download: a document's file from the Yuki archive (the PDF Yuki made of an invoice,
 * a receipt) as n8n binary data, with its data (subject, folder, contact…) as JSON. Two calls
 * per item: FindDocument (file name and type) and DocumentBinaryData (the file).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { inputError } from '../../helpers/items';
import { logAnswer } from '../../helpers/logging';
import { optionsCollection } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['document'], operation: ['download'] } };

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const properties: INodeProperties[] = [
	{
		displayName: 'Document ID',
		name: 'documentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.documentId }}',
		description: "Yuki's ID of the document (a GUID), e.g. from Document › Search, an open item's documentId or an upload",
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary field the downloaded file is put in, for the next node to use',
		hint: 'The name of the output binary field to put the file in',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { documentBinaryData, findDocument } = await import('../../transport/calls/archive');
	return await eachItem(this, items, async (itemIndex, output) => {
		const documentId = String(this.getNodeParameter('documentId', itemIndex, '') ?? '').trim();
		if (!GUID.test(documentId)) throw inputError(this, itemIndex, 'Document ID', documentId ? `is "${documentId}"` : 'is empty', "Yuki's document ID, a GUID");
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
		if (!property) throw inputError(this, itemIndex, 'Put Output File in Field', 'is empty', 'a binary field name such as data');
		const document = await context.yuki.call(findDocument, { documentId });
		if (!document) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Yuki has no document ${documentId}, or the key does not reach it`, { itemIndex });
		}
		const file = await context.yuki.call(documentBinaryData, { documentId });
		if (!file) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Yuki returned no file for document ${documentId}`, {
				itemIndex,
				description: 'The document exists but has no file Yuki hands out (e.g. a document without an image).',
			});
		}
		const fileName = typeof document.fileName === 'string' && document.fileName ? document.fileName : `${documentId}.pdf`;
		const mimeType = typeof document.contentType === 'string' && document.contentType ? document.contentType : undefined;
		const binary = await this.helpers.prepareBinaryData(file, fileName, mimeType);
		logAnswer(this, `downloaded document ${documentId} (${file.length} bytes)`, { itemIndex });
		output.push({ json: { ...document, fileSize: file.length }, binary: { [property]: binary }, pairedItem: { item: itemIndex } });
	});
}
