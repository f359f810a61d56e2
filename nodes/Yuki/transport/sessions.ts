/**
 * Module-level memory shared by every client in this process: Yuki sessions and the day's call
 * counts, keyed by a hash of the credential (never the credential itself), so later runs of the
 * same credential reuse the session instead of spending a call on Authenticate.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';

/** Yuki sessions last about 24 hours [lib]; renewing at 20 leaves a margin. */
export const SESSION_MAX_AGE_MS = 20 * 60 * 60 * 1000;

export const YUKI_TIME_ZONE = 'Europe/Amsterdam';

export function credentialHash(parts: ReadonlyArray<string | undefined>): string {
	return createHash('sha256')
		.update(JSON.stringify(parts.map((part) => part ?? '')))
		.digest('hex');
}

interface CachedSession {
	sessionId: string;
	createdAt: number;
}

const sessions = new Map<string, CachedSession>();
const pendingSessions = new Map<string, Promise<string>>();

/**
 * The cached session of `key` while it is younger than 20 hours, otherwise a new one from
 * `authenticate`. Callers that ask while an authentication is under way share it.
 */
export function obtainSession(key: string, now: () => Date, authenticate: () => Promise<string>): Promise<string> {
	const cached = sessions.get(key);
	if (cached && now().getTime() - cached.createdAt < SESSION_MAX_AGE_MS) return Promise.resolve(cached.sessionId);
	const pending = pendingSessions.get(key);
	if (pending) return pending;
	const created = authenticate()
		.then((sessionId) => {
			sessions.set(key, { sessionId, createdAt: now().getTime() });
			return sessionId;
		})
		.finally(() => pendingSessions.delete(key));
	pendingSessions.set(key, created);
	return created;
}

/** Drops a session Yuki refused, unless another caller already replaced it. */
export function forgetSession(key: string, sessionId: string): void {
	if (sessions.get(key)?.sessionId === sessionId) sessions.delete(key);
}

interface DayCount {
	day: string;
	count: number;
}

const dayCounts = new Map<string, DayCount>();

/** The last hour asked about and its day: the day changes only on a whole hour (Dutch time is UTC+1 or +2 since 1940). */
let lastDay: { hour: number; day: string } | undefined;
const WHOLE_HOUR_OFFSETS_SINCE = Date.UTC(1941, 0, 1);

/** The Europe/Amsterdam date: Yuki's daily limit resets at Dutch midnight. */
export function yukiDay(date: Date): string {
	const hour = Math.floor(date.getTime() / 3_600_000);
	if (lastDay?.hour === hour) return lastDay.day;
	const day = DateTime.fromJSDate(date).setZone(YUKI_TIME_ZONE).toISODate() ?? date.toISOString().slice(0, 10);
	// Counted per call: luxon's time-zone conversion costs more than the rest of counting a call.
	if (date.getTime() >= WHOLE_HOUR_OFFSETS_SINCE) lastDay = { hour, day };
	return day;
}

export function countCall(key: string, date: Date): void {
	const day = yukiDay(date);
	const current = dayCounts.get(key);
	if (current && current.day === day) current.count++;
	else dayCounts.set(key, { day, count: 1 });
}

export function callsToday(key: string, date: Date): { day: string; today: number } {
	const day = yukiDay(date);
	const current = dayCounts.get(key);
	return { day, today: current && current.day === day ? current.count : 0 };
}

/** For tests: forget every session and count. */
export function resetSessionsAndCounts(): void {
	sessions.clear();
	pendingSessions.clear();
	dayCounts.clear();
}
