/**
 * The transport against the project's local Yuki (sandbox/), over loopback: a second, independent
 * reading of the contract, so the two must agree on envelopes, parameter casing and results.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { buildDocument } from '../../../../nodes/Yuki/documents/xml';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import type { DocumentSpec } from '../../../../nodes/Yuki/documents/fields';
import { validateRecord } from '../../../../nodes/Yuki/documents/validate';
import { createYukiClient } from '../../../helpers/n8nRequest';
import { resetTransportCaches } from '../../../../nodes/Yuki/transport/client';
import { QUOTA_HINT } from '../../../../nodes/Yuki/transport/faults';
import type { YukiConnectionSettings } from '../../../../nodes/Yuki/transport/types';
import { YukiError } from '../../../../nodes/Yuki/transport/types';
import { DEMO } from '../../../../sandbox/demoData';
import type { RunningSandbox } from '../../../../sandbox/server';
import { startSandbox } from '../../../../sandbox/server';

const ORGANISATION = DEMO.organisation.id;

let sandbox: RunningSandbox;
before(async () => {
	sandbox = await startSandbox({ port: 0 });
});
after(() => sandbox.close());
beforeEach(() => {
	sandbox.reset();
	resetTransportCaches();
});

function settings(extra: Partial<YukiConnectionSettings> = {}): YukiConnectionSettings {
	return { region: 'custom', customBaseUrl: sandbox.url, accessKey: DEMO.accessKey, ...extra };
}

function documentOf(spec: DocumentSpec, inputs: unknown[]): string {
	return buildDocument(
		spec,
		inputs.map((input) => {
			const result = validateRecord(spec, input);
			assert.ok(result.ok, JSON.stringify(result));
			return result.record;
		}),
	);
}

function salesInvoice(reference: string) {
	return {
		reference,
		subject: `Advies ${reference}`,
		paymentMethod: 'ElectronicTransfer',
		process: true,
		date: '2026-10-31',
		dueDate: '2026-11-30',
		contact: { contactCode: 'N8N-01', fullName: 'Bakkerij De Vries B.V.', countryCode: 'NL', contactType: 'Company' },
		invoiceLines: [
			{ description: 'Advies oktober', productQuantity: '10', product: { description: 'Advies', salesPrice: '95.00', vatPercentage: '21', vatType: 1, glAccountCode: '8000' } },
		],
	};
}

const operationsCalled = () => sandbox.calls.map((call) => call.operation);

describe('transport against the sandbox', () => {
	it('signs in and lists the administrations the key reaches', async () => {
		const client = createYukiClient(settings());
		const administrations = await client.administrations();
		assert.deepEqual(
			administrations.map((administration) => administration.id).sort(),
			[DEMO.organisation.id, DEMO.department.id].sort(),
		);
		assert.ok(administrations.every((administration) => typeof administration.name === 'string'));
		assert.deepEqual(operationsCalled(), ['Authenticate', 'Administrations']);
	});

	it('books a sales invoice that then shows up as an open item, and sees a payment', async () => {
		const client = createYukiClient(settings());
		const result = await client.processSalesInvoices(ORGANISATION, documentOf(salesInvoiceDocument, [salesInvoice('N8N-T-1')]));
		assert.equal(result.totalSucceeded, 1, JSON.stringify(result));
		assert.deepEqual(
			result.invoices.map((invoice) => [invoice.reference, invoice.succeeded, invoice.processed]),
			[['N8N-T-1', true, true]],
		);

		const [item] = await client.checkOutstandingItem(ORGANISATION, 'N8N-T-1');
		assert.equal(item.openAmountText, '1149.50');
		assert.equal(item.originalAmount, 1149.5);
		assert.equal(item.typeId, 6);

		const list = await client.outstandingItems('debtor', ORGANISATION, { includeBankTransactions: false, sortOrder: 'DateDesc' });
		assert.ok(list.some((entry) => entry.reference === 'N8N-T-1'));
		const period = await client.outstandingItems('debtor', ORGANISATION, {
			includeBankTransactions: false,
			sortOrder: 'AmountAsc',
			startDate: '2026-10-01',
			endDate: '2026-10-31',
		});
		assert.ok(period.some((entry) => entry.reference === 'N8N-T-1'));
		assert.ok(period.every((entry) => entry.date !== undefined && entry.date >= '2026-10-01' && entry.date <= '2026-10-31'));

		sandbox.recordPayment('N8N-T-1', '149.50');
		const [afterPayment] = await client.checkOutstandingItem(ORGANISATION, 'N8N-T-1');
		assert.equal(afterPayment.openAmountText, '1000.00');

		const again = await client.processSalesInvoices(ORGANISATION, documentOf(salesInvoiceDocument, [salesInvoice('N8N-T-1')]));
		assert.equal(again.invoices[0].succeeded, false);
		assert.match(again.invoices[0].message ?? '', /already exists/);
		assert.equal(operationsCalled().filter((operation) => operation === 'Authenticate').length, 1);
	});

	it('processes a purchase invoice with the client session', async () => {
		const client = createYukiClient(settings({ clientId: DEMO.clientId, clientSecret: DEMO.clientSecret }));
		const document = documentOf(purchaseInvoiceDocument, [
			{
				process: true,
				reference: 'INK-N8N-1',
				date: '2026-10-12',
				invoiceAmount: '121.00',
				invoiceVatAmount: '21.00',
				documentFileName: 'ink-n8n-1.pdf',
				documentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
				contact: { fullName: 'Kantoorartikelen Jansen B.V.', bankAccount: 'NL91ABNA0417164300' },
				invoiceLines: [{ description: 'Papier', glAccountCode: '4500', lineAmount: '100.00', lineVatType: 11 }],
			},
		]);
		const result = await client.processPurchaseInvoices(ORGANISATION, document);
		assert.deepEqual(result.invoices.map((invoice) => [invoice.reference, invoice.succeeded, invoice.message ?? '']), [['INK-N8N-1', true, '']]);
		assert.deepEqual(operationsCalled(), ['AuthenticateClient', 'ProcessPurchaseInvoices']);
	});

	it('reads VAT codes, GL accounts and archive folders, and uploads a document', async () => {
		const client = createYukiClient(settings());
		const vat = await client.activeVatCodes(ORGANISATION);
		assert.ok(vat.some((code) => code.type === 1 && code.percentage === 21));
		const accounts = await client.glAccounts(ORGANISATION);
		assert.ok(accounts.some((account) => account.code === '8000'));
		const folders = await client.documentFolders();
		assert.ok(folders.some((folder) => folder.id === DEMO.expenseClaimFolder));
		const documentId = await client.uploadDocument({
			administrationId: ORGANISATION,
			fileName: 'bonnetje.pdf',
			data: Buffer.from('%PDF-1.4\n%%EOF\n'),
			folder: DEMO.expenseClaimFolder,
			currency: 'EUR',
			amount: '26.40',
			paymentMethod: 0,
			remarks: 'Lunch',
		});
		assert.match(documentId, /^[0-9a-f-]{36}$/i);
		assert.equal(client.callCount().total, sandbox.calls.length, 'the client counts what the server received');
	});

	it('signs in again by itself when the session has expired', async () => {
		const client = createYukiClient(settings());
		await client.administrations();
		sandbox.expireSessions();
		await client.administrations();
		assert.deepEqual(operationsCalled(), ['Authenticate', 'Administrations', 'Administrations', 'Authenticate', 'Administrations']);
	});

	it('does not resend an invoice whose answer got lost', async () => {
		sandbox.injectFault({ kind: 'reset-mid-response', operation: 'ProcessSalesInvoices' });
		const client = createYukiClient(settings());
		await assert.rejects(client.processSalesInvoices(ORGANISATION, documentOf(salesInvoiceDocument, [salesInvoice('N8N-LOST-1')])), (error: YukiError) => {
			assert.equal(error.kind, 'network');
			assert.equal(error.mayHaveReachedYuki, true);
			return true;
		});
		assert.equal(operationsCalled().filter((operation) => operation === 'ProcessSalesInvoices').length, 1);
		const [booked] = await client.checkOutstandingItem(ORGANISATION, 'N8N-LOST-1');
		assert.equal(booked.reference, 'N8N-LOST-1', 'Yuki booked it although the answer was lost');
	});

	it('reports the daily limit with the quota hint, and an XXE answer as malformed', async () => {
		sandbox.injectFault({ kind: 'quota-exhausted', operation: 'Administrations' });
		const client = createYukiClient(settings());
		await assert.rejects(client.administrations(), (error: YukiError) => {
			assert.equal(error.kind, 'fault');
			assert.equal(error.hint, QUOTA_HINT);
			return true;
		});
		sandbox.injectFault({ kind: 'xxe', operation: 'Administrations' });
		await assert.rejects(client.administrations(), (error: YukiError) => error instanceof YukiError && error.kind === 'malformed');
	});
});
