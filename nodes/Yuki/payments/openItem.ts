/**
 * One Yuki open item as the node outputs it: numbers as numbers, ISO dates, a payment status
 * and the amount already paid. Used by List Open Items and inside Get Status matches.
 */
import type { IDataObject } from 'n8n-workflow';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { subtractDecimals } from '../documents/decimal';
import { amount, currencyOf, itemAmounts, statusOf } from './amounts';
import type { Clock } from './dates';
import { daysOverdue, isoDate } from './dates';

/** Keys the transport adds that are not passed on as they are (amount texts become numbers). */
const REPLACED_KEYS = new Set(['id', 'openAmountText', 'originalAmountText', 'openAmount', 'originalAmount', 'date', 'dueDate']);

export function openItemJson(
	item: OutstandingItem,
	context: { administrationId: string; side: OutstandingSide; clock: Clock },
): IDataObject {
	const { original, open } = itemAmounts(item);
	const dueDate = isoDate(item.dueDate);
	const json: IDataObject = {
		yukiItemId: item.id,
		reference: item.reference ?? null,
		status: statusOf(original, open),
		originalAmount: amount(original),
		openAmount: amount(open),
		paidAmount: amount(subtractDecimals(original, open)),
		currency: currencyOf(item),
		invoiceDate: isoDate(item.date),
		dueDate,
		daysOverdue: daysOverdue(dueDate, context.clock),
		contact: item.contact ?? null,
		contactCode: item.contactCode || null,
		typeId: item.typeId ?? null,
	};
	for (const [key, value] of Object.entries(item)) {
		if (!REPLACED_KEYS.has(key) && !(key in json) && value !== undefined) json[key] = value;
	}
	json.administrationId = context.administrationId;
	json.side = context.side;
	return json;
}
