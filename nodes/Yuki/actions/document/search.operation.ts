/**
 * Document → Search: documents in the Yuki archive by folder, contact, subject, text and dates,
 * one output item per document (paired with the input item). One SearchDocuments call per page
 * of 100; Return All reads every page, Limit stops at the page that reaches it.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { inputError, resultItem } from '../../helpers/items';
import { logAnswer } from '../../helpers/logging';
import { optionsCollection, returnAllFields } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import type { ArchiveDocument, DocumentSearchArgs } from '../../transport/calls/archive';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['document'], operation: ['search'] } };

/** Documents asked for per call [guess: Yuki publishes no maximum]. */
export const DOCUMENTS_PER_PAGE = 100;
/** .NET's "no date": Yuki reads it as "all years" [doc: WSDL documentation]. */
const ALL_YEARS = '0001-01-01T00:00:00';
const MAX_PAGES = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Search In',
		name: 'searchOption',
		type: 'options',
		options: [
			{ name: 'Contact', value: 'Contact' },
			{ name: 'Creator', value: 'Creator' },
			{ name: 'Everything', value: 'All' },
			{ name: 'Subject', value: 'Subject' },
			{ name: 'Tag', value: 'Tag' },
			{ name: 'Type', value: 'Type' },
		],
		default: 'All',
		description: 'Which part of the documents the search text is looked for in',
	},
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bakkerij De Korenaar or F2026-0142',
		description: 'Text to look for; empty finds every document in the folder and period',
	},
	{
		displayName: 'Folder Name or ID',
		name: 'folderId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getArchiveFoldersOrAll' },
		default: -1,
		description:
			'Archive folder to search in, or All Folders. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...returnAllFields,
	optionsCollection([
		{ displayName: 'From Date', name: 'startDate', type: 'dateTime', default: '', description: 'Only documents dated on or after this day' },
		{ displayName: 'To Date', name: 'endDate', type: 'dateTime', default: '', description: 'Only documents dated on or before this day' },
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			options: [
				{ name: 'Contact (A–Z)', value: 'ContactNameAsc' },
				{ name: 'Contact (Z–A)', value: 'ContactNameDesc' },
				{ name: 'Created (Newest First)', value: 'CreatedDesc' },
				{ name: 'Created (Oldest First)', value: 'CreatedAsc' },
				{ name: 'Document Date (Newest First)', value: 'DocumentDateDesc' },
				{ name: 'Document Date (Oldest First)', value: 'DocumentDateAsc' },
				{ name: 'Modified (Newest First)', value: 'ModifiedDesc' },
				{ name: 'Modified (Oldest First)', value: 'ModifiedAsc' },
			],
			default: 'CreatedDesc',
		},
	]),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** A date parameter as the xs:dateTime Yuki takes; empty = all years. */
export function searchDate(value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) return ALL_YEARS;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	return match ? `${match[1]}T00:00:00` : undefined;
}

interface SearchOptions {
	startDate?: string;
	endDate?: string;
	sortOrder?: DocumentSearchArgs['sortOrder'];
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { searchDocuments } = await import('../../transport/calls/archive');
	return await eachItem(this, items, async (itemIndex, output) => {
		const searchOption = this.getNodeParameter('searchOption', itemIndex, 'All') as DocumentSearchArgs['searchOption'];
		const searchText = String(this.getNodeParameter('searchText', itemIndex, '') ?? '').trim();
		const folderId = Number(this.getNodeParameter('folderId', itemIndex, -1));
		if (!Number.isInteger(folderId) || folderId < -1) throw inputError(this, itemIndex, 'Folder', `is ${String(folderId)}`, 'an archive folder ID, or -1 for all folders');
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, 50));
		if (!returnAll && (!Number.isInteger(limit) || limit < 1)) throw inputError(this, itemIndex, 'Limit', `is ${limit}`, 'a whole number of at least 1');
		const options = this.getNodeParameter('options', itemIndex, {}) as SearchOptions;
		const startDate = searchDate(options.startDate);
		const endDate = searchDate(options.endDate);
		if (!startDate) throw inputError(this, itemIndex, 'From Date', `is "${String(options.startDate)}"`, 'a date');
		if (!endDate) throw inputError(this, itemIndex, 'To Date', `is "${String(options.endDate)}"`, 'a date');
		const found: ArchiveDocument[] = [];
		let calls = 0;
		for (let page = 0; page < MAX_PAGES && found.length < limit; page++) {
			const documents = await context.yuki.call(searchDocuments, {
				searchOption,
				searchText,
				folderId,
				tabId: -1,
				sortOrder: options.sortOrder ?? 'CreatedDesc',
				startDate,
				endDate,
				numberOfRecords: DOCUMENTS_PER_PAGE,
				startRecord: page * DOCUMENTS_PER_PAGE + 1,
			});
			calls++;
			found.push(...documents);
			if (documents.length < DOCUMENTS_PER_PAGE) break;
		}
		logAnswer(this, `${Math.min(found.length, limit)} document(s) in ${calls} call(s)`, { itemIndex });
		for (const document of found.slice(0, limit)) output.push(resultItem({ ...document }, itemIndex));
	});
}
