import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runYukiNode } from '../../../../helpers';
import type { TestItem } from '../../../../helpers';
import type { RunningSandbox } from './sandboxSetup';
import { DEMO, callsDuring, credentialsFor, withPaymentSandbox } from './sandboxSetup';

function getStatus(sandbox: RunningSandbox, parameters: INodeParameters, items?: TestItem[], extra: { continueOnFail?: boolean; timezone?: string } = {}) {
	return runYukiNode({
		parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', simplify: false, ...parameters },
		items,
		credentials: credentialsFor(sandbox),
		...extra,
	});
}

const byReference = (references: string[]): TestItem[] => references.map((invoiceNumber) => ({ json: { invoiceNumber } }));
const REFERENCE_EXPRESSION = '={{ $json.invoiceNumber }}';

describe('Payment → Get Status', () => {
	it('checks one reference with one small call (plus the log-in on a cold session), then one call', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const cold = await callsDuring(sandbox, () => getStatus(sandbox, { reference: 'DEMO-2025-002' }));
			assert.deepEqual(cold.operations, ['Authenticate', 'CheckOutstandingItemAdmin']);
			const [item] = cold.result.items;
			assert.equal(item.json.status, 'partiallyPaid');
			assert.equal(item.json.originalAmount, 605);
			assert.equal(item.json.openAmount, 305);
			assert.equal(item.json.paidAmount, 300);
			assert.match(String(item.json.message), /^Yuki: payment of EUR 300\.00 received, seen on \d{4}-\d{2}-\d{2}; EUR 305\.00 still open$/);
			assert.deepEqual(item.pairedItem, { item: 0 });

			const warm = await callsDuring(sandbox, () => getStatus(sandbox, { reference: 'DEMO-2025-002' }));
			assert.deepEqual(warm.operations, ['CheckOutstandingItemAdmin']);
		});
	});

	it('reads the open item list once for three references', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { result, operations } = await callsDuring(sandbox, () =>
				getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, byReference(['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003'])),
			);
			assert.deepEqual(operations, ['Authenticate', 'OutstandingDebtorItems']);
			assert.deepEqual(result.items.map((item) => item.json.status), ['open', 'partiallyPaid', 'open']);
			assert.deepEqual(result.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		});
	});

	it('answers 1,000 references with one list call among 5,000 open items', async () => {
		await withPaymentSandbox(async (sandbox) => {
			sandbox.seedOpenItems(5000);
			const references = Array.from({ length: 1000 }, (_, index) => `BULK-${String(index * 5 + 1).padStart(6, '0')}`);
			sandbox.recordPayment(references[10], '1.00');
			const { result, operations } = await callsDuring(sandbox, () => getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, byReference(references)));
			assert.deepEqual(operations, ['Authenticate', 'OutstandingDebtorItems']);
			assert.equal(result.items.length, 1000);
			assert.ok(result.items.every((item, index) => item.json.reference === references[index] && item.json.notInOpenItems === false));
			assert.equal(result.items[10].json.status, 'partiallyPaid');
			assert.equal(result.items[10].json.paidAmount, 1);
		});
	});

	it('checks each reference when told to', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { operations } = await callsDuring(sandbox, () =>
				getStatus(sandbox, { reference: REFERENCE_EXPRESSION, options: { strategy: 'perReference' } }, byReference(['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-001'])),
			);
			// A reference asked twice is checked once.
			assert.deepEqual(operations, ['Authenticate', 'CheckOutstandingItemAdmin', 'CheckOutstandingItemAdmin']);
		});
	});

	it('takes a list of references from one item, one output item per reference', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { result, operations } = await callsDuring(sandbox, () =>
				getStatus(sandbox, { referenceSource: 'list', references: '={{ $json.numbers }}' }, [{ json: { numbers: ['DEMO-2025-001', 'DEMO-2025-003'] } }]),
			);
			assert.deepEqual(operations, ['Authenticate', 'OutstandingDebtorItems']);
			assert.deepEqual(result.items.map((item) => item.json.reference), ['DEMO-2025-001', 'DEMO-2025-003']);
			assert.deepEqual(result.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 0 }]);

			const typed = await getStatus(sandbox, { referenceSource: 'list', references: 'DEMO-2025-001,\nDEMO-2025-002' });
			assert.deepEqual(typed.items.map((item) => item.json.status), ['open', 'partiallyPaid']);
		});
	});

	for (const strategy of ['listOnce', 'perReference']) {
		it(`returns every item of a reference Yuki holds twice (${strategy})`, async () => {
			await withPaymentSandbox(async (sandbox) => {
				const { items } = await getStatus(sandbox, { reference: DEMO.duplicateReference, options: { strategy } });
				assert.equal(items.length, 1);
				assert.equal(items[0].json.multipleMatches, true);
				assert.equal(items[0].json.originalAmount, 290.4);
				assert.equal(items[0].json.openAmount, 290.4);
				assert.equal((items[0].json.matches as IDataObject[]).length, 2);
			});
		});

		it(`reports an invoice paid in full as paid, not in the open items (${strategy})`, async () => {
			await withPaymentSandbox(async (sandbox) => {
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const { items } = await getStatus(sandbox, { reference: 'DEMO-2025-003', total: '99.95', options: { strategy } });
				assert.equal(items[0].json.status, 'paid');
				assert.equal(items[0].json.notInOpenItems, true);
				assert.equal(items[0].json.openAmount, 0);
				assert.equal(items[0].json.paidAmount, 99.95);
				assert.match(String(items[0].json.note), /paid invoice, a credited invoice and an invoice that was never booked look the same/);
			});
		});
	}

	it('reads a check answer with OpenAmount 0 as paid', async () => {
		await withPaymentSandbox(
			async (sandbox) => {
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const { items } = await getStatus(sandbox, { reference: 'DEMO-2025-003' });
				assert.equal(items[0].json.status, 'paid');
				assert.equal(items[0].json.paidAmount, 99.95);
				assert.equal(items[0].json.openAmount, 0);
				assert.match(String(items[0].json.message), /^Yuki: payment of EUR 99\.95 received/);
			},
			{ paidItemLookup: 'zero' },
		);
	});

	it('counts days overdue in the workflow time zone', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { items } = await getStatus(sandbox, { reference: 'DEMO-2025-001' }, undefined, { timezone: 'Europe/Amsterdam' });
			const today = DateTime.now().setZone('Europe/Amsterdam').startOf('day');
			const expected = Math.max(0, Math.round(today.diff(DateTime.fromISO('2025-10-31', { zone: 'Europe/Amsterdam' }), 'days').days));
			assert.equal(items[0].json.dueDate, '2025-10-31');
			assert.equal(items[0].json.daysOverdue, expected);
			assert.ok(String(items[0].json.checkedAt).endsWith(today.toFormat('ZZ')), String(items[0].json.checkedAt));
		});
	});

	it('looks up each item in its own administration (departments)', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const { items } = await getStatus(sandbox, { reference: REFERENCE_EXPRESSION, administrationId: '={{ $json.administrationId }}' }, [
				{ json: { invoiceNumber: 'DEMO-2025-001', administrationId: DEMO.organisation.id } },
				{ json: { invoiceNumber: 'DEMO-2025-001', administrationId: DEMO.department.id } },
			]);
			assert.deepEqual(items.map((item) => [item.json.administrationId, item.json.notInOpenItems]), [
				[DEMO.organisation.id, false],
				[DEMO.department.id, true],
			]);
		});
	});

	it('names the item and the field of bad input, and spends no call on it', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const items: TestItem[] = [
				{ json: { invoiceNumber: 'DEMO-2025-001', total: '1210.00' } },
				{ json: { invoiceNumber: 'DEMO-2025-002', total: 'twelve' } },
				{ json: { invoiceNumber: '' } },
			];
			const parameters = { reference: REFERENCE_EXPRESSION, total: '={{ $json.total }}' };
			const failed = await callsDuring(sandbox, () => getStatus(sandbox, parameters, items));
			assert.match(String(failed.result.error?.message), /Item 1: "total" is not a number/);
			assert.deepEqual(failed.operations, []);

			const { items: output } = await getStatus(sandbox, parameters, items, { continueOnFail: true });
			assert.equal(output.length, 3);
			assert.equal(output[0].json.status, 'open');
			assert.equal(output[0].json.totalMatchesYuki, true);
			assert.match(String(output[1].json.error), /Item 1: "total" is not a number \(got "twelve"\)/);
			assert.match(String(output[2].json.error), /Item 2: "reference" is empty/);
			assert.deepEqual(output.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		});
	});

	it('compares references without case when asked', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const strict = await getStatus(sandbox, { reference: ' demo-2025-002 ' });
			assert.equal(strict.items[0].json.notInOpenItems, true);
			const relaxed = await getStatus(sandbox, { reference: ' demo-2025-002 ', options: { caseInsensitive: true } });
			assert.equal(relaxed.items[0].json.status, 'partiallyPaid');
		});
	});
});
