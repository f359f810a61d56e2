import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INodeParameters } from 'n8n-workflow';
import { runYukiNode } from '../../../../helpers';
import type { TestItem } from '../../../../helpers';
import type { RunningSandbox } from './sandboxSetup';
import { DEMO, callsDuring, credentialsFor, withPaymentSandbox } from './sandboxSetup';

function listOpenItems(sandbox: RunningSandbox, parameters: INodeParameters, items?: TestItem[], continueOnFail = false) {
	return runYukiNode({
		parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: true, simplify: false, ...parameters },
		items,
		credentials: credentialsFor(sandbox),
		continueOnFail,
		timezone: 'Europe/Amsterdam',
	});
}

describe('Payment → List Open Items', () => {
	it('returns one normalised item per open item', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { items } = await listOpenItems(sandbox, { sortOrder: 'DateAsc' });
			assert.deepEqual(items.map((item) => item.json.reference), ['DEMO-DUP-1', 'DEMO-DUP-1', 'DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003']);
			const partial = items[3].json;
			assert.equal(partial.status, 'partiallyPaid');
			assert.equal(partial.originalAmount, 605);
			assert.equal(partial.openAmount, 305);
			assert.equal(partial.paidAmount, 300);
			assert.equal(typeof partial.openAmount, 'number');
			assert.equal(partial.invoiceDate, '2025-10-15');
			assert.equal(partial.dueDate, '2025-11-14');
			assert.ok(Number(partial.daysOverdue) > 0);
			assert.equal(partial.contactCode, 'K1002');
			assert.equal(partial.typeId, 6);
			assert.equal(partial.administrationId, DEMO.organisation.id);
			assert.equal(partial.openAmountText, undefined);
			assert.ok(items.every((item) => item.json.status !== 'paid'));
		});
	});

	it('uses the date-range list, the sort order and the limit', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { result, operations } = await callsDuring(sandbox, () =>
				listOpenItems(sandbox, {
					sortOrder: 'AmountDesc',
					returnAll: false,
					limit: 1,
					filters: { startDate: '2025-10-01T00:00:00', endDate: '2025-10-31T00:00:00' },
				}),
			);
			assert.deepEqual(operations, ['Authenticate', 'OutstandingDebtorItemsByDate']);
			assert.deepEqual(result.items.map((item) => item.json.reference), ['DEMO-2025-001']);

			const byContact = await listOpenItems(sandbox, { sortOrder: 'ContactDesc', filters: { startDate: '2025-10-01T00:00:00' } });
			assert.deepEqual(byContact.items.map((item) => item.json.contact), ['Sanne de Vries', 'Jansen Installatietechniek', 'Bakkerij De Korenaar']);
		});
	});

	it('lists purchase invoices on the creditor side', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { items } = await listOpenItems(sandbox, { side: 'creditor', sortOrder: 'DateDesc' });
			assert.deepEqual(items.map((item) => [item.json.reference, item.json.typeId]), [['INK-88232', 2], ['INK-88231', 2]]);
		});
	});

	it('shares one call between items asking for the same list, and reports bad input per item', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { result, operations } = await callsDuring(sandbox, () =>
				listOpenItems(
					sandbox,
					{ sortOrder: 'DateAsc', returnAll: false, limit: 2, filters: { endDate: '={{ $json.until }}' } },
					[{ json: { until: '2025-12-31' } }, { json: { until: 'next week' } }, { json: { until: '2025-12-31' } }],
					true,
				),
			);
			assert.deepEqual(operations, ['Authenticate', 'OutstandingDebtorItemsByDate']);
			assert.deepEqual(result.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }, { item: 2 }]);
			assert.match(String(result.items[2].json.error), /Item 1: "endDate" must be a date/);
		});
	});
});
