/**
 * Document → Search and Document → Download through n8n's engine against the sandbox: a receipt
 * uploaded as an expense claim is found again and comes back byte for byte as binary data.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

const receipt = readFileSync(join(__dirname, '../../../../fixtures/expenseClaim/receipt.pdf'));

describe('Document → Search, Document → Download', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	let documentId: string;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	before(async () => {
		const upload = await runYukiNode({
			parameters: { resource: 'expenseClaim', operation: 'upload', amount: '26.40', additionalFields: { remarks: 'Taxi naar klant' } },
			items: [{ json: {}, binary: { data: { data: receipt, fileName: 'taxi-rit.pdf', mimeType: 'application/pdf' } } }],
			credentials,
		});
		assert.equal(upload.error, undefined, upload.error?.message);
		documentId = String(upload.items[0].json.documentId);
	});

	it('finds the uploaded receipt in its folder', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'document', operation: 'search', folderId: sandbox.demo.archiveFolderId, returnAll: true },
			credentials,
		});
		assert.equal(run.error, undefined, run.error?.message);
		const found = run.items.find((item) => item.json.id === documentId);
		assert.ok(found, `document ${documentId} among ${run.items.length}`);
		assert.deepEqual(found.pairedItem, { item: 0 });
		// A search hit carries less than FindDocument: no folder or file name (Yuki's example shows none).
		assert.equal(typeof found.json.created, 'string');
		const elsewhere = await runYukiNode({ parameters: { resource: 'document', operation: 'search', folderId: 1, returnAll: true }, credentials });
		assert.ok(!elsewhere.items.some((item) => item.json.id === documentId), 'not found in another folder');
	});

	it('downloads it as binary data, the same bytes, with its file name and type', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'document', operation: 'download', documentId: '={{ $json.id }}', binaryPropertyName: 'receipt' },
			items: [{ json: { id: documentId } }],
			credentials,
		});
		assert.equal(run.error, undefined, run.error?.message);
		const [item] = run.items;
		assert.deepEqual(item.pairedItem, { item: 0 });
		const binary = item.binary?.receipt;
		assert.ok(binary, 'binary field "receipt"');
		assert.equal(binary.fileName, 'taxi-rit.pdf');
		assert.equal(binary.mimeType, 'application/pdf');
		assert.equal(Buffer.from(binary.data, 'base64').toString('latin1'), receipt.toString('latin1'));
		assert.equal(item.json.id, documentId);
	});

	it('says plainly when Yuki has no such document, and refuses a value that is no document ID', async () => {
		const run = await runYukiNode({
			parameters: { resource: 'document', operation: 'download', documentId: '={{ $json.id }}' },
			items: [{ json: { id: '00000000-0000-4000-8000-000000000000' } }, { json: { id: 'F2026-0142' } }],
			credentials,
			continueOnFail: true,
		});
		assert.match(String(run.items[0].json.error), /^Item 0: Yuki has no document 00000000-0000-4000-8000-000000000000, or the key does not reach it/);
		assert.match(String(run.items[1].json.error), /^Item 1: "Document ID" is "F2026-0142"/);
	});
});
