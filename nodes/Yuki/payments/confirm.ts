/**
 * Suspicion before "paid": a sudden disappearance of all (or most) open items is far more likely
 * an odd answer (a proxy's error page that parsed, a Yuki hiccup, a filter on Yuki's side) than a
 * day on which every customer paid. Before reporting such a disappearance, the node confirms it:
 *
 *   1. it reads the open-items list once more (1 call): the two reads must agree;
 *   2. it checks up to SAMPLE_CHECKS of the vanished invoices one by one with
 *      CheckOutstandingItemAdmin (1 call each): none may still be open.
 *
 * At most 1 + SAMPLE_CHECKS = 4 extra calls, spent only when the rule below fires. When the
 * confirmation fails the run fails with no events (and the trigger keeps its previous state), so
 * the next run tries again; when it succeeds, every event it confirmed says so (`confirmation`).
 */
import type { YukiApi } from '../transport/api';
import type { OutstandingItem, OutstandingSide } from '../transport/types';
import { itemAmounts, isZero } from './amounts';
import { matchingItems } from './matching';

export const SAMPLE_CHECKS = 3;
/** "Most": at least this many vanished AND at least half of what was open. */
export const SUSPICIOUS_MIN = 3;

/** Whether vanishing `vanished` of `before` open items (leaving `remaining`) needs confirming. */
export function isSuspicious(vanished: number, before: number, remaining: number): boolean {
	if (vanished === 0) return false;
	if (remaining === 0) return true;
	return vanished >= SUSPICIOUS_MIN && vanished * 2 >= before;
}

export class UnconfirmedDisappearanceError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnconfirmedDisappearanceError';
	}
}

export interface ConfirmRequest {
	administrationId: string;
	side: OutstandingSide;
	/** The open items as first read. */
	firstRead: OutstandingItem[];
	/** Reads the list again (the same call as the first read). */
	reread: () => Promise<OutstandingItem[]>;
	/** References of the vanished invoices (the first SAMPLE_CHECKS with a reference are checked). */
	vanishedReferences: string[];
	vanishedCount: number;
	caseInsensitive?: boolean;
}

/** Confirms the disappearance or throws `UnconfirmedDisappearanceError`; returns the note for the output. */
export async function confirmDisappearance(yuki: YukiApi, request: ConfirmRequest): Promise<{ note: string; calls: number }> {
	const again = await request.reread();
	if (!sameOpenItems(request.firstRead, again)) {
		throw new UnconfirmedDisappearanceError(
			`${request.vanishedCount} open items vanished at once, and a second read of the list disagreed with the first: nothing is reported as paid; the next run tries again`,
		);
	}
	const sample = [...new Set(request.vanishedReferences.filter(Boolean))].slice(0, SAMPLE_CHECKS);
	for (const reference of sample) {
		const checked = matchingItems(await yuki.checkOutstandingItem(request.administrationId, reference), reference, request.side, request.caseInsensitive === true);
		if (checked.some((item) => !isZero(itemAmounts(item).open))) {
			throw new UnconfirmedDisappearanceError(
				`${request.vanishedCount} open items vanished from the list at once, but Yuki's check of ${reference} still shows it open: nothing is reported as paid; the next run tries again`,
			);
		}
	}
	const calls = 1 + sample.length;
	const checkedText = sample.length > 0 ? `, and ${sample.length} of them checked one by one (CheckOutstandingItemAdmin): none still open` : '';
	return {
		note: `${request.vanishedCount} open items vanished at once; confirmed before reporting: the list read twice with the same answer${checkedText} (${calls} extra calls)`,
		calls,
	};
}

function sameOpenItems(first: OutstandingItem[], second: OutstandingItem[]): boolean {
	if (first.length !== second.length) return false;
	const open = new Map<string, string>();
	for (const item of first) open.set(item.id, item.openAmountText);
	return second.every((item) => open.get(item.id) === item.openAmountText);
}
