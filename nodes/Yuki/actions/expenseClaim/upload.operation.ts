/**
 * Expense Claim → Upload: puts a receipt (PDF or image) with its amount into the Yuki archive
 * (Archive.UploadDocumentWithData), where Yuki's expense workflow picks it up. Yuki has no batch
 * upload, so every item costs one call.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { currencyField } from '../../documents/common';
import { formatDecimal, parseDecimal } from '../../documents/decimal';
import { readBinaryFile } from '../../shared/binary';
import { administrationField, binaryPropertyField, optionsCollection } from '../../shared/parameters';
import { runLogOption } from '../../shared/runLog';
import { handleItemError, inputError, resultItem } from '../../shared/items';
import { logAnswer, logItemFailure, logSent } from '../../shared/logging';
import type { RunContext } from '../../shared/runContext';
import { administrationFor, toNodeError } from '../../shared/runContext';

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

function optionalText(value: string | undefined): string | undefined {
	return value?.trim() || undefined;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			// Every check happens before the upload: a bad item never costs a Yuki call.
			const administrationId = administrationFor.call(this, context, itemIndex);
			const amount = amountFor.call(this, itemIndex);
			const currency = currencyFor.call(this, itemIndex);
			const folder = folderFor.call(this, context, itemIndex);
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as AdditionalFields;
			const paymentMethod = Number(fields.paymentMethod ?? 0);
			if (!Number.isInteger(paymentMethod) || paymentMethod < 0) {
				throw inputError(this, itemIndex, 'Payment Method', `${String(fields.paymentMethod)} is not allowed`, 'a whole number from 0 (0 = unspecified)');
			}
			const propertyName = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
			const file = await readBinaryFile(this, itemIndex, propertyName, { allowed: 'document' });
			const fileName = optionalText(fields.fileName) ?? file.fileName;
			const request = {
				administrationId,
				fileName,
				data: file.buffer,
				folder,
				currency,
				amount,
				costCategory: optionalText(fields.costCategory),
				paymentMethod,
				project: optionalText(fields.project),
				remarks: optionalText(fields.remarks),
			};
			logSent(this, `expense claim "${fileName}" (${file.buffer.length} bytes, ${amount} ${currency}) to folder ${folder}`, {
				itemIndex,
				administrationId,
			});
			const documentId = await context.yuki.uploadDocument(request);
			logAnswer(this, `stored expense claim "${fileName}" as document ${documentId}`, { itemIndex });
			const json: IDataObject = {
				documentId,
				fileName,
				mimeType: file.mimeType,
				folder,
				amount,
				currency,
				administrationId,
				...(request.costCategory ? { costCategory: request.costCategory } : {}),
				paymentMethod,
				...(request.project ? { project: request.project } : {}),
				...(request.remarks ? { remarks: request.remarks } : {}),
				yuki: { operation: 'Archive.UploadDocumentWithData', result: documentId },
			};
			output.push(resultItem(json, itemIndex));
		} catch (error) {
			const nodeError = toNodeError.call(this, error, itemIndex);
			logItemFailure(this, itemIndex, nodeError);
			output.push(handleItemError(this, nodeError, itemIndex));
		}
	}
	return output;
}
