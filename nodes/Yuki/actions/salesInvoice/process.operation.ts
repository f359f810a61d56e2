import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { salesInvoiceDocument } from '../../documents/salesInvoice';
import { administrationField, binaryPropertyField } from '../../helpers/parameters';
import { invoiceOptionsField } from '../../invoices/options';
import type { InvoiceOperation } from '../../invoices/processInvoices';
import { invoiceSourceProperties } from '../../invoices/source';
import type { RunContext } from '../../helpers/runContext';

const displayOptions = { show: { resource: ['salesInvoice'], operation: ['process'] } };

const properties: INodeProperties[] = [
	administrationField(displayOptions),
	...invoiceSourceProperties('sales', salesInvoiceDocument),
	{
		...binaryPropertyField(
			{ show: { invoiceSource: ['fields', 'json'] } },
			{
				description:
					"Name of the binary property holding the invoice's own PDF, sent to Yuki with the invoice. Leave empty to let Yuki make the PDF.",
			},
		),
		displayName: 'Custom PDF Binary Field',
		default: '',
		required: false,
		placeholder: 'e.g. data',
	},
	invoiceOptionsField('sales'),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Each result is a new object built by this run (invoices/output.ts). */
export const freshOutput = true;

export const salesInvoiceProcess: InvoiceOperation = {
	kind: 'sales',
	document: salesInvoiceDocument,
	pdfRequired: false,
	send: async (yuki, administrationId, xml) => await yuki.processSalesInvoices(administrationId, xml),
};

/** Loaded on first run and kept (a dynamic import on every run costs a loader round trip under tsx). */
let processInvoicesModule: Promise<typeof import('../../invoices/processInvoices')> | undefined;

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	context: RunContext,
): Promise<INodeExecutionData[]> {
	// Loaded on first run: n8n loads the node (and reads its description) at every start.
	const { processInvoices } = await (processInvoicesModule ??= import('../../invoices/processInvoices'));
	return await processInvoices.call(this, salesInvoiceProcess, items, context);
}
