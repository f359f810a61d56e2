import type { INodeProperties } from 'n8n-workflow';
import type { YukiOperation } from './operation';
import * as administration from './administration';
import * as contact from './contact';
import * as document from './document';
import * as expenseClaim from './expenseClaim';
import * as journal from './journal';
import * as payment from './payment';
import * as purchaseInvoice from './purchaseInvoice';
import * as salesInvoice from './salesInvoice';
import * as vatCode from './vatCode';

export interface YukiResource {
	/** Shown in the Resource list. */
	displayName: string;
	/** What the resource is, in a bookkeeper's words (under the name in the Resource list). */
	resourceDescription?: string;
	/** The Operation selector and every operation's fields. */
	description: INodeProperties[];
	operations: Record<string, YukiOperation>;
}

/** Every resource the Yuki node offers, in the order the Resource list shows them. */
export const resources: Record<string, YukiResource> = {
	salesInvoice,
	purchaseInvoice,
	expenseClaim,
	contact,
	document,
	journal,
	payment,
	administration,
	vatCode,
};

/**
 * The canvas subtitle says the operation as a user would ("Process sales invoices"), taken from
 * each operation's `action` text so that a new operation gets its subtitle without another edit.
 */
export function operationSubtitle(): string {
	const actions: Record<string, string> = {};
	for (const [resourceName, resource] of Object.entries(resources)) {
		const selector = resource.description.find((property) => property.name === 'operation');
		for (const option of (selector?.options ?? []) as Array<{ value: string; action?: string; name: string }>) {
			actions[`${resourceName}:${option.value}`] = option.action ?? option.name;
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
