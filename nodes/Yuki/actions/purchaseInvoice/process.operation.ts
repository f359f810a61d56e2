import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { purchaseInvoiceDocument } from '../../documents/purchaseInvoice';
import { administrationField, binaryPropertyField } from '../../helpers/parameters';
import { invoiceOptionsField } from '../../invoices/options';
import type { InvoiceOperation } from '../../invoices/processInvoices';
import { invoiceSourceProperties } from '../../invoices/source';
import type { RunContext } from '../../helpers/runContext';

const displayOptions = { show: { resource: ['purchaseInvoice'], operation: ['process'] } };

const properties: INodeProperties[] = [
	administrationField(displayOptions),
	...invoiceSourceProperties('purchase', purchaseInvoiceDocument),
	{
		...binaryPropertyField(
			{ show: { invoiceSource: ['fields', 'json'] } },
			{
				description:
					'Name of the binary property holding the PDF of the invoice (Yuki requires it); its file name becomes Document File Name',
			},
		),
		displayName: 'PDF Binary Field',
	},
	invoiceOptionsField('purchase'),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Each result is a new object built by this run (invoices/output.ts). */
export const freshOutput = true;

export const purchaseInvoiceProcess: InvoiceOperation = {
	kind: 'purchase',
	document: purchaseInvoiceDocument,
	pdfRequired: true,
	send: async (yuki, administrationId, xml, options) =>
		await yuki.processPurchaseInvoices(administrationId, xml, options.disableAutoCorrect),
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	// Loaded on first run: n8n loads the node (and reads its description) at every start.
	const { processInvoices } = await import('../../invoices/processInvoices');
	return await processInvoices.call(this, purchaseInvoiceProcess, items, context);
}
