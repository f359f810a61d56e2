/**
 * VAT Code → Get Many: the active VAT codes of an administration, so users see which
 * type/percentage pairs Yuki accepts on invoices. One Yuki call per distinct administration.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { administrationField, optionsCollection } from '../../helpers/parameters';
import { resultItem } from '../../helpers/items';
import { logAnswer } from '../../helpers/logging';
import type { RunContext } from '../../helpers/runContext';
import { administrationFor } from '../../helpers/runContext';
import type { VatCode } from '../../transport/types';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['vatCode'], operation: ['getMany'] } };

const properties: INodeProperties[] = [
	administrationField(displayOptions),
	{
		displayName: 'Side',
		name: 'side',
		type: 'options',
		options: [
			{ name: 'All', value: 'all', description: 'Codes for sales and for purchases' },
			{ name: 'Sales', value: 'sales', description: 'Codes for sales invoices' },
			{ name: 'Purchase', value: 'purchase', description: 'Codes for purchase invoices and expenses' },
		],
		default: 'all',
		description:
			'Yuki lists sales and purchase codes together; the side is inferred from the type and its description (see README)',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { isPurchaseVatCode } = await import('../../methods/vatCodes');
	// One call per administration, shared by every item that asks for it (the daily quota is small).
	const codesByAdministration = new Map<string, Promise<VatCode[]>>();
	return await eachItem(this, items, async (itemIndex, output) => {
		const administrationId = administrationFor.call(this, context, itemIndex);
		const side = this.getNodeParameter('side', itemIndex, 'all') as 'all' | 'sales' | 'purchase';
		if (!codesByAdministration.has(administrationId)) {
			codesByAdministration.set(administrationId, context.yuki.activeVatCodes(administrationId));
		}
		const codes = await (codesByAdministration.get(administrationId) as Promise<VatCode[]>);
		logAnswer(this, `${codes.length} active VAT code(s) in administration ${administrationId}`, { itemIndex });
		for (const code of codes) {
			const codeSide = isPurchaseVatCode(code) ? 'purchase' : 'sales';
			if (side !== 'all' && side !== codeSide) continue;
			output.push(resultItem({ administrationId, ...code, side: codeSide }, itemIndex));
		}
	});
}
