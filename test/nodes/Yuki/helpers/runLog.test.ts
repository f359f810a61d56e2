import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomesOf, runLogRow } from '../../../../nodes/Yuki/helpers/runLog';

const item = (json: Record<string, unknown>) => ({ json: json as never });

describe('run log row', () => {
	it('counts each invoice once: booked, draft, duplicate (also as an error), unknown before failed', () => {
		const output = [
			item({ status: 'booked' }),
			item({ status: 'draft' }),
			item({ status: 'alreadyInYuki', error: 'Item 2: Invoice S-1 is already in Yuki' }),
			item({ status: 'rejected', error: 'Item 3: Invoice S-2 may have been booked; check Yuki before resending' }),
			item({ status: 'rejected', error: 'Item 4: Yuki rejected invoice S-3' }),
			item({ error: 'Item 5: "amount" is empty' }),
			// XML input: one item, each invoice counted
			item({ status: 'rejected', invoices: [{ status: 'booked' }, { status: 'rejected' }] }),
		];
		assert.deepEqual(outcomesOf(output), ['booked', 'draft', 'duplicate', 'unknown', 'failed', 'failed', 'booked', 'failed']);
		const row = runLogRow({
			category: 'Sales Invoice › Process',
			startedAt: new Date('2024-08-06T07:00:00.000Z'),
			finishedAt: new Date('2024-08-06T07:00:02.340Z'),
			inputItems: 7,
			output,
			calls: 2,
			callsToday: 40,
			dailyLimit: 1000,
		});
		assert.deepEqual(row, {
			recordType: 'yukiRunLog',
			category: 'Sales Invoice › Process',
			startedAt: '2024-08-06T07:00:00.000Z',
			finishedAt: '2024-08-06T07:00:02.340Z',
			durationSeconds: 2.3,
			inputItems: 7,
			offered: 8,
			succeeded: 4,
			booked: 2,
			drafts: 1,
			duplicates: 1,
			unknown: 1,
			failed: 3,
			calls: 2,
			callsToday: 40,
			dailyLimit: 1000,
		});
	});

	it('counts results that are no invoices (uploads, payment statuses) as succeeded', () => {
		assert.deepEqual(outcomesOf([item({ documentId: 'x' }), item({ status: 'paid' }), item({ status: 'open' })]), ['other', 'other', 'other']);
	});
});
