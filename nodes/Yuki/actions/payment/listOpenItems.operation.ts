/**
 * Payment → List Open Items: what is still open in Yuki, one normalised item per open item.
 * Yuki answers every open item in one call (it has no paging), so "Limit" trims the answer
 * locally; input items asking for the same list share one call.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { administrationField, optionsCollection, returnAllFields } from '../../helpers/parameters';
import type * as Dates from '../../payments/dates';
import { runLogOption } from '../../helpers/runLog';
import { readSide, sideField, SORT_ORDERS } from '../../payments/parameters';
import { PaymentInputError } from '../../payments/references';
import type { RunContext } from '../../helpers/runContext';
import { administrationFor, toNodeError } from '../../helpers/runContext';
import type { OutstandingItem, OutstandingSide, OutstandingSortOrder } from '../../transport/types';
import { handleItemError, resultItem } from '../../helpers/items';
import { paymentItemError } from './outcome';
import { simplifyField } from '../../helpers/presentation';
export { simplifyOpenItem as simplify } from './simplify';

const displayOptions = { show: { resource: ['payment'], operation: ['listOpenItems'] } };

const properties: INodeProperties[] = [
	sideField(),
	administrationField(displayOptions),
	...returnAllFields,
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		options: SORT_ORDERS.map((order) => ({ ...order })),
		default: 'DateAsc',
		description: 'The order in which Yuki lists the open items',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Include Unmatched Bank Transactions',
				name: 'includeBankTransactions',
				type: 'boolean',
				default: false,
				description: 'Whether to include bank transactions Yuki has not yet matched to an invoice',
			},
			{
				displayName: 'From Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Only items dated on or after this day',
			},
			{
				displayName: 'To Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Only items dated on or before this day',
			},
		],
	},
	simplifyField,
	optionsCollection([runLogOption]),
];

export const description = updateDisplayOptions(displayOptions, properties);

interface ListRequest {
	side: OutstandingSide;
	administrationId: string;
	includeBankTransactions: boolean;
	sortOrder: OutstandingSortOrder;
	startDate?: string;
	endDate?: string;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const dates = await import('../../payments/dates');
	const { openItemJson } = await import('../../payments/openItem');
	const clock = dates.clockIn(this.getTimezone());
	const lists = new Map<string, Promise<OutstandingItem[]>>();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let request: ListRequest;
		try {
			request = readRequest.call(this, context, itemIndex, dates);
		} catch (error) {
			output.push(handleItemError(this, paymentItemError.call(this, error, itemIndex), itemIndex));
			continue;
		}
		const { side, administrationId, ...listOptions } = request;
		const key = JSON.stringify(request);
		if (!lists.has(key)) lists.set(key, context.yuki.outstandingItems(side, administrationId, listOptions));
		let openItems: OutstandingItem[];
		try {
			openItems = await (lists.get(key) as Promise<OutstandingItem[]>);
		} catch (error) {
			output.push(handleItemError(this, toNodeError.call(this, error, itemIndex), itemIndex, { administrationId, side }));
			continue;
		}
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? openItems.length : (this.getNodeParameter('limit', itemIndex, 50) as number);
		for (const item of openItems.slice(0, limit)) {
			output.push(resultItem(openItemJson(item, { administrationId, side, clock }), itemIndex));
		}
	}
	return output;
}

function readRequest(this: IExecuteFunctions, context: RunContext, itemIndex: number, dates: typeof Dates): ListRequest {
	const side = readSide(this.getNodeParameter('side', itemIndex));
	const administrationId = administrationFor.call(this, context, itemIndex);
	const sortOrder = this.getNodeParameter('sortOrder', itemIndex, 'DateAsc') as OutstandingSortOrder;
	if (!SORT_ORDERS.some((order) => order.value === sortOrder)) {
		const allowed = SORT_ORDERS.map((order) => order.value).join(', ');
		throw new PaymentInputError('sortOrder', `"sortOrder" must be one of ${allowed}, not ${JSON.stringify(sortOrder)}`);
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		includeBankTransactions?: boolean;
		startDate?: string;
		endDate?: string;
	};
	const zone = this.getTimezone();
	const startDate = filterDate(filters.startDate, 'startDate', zone, dates);
	const endDate = filterDate(filters.endDate, 'endDate', zone, dates);
	if (startDate && endDate && startDate > endDate) {
		throw new PaymentInputError('filters.endDate', `"To Date" (${endDate}) is before "From Date" (${startDate})`);
	}
	return { side, administrationId, includeBankTransactions: filters.includeBankTransactions === true, sortOrder, startDate, endDate };
}

/** The calendar day in the workflow's time zone (a date picked in the editor has no zone of its own). */
function filterDate(value: unknown, field: string, zone: string, dates: typeof Dates): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = dates.calendarDayIn(value, zone);
	if (!date) throw new PaymentInputError(`filters.${field}`, `"${field}" must be a date such as 2024-08-01, not ${JSON.stringify(value)}`);
	return date;
}
