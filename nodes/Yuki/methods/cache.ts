/**
 * Answers of Yuki's lists (GL accounts, VAT codes, folders, projects, payment methods, cost
 * categories) kept for a few minutes per credential and administration. The editor asks for a
 * dropdown's choices every time one opens: a sales invoice with ten lines has ten GL account
 * dropdowns, and each Yuki call counts against the domain's 1,000 calls a day.
 */
import { createHash } from 'node:crypto';
import type { YukiCredentials } from '../helpers/runContext';

/** How long a list answer is reused; a GL account added in Yuki shows after at most this long. */
export const PICKER_CACHE_MS = 5 * 60_000;
const MAX_ENTRIES = 200;

const entries = new Map<string, { at: number; value: Promise<unknown> }>();

/** Which credential (never the key itself): region or base URL, key and domain, hashed. */
export function credentialScope(credentials: Pick<YukiCredentials, 'region' | 'customBaseUrl' | 'accessKey' | 'domainId'>): string {
	const parts = [credentials.region, credentials.customBaseUrl ?? '', credentials.accessKey ?? '', credentials.domainId ?? ''];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** The cached answer for `key`, or `read()`'s (a failed read is not kept). */
export async function remembered<T>(key: string, read: () => Promise<T>, now: number = Date.now()): Promise<T> {
	const hit = entries.get(key);
	if (hit && now - hit.at < PICKER_CACHE_MS) return (await hit.value) as T;
	const value = read();
	entries.set(key, { at: now, value });
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
	// A failed read is forgotten at once, so that the next dropdown opening asks Yuki again.
	value.catch(() => {
		if (entries.get(key)?.value === value) entries.delete(key);
	});
	return await value;
}

/** For tests: forget every cached answer. */
export function resetPickerCache(): void {
	entries.clear();
}
