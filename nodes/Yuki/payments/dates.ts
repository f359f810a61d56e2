/**
 * Dates as an accountant reads them: calendar days in the workflow's time zone, because an
 * invoice due on 6 August is overdue from 7 August in Amsterdam, whatever the server's clock says.
 *
 * `now` does not change within a run, so everything derived from it is computed once (the
 * run's `Clock`); per open item only plain calendar arithmetic on `YYYY-MM-DD` text is done,
 * which keeps Get Status and the trigger linear and cheap at 100,000 references.
 */
import { DateTime } from 'luxon';

/** The check time of one run and what is derived from it. */
export interface Clock {
	now: DateTime;
	/** `YYYY-MM-DD` in the workflow's time zone. */
	today: string;
	/** ISO timestamp with the zone's offset, e.g. `2024-08-06T14:00:00.000+02:00`. */
	stamp: string;
	/** Days since 1970-01-01 of `today` (calendar arithmetic, no time zone left in it). */
	todayNumber: number;
}

/** The current moment in the workflow's time zone. */
export function nowIn(timezone: string, now: DateTime = DateTime.now()): DateTime {
	const zoned = now.setZone(timezone);
	return zoned.isValid ? zoned : now.setZone('UTC');
}

/** The run's clock: one luxon computation per run, none per item. */
export function clockAt(now: DateTime): Clock {
	const today = dayOf(now);
	return { now, today, stamp: timestamp(now), todayNumber: dayNumber(today) ?? 0 };
}

export function clockIn(timezone: string, now?: DateTime): Clock {
	return clockAt(nowIn(timezone, now));
}

/** `YYYY-MM-DD` from Yuki's date text (which may carry a time), or null when there is none. */
export function isoDate(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
	return match ? match[1] : null;
}

/** Day numbers of dates read before: 100,000 open items share a few hundred due dates. */
const DAY_NUMBERS = new Map<string, number | null>();
const MAX_DAY_NUMBERS = 4096;

/** Days since 1970-01-01 of a calendar date, or null for a date that does not exist (2024-02-30). */
export function dayNumber(date: string): number | null {
	const known = DAY_NUMBERS.get(date);
	if (known !== undefined) return known;
	const number = calendarDayNumber(date);
	if (DAY_NUMBERS.size < MAX_DAY_NUMBERS) DAY_NUMBERS.set(date, number);
	return number;
}

function calendarDayNumber(date: string): number | null {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	const day = Number(date.slice(8, 10));
	const millis = Date.UTC(year, month - 1, day);
	const check = new Date(millis);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
	return millis / 86_400_000;
}

/**
 * Whole days past the due date (0 when not yet due, due today, or no due date). Calendar days
 * in the workflow's zone: a day across a DST change still counts as one.
 */
export function daysOverdue(dueDate: string | null | undefined, clock: Clock): number {
	const due = isoDate(dueDate);
	if (!due || due >= clock.today) return 0;
	const dueNumber = dayNumber(due);
	return dueNumber === null ? 0 : Math.max(0, clock.todayNumber - dueNumber);
}

/** The calendar date of a moment, as written in messages. */
export function dayOf(moment: DateTime): string {
	return moment.toISODate() ?? moment.toUTC().toISODate() ?? '';
}

/** ISO timestamp with the workflow zone's offset, e.g. `2024-08-06T14:00:00.000+02:00`. */
export function timestamp(moment: DateTime): string {
	return moment.toISO() ?? new Date(moment.toMillis()).toISOString();
}

/**
 * The calendar day (`YYYY-MM-DD`) a date means in the workflow's zone, or null when it is no date.
 * A date picked in the editor has no zone of its own: it is read in `zone`.
 */
export function calendarDayIn(value: unknown, zone: string): string | null {
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value, { zone })
			: DateTime.isDateTime(value)
				? value.setZone(zone)
				: DateTime.fromISO(String(value).trim(), { zone, setZone: false }).setZone(zone);
	return parsed.isValid ? isoDate(parsed.toISODate()) : null;
}
