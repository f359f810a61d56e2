/**
 * Expense Claim → Upload: puts a receipt (PDF or image) with its amount into the Yuki archive
 * (Archive.UploadDocumentWithData), where Yuki's expense workflow picks it up. Yuki has no batch
 * upload, so every item costs one call.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { currencyField } from '../../documents/common';
import type { FileSource } from '../../documents/xml';
import { formatDecimal, parseDecimal } from '../../documents/decimal';
import { checkBinaryFile, readBinaryFile, streamBinaryFile } from '../../helpers/binary';
import { administrationField, binaryPropertyField, optionsCollection } from '../../helpers/parameters';
import { runLogOption } from '../../helpers/runLog';
import { ILLEGAL_XML_CHARACTER, normaliseLineEnds } from '../../documents/xmlText';
import type { NodeError } from '../../helpers/items';
import { errorItem, inputError, resultItem } from '../../helpers/items';
import type { UploadDocumentRequest } from '../../transport/types';
import { YukiError } from '../../transport/types';
import { logAnswer, logItemFailure, logSent } from '../../helpers/logging';
import type { RunContext } from '../../helpers/runContext';
import { administrationFor, toNodeError } from '../../helpers/runContext';

const displayOptions = { show: { resource: ['expenseClaim'], operation: ['upload'] } };

const properties: INodeProperties[] = [
	administrationField(displayOptions),
	binaryPropertyField(displayOptions, {
		description: 'Name of the binary property holding the receipt: a PDF or an image (JPEG, PNG, GIF, TIFF)',
	}),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 26.40',
		description: 'Total amount of the receipt including VAT, with a dot as decimal separator and at most 2 decimals',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'EUR',
		description: 'Three-letter ISO currency code of the amount',
	},
	{
		displayName: 'Folder Name or ID',
		name: 'folderId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getArchiveFolders' },
		default: '',
		description:
			'Archive folder for the receipt. Leave empty for the credential’s Default Archive Folder ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Cost Category Name or ID',
				name: 'costCategory',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCostCategories' },
				default: '',
				description:
					'Cost category of the expense, from Yuki’s list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'Name to store the file under in Yuki; default: the binary file’s own name',
			},
			{
				displayName: 'Payment Method Name or ID',
				name: 'paymentMethod',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getExpensePaymentMethods' },
				default: 0,
				description:
					'How the expense was paid, from the domain’s list; 0 = unspecified. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Project Name or ID',
				name: 'project',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getProjectCodes', loadOptionsDependsOn: ['administrationId'] },
				default: '',
				description:
					'Project of the expense, by its code in Yuki (sent as the upload’s project [guess: Yuki does not say whether it takes the code or the name]). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Remarks',
				name: 'remarks',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Note for the bookkeeper, e.g. what the expense was for',
			},
		],
	},
	optionsCollection([runLogOption]),
];

export const description = updateDisplayOptions(displayOptions, properties);

interface AdditionalFields {
	costCategory?: string;
	fileName?: string;
	paymentMethod?: number;
	project?: string;
	remarks?: string;
}

/** The folder of item `itemIndex`: the node's choice, else the credential's default. */
function folderFor(this: IExecuteFunctions, context: RunContext, itemIndex: number): number {
	const fromNode = this.getNodeParameter('folderId', itemIndex, '') as string | number;
	const raw = String(fromNode ?? '').trim() || String(context.credentials.archiveFolderId ?? '').trim();
	const folder = Number(raw);
	if (!raw || raw === '0') {
		throw inputError(
			this,
			itemIndex,
			'Folder',
			'is not set, and the Yuki credential has no Default Archive Folder ID',
			'a Yuki archive folder (pick one in "Folder"), or set Default Archive Folder ID in the credential',
		);
	}
	if (!Number.isInteger(folder) || folder <= 0) {
		throw inputError(this, itemIndex, 'Folder', `"${raw}" is not a folder ID`, 'a whole number, the ID of a Yuki archive folder');
	}
	return folder;
}

function amountFor(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('amount', itemIndex, '') as unknown;
	if (raw === '' || raw === undefined || raw === null) {
		throw inputError(this, itemIndex, 'Amount', 'is empty', 'the receipt total, e.g. 26.40');
	}
	const parsed = parseDecimal(raw, 2);
	if (!parsed.ok) throw inputError(this, itemIndex, 'Amount', `"${String(raw)}" ${parsed.reason}`, 'a number with at most 2 decimals, e.g. 26.40');
	if (parsed.value.units <= 0n) throw inputError(this, itemIndex, 'Amount', `${String(raw)} is not more than 0`, 'an amount greater than 0');
	return formatDecimal(parsed.value);
}

function currencyFor(this: IExecuteFunctions, itemIndex: number): string {
	const currency = String(this.getNodeParameter('currency', itemIndex, 'EUR') ?? '').trim().toUpperCase() || 'EUR';
	const pattern = currencyField.pattern as NonNullable<typeof currencyField.pattern>;
	if (!pattern.regex.test(currency)) throw inputError(this, itemIndex, 'Currency', `"${currency}" is not a currency code`, pattern.allowed);
	return currency;
}

/** Refuses what XML cannot carry (it would make the upload ill-formed) and text of only spaces. */
function textFor(this: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value);
	const illegal = ILLEGAL_XML_CHARACTER.exec(text);
	if (illegal) {
		const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		throw inputError(this, itemIndex, field, `contains the control character U+${code} at position ${illegal.index + 1}`, 'any text; of the control characters only tab, line feed and carriage return');
	}
	const trimmed = text.trim();
	if (trimmed === '') throw inputError(this, itemIndex, field, 'is only spaces', 'text, or leave the field out');
	return normaliseLineEnds(trimmed);
}

/** One checked upload: everything but the file's content, which is read only while it is sent. */
interface CheckedUpload {
	itemIndex: number;
	request: Omit<UploadDocumentRequest, 'data'>;
	propertyName: string;
	mimeType: string;
}

async function checkItem(this: IExecuteFunctions, context: RunContext, itemIndex: number): Promise<CheckedUpload> {
	const administrationId = administrationFor.call(this, context, itemIndex);
	const amount = amountFor.call(this, itemIndex);
	const currency = currencyFor.call(this, itemIndex);
	const folder = folderFor.call(this, context, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
	const paymentMethod = Number(fields.paymentMethod ?? 0);
	if (!Number.isInteger(paymentMethod) || paymentMethod < 0) {
		throw inputError(this, itemIndex, 'Payment Method', `${String(fields.paymentMethod)} is not allowed`, 'a whole number from 0 (0 = unspecified)');
	}
	const costCategory = textFor.call(this, itemIndex, 'Cost Category', fields.costCategory);
	const project = textFor.call(this, itemIndex, 'Project', fields.project);
	const remarks = textFor.call(this, itemIndex, 'Remarks', fields.remarks);
	const chosenName = textFor.call(this, itemIndex, 'File Name', fields.fileName);
	const propertyName = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	// Only the file's first bytes: with n8n's filesystem binary data it stays on disk until it is sent.
	const file = await checkBinaryFile(this, itemIndex, propertyName, { allowed: 'document' });
	const fileName = chosenName ?? textFor.call(this, itemIndex, 'File Name (of the binary file)', file.fileName) ?? file.fileName;
	return {
		itemIndex,
		propertyName,
		mimeType: file.mimeType,
		request: { administrationId, fileName, folder, currency, amount, costCategory, paymentMethod, project, remarks },
	};
}

/**
 * The receipt for its request: a source read while the request is sent when its size is known
 * beforehand (n8n's filesystem binary data, or base64 in the item), checked again as the file
 * that was checked; otherwise its bytes. A file that changed size or type on the way stops the
 * request before its end: Yuki never gets a complete upload of it.
 */
async function receiptContent(this: IExecuteFunctions, upload: CheckedUpload): Promise<Buffer | FileSource> {
	const { itemIndex, propertyName } = upload;
	const source = await streamBinaryFile(this, itemIndex, propertyName, { allowed: 'document', label: `the receipt of item ${itemIndex}` });
	return source ?? (await readBinaryFile(this, itemIndex, propertyName, { allowed: 'document' })).buffer;
}

function uploadJson(upload: CheckedUpload, documentId: string): IDataObject {
	const { request } = upload;
	return {
		documentId,
		fileName: request.fileName,
		mimeType: upload.mimeType,
		folder: request.folder,
		amount: request.amount,
		currency: request.currency,
		administrationId: request.administrationId,
		...(request.costCategory ? { costCategory: request.costCategory } : {}),
		paymentMethod: request.paymentMethod,
		...(request.project ? { project: request.project } : {}),
		...(request.remarks ? { remarks: request.remarks } : {}),
		yuki: { operation: 'Archive.UploadDocumentWithData', result: documentId },
	};
}

/**
 * Yuki's archive has no duplicate check and a receipt has no number: n8n's Retry On Fail, which
 * runs the node again with every item, would upload receipts a second time. The node does not
 * guess which uploads of an earlier try went through; it refuses to run with the setting.
 */
function refuseRetryOnFail(this: IExecuteFunctions): void {
	const node = this.getNode();
	if (node.retryOnFail !== true) return;
	throw new NodeOperationError(node, 'Expense Claim › Upload cannot run with Retry On Fail: a retry would upload receipts a second time. Nothing was uploaded.', {
		description:
			"Yuki's archive keeps every upload, also the same receipt twice, and a receipt has no number by which Yuki could recognise it. Turn off Retry On Fail in the node's Settings, and handle a failed upload with Continue On Fail or the error output (an upload whose answer was lost says so: check Yuki before uploading it again).",
	});
}

/** For a run that stops on an error: every receipt it uploaded, so that none is uploaded again by hand. */
function uploadedAccount(uploaded: Array<{ upload: CheckedUpload; documentId: string }>): string {
	if (uploaded.length === 0) return 'Nothing was uploaded to Yuki by this run.';
	return [
		`Uploaded to Yuki by this run (${uploaded.length}); do not upload these again:`,
		...uploaded.map(({ upload, documentId }) => `- item ${upload.itemIndex}, "${upload.request.fileName}" (${upload.request.amount} ${upload.request.currency}): document ${documentId}`),
	].join('\n');
}

/** An upload whose answer was lost may have reached Yuki: say so in words and as a status. */
function unknownUpload(this: IExecuteFunctions, error: NodeError, upload: CheckedUpload): NodeError {
	error.message = `Item ${upload.itemIndex}: the receipt "${upload.request.fileName}" may have been uploaded; check Yuki's archive before uploading it again (${error.message.replace(/^Item \d+: /, '')})`;
	error.description = [
		"The upload may have reached Yuki but no answer came back, so the node does not know whether Yuki stored it and does not upload it again by itself.",
		error.description,
	]
		.filter(Boolean)
		.join('\n');
	return error;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	refuseRetryOnFail.call(this);
	const continueOnFail = this.continueOnFail();
	const output = new Map<number, INodeExecutionData>();
	const fail = (error: unknown, itemIndex: number, details: IDataObject) => {
		const nodeError = toNodeError.call(this, error, itemIndex);
		logItemFailure(this, itemIndex, nodeError);
		output.set(itemIndex, errorItem(this, nodeError, itemIndex, details));
		return nodeError;
	};

	// 1. Every item is checked before the first upload: a bad item never costs a call, and a run
	// stopped by a bad item has uploaded nothing.
	const checked: CheckedUpload[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			checked.push(await checkItem.call(this, context, itemIndex));
		} catch (error) {
			const nodeError = fail(error, itemIndex, { status: 'invalid' });
			if (!continueOnFail) throw nodeError;
		}
	}

	// 2. Upload, one call per receipt (Yuki has no batch upload).
	const uploaded: Array<{ upload: CheckedUpload; documentId: string }> = [];
	for (const upload of checked) {
		const { itemIndex, request } = upload;
		try {
			const data = await receiptContent.call(this, upload);
			const size = Buffer.isBuffer(data) ? data.length : data.bytes;
			logSent(this, `expense claim "${request.fileName}" (${size} bytes, ${request.amount} ${request.currency}) to folder ${request.folder}`, {
				itemIndex,
				administrationId: request.administrationId,
			});
			const documentId = await context.yuki.uploadDocument({ ...request, data });
			logAnswer(this, `stored expense claim "${request.fileName}" as document ${documentId}`, { itemIndex });
			uploaded.push({ upload, documentId });
			output.set(itemIndex, resultItem({ status: 'uploaded', ...uploadJson(upload, documentId) }, itemIndex));
		} catch (error) {
			const unknown = error instanceof YukiError && error.mayHaveReachedYuki;
			const nodeError = toNodeError.call(this, error, itemIndex);
			if (unknown) unknownUpload.call(this, nodeError, upload);
			const status = unknown ? 'unknown' : 'notUploaded';
			fail(nodeError, itemIndex, { status, fileName: request.fileName, amount: request.amount, currency: request.currency });
			if (!continueOnFail) {
				nodeError.description = [nodeError.description, uploadedAccount(uploaded)].filter(Boolean).join('\n');
				throw nodeError;
			}
		}
	}
	return items.map((_item, itemIndex) => output.get(itemIndex) as INodeExecutionData);
}
