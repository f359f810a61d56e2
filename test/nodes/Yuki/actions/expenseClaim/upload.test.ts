/**
 * Expense Claim → Upload through n8n's engine against the sandbox: what lands in the Yuki
 * archive, and what a user sees for bad input (one output item per input item, nothing lost).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { INodeParameters } from 'n8n-workflow';
import { useFilesystemBinaryData, useInMemoryBinaryData } from '../../../../../scripts/harness/engine';
import type { RunningSandbox, TestItem, YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';
import { runWithTruncatedFiles } from '../../../../helpers/binaryFiles';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../fixtures/expenseClaim', name));
const pdf = fixture('receipt.pdf');
const png = fixture('receipt.png');
const text = fixture('receipt.txt');

const upload = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'expenseClaim',
	operation: 'upload',
	amount: '={{ $json.amount }}',
	...extra,
});

const receipt = (json: TestItem['json'], data: Buffer, fileName: string, mimeType = 'application/octet-stream'): TestItem => ({
	json,
	binary: { data: { data, fileName, mimeType } },
});

describe('Expense Claim → Upload', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	beforeEach(() => sandbox.reset());

	it('stores the receipt with its amount in the credential’s default folder and returns the document ID', async () => {
		const run = await runYukiNode({
			parameters: upload({
				currency: 'eur',
				additionalFields: { costCategory: 'Reiskosten', project: 'P-12', remarks: 'Taxi to client', paymentMethod: 0 },
			}),
			items: [receipt({ amount: '26.40' }, pdf, 'taxi.pdf', 'application/pdf')],
			credentials,
		});
		assert.equal(run.error, undefined);
		assert.equal(run.items.length, 1);
		const { json, pairedItem } = run.items[0];
		assert.deepEqual(pairedItem, { item: 0 });
		assert.match(String(json.documentId), /^[0-9a-f-]{36}$/);
		assert.deepEqual(
			{ fileName: json.fileName, folder: json.folder, amount: json.amount, currency: json.currency, administrationId: json.administrationId },
			{ fileName: 'taxi.pdf', folder: sandbox.demo.archiveFolderId, amount: '26.40', currency: 'EUR', administrationId: sandbox.demo.administrationId },
		);
		const [stored] = sandbox.state.documents;
		assert.equal(stored.id, json.documentId);
		assert.equal(Buffer.from(stored.dataBase64, 'base64').toString('latin1'), pdf.toString('latin1'));
		assert.deepEqual(
			[stored.amount, stored.currency, stored.folder, stored.costCategory, stored.project, stored.remarks, stored.paymentMethod],
			['26.40', 'EUR', sandbox.demo.archiveFolderId, 'Reiskosten', 'P-12', 'Taxi to client', 0],
		);
	});

	it('accepts image receipts, names them after their real type, and keeps amounts exact', async () => {
		const run = await runYukiNode({
			parameters: upload({ folderId: 4 }),
			items: [receipt({ amount: 0.1 + 0.2 }, png, 'scan', 'application/octet-stream')],
			credentials,
		});
		assert.equal(run.error, undefined);
		assert.deepEqual([run.items[0].json.fileName, run.items[0].json.mimeType, run.items[0].json.amount], ['scan.png', 'image/png', '0.30']);
		assert.equal(sandbox.state.documents[0].folder, 4);
	});

	it('uploads each item to its own administration when the administration is an expression', async () => {
		const department = sandbox.demo.department.id;
		const run = await runYukiNode({
			parameters: upload({ administrationId: { __rl: true, mode: 'id', value: '={{ $json.administration }}' } }),
			items: [
				receipt({ amount: '10.00', administration: department }, pdf, 'a.pdf'),
				receipt({ amount: '12.50', administration: '' }, pdf, 'b.pdf'),
			],
			credentials,
		});
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => item.json.administrationId),
			[department, sandbox.demo.administrationId],
		);
		assert.deepEqual(
			sandbox.state.documents.map((document) => document.administrationId),
			[department, sandbox.demo.administrationId],
		);
	});

	it('rejects a file that is not a PDF or image by its content, naming item, property and what is allowed', async () => {
		const run = await runYukiNode({
			parameters: upload(),
			items: [receipt({ amount: '5.00' }, text, 'looks-like.pdf', 'application/pdf')],
			credentials,
		});
		assert.match(run.error?.message ?? '', /Item 0: the file "looks-like\.pdf" in binary property "data" is not a file type Yuki accepts/);
		assert.match(String((run.error as { description?: string }).description), /PDF or an image \(JPEG, PNG, GIF or TIFF\)/);
		assert.equal(sandbox.state.documents.length, 0);
	});

	it('names the binary properties the item does have when the configured one is missing', async () => {
		const run = await runYukiNode({
			parameters: upload({ binaryPropertyName: 'attachment' }),
			items: [receipt({ amount: '5.00' }, pdf, 'a.pdf')],
			credentials,
		});
		assert.match(run.error?.message ?? '', /Item 0: no binary property "attachment"/);
		assert.match(String((run.error as { description?: string }).description), /The item has binary properties: data/);
	});

	it('asks for a folder when neither the node nor the credential names one', async () => {
		const run = await runYukiNode({
			parameters: upload(),
			items: [receipt({ amount: '5.00' }, pdf, 'a.pdf')],
			credentials: { ...credentials, archiveFolderId: 0 },
		});
		assert.match(run.error?.message ?? '', /Item 0: "Folder" is not set, and the Yuki credential has no Default Archive Folder ID/);
		assert.equal(sandbox.calls.filter((call) => call.operation === 'UploadDocumentWithData').length, 0);
	});

	it('under Continue On Fail keeps one output item per input item, errors paired with their item', async () => {
		const run = await runYukiNode({
			parameters: upload(),
			items: [
				receipt({ amount: '26.40' }, pdf, 'ok.pdf'),
				{ json: { amount: '10.00' } },
				receipt({ amount: '1.234,50' }, pdf, 'comma.pdf'),
				receipt({ amount: '-3.00' }, pdf, 'negative.pdf'),
				receipt({ amount: '7.50' }, png, 'ok.png'),
			],
			credentials,
			continueOnFail: true,
		});
		assert.equal(run.error, undefined);
		assert.deepEqual(
			run.items.map((item) => item.pairedItem),
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		assert.ok(run.items[0].json.documentId);
		assert.match(String(run.items[1].json.error), /Item 1: no binary property "data"/);
		assert.match(String(run.items[2].json.error), /Item 2: "Amount" "1\.234,50" is ambiguous/);
		assert.equal(run.items[2].json.field, 'Amount');
		assert.match(String(run.items[3].json.error), /Item 3: "Amount" -3\.00 is not more than 0/);
		assert.ok(run.items[4].json.documentId);
		assert.equal(sandbox.state.documents.length, 2);
	});

	it('reports what Yuki said when it rejects the upload, without the access key', async () => {
		const run = await runYukiNode({
			parameters: upload({ folderId: 999 }),
			items: [receipt({ amount: '5.00' }, pdf, 'a.pdf')],
			credentials,
			continueOnFail: true,
		});
		const json = run.items[0].json;
		assert.match(String(json.error), /999/);
		assert.match(String(json.description), /Archive\.UploadDocumentWithData/);
		const everything = JSON.stringify({ items: run.items, logs: run.logs });
		assert.ok(!everything.includes(sandbox.demo.accessKey), 'the access key appears in the output or the log');
	});

	it('checks every item before the first upload: a bad item 1 stops the run with nothing uploaded', async () => {
		const run = await runYukiNode({
			parameters: upload(),
			items: [receipt({ amount: '26.40' }, pdf, 'ok.pdf'), receipt({ amount: 'abc' }, pdf, 'bad.pdf')],
			credentials,
		});
		assert.match(run.error?.message ?? '', /Item 1: "Amount" "abc"/);
		assert.equal(sandbox.state.documents.length, 0, 'item 0 was uploaded before item 1 was checked');
	});

	it('refuses control characters, text of only spaces and over-precise amounts, naming item and field', async () => {
		const run = await runYukiNode({
			parameters: upload({ additionalFields: { remarks: '={{ $json.remarks }}', project: '={{ $json.project }}' } }),
			items: [
				receipt({ amount: '1.00', remarks: 'bell\u0007', project: 'P' }, pdf, 'a.pdf'),
				receipt({ amount: '1.00', remarks: 'nul\u0000', project: 'P' }, pdf, 'b.pdf'),
				receipt({ amount: '1.00', remarks: 'x\uFFFE', project: 'P' }, pdf, 'c.pdf'),
				receipt({ amount: '1.00', remarks: 'ok', project: '   ' }, pdf, 'd.pdf'),
				receipt({ amount: 12345678901.00004, remarks: 'ok', project: 'P' }, pdf, 'e.pdf'),
			],
			credentials,
			continueOnFail: true,
		});
		const errors = run.items.map((item) => String(item.json.error));
		assert.match(errors[0], /Item 0: "Remarks" contains the control character U\+0007/);
		assert.match(errors[1], /Item 1: "Remarks" contains the control character U\+0000/);
		assert.match(errors[2], /Item 2: "Remarks" contains the control character U\+FFFE/);
		assert.match(errors[3], /Item 3: "Project" is only spaces/);
		assert.match(errors[4], /Item 4: "Amount" "12345678901\.00004" has more than 2 decimals/);
		assert.deepEqual(run.items.map((item) => item.json.status), Array(5).fill('invalid'));
		assert.equal(sandbox.calls.filter((call) => call.operation === 'UploadDocumentWithData').length, 0);
	});

	it('an upload whose answer was lost is "unknown" (check Yuki), and a stopped run lists the receipts it uploaded', async () => {
		// A session first (reset() ended the cached one), so that the faults meet the uploads.
		await runYukiNode({ parameters: upload(), items: [receipt({ amount: '1.00' }, pdf, 'warm-up.pdf')], credentials });
		const uploadsBefore = sandbox.calls.filter((call) => call.operation === 'UploadDocumentWithData').length;
		sandbox.injectFault({ operation: 'UploadDocumentWithData', kind: 'slow', delayMs: 0 });
		sandbox.injectFault({ operation: 'UploadDocumentWithData', kind: 'drop' });
		const run = await runYukiNode({
			parameters: upload(),
			items: [receipt({ amount: '26.40' }, pdf, 'first.pdf'), receipt({ amount: '7.50' }, pdf, 'second.pdf'), receipt({ amount: '3.00' }, pdf, 'third.pdf')],
			credentials,
		});
		assert.match(run.error?.message ?? '', /Item 1: the receipt "second\.pdf" may have been uploaded; check Yuki's archive before uploading it again/);
		const description = String((run.error as { description?: string }).description);
		assert.match(description, /Uploaded to Yuki by this run \(1\); do not upload these again:\n- item 0, "first\.pdf" \(26\.40 EUR\): document /);
		const uploads = sandbox.calls.filter((call) => call.operation === 'UploadDocumentWithData').length - uploadsBefore;
		assert.equal(uploads, 2, 'nothing resent, nothing after the stop');

		sandbox.injectFault({ operation: 'UploadDocumentWithData', kind: 'drop' });
		const continued = await runYukiNode({ parameters: upload(), items: [receipt({ amount: '1.00' }, pdf, 'lost.pdf')], credentials, continueOnFail: true });
		assert.equal(continued.items[0].json.status, 'unknown');
	});

	it('refuses to run with Retry On Fail (a retry would upload receipts again) and uploads nothing', async () => {
		const run = await runYukiNode({
			parameters: upload(),
			items: [receipt({ amount: '26.40' }, pdf, 'a.pdf')],
			credentials,
			nodeSettings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 10 },
		});
		assert.match(run.error?.message ?? '', /cannot run with Retry On Fail: a retry would upload receipts a second time\. Nothing was uploaded/);
		assert.equal(sandbox.state.documents.length, 0);
	});

	it('"Continue (using error output)": bad receipts go to the error output, paired, with their status', async () => {
		const run = await runYukiNode({
			parameters: upload(),
			items: [receipt({ amount: '26.40' }, pdf, 'ok.pdf'), receipt({ amount: '-1' }, pdf, 'neg.pdf')],
			credentials,
			nodeSettings: { onError: 'continueErrorOutput' },
		});
		const [success, failure] = run.runData.Yuki[0].data?.main ?? [];
		assert.equal(success?.length, 1);
		assert.equal(failure?.length, 1);
		const error = failure?.[0].json.error as { status?: string; message?: string; field?: string };
		assert.deepEqual([error.status, error.field], ['invalid', 'Amount']);
		assert.match(String(error.message), /Item 1: "Amount" -1 is not more than 0/);
		assert.deepEqual(failure?.[0].pairedItem, { item: 1 });
	});
});

describe('Expense Claim → Upload with n8n filesystem binary data (the default of n8n 2.x and 3.x)', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	let folder: string;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	before(async () => {
		folder = mkdtempSync(join(tmpdir(), 'yuki-receipt-test-'));
		await useFilesystemBinaryData(folder);
	});
	after(() => {
		useInMemoryBinaryData();
		rmSync(folder, { recursive: true, force: true });
	});
	beforeEach(() => sandbox.reset());

	/** A PDF receipt of `size` bytes: a real PDF's first bytes, then random ones (every base64 letter occurs). */
	const largeReceipt = (size: number) => Buffer.concat([pdf.subarray(0, 64), randomBytes(size - 64)]);

	it('reads a receipt of several chunks from where n8n keeps it, and Yuki gets it byte for byte', async () => {
		const file = largeReceipt(200_003);
		const run = await runYukiNode({ parameters: upload(), items: [receipt({ amount: '112.50' }, file, 'hotel.pdf', 'application/pdf')], credentials });
		assert.equal(run.error, undefined, run.error?.message);
		assert.equal(run.items[0].json.status, 'uploaded');
		const [stored] = sandbox.state.documents;
		assert.equal(stored.dataBase64, file.toString('base64'));
		assert.equal(stored.size, file.length);
	});

	it('does not upload a receipt that changed after it was checked: nothing of it reaches the archive, the item says why, the others are uploaded', async () => {
		const files = [largeReceipt(70_000), largeReceipt(70_000), largeReceipt(70_000)];
		// Receipt 1 is still a PDF by its first bytes (the check before the upload passes), but shorter than n8n recorded.
		const output = await runWithTruncatedFiles(
			upload(),
			files.map((file, index) => receipt({ amount: '10.00' }, file, `receipt-${index}.pdf`, 'application/pdf')),
			credentials,
			{ indexes: [1], bytes: 50_000 },
		);
		assert.deepEqual(
			output.map((json) => json.status),
			['uploaded', 'notUploaded', 'uploaded'],
			JSON.stringify(output[1]),
		);
		assert.match(String(output[1].error), /has 50000 bytes, not the 70000/);
		assert.deepEqual(
			sandbox.state.documents.map((document) => document.fileName),
			['receipt-0.pdf', 'receipt-2.pdf'],
		);
	});
});
