/**
 * The compact payment items "Simplify" gives (n8n's convention: on by default, off for the full
 * record): what a bookkeeper reads in a table, without Yuki's GUIDs and type IDs. The router adds
 * the administration (helpers/presentation.ts).
 */
import type { IDataObject } from 'n8n-workflow';
import { pick } from '../../helpers/presentation';

/** Get Status: the invoice's status and amounts, plus the comparisons the user asked for with Invoice Total / Previously Paid. */
const STATUS_KEYS = [
	'reference',
	'status',
	'openAmount',
	'paidAmount',
	'originalAmount',
	'currency',
	'dueDate',
	'daysOverdue',
	'contact',
	'message',
	// Why a status is what it is when Yuki cannot say it plainly (e.g. not among the open items).
	'note',
	'newlyPaid',
	'paidSinceTotal',
	'checkedAt',
] as const;

/** List Open Items: one open invoice as a row. */
const OPEN_ITEM_KEYS = [
	'reference',
	'status',
	'openAmount',
	'paidAmount',
	'originalAmount',
	'currency',
	'invoiceDate',
	'dueDate',
	'daysOverdue',
	'contact',
	'description',
	// The invoice's PDF in Yuki's archive, for Document › Download in the next node.
	'documentId',
] as const;

export function simplifyStatus(json: IDataObject): IDataObject {
	return pick(json, STATUS_KEYS);
}

export function simplifyOpenItem(json: IDataObject): IDataObject {
	return pick(json, OPEN_ITEM_KEYS);
}
