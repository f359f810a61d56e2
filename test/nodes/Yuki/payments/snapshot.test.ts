import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { clockAt } from '../../../../nodes/Yuki/payments/dates';
import { paymentEvent } from '../../../../nodes/Yuki/payments/events';
import type { Snapshot } from '../../../../nodes/Yuki/payments/snapshot';
import { detectChanges, readSnapshot, storeSnapshot, storedChanged } from '../../../../nodes/Yuki/payments/snapshot';
import type { OutstandingItem } from '../../../../nodes/Yuki/transport/types';
import { openItem } from './fixtures';

const zone = 'Europe/Amsterdam';
const at = (iso: string) => DateTime.fromISO(iso, { zone });
const options = { emitOverdue: false, emitOnFirstPoll: false };

/** A poll as the trigger does it, with the snapshot passing through JSON like n8n's static data. */
function poll(previous: Snapshot | undefined, items: OutstandingItem[], now: string, extra: Partial<typeof options> = {}) {
	const clock = clockAt(at(now));
	const { changes, next } = detectChanges(previous, items, { ...options, ...extra, clock });
	const events = changes.map((change) => paymentEvent(change, { administrationId: 'adm', side: 'debtor', clock, previousStateRecordedAt: previous?.takenAt }));
	// Through static data as n8n keeps it: stored, written as JSON, read back.
	const snapshot = readSnapshot(JSON.parse(JSON.stringify(storeSnapshot(next))));
	assert.ok(snapshot);
	return { events, snapshot };
}

describe('payment detection between polls', () => {
	it('records only on the first poll, then reports a partial and a full payment exactly once', () => {
		const first = poll(undefined, [openItem('a', 'F1', '121.00'), openItem('b', 'F2', '50.00')], '2024-08-06T07:00');
		assert.deepEqual(first.events, []);

		const second = poll(first.snapshot, [openItem('a', 'F1', '121.00', '94.60'), openItem('b', 'F2', '50.00')], '2024-08-06T14:00');
		assert.equal(second.events.length, 1);
		assert.equal(second.events[0].reference, 'F1');
		assert.equal(second.events[0].amountPaid, 26.4);
		assert.equal(second.events[0].openAmount, 94.6);
		assert.equal(second.events[0].status, 'partiallyPaid');
		assert.equal(second.events[0].detectedAt, '2024-08-06T14:00:00.000+02:00');
		assert.equal(second.events[0].previousStateRecordedAt, '2024-08-06T07:00:00.000+02:00');
		assert.match(String(second.events[0].message), /^Yuki: payment of EUR 26\.40 received, seen on 2024-08-06/);

		const unchanged = poll(second.snapshot, [openItem('a', 'F1', '121.00', '94.60'), openItem('b', 'F2', '50.00')], '2024-08-07T07:00');
		assert.deepEqual(unchanged.events, []);

		const paidOff = poll(unchanged.snapshot, [openItem('b', 'F2', '50.00')], '2024-08-07T14:00');
		assert.equal(paidOff.events.length, 1);
		assert.equal(paidOff.events[0].reference, 'F1');
		assert.equal(paidOff.events[0].status, 'paid');
		assert.equal(paidOff.events[0].amountPaid, 94.6);
		assert.equal(paidOff.events[0].openAmount, 0);
		assert.equal(paidOff.events[0].originalAmount, 121);
		assert.equal(paidOff.events[0].contact, 'Contact of F1');
		assert.equal(paidOff.events[0].leftOpenItems, true);

		assert.deepEqual(poll(paidOff.snapshot, [openItem('b', 'F2', '50.00')], '2024-08-08T07:00').events, []);
	});

	it('reports an invoice booked and partly paid between two polls', () => {
		const first = poll(undefined, [], '2024-08-06T07:00');
		const second = poll(first.snapshot, [openItem('n', 'F3', '100.00', '60.00')], '2024-08-06T14:00');
		assert.equal(second.events.length, 1);
		assert.equal(second.events[0].amountPaid, 40);
		assert.equal(second.events[0].previousOpenAmount, null);
	});

	it('reports a higher open amount as reopened, never as a payment', () => {
		const first = poll(undefined, [openItem('a', 'F1', '100.00', '50.00')], '2024-08-06T07:00');
		const reversed = poll(first.snapshot, [openItem('a', 'F1', '100.00', '100.00')], '2024-08-06T14:00');
		assert.deepEqual(reversed.events.map((event) => [event.event, event.amountPaid, event.amountUndone, event.status]), [['reopened', 0, 50, 'open']]);
		assert.equal(reversed.events[0].message, 'Yuki: invoice F1 is open again, seen on 2024-08-06: EUR 100.00 open; EUR 50.00 of earlier payments undone in Yuki');
	});

	it('does not take a corrected invoice total for a payment or a reversal', () => {
		const first = poll(undefined, [openItem('a', 'F1', '100.00')], '2024-08-06T07:00');
		assert.deepEqual(poll(first.snapshot, [openItem('a', 'F1', '120.00')], '2024-08-06T14:00').events, []);
	});

	it('emits each real payment once when an invoice leaves the list and comes back', () => {
		const polls: Array<[string, OutstandingItem[]]> = [
			['2024-08-06T07:00', [openItem('a', 'F1', '1210.00')]],
			['2024-08-06T14:00', [openItem('a', 'F1', '1210.00', '1000.00')]], // 210 paid
			['2024-08-07T07:00', []], // 1000 paid: gone
			['2024-08-07T14:00', [openItem('a', 'F1', '1210.00', '1000.00')]], // bank match of the 1000 undone
			['2024-08-08T07:00', [openItem('a', 'F1', '1210.00', '1000.00')]],
			['2024-08-08T14:00', []], // matched again
		];
		let snapshot: Snapshot | undefined;
		const events: Array<[unknown, unknown, unknown]> = [];
		for (const [now, items] of polls) {
			const result = poll(snapshot, items, now);
			snapshot = result.snapshot;
			events.push(...result.events.map((event): [unknown, unknown, unknown] => [event.event, event.amountPaid, event.amountUndone]));
		}
		assert.deepEqual(events, [
			['payment', 210, undefined],
			['payment', 1000, undefined],
			['reopened', 0, 1000],
			['payment', 1000, undefined],
		]);
	});

	it('remembers an invoice that left the list across restarts (the snapshot through stored JSON)', () => {
		const first = poll(undefined, [openItem('a', 'F1', '100.00', '60.00')], '2024-08-06T07:00');
		const gone = poll(first.snapshot, [], '2024-08-06T14:00');
		const back = poll(gone.snapshot, [openItem('a', 'F1', '100.00', '60.00')], '2024-08-07T07:00');
		assert.deepEqual(back.events.map((event) => [event.event, event.amountUndone]), [['reopened', 60]]);
	});

	it('reads a version 1 snapshot of an earlier release', () => {
		const v1 = readSnapshot({ v: 1, takenAt: '2024-08-06T07:00:00.000+02:00', contacts: [''], items: { a: ['100.00', '100.00', 'F1', '2024-08-31', 0, 0] } });
		const next = poll(v1, [openItem('a', 'F1', '100.00', '40.00')], '2024-08-06T14:00');
		assert.deepEqual(next.events.map((event) => [event.event, event.amountPaid]), [['payment', 60]]);
	});

	it('on request reports partly paid items on the first poll', () => {
		const first = poll(undefined, [openItem('a', 'F1', '100.00', '50.00'), openItem('b', 'F2', '10.00')], '2024-08-06T07:00', { emitOnFirstPoll: true });
		assert.equal(first.events.length, 1);
		assert.equal(first.events[0].firstPoll, true);
		assert.equal(first.events[0].amountPaid, 50);
	});

	it('reports an invoice that became overdue once, in the workflow time zone', () => {
		const item = openItem('a', 'F1', '100.00', '100.00', { dueDate: '2024-08-06' });
		const first = poll(undefined, [item], '2024-08-06T23:30', { emitOverdue: true });
		assert.deepEqual(first.events, []);
		// 23:30 UTC on the 6th is already the 7th in Amsterdam.
		const second = poll(first.snapshot, [item], DateTime.fromISO('2024-08-06T23:30:00Z').toISO()!, { emitOverdue: true });
		assert.equal(second.events.length, 1);
		assert.equal(second.events[0].event, 'overdue');
		assert.equal(second.events[0].daysOverdue, 1);
		assert.match(String(second.events[0].message), /invoice F1 is overdue since 2024-08-06 \(1 day\)/);
		assert.deepEqual(poll(second.snapshot, [item], '2024-08-08T07:00', { emitOverdue: true }).events, []);
	});

	it('does not report debts that were already overdue when the option was off', () => {
		const item = openItem('a', 'F1', '100.00', '100.00', { dueDate: '2024-08-01' });
		const first = poll(undefined, [item], '2024-08-06T07:00');
		const second = poll(first.snapshot, [item], '2024-08-06T14:00');
		assert.deepEqual(poll(second.snapshot, [item], '2024-08-07T07:00', { emitOverdue: true }).events, []);
	});

	it('keeps the snapshot of 10,000 open items compact', () => {
		const contacts = Array.from({ length: 400 }, (_, index) => `Customer ${index} B.V.`);
		const items = Array.from({ length: 10_000 }, (_, index) =>
			openItem(`5d5a3213-34ed-4c96-bf2f-${String(index).padStart(12, '0')}`, `2024-${String(index).padStart(5, '0')}`, '1234.56', '1234.56', {
				contact: contacts[index % contacts.length],
			}),
		);
		const { snapshot } = poll(undefined, items, '2024-08-06T07:00');
		const stored = storeSnapshot(snapshot);
		const bytes = Buffer.byteLength(JSON.stringify(stored));
		assert.ok(bytes < 10_000 * 100, `snapshot is ${bytes} bytes`);
		assert.equal(snapshot.items.size, 10_000);
		// Kept as text: n8n's static data proxies wrap objects, not strings.
		assert.equal(typeof stored.items, 'string');
		// An unchanged list is not written again.
		const again = poll(snapshot, items, '2024-08-06T14:00');
		assert.equal(storedChanged(stored, storeSnapshot(again.snapshot)), false);
	});
});

describe('an unchanged poll', () => {
	const clock = clockAt(at('2024-08-06T14:00'));
	const list = () => [openItem('a', 'F1', '121.00'), openItem('b', 'F2', '50.00')];
	const recorded = poll(undefined, list(), '2024-08-06T07:00').snapshot;
	const compare = (items: OutstandingItem[]) => detectChanges(recorded, items, { ...options, clock });

	it('says its snapshot is the previous one, so the trigger need not store 100,000 lines again', () => {
		const again = compare(list());
		assert.equal(again.unchanged, true);
		assert.deepEqual(again.changes, []);
		assert.equal(storedChanged(storeSnapshot(recorded), storeSnapshot(again.next)), false);
	});

	it('is not unchanged after a payment, a new invoice, or an invoice that left the list', () => {
		assert.equal(compare([openItem('a', 'F1', '121.00', '94.60'), openItem('b', 'F2', '50.00')]).unchanged, false);
		assert.equal(compare([...list(), openItem('c', 'F3', '10.00')]).unchanged, false);
		const left = compare([openItem('a', 'F1', '121.00')]);
		assert.equal(left.unchanged, false);
		assert.equal(left.changes.length, 1);
		assert.equal(left.changes[0].leftOpenItems, true);
	});
});

describe('payment detection, any sequence of changes in Yuki', () => {
	it('reports each payment once: per invoice, payments minus amounts undone equal what Yuki shows paid since the first poll', () => {
		// Each step sets an invoice's open amount (in cents, 0 = it leaves the list) or restarts n8n.
		const step = fc.oneof(
			fc.record({ invoice: fc.integer({ min: 0, max: 2 }), openCents: fc.integer({ min: 0, max: 10_000 }) }),
			fc.constant('restart' as const),
		);
		fc.assert(
			fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
				const originals = [10_000, 5_000, 7_500];
				const open = [...originals];
				const visible = () =>
					open.flatMap((cents, index) => (cents === 0 ? [] : [openItem(`i${index}`, `F${index}`, (originals[index] / 100).toFixed(2), (cents / 100).toFixed(2))]));
				let { snapshot } = poll(undefined, visible(), '2024-08-06T07:00');
				const reported = [0, 0, 0];
				let day = 6;
				for (const change of steps) {
					if (change !== 'restart') open[change.invoice] = Math.min(change.openCents, originals[change.invoice]);
					const now = `2024-08-${String(Math.min(28, ++day)).padStart(2, '0')}T07:00`;
					const result = poll(snapshot, visible(), now);
					snapshot = result.snapshot;
					for (const event of result.events) {
						const index = Number(String(event.yukiItemId).slice(1));
						if (event.event === 'payment') reported[index] += Math.round(Number(event.amountPaid) * 100);
						if (event.event === 'reopened') reported[index] -= Math.round(Number(event.amountUndone) * 100);
						if (event.status === 'paid') assert.equal(open[index], 0, 'paid only when nothing is open');
					}
				}
				assert.deepEqual(reported, originals.map((original, index) => original - open[index]));
			}),
			{ numRuns: 200, seed: 9 },
		);
	});
});
