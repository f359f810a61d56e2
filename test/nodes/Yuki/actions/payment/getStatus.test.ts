import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runYukiNode } from '../../../../helpers';
import type { TestItem } from '../../../../helpers';
import type { RunningSandbox } from './sandboxSetup';
import { DEMO, callsDuring, credentialsFor, withPaymentSandbox } from './sandboxSetup';
import { emptyList, startAnswerProxy, withoutResult } from '../../payments/answerProxy';

function getStatus(
	sandbox: RunningSandbox,
	parameters: INodeParameters,
	items?: TestItem[],
	extra: { continueOnFail?: boolean; timezone?: string; staticData?: IDataObject; baseUrl?: string } = {},
) {
	const { baseUrl, ...rest } = extra;
	return runYukiNode({
		parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', simplify: false, ...parameters },
		items,
		credentials: { ...credentialsFor(sandbox), ...(baseUrl ? { customBaseUrl: baseUrl } : {}) },
		...rest,
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

		it(`calls an invoice paid once it was seen open and is gone now (${strategy})`, async () => {
			await withPaymentSandbox(async (sandbox) => {
				const before = await getStatus(sandbox, { reference: 'DEMO-2025-003', total: '99.95', options: { strategy } });
				assert.equal(before.items[0].json.status, 'open');
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const { items, staticData } = await getStatus(sandbox, { reference: 'DEMO-2025-003', total: '99.95', options: { strategy } }, undefined, {
					staticData: before.staticData,
				});
				assert.equal(items[0].json.status, 'paid');
				assert.equal(items[0].json.evidence, 'leftOpenItems');
				assert.equal(items[0].json.notInOpenItems, true);
				assert.equal(items[0].json.openAmount, 0);
				assert.equal(items[0].json.paidAmount, 99.95);
				assert.equal(items[0].json.paymentDate, null, 'Yuki gives no payment date');
				assert.match(String(items[0].json.note), /Seen open in this administration before/);
				// Asked again (the invoicing tool had not recorded it yet): still paid, from memory.
				const again = await getStatus(sandbox, { reference: 'DEMO-2025-003', options: { strategy } }, undefined, { staticData });
				assert.equal(again.items[0].json.status, 'paid');
			});
		});

		it(`never calls a reference paid for being absent (${strategy})`, async () => {
			await withPaymentSandbox(async (sandbox) => {
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const references = ['DEMO-2025-003', 'DEMO-2O25-001', 'NEVER-BOOKED-7'];
				const { items } = await getStatus(sandbox, { reference: REFERENCE_EXPRESSION, total: '99.95', options: { strategy } }, byReference(references));
				assert.deepEqual(
					items.map((item) => [item.json.reference, item.json.status, item.json.evidence, item.json.paidAmount, item.json.openAmount]),
					references.map((reference) => [reference, 'notFound', 'none', null, null]),
				);
				assert.ok(items.every((item) => /not known to be paid/.test(String(item.json.message))));
			});
		});
	}

	it('confirms absent references one by one only when asked, at one call each', async () => {
		await withPaymentSandbox(
			async (sandbox) => {
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const parameters = { reference: REFERENCE_EXPRESSION, options: { confirmAbsent: 1 } };
				const { result, operations } = await callsDuring(sandbox, () => getStatus(sandbox, parameters, byReference(['DEMO-2025-001', 'DEMO-2025-003', 'TYPO-1'])));
				// One list call, then one check: the budget of 1 is spent on the first absent reference.
				assert.deepEqual(operations, ['Authenticate', 'OutstandingDebtorItems', 'CheckOutstandingItemAdmin']);
				assert.deepEqual(result.items.map((item) => [item.json.status, item.json.evidence]), [
					['open', 'openItem'],
					['paid', 'openItem'],
					['notFound', 'none'],
				]);
			},
			{ paidItemLookup: 'zero' },
		);
	});

	it('keeps a reference that Yuki\'s check does not know as notFound', async () => {
		await withPaymentSandbox(async (sandbox) => {
			sandbox.recordPayment('DEMO-2025-003', '99.95');
			const { items } = await getStatus(sandbox, { reference: 'DEMO-2025-003' });
			assert.equal(items[0].json.status, 'notFound');
			assert.equal(items[0].json.checkedOneByOne, true);
		});
	});

	it('fails with no status at all when the open-items answer has no Result element', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const proxy = await startAnswerProxy(sandbox.url);
			try {
				const references = byReference(['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003']);
				proxy.rewrite('OutstandingDebtorItems', withoutResult('OutstandingDebtorItems'));
				const failed = await getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, references, { baseUrl: proxy.url });
				assert.match(String(failed.error?.message), /could not be read|cannot be read/);
				assert.deepEqual(failed.items, []);

				proxy.rewrite('OutstandingDebtorItems', withoutResult('OutstandingDebtorItems'));
				const { items } = await getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, references, { baseUrl: proxy.url, continueOnFail: true });
				assert.equal(items.length, 3);
				assert.ok(items.every((item) => item.json.error && item.json.status === undefined), JSON.stringify(items.map((item) => item.json)));
			} finally {
				await proxy.close();
			}
		});
	});

	it('confirms before calling most remembered open invoices paid at once, and says so', async () => {
		await withPaymentSandbox(async (sandbox) => {
			const references = byReference(['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003']);
			const seen = await getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, references);
			const proxy = await startAnswerProxy(sandbox.url);
			try {
				// An odd answer: the list is empty once, the second read shows the truth.
				proxy.rewrite('OutstandingDebtorItems', emptyList('OutstandingDebtorItems', 'OutstandingDebtorItems'));
				const odd = await callsDuring(sandbox, () =>
					getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, references, { baseUrl: proxy.url, staticData: seen.staticData, continueOnFail: true }),
				);
				// (A session of its own: the proxy is another base URL.)
				assert.deepEqual(odd.operations.filter((operation) => operation !== 'Authenticate'), ['OutstandingDebtorItems', 'OutstandingDebtorItems']);
				assert.ok(odd.result.items.every((item) => item.json.status === undefined && /disagreed/.test(String(item.json.error))));

				// Really all paid: read twice, three checked one by one, then reported with the confirmation.
				sandbox.recordPayment('DEMO-2025-001', '1210.00');
				sandbox.recordPayment('DEMO-2025-002', '305.00');
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const paid = await callsDuring(sandbox, () => getStatus(sandbox, { reference: REFERENCE_EXPRESSION }, references, { staticData: seen.staticData }));
				assert.deepEqual(paid.operations, ['OutstandingDebtorItems', 'OutstandingDebtorItems', 'CheckOutstandingItemAdmin', 'CheckOutstandingItemAdmin', 'CheckOutstandingItemAdmin']);
				assert.deepEqual(paid.result.items.map((item) => item.json.status), ['paid', 'paid', 'paid']);
				assert.ok(paid.result.items.every((item) => /confirmed before reporting/.test(String(item.json.confirmation))));
			} finally {
				await proxy.close();
			}
		});
	});

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
			// The field as an expression, and the picker's ID mode with an expression (how the editor stores it).
			for (const administrationId of ['={{ $json.administrationId }}', { __rl: true, mode: 'id', value: '={{ $json.administrationId }}' }]) {
				const { items } = await getStatus(sandbox, { reference: REFERENCE_EXPRESSION, administrationId }, [
					{ json: { invoiceNumber: 'DEMO-2025-001', administrationId: DEMO.organisation.id } },
					{ json: { invoiceNumber: 'DEMO-2025-001', administrationId: DEMO.department.id } },
				]);
				assert.deepEqual(items.map((item) => [item.json.administrationId, item.json.administration, item.json.notInOpenItems]), [
					[DEMO.organisation.id, DEMO.organisation.id, false],
					[DEMO.department.id, DEMO.department.id, true],
				]);
				assert.equal(items[1].json.status, 'notFound', 'booked in another administration: not paid');
			}
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

	it('the shipped 07:00/14:00 example passes only paid and partly paid invoices on, never notFound', async () => {
		const example = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'examples', 'payment-status-schedule.json'), 'utf8')) as {
			nodes: Array<{ name: string; parameters: { conditions?: { combinator: string; conditions: Array<{ leftValue: string; rightValue: string; operator: { operation: string } }> } } }>;
		};
		const filter = example.nodes.find((node) => node.name === 'Paid or partly paid')?.parameters.conditions;
		assert.ok(filter);
		// The Filter node's rule, evaluated as n8n does for these string comparisons on `$json.status`.
		const passes = (status: string) => {
			const results = filter.conditions.map((condition) => {
				assert.equal(condition.leftValue, '={{ $json.status }}');
				if (condition.operator.operation === 'equals') return status === condition.rightValue;
				if (condition.operator.operation === 'notEquals') return status !== condition.rightValue;
				throw new Error(`unexpected operation ${condition.operator.operation}`);
			});
			return filter.combinator === 'or' ? results.some(Boolean) : results.every(Boolean);
		};
		await withPaymentSandbox(async (sandbox) => {
			sandbox.recordPayment('DEMO-2025-003', '99.95');
			const { items } = await getStatus(sandbox, { referenceSource: 'list', references: 'DEMO-2025-001, DEMO-2025-002, DEMO-2025-003, TYPO-9' });
			const statuses = items.map((item) => String(item.json.status));
			assert.deepEqual(statuses, ['open', 'partiallyPaid', 'notFound', 'notFound']);
			assert.deepEqual(statuses.filter(passes), ['partiallyPaid']);
			assert.deepEqual(['open', 'partiallyPaid', 'paid', 'notFound'].filter(passes), ['partiallyPaid', 'paid']);
		});
	});

	it('grows linearly: date work does not grow with the number of references (counted, not timed)', async () => {
		// Every luxon call the run makes, counted by patching luxon's own prototype for the run.
		const counted = ['setZone', 'toISO', 'toISODate', 'startOf', 'diff', 'plus', 'minus'] as const;
		const prototype = DateTime.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
		const originals = counted.map((name) => prototype[name]);
		let calls = 0;
		const luxonCallsFor = async (sandbox: RunningSandbox, references: string[]) => {
			counted.forEach((name, index) => {
				prototype[name] = function (this: unknown, ...args: unknown[]) {
					calls++;
					return originals[index].apply(this, args);
				};
			});
			calls = 0;
			try {
				const { items } = await getStatus(sandbox, { referenceSource: 'list', references: references.join(',') });
				assert.equal(items.length, references.length);
				return calls;
			} finally {
				counted.forEach((name, index) => (prototype[name] = originals[index]));
			}
		};
		await withPaymentSandbox(async (sandbox) => {
			sandbox.seedOpenItems(2000);
			const references = (count: number) => Array.from({ length: count }, (_, index) => `BULK-${String(index + 1).padStart(6, '0')}`);
			await luxonCallsFor(sandbox, references(20)); // the log-in and its session bookkeeping, once
			const small = await luxonCallsFor(sandbox, references(20));
			const large = await luxonCallsFor(sandbox, references(2000));
			assert.equal(large, small, `luxon calls: ${small} for 20 references, ${large} for 2,000`);
		});
	});
});
