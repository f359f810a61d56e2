import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { pollTrigger } from '../../helpers';
import type { RunningSandbox } from './actions/payment/sandboxSetup';
import { DEMO, callsDuring, credentialsFor, withPaymentSandbox } from './actions/payment/sandboxSetup';

function poll(sandbox: RunningSandbox, staticData: IDataObject | undefined, parameters: INodeParameters = {}, mode: 'trigger' | 'manual' = 'trigger') {
	return pollTrigger({
		parameters: { side: 'debtor', ...parameters },
		credentials: credentialsFor(sandbox),
		staticData,
		mode,
		timezone: 'Europe/Amsterdam',
	});
}

describe('Yuki Trigger', () => {
	it('records on the first poll, then emits each partial and full payment exactly once, also after a restart', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const first = await poll(sandbox, undefined);
			assert.equal(first.items, null);
			assert.equal(first.staticDataChanged, true);

			sandbox.recordPayment('DEMO-2025-001', '210.00');
			const second = await poll(sandbox, first.staticData);
			assert.equal(second.items?.length, 1);
			const partial = second.items![0].json;
			assert.equal(partial.event, 'payment');
			assert.equal(partial.reference, 'DEMO-2025-001');
			assert.equal(partial.status, 'partiallyPaid');
			assert.equal(partial.amountPaid, 210);
			assert.equal(partial.openAmount, 1000);
			assert.equal(partial.originalAmount, 1210);
			assert.equal(partial.contact, 'Bakkerij De Korenaar');
			assert.equal(partial.administrationId, DEMO.organisation.id);
			assert.equal(partial.yukiItemId, 'a1000000-0000-4000-8000-000000000001');
			assert.match(String(partial.detectedAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);
			assert.match(String(partial.message), /^Yuki: payment of EUR 210\.00 received, seen on \d{4}-\d{2}-\d{2}; EUR 1000\.00 still open$/);

			const quiet = await poll(sandbox, second.staticData);
			assert.equal(quiet.items, null);
			assert.equal(quiet.staticDataChanged, false, 'an unchanged list is not written again');

			// n8n restarts: the next poll starts from the static data it persisted.
			sandbox.recordPayment('DEMO-2025-001', '1000.00');
			const persisted = JSON.parse(JSON.stringify(quiet.staticData)) as IDataObject;
			const afterRestart = await poll(sandbox, persisted);
			assert.equal(afterRestart.items?.length, 1);
			const full = afterRestart.items![0].json;
			assert.equal(full.status, 'paid');
			assert.equal(full.amountPaid, 1000);
			assert.equal(full.openAmount, 0);
			assert.equal(full.originalAmount, 1210);
			assert.equal(full.contact, 'Bakkerij De Korenaar');
			assert.equal(full.leftOpenItems, true);

			assert.equal((await poll(sandbox, afterRestart.staticData)).items, null);

			const everythingStored = JSON.stringify([second, afterRestart]);
			assert.ok(!everythingStored.includes(DEMO.accessKey), 'the access key never reaches output, static data or logs');
		});
	});

	it('emits the partly paid invoices on the first poll when asked', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const first = await poll(sandbox, undefined, { options: { emitOnFirstPoll: true } });
			assert.deepEqual(first.items?.map((item) => [item.json.reference, item.json.amountPaid, item.json.firstPoll]), [['DEMO-2025-002', 300, true]]);
			assert.equal((await poll(sandbox, first.staticData, { options: { emitOnFirstPoll: true } })).items, null);
		});
	});

	it('emits each overdue invoice once when asked', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const options = { emitOverdue: true, emitOnFirstPoll: true };
			const first = await poll(sandbox, undefined, { options });
			const overdue = first.items?.filter((item) => item.json.event === 'overdue') ?? [];
			// Every demo sales invoice of the organisation was due in 2025.
			assert.deepEqual(overdue.map((item) => item.json.reference).sort(), ['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003', 'DEMO-DUP-1', 'DEMO-DUP-1']);
			assert.ok(overdue.every((item) => Number(item.json.daysOverdue) > 0 && /is overdue since/.test(String(item.json.message))));
			assert.equal((await poll(sandbox, first.staticData, { options })).items, null);
		});
	});

	it('watches purchase invoices on the creditor side', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const first = await poll(sandbox, undefined, { side: 'creditor' });
			sandbox.recordPayment('INK-88231', '181.50', { side: 'creditor' });
			const second = await poll(sandbox, first.staticData, { side: 'creditor' });
			assert.deepEqual(second.items?.map((item) => [item.json.reference, item.json.status, item.json.side]), [['INK-88231', 'paid', 'creditor']]);
		});
	});

	it('costs exactly one call per poll with 5,000 open items', async () => {
		await withPaymentSandbox(async (sandbox) => {
			sandbox.seedOpenItems(5000);
			const first = await callsDuring(sandbox, () => poll(sandbox, undefined));
			assert.deepEqual(first.operations, ['Authenticate', 'OutstandingDebtorItems']);
			sandbox.recordPayment('BULK-004321', '1.21');
			const second = await callsDuring(sandbox, () => poll(sandbox, first.result.staticData));
			assert.deepEqual(second.operations, ['OutstandingDebtorItems']);
			assert.deepEqual(second.result.items?.map((item) => [item.json.reference, item.json.amountPaid]), [['BULK-004321', 1.21]]);
			const bytes = JSON.stringify(second.result.staticData).length;
			assert.ok(bytes < 5000 * 100, `static data is ${bytes} bytes`);
		});
	});

	it('fetches a real sample in the editor without touching the snapshot', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const sample = await poll(sandbox, undefined, {}, 'manual');
			assert.ok(sample.items && sample.items.length > 0);
			assert.ok(sample.items.every((item) => item.json.sample === true && item.json.event === 'payment'));
			assert.equal(sample.items[0].json.reference, 'DEMO-2025-002');
			assert.equal(sample.staticDataChanged, false);
		});
	});
});
