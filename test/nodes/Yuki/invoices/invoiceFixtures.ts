/**
 * Test data for the invoice operations: the project's own example invoices (test/fixtures/invoices),
 * variations of them, and a sandbox with the credential that reaches it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { RunningSandbox } from '../../../../sandbox/server';
import { startSandbox } from '../../../../sandbox/server';
import type { NodeRun, RunYukiNodeOptions, YukiCredentialData } from '../../../helpers';
import { runYukiNode, sandboxCredentials } from '../../../helpers';

const FIXTURES = join(__dirname, '../../../fixtures/invoices');

export function fixture(name: string): Buffer {
	return readFileSync(join(FIXTURES, name));
}

function json(name: string): IDataObject {
	return JSON.parse(fixture(name).toString('utf8')) as IDataObject;
}

/** The example sales invoice with another number (and any changes). */
export function salesInvoice(reference: string, changes: IDataObject = {}): IDataObject {
	return { ...json('sales-invoice.json'), reference, ...changes };
}

/** The example purchase invoice with another number (and any changes). */
export function purchaseInvoice(reference: string, changes: IDataObject = {}): IDataObject {
	return { ...json('purchase-invoice.json'), reference, paymentReference: reference, ...changes };
}

/** A sales line whose VAT type/percentage pair is not configured in the domain. */
export function withUnknownVatPair(invoice: IDataObject): IDataObject {
	const lines = invoice.invoiceLines as IDataObject[];
	const product = { ...(lines[0].product as IDataObject), vatPercentage: '7.00' };
	return { ...invoice, invoiceLines: [{ ...lines[0], lineVatAmount: '79.80', product }] };
}

export const PDF = { data: fixture('invoice.pdf'), fileName: 'F2026-0142.pdf', mimeType: 'application/pdf' };
export const NOT_A_PDF = { data: fixture('not-a-pdf.txt'), fileName: 'invoice.txt', mimeType: 'text/plain' };

export interface InvoiceSandbox {
	sandbox: RunningSandbox;
	credentials: YukiCredentialData;
	/** The demo department's administration (the credential's default is the organisation's). */
	departmentId: string;
	organisationId: string;
	/** Starts counting calls afresh (the sandbox keeps its state and sessions: references are unique per test). */
	beginTest(): void;
	/** Calls the sandbox received since `beginTest()`. */
	calls(): RunningSandbox['calls'];
	/** ProcessSalesInvoices / ProcessPurchaseInvoices calls since `beginTest()`. */
	processCalls(kind?: 'Sales' | 'Purchase'): number;
	/** The invoice numbers the sandbox holds (booked or draft). */
	referencesInYuki(): string[];
	close(): Promise<void>;
}

export async function invoiceSandbox(): Promise<InvoiceSandbox> {
	const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
	const organisationId = sandbox.demo.organisation.id;
	const credentials = sandboxCredentials(
		{ url: sandbox.url, demo: { ...sandbox.demo, administrationId: organisationId }, close: sandbox.close },
		{ administrationId: organisationId, clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret },
	);
	let mark = 0;
	const calls = () => sandbox.calls.slice(mark);
	return {
		sandbox,
		credentials,
		organisationId,
		departmentId: sandbox.demo.department.id,
		beginTest: () => {
			sandbox.clearFaults();
			mark = sandbox.calls.length;
		},
		calls,
		processCalls: (kind) =>
			calls().filter((call) =>
				kind ? call.operation === `Process${kind}Invoices` : /^Process(Sales|Purchase)Invoices$/.test(call.operation),
			).length,
		referencesInYuki: () => sandbox.state.invoices.map((invoice) => invoice.reference),
		close: async () => await sandbox.close(),
	};
}

export interface ProcessRun extends NodeRun {
	/** Output JSON per input item, in order. */
	json: IDataObject[];
}

/** Runs Process for `kind` with `parameters` on top of sensible defaults (From Input JSON). */
export async function runProcess(
	yuki: InvoiceSandbox,
	kind: 'salesInvoice' | 'purchaseInvoice',
	items: Array<{ json: IDataObject; binary?: Record<string, typeof PDF> }>,
	parameters: INodeParameters = {},
	run: Pick<RunYukiNodeOptions, 'continueOnFail' | 'timezone' | 'nodeSettings' | 'staticData'> & { credentials?: YukiCredentialData } = {},
): Promise<ProcessRun> {
	const result = await runYukiNode({
		parameters: { resource: kind, operation: 'process', invoiceSource: 'json', ...parameters },
		items,
		credentials: run.credentials ?? yuki.credentials,
		continueOnFail: run.continueOnFail,
		timezone: run.timezone,
		nodeSettings: run.nodeSettings,
		staticData: run.staticData,
	});
	return { ...result, json: result.items.map((item) => item.json) };
}
