/**
 * The payment promise under the failures accountants meet: "paid" is said only of a paid invoice,
 * and each payment is reported once. Every scenario runs through n8n's engine (Get Status) or
 * n8n's poll context (Yuki Trigger) against the sandbox, some behind a proxy that spoils Yuki's
 * answer on the wire, and compares what the node said with the sandbox's ledger (the truth).
 *
 * Figures (in the suite's `figures`):
 * - false "paid": a Get Status answer or trigger event saying "paid" of an invoice the ledger
 *   does not show as fully paid (in that administration and side) at that moment;
 * - payments reported twice: trigger payment events beyond what the ledger shows as paid since
 *   the trigger started watching (payments minus amounts undone, per invoice).
 */
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { DEMO } from '../../../sandbox/server';
import type { RunningSandbox } from '../../../sandbox/server';
import { pollTrigger, runYukiNode, sandboxCredentials } from '../../helpers';
import type { TestItem } from '../../helpers';
import { emptyList, startAnswerProxy, withoutResult } from '../../nodes/Yuki/payments/answerProxy';
import type { AnswerProxy } from '../../nodes/Yuki/payments/answerProxy';
import { capture } from '../capture';
import { closeSandbox, harvestSessions, openSandbox } from '../env';
import { figures } from '../figures';
import { scenario } from '../scenario';

const LIST = 'OutstandingDebtorItems';

function itemsOf(sandbox: RunningSandbox, reference: string, administrationId: string = DEMO.organisation.id) {
	return sandbox.state.items.filter((item) => item.reference === reference && item.administrationId === administrationId && item.side === 'debtor');
}

/** Whether the ledger shows the reference fully paid in that administration (it exists and nothing is open). */
function trulyPaid(sandbox: RunningSandbox, reference: string, administrationId: string): boolean {
	const items = itemsOf(sandbox, reference, administrationId);
	return items.length > 0 && items.every((item) => Number(item.openAmount) === 0);
}

/** Counts every "paid" of Get Status that the ledger does not back. */
function auditStatuses(sandbox: RunningSandbox, items: INodeExecutionData[]): number {
	let falsePaid = 0;
	for (const { json } of items) {
		if (json.error !== undefined) continue;
		figures.trustChecks++;
		if (json.status === 'paid' && !trulyPaid(sandbox, String(json.reference), String(json.administrationId))) falsePaid++;
	}
	figures.falsePaid += falsePaid;
	return falsePaid;
}

async function getStatus(
	label: string,
	sandbox: RunningSandbox,
	parameters: INodeParameters,
	items: TestItem[],
	extra: { staticData?: IDataObject; baseUrl?: string } = {},
) {
	const run = await runYukiNode({
		parameters: { resource: 'payment', operation: 'getStatus', side: 'debtor', reference: '={{ $json.reference }}', simplify: false, ...parameters },
		items,
		credentials: sandboxCredentials(sandbox, extra.baseUrl ? { customBaseUrl: extra.baseUrl } : {}),
		staticData: extra.staticData,
		continueOnFail: true,
	});
	harvestSessions(sandbox);
	capture(`${label}: output`, run.items);
	if (run.error) capture(`${label}: error`, run.error);
	for (const line of run.logs) capture(`${label}: log`, line);
	return run;
}

const references = (...values: string[]): TestItem[] => values.map((reference) => ({ json: { reference } }));

/**
 * The trigger's events across polls, audited: per invoice, payments minus amounts undone may
 * never exceed what the ledger shows paid since the first poll; "paid" only of a paid invoice.
 */
class TriggerWatch {
	private staticData: IDataObject | undefined;
	private readonly paidAtStart = new Map<string, number>();
	private readonly reported = new Map<string, number>();
	readonly events: IDataObject[] = [];

	constructor(
		private readonly sandbox: RunningSandbox,
		private readonly label: string,
	) {}

	async poll(options: { baseUrl?: string; restart?: boolean; parameters?: INodeParameters } = {}): Promise<IDataObject[]> {
		if (!this.staticData) {
			for (const item of this.sandbox.state.items) this.paidAtStart.set(item.id, Number(item.originalAmount) - Number(item.openAmount));
		}
		const run = await pollTrigger({
			parameters: { side: 'debtor', ...options.parameters },
			credentials: sandboxCredentials(this.sandbox, options.baseUrl ? { customBaseUrl: options.baseUrl } : {}),
			// A restart: n8n reads the static data back from its database (JSON).
			staticData: options.restart && this.staticData ? (JSON.parse(JSON.stringify(this.staticData)) as IDataObject) : this.staticData,
			mode: 'trigger',
			timezone: 'Europe/Amsterdam',
		});
		harvestSessions(this.sandbox);
		this.staticData = run.staticData;
		const events = (run.items ?? []).map((item) => item.json);
		capture(`${this.label}: events`, events);
		for (const event of events) this.audit(event);
		this.events.push(...events);
		return events;
	}

	private audit(event: IDataObject): void {
		figures.trustChecks++;
		const id = String(event.yukiItemId);
		const item = this.sandbox.state.items.find((candidate) => candidate.id === id);
		if (event.status === 'paid' && (!item || Number(item.openAmount) !== 0)) figures.falsePaid++;
		const delta = event.event === 'payment' ? Number(event.amountPaid) : event.event === 'reopened' ? -Number(event.amountUndone) : 0;
		const reported = Math.round(((this.reported.get(id) ?? 0) + delta) * 100) / 100;
		this.reported.set(id, reported);
		const paidSinceStart = item ? Math.round((Number(item.originalAmount) - Number(item.openAmount) - (this.paidAtStart.get(id) ?? 0)) * 100) / 100 : 0;
		if (event.event === 'payment' && reported > paidSinceStart) figures.paymentsReportedTwice++;
	}
}

/** Yuki undoes payments on an invoice (a bank match undone, a payment reversed). */
function setOpen(sandbox: RunningSandbox, reference: string, openAmount: string): void {
	for (const item of itemsOf(sandbox, reference)) item.openAmount = openAmount;
}

/** A payment scenario for failure `failure` of issue 9, with a fresh sandbox and a proxy in front of it. */
function paymentScenario(failure: number, name: string, body: (sandbox: RunningSandbox, proxy: AnswerProxy) => Promise<void>): void {
	scenario(failure, name, async () => {
		const sandbox = await openSandbox();
		const proxy = await startAnswerProxy(sandbox.url);
		try {
			await body(sandbox, proxy);
		} finally {
			await proxy.close();
			await closeSandbox(sandbox);
		}
	});
}

export function describeScenarios(): void {
	describe('payments: "paid" only of a paid invoice, each payment once', () => {
		for (const strategy of ['listOnce', 'perReference']) {
			paymentScenario(1, `Get Status (${strategy}): a mistyped, a never-booked and another administration's invoice are not paid`, async (sandbox) => {
				sandbox.recordPayment('DEMO-2025-003', '99.95');
				const run = await getStatus('absent references', sandbox, { options: { strategy }, administrationId: '={{ $json.administrationId }}' }, [
					{ json: { reference: 'DEMO-2O25-001', administrationId: DEMO.organisation.id } },
					{ json: { reference: 'REJECTED-BY-YUKI-1', administrationId: DEMO.organisation.id } },
					{ json: { reference: 'DEMO-2025-001', administrationId: DEMO.department.id } },
					{ json: { reference: 'DEMO-2025-003', administrationId: DEMO.organisation.id } },
				]);
				assert.deepEqual(
					run.items.map((item) => item.json.status),
					['notFound', 'notFound', 'notFound', 'notFound'],
				);
				assert.equal(auditStatuses(sandbox, run.items), 0);
			});
		}

		paymentScenario(1, 'Get Status: paid after it was seen open, also when asked again', async (sandbox) => {
			const seen = await getStatus('seen open', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-003'));
			sandbox.recordPayment('DEMO-2025-003', '99.95');
			const paid = await getStatus('gone', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-003'), { staticData: seen.staticData });
			assert.deepEqual(paid.items.map((item) => item.json.status), ['open', 'paid']);
			const again = await getStatus('asked again', sandbox, {}, references('DEMO-2025-003'), { staticData: paid.staticData });
			assert.equal(again.items[0].json.status, 'paid');
			assert.equal(auditStatuses(sandbox, [...paid.items, ...again.items]), 0);
		});

		paymentScenario(3, 'Get Status: an open-items answer without its Result element', async (sandbox, proxy) => {
			const seen = await getStatus('seen', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-002'), { baseUrl: proxy.url });
			proxy.rewrite(LIST, withoutResult(LIST));
			const run = await getStatus('no Result', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-002'), { baseUrl: proxy.url, staticData: seen.staticData });
			assert.ok(run.items.every((item) => item.json.error !== undefined));
			assert.equal(auditStatuses(sandbox, run.items), 0);
		});

		paymentScenario(3, 'Get Status: an empty list once, where a second read disagrees', async (sandbox, proxy) => {
			const seen = await getStatus('seen', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003'), { baseUrl: proxy.url });
			proxy.rewrite(LIST, emptyList(LIST, LIST));
			const run = await getStatus('empty once', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003'), {
				baseUrl: proxy.url,
				staticData: seen.staticData,
			});
			assert.ok(run.items.every((item) => item.json.error !== undefined));
			assert.equal(auditStatuses(sandbox, run.items), 0);
		});

		paymentScenario(3, 'Get Status: the list empty on both reads while Yuki\'s check still shows an invoice open', async (sandbox, proxy) => {
			const seen = await getStatus('seen', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003'), { baseUrl: proxy.url });
			proxy.rewrite(LIST, emptyList(LIST, LIST), 2);
			const run = await getStatus('empty twice', sandbox, {}, references('DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003'), {
				baseUrl: proxy.url,
				staticData: seen.staticData,
			});
			assert.ok(run.items.every((item) => /still shows it open/.test(String(item.json.error))));
			assert.equal(auditStatuses(sandbox, run.items), 0);
		});

		paymentScenario(2, 'Trigger: a bank match undone after the invoice left the list, then matched again', async (sandbox) => {
			const watch = new TriggerWatch(sandbox, 'match undone');
			await watch.poll();
			sandbox.recordPayment('DEMO-2025-001', '210.00');
			await watch.poll();
			sandbox.recordPayment('DEMO-2025-001', '1000.00');
			await watch.poll();
			setOpen(sandbox, 'DEMO-2025-001', '1000.00');
			await watch.poll();
			await watch.poll();
			setOpen(sandbox, 'DEMO-2025-001', '0.00');
			await watch.poll();
			assert.deepEqual(
				watch.events.map((event) => [event.event, event.amountPaid, event.amountUndone ?? null]),
				[
					['payment', 210, null],
					['payment', 1000, null],
					['reopened', 0, 1000],
					['payment', 1000, null],
				],
			);
		});

		paymentScenario(2, 'Trigger: a partial payment reversed while the invoice stays open', async (sandbox) => {
			const watch = new TriggerWatch(sandbox, 'partial reversed');
			await watch.poll();
			sandbox.recordPayment('DEMO-2025-003', '50.00');
			await watch.poll();
			setOpen(sandbox, 'DEMO-2025-003', '99.95');
			await watch.poll();
			await watch.poll();
			assert.deepEqual(watch.events.map((event) => [event.event, event.status]), [
				['payment', 'partiallyPaid'],
				['reopened', 'open'],
			]);
		});

		paymentScenario(2, 'Trigger: n8n restarts between every poll', async (sandbox) => {
			const watch = new TriggerWatch(sandbox, 'restarts');
			await watch.poll();
			for (const [reference, amount] of [
				['DEMO-2025-001', '10.00'],
				['DEMO-2025-001', '1200.00'],
				['DEMO-2025-002', '305.00'],
			]) {
				sandbox.recordPayment(reference, amount);
				await watch.poll({ restart: true });
				await watch.poll({ restart: true });
			}
			assert.deepEqual(watch.events.map((event) => [event.reference, event.amountPaid]), [
				['DEMO-2025-001', 10],
				['DEMO-2025-001', 1200],
				['DEMO-2025-002', 305],
			]);
		});

		paymentScenario(3, 'Trigger: an open-items answer without its Result element', async (sandbox, proxy) => {
			const watch = new TriggerWatch(sandbox, 'no Result');
			await watch.poll({ baseUrl: proxy.url });
			proxy.rewrite(LIST, withoutResult(LIST));
			await assert.rejects(watch.poll({ baseUrl: proxy.url }), /could not be read|cannot be read/);
			assert.equal((await watch.poll({ baseUrl: proxy.url })).length, 0);
		});

		paymentScenario(3, 'Trigger: an empty list once, where a second read disagrees', async (sandbox, proxy) => {
			const watch = new TriggerWatch(sandbox, 'empty once');
			await watch.poll({ baseUrl: proxy.url });
			proxy.rewrite(LIST, emptyList(LIST, LIST));
			await assert.rejects(watch.poll({ baseUrl: proxy.url }), /disagreed/);
			assert.equal((await watch.poll({ baseUrl: proxy.url })).length, 0);
		});

		paymentScenario(3, 'Trigger: the list empty on both reads while Yuki\'s check still shows an invoice open', async (sandbox, proxy) => {
			const watch = new TriggerWatch(sandbox, 'empty twice');
			await watch.poll({ baseUrl: proxy.url });
			proxy.rewrite(LIST, emptyList(LIST, LIST), 2);
			await assert.rejects(watch.poll({ baseUrl: proxy.url }), /still shows it open/);
			assert.equal(watch.events.length, 0);
		});
	});
}
