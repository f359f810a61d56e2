/** What the contact operations share: the domain of the item, and the JSON of a contact. */
import type { IDataObject, IExecuteFunctions, IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { administrationField } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import { chosenAdministration, toNodeError } from '../../helpers/runContext';
import type { YukiContact } from '../../transport/calls/contact';

/** Contacts belong to a domain: the administration only tells which one. */
export function contactAdministrationField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		...administrationField(displayOptions),
		description:
			"Contacts belong to the whole Yuki domain: the administration only tells which domain (empty = the credential's Domain ID, else its Default Administration, else the key's only domain). Costs 1 Administrations call per run unless the credential has a Domain ID.",
	};
}

/** The domain ID for item `itemIndex`, or an error naming the item. */
export async function itemDomain(this: IExecuteFunctions, context: RunContext, itemIndex: number): Promise<string> {
	const administrationId = chosenAdministration(this.getNodeParameter('administrationId', itemIndex, '', { extractValue: true }), context.credentials);
	const { DomainUnknownError, domainIdFor } = await import('../../contacts/domain');
	try {
		return await domainIdFor(context, administrationId);
	} catch (error) {
		if (error instanceof DomainUnknownError) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: cannot tell the Yuki domain: ${error.message}`, {
				itemIndex,
				description: 'Allowed: an administration the key reaches, or a Domain ID in the Yuki credential.',
			});
		}
		throw toNodeError.call(this, error, itemIndex);
	}
}

/** A contact as an output item's JSON, with the domain it was found in. */
export function contactJson(contact: YukiContact, domainId: string): IDataObject {
	return { ...contact, domainId };
}
