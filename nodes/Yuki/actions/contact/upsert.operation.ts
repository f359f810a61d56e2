/**
 * Contact → Create or Update (`Contact.UpdateContact`): updates the contact whose ID is given;
 * else, with Match By Contact Code (default), the one contact that has the code (1 SearchContacts
 * call); else creates one. Several contacts with the code is the item's error: the node never
 * picks one for the user, and never creates a further duplicate.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { contactDocument } from '../../documents/contact';
import { documentInput, documentSourceProperties } from '../../helpers/documentInput';
import { resultItem } from '../../helpers/items';
import { logAnswer, logSent } from '../../helpers/logging';
import { optionsCollection } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import { contactAdministrationField, itemDomain } from './common';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['contact'], operation: ['upsert'] } };

const properties: INodeProperties[] = [
	contactAdministrationField(displayOptions),
	...documentSourceProperties(contactDocument),
	optionsCollection([
		{
			displayName: 'Match By Contact Code',
			name: 'matchByCode',
			type: 'boolean',
			default: true,
			description:
				'Whether a contact without ID updates the contact that already has its Contact Code (1 extra call) instead of creating a second one',
		},
	]),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { describeIssues, validateRecord } = await import('../../documents/validate');
	const { buildDocument } = await import('../../documents/xml');
	const { findContacts } = await import('../../contacts/search');
	const { updateContact } = await import('../../transport/calls/contact');
	const { xmlElements } = await import('../../transport/envelope');
	return await eachItem(this, items, async (itemIndex, output) => {
		const { matchByCode = true } = this.getNodeParameter('options', itemIndex, {}) as { matchByCode?: boolean };
		const validation = validateRecord(contactDocument, documentInput.call(this, contactDocument, items[itemIndex], itemIndex), { timeZone: this.getTimezone() });
		if (!validation.ok) {
			throw new NodeOperationError(this.getNode(), describeIssues(validation.issues, itemIndex), {
				itemIndex,
				description: 'The contact was not sent to Yuki. Correct the fields named above and run the node again.',
			});
		}
		const record = { ...validation.record };
		const domainId = await itemDomain.call(this, context, itemIndex);
		const code = typeof record.code === 'string' ? record.code : undefined;
		let matchedBy: string | undefined = record.id ? 'id' : undefined;
		if (!record.id && matchByCode && code) {
			const { contacts } = await findContacts(context, { domainId, searchOption: 'Code', searchValue: code, limit: 100 });
			const exact = contacts.filter((contact) => String(contact.code ?? '').toLowerCase() === code.toLowerCase());
			if (exact.length > 1) {
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${exact.length} contacts have contact code "${code}" (IDs ${exact.map((contact) => contact.id).join(', ')})`, {
					itemIndex,
					description: 'Nothing was sent. Give the ID of the contact to update, or merge the duplicates in Yuki.',
				});
			}
			if (exact.length === 1) {
				record.id = exact[0].id;
				matchedBy = 'code';
			}
		}
		logSent(this, `contact "${String(record.fullName)}" (${record.id ? `update ${String(record.id)}` : 'new'})`, { itemIndex });
		const answer = await context.yuki.call(updateContact, { domainId, xmlDoc: xmlElements(buildDocument(contactDocument, [record])) });
		if (answer.failed.length > 0) {
			const message = `Item ${itemIndex}: Yuki refused the contact: ${answer.failed.join('; ')}`;
			throw new NodeApiError(this.getNode(), { message } as JsonObject, { message, itemIndex, description: 'Yuki did not store the contact.' });
		}
		logAnswer(this, answer.succeeded ?? 'contact stored', { itemIndex });
		const json: IDataObject = {
			status: record.id ? 'updated' : 'created',
			contactId: (record.id as string | undefined) ?? answer.contactId ?? null,
			code: code ?? null,
			fullName: record.fullName ?? null,
			matchedBy: matchedBy ?? null,
			domainId,
			message: answer.succeeded ?? null,
			yuki: { operation: 'Contact.UpdateContact', timeStamp: answer.timeStamp ?? null },
		};
		output.push(resultItem(json, itemIndex));
	});
}
