import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IDataObject } from 'n8n-workflow';
import { BookingMemory } from '../../../../nodes/Yuki/invoices/bookingMemory';

const at = (iso: string) => () => new Date(iso);

describe('BookingMemory (workflow static data)', () => {
	it('remembers an unknown invoice across executions, per administration and number', () => {
		const staticData: IDataObject = {};
		BookingMemory.in(staticData, 'run-1', at('2026-11-30T08:00:00Z')).remember('admin-A', ' F-1 ', 'unknown');
		const later = BookingMemory.in(staticData, 'run-2', at('2026-12-01T08:00:00Z'));
		assert.deepEqual(later.recall('admin-A', 'F-1'), { state: 'unknown', at: '2026-11-30T08:00:00.000Z', sameExecution: false });
		assert.equal(later.recall('admin-B', 'F-1'), undefined, 'invoice numbers are per administration');
		later.forget('admin-A', 'F-1');
		assert.equal(BookingMemory.in(staticData, 'run-3').recall('admin-A', 'F-1'), undefined);
	});

	it('keeps booked invoices only for retries of the same execution', () => {
		const staticData: IDataObject = {};
		BookingMemory.in(staticData, 'run-1').remember('admin-A', 'F-2', 'booked');
		assert.equal(BookingMemory.in(staticData, 'run-1').recall('admin-A', 'F-2')?.sameExecution, true);
		assert.equal(BookingMemory.in(staticData, 'run-2').recall('admin-A', 'F-2'), undefined);
	});

	it('forgets unknown invoices after 90 days, and never remembers an invoice without a number', () => {
		const staticData: IDataObject = {};
		const memory = BookingMemory.in(staticData, 'run-1', at('2026-01-01T00:00:00Z'));
		memory.remember('admin-A', 'OLD', 'unknown');
		memory.remember('admin-A', '  ', 'unknown');
		memory.remember('admin-A', undefined, 'unknown');
		assert.equal(Object.keys((staticData.invoiceBookings as { entries: object }).entries).length, 1);
		assert.equal(BookingMemory.in(staticData, 'run-2', at('2026-04-15T00:00:00Z')).recall('admin-A', 'OLD'), undefined);
	});
});
