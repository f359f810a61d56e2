/**
 * What the benchmark scenarios share: a sandbox on loopback, the credential that reaches it, sales
 * invoices in the node's JSON shape, and a count of the calls the sandbox received (server-side
 * truth) between two points of a scenario.
 */
import type { IDataObject } from 'n8n-workflow';
import { startSandbox } from '../../sandbox/server';
import type { RunningSandbox } from '../../sandbox/server';
import type { YukiCredentialData } from '../../test/helpers';

export type { RunningSandbox };

/** A sandbox whose quota never gets in the way of a benchmark. */
export async function benchSandbox(): Promise<RunningSandbox> {
	return await startSandbox({ port: 0, host: '127.0.0.1', dailyQuota: 100_000_000 });
}

export function benchCredentials(sandbox: RunningSandbox): YukiCredentialData {
	return {
		accessKey: sandbox.demo.accessKey,
		region: 'custom',
		customBaseUrl: sandbox.url,
		administrationId: sandbox.demo.organisation.id,
		clientId: sandbox.demo.clientId,
		clientSecret: sandbox.demo.clientSecret,
		archiveFolderId: sandbox.demo.expenseClaimFolder,
	};
}

/** One booked sales invoice (2 × 50.00 + 21 % VAT) in the JSON shape of "From Input JSON". */
export function salesInvoiceJson(reference: string): IDataObject {
	return {
		reference,
		subject: `Advies ${reference}`,
		paymentMethod: 'ElectronicTransfer',
		process: true,
		date: '2025-06-30',
		dueDate: '2025-07-30',
		contact: { contactCode: 'REL-1001', fullName: 'Bakkerij De Korenaar', countryCode: 'NL', contactType: 'Company' },
		invoiceLines: [
			{ description: 'Advies juni', productQuantity: 2, lineAmount: '100.00', lineVatAmount: '21.00', product: { description: 'Advies per uur', salesPrice: '50.00', vatPercentage: '21.00', vatType: 1 } },
		],
	};
}

let referenceRun = 0;

/** `count` invoice numbers no earlier scenario used (the sandbox refuses a number twice). */
export function freshReferences(count: number, prefix = 'BENCH'): string[] {
	referenceRun++;
	return Array.from({ length: count }, (_, index) => `${prefix}-${referenceRun}-${String(index + 1).padStart(5, '0')}`);
}

export interface CallTally {
	total: number;
	byOperation: Record<string, number>;
	authentications: number;
}

/** Counts the calls the sandbox received since `from` (an index into its call log). */
export function callsSince(sandbox: RunningSandbox, from: number): CallTally {
	const byOperation: Record<string, number> = {};
	for (const call of sandbox.calls.slice(from)) byOperation[call.operation] = (byOperation[call.operation] ?? 0) + 1;
	const authentications = (byOperation.Authenticate ?? 0) + (byOperation.AuthenticateClient ?? 0);
	return { total: sandbox.calls.length - from, byOperation, authentications };
}
