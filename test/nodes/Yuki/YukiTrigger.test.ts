import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { pollTrigger } from '../../helpers';
import type { RunningSandbox } from './actions/payment/sandboxSetup';
import { DEMO, callsDuring, credentialsFor, withPaymentSandbox } from './actions/payment/sandboxSetup';
import { emptyList, startAnswerProxy, withoutResult } from './payments/answerProxy';

/** Yuki undoes payments on an invoice (a bank match undone, a payment reversed): it is open again. */
function reopen(sandbox: RunningSandbox, reference: string, openAmount: string): void {
	const item = sandbox.state.items.find((candidate) => candidate.reference === reference && candidate.administrationId === DEMO.organisation.id);
	if (!item) throw new Error(`no item ${reference}`);
	item.openAmount = openAmount;
}

function poll(
	sandbox: RunningSandbox,
	staticData: IDataObject | undefined,
	parameters: INodeParameters = {},
	mode: 'trigger' | 'manual' = 'trigger',
	baseUrl?: string,
) {
	return pollTrigger({
		parameters: { side: 'debtor', ...parameters },
		credentials: { ...credentialsFor(sandbox), ...(baseUrl ? { customBaseUrl: baseUrl } : {}) },
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

	it('emits each real payment once: an invoice that comes back is "reopened", never a second payment', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const first = await poll(sandbox, undefined);
			sandbox.recordPayment('DEMO-2025-001', '210.00');
			const partial = await poll(sandbox, first.staticData);
			sandbox.recordPayment('DEMO-2025-001', '1000.00');
			const full = await poll(sandbox, partial.staticData);
			// n8n restarts, then the accountant undoes the bank match of the 1,000 in Yuki.
			reopen(sandbox, 'DEMO-2025-001', '1000.00');
			const back = await poll(sandbox, JSON.parse(JSON.stringify(full.staticData)) as IDataObject);
			const quiet = await poll(sandbox, back.staticData);
			const events = [partial, full, back, quiet].flatMap((run) => run.items ?? []).map((item) => [item.json.event, item.json.amountPaid, item.json.amountUndone ?? null]);
			assert.deepEqual(events, [
				['payment', 210, null],
				['payment', 1000, null],
				['reopened', 0, 1000],
			]);
			const reopened = back.items![0].json;
			assert.equal(reopened.status, 'partiallyPaid');
			assert.equal(reopened.openAmount, 1000);
			assert.match(String(reopened.message), /^Yuki: invoice DEMO-2025-001 is open again, seen on \d{4}-\d{2}-\d{2}: EUR 1000\.00 open; EUR 1000\.00 of earlier payments undone in Yuki$/);
		});
	});

	it('writes the payment line in Dutch with the date format picked', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const options = { messageLanguage: 'nl', messageDateFormat: 'dd-MM-yyyy' };
			const first = await poll(sandbox, undefined, { options });
			sandbox.recordPayment('DEMO-2025-001', '26.40');
			const second = await poll(sandbox, first.staticData, { options });
			assert.match(String(second.items?.[0].json.message), /^Yuki: Betaling van EUR 26\.40 ontvangen, gezien op \d{2}-\d{2}-\d{4}; EUR 1183\.60 staat nog open$/);
			assert.equal(second.items?.[0].json.paymentDate, null);
		});
	});

	it('fails a poll whose answer has no Result element: no events, the state kept', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const proxy = await startAnswerProxy(sandbox.url);
			try {
				const first = await poll(sandbox, undefined, {}, 'trigger', proxy.url);
				proxy.rewrite('OutstandingDebtorItems', withoutResult('OutstandingDebtorItems'));
				await assert.rejects(poll(sandbox, first.staticData, {}, 'trigger', proxy.url), /could not be read|cannot be read/);
				sandbox.recordPayment('DEMO-2025-002', '5.00');
				const next = await poll(sandbox, first.staticData, {}, 'trigger', proxy.url);
				assert.deepEqual(next.items?.map((item) => [item.json.reference, item.json.amountPaid]), [['DEMO-2025-002', 5]]);
			} finally {
				await proxy.close();
			}
		});
	});

	it('confirms a sudden disappearance of every open item before reporting it, and says so', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const proxy = await startAnswerProxy(sandbox.url);
			try {
				const first = await poll(sandbox, undefined, {}, 'trigger', proxy.url);
				// An odd, empty answer once: the second read disagrees, so nothing is reported.
				proxy.rewrite('OutstandingDebtorItems', emptyList('OutstandingDebtorItems', 'OutstandingDebtorItems'));
				const odd = callsDuring(sandbox, () => poll(sandbox, first.staticData, {}, 'trigger', proxy.url));
				await assert.rejects(odd, /second read of the list disagreed/);
				// Every demo invoice really paid: two reads, three checks, then the events, each saying how it was confirmed.
				for (const item of sandbox.state.items) if (item.administrationId === DEMO.organisation.id && item.side === 'debtor') item.openAmount = '0.00';
				const paid = await callsDuring(sandbox, () => poll(sandbox, first.staticData, {}, 'trigger', proxy.url));
				assert.deepEqual(paid.operations, ['OutstandingDebtorItems', 'OutstandingDebtorItems', 'CheckOutstandingItemAdmin', 'CheckOutstandingItemAdmin', 'CheckOutstandingItemAdmin']);
				const events = paid.result.items ?? [];
				assert.ok(events.length >= 3);
				assert.ok(events.every((item) => item.json.status === 'paid' && /confirmed before reporting/.test(String(item.json.confirmation))));
			} finally {
				await proxy.close();
			}
		});
	});
});
