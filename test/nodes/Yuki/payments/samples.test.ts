import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { clockAt } from '../../../../nodes/Yuki/payments/dates';
import { sampleEvents } from '../../../../nodes/Yuki/payments/samples';
import { openItem } from './fixtures';

const context = { administrationId: 'adm', side: 'debtor' as const, clock: clockAt(DateTime.fromISO('2024-08-06T14:00', { zone: 'Europe/Amsterdam' })) };

describe('Fetch Test Event samples', () => {
	it('shows what the next poll would emit when there is something', () => {
		const pending = [{ event: 'payment', reference: 'F1' }];
		assert.deepEqual(sampleEvents(pending, [], context), [{ event: 'payment', reference: 'F1', sample: true }]);
	});

	it('prefers the newest partly paid invoices', () => {
		const samples = sampleEvents([], [openItem('a', 'OLD', '10.00', '5.00', { date: '2024-01-01' }), openItem('b', 'NEW', '10.00', '4.00', { date: '2024-07-01' }), openItem('c', 'OPEN', '10.00')], context);
		assert.deepEqual(samples.map((event) => [event.reference, event.amountPaid, event.sample]), [['NEW', 6, true], ['OLD', 5, true]]);
	});

	it('otherwise shows open invoices as if just paid in full', () => {
		const [sample] = sampleEvents([], [openItem('c', 'OPEN', '121.00')], context);
		assert.equal(sample.status, 'paid');
		assert.equal(sample.amountPaid, 121);
		assert.equal(sample.openAmount, 0);
		assert.match(String(sample.sampleNote), /as if it had just been paid in full/);
	});
});
