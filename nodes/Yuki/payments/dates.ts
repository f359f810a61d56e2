/**
 * Dates as an accountant reads them: calendar days in the workflow's time zone, because an
 * invoice due on 6 August is overdue from 7 August in Amsterdam, whatever the server's clock says.
 */
import { DateTime } from 'luxon';

/** `YYYY-MM-DD` from Yuki's date text (which may carry a time), or null when there is none. */
export function isoDate(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
	return match ? match[1] : null;
}

/** The current moment in the workflow's time zone. */
export function nowIn(timezone: string, now: DateTime = DateTime.now()): DateTime {
	const zoned = now.setZone(timezone);
	return zoned.isValid ? zoned : now.setZone('UTC');
}

/** Whole days past the due date (0 when not yet due, due today, or no due date). */
export function daysOverdue(dueDate: string | null | undefined, now: DateTime): number {
	const due = isoDate(dueDate);
	if (!due) return 0;
	const dueDay = DateTime.fromISO(due, { zone: now.zone });
	if (!dueDay.isValid) return 0;
	// Rounded because a day across a DST change is 23 or 25 hours long.
	const days = Math.round(now.startOf('day').diff(dueDay.startOf('day'), 'days').days);
	return Math.max(0, days);
}

/** The calendar date of a moment, as written in messages. */
export function dayOf(moment: DateTime): string {
	return moment.toISODate() ?? moment.toUTC().toISODate() ?? '';
}

/** ISO timestamp with the workflow zone's offset, e.g. `2024-08-06T14:00:00.000+02:00`. */
export function timestamp(moment: DateTime): string {
	return moment.toISO() ?? new Date(moment.toMillis()).toISOString();
}
