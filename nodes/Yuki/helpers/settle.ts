/**
 * The outcome of some async work as a value, so that the caller decides outside a `catch` what a
 * failure means (n8n's lint wants every error thrown from a catch block to be an n8n error; these
 * call sites pass on errors that are already meaningful or turn them into item outcomes).
 */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** `settle` for work that is synchronous, or only sometimes asynchronous (then its promise is the value). */
export function settleNow<T>(work: () => T): Settled<T> {
	try {
		return { ok: true, value: work() };
	} catch (error) {
		return { ok: false, error };
	}
}
