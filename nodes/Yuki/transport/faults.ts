/**
 * What Yuki's fault texts mean for the user, in one table, and which of them mean "sign in again".
 * Yuki documents few of its texts: the session and daily-limit texts below are guesses (see
 * docs/transport.md), kept here so they can be corrected in one place.
 */

/**
 * Fault texts that may mean the session is unknown or expired [guess: Yuki does not document
 * them]. Enough to sign in again and repeat a call that only reads.
 */
export const SESSION_FAULT_PATTERNS: readonly RegExp[] = [/session/i];

/**
 * The exact session faults Yuki raises while checking the session, before it processes anything:
 * only these let a booking or upload be signed in again and repeated. Compared whole (ignoring
 * case, ASP.NET's exception prefix and trailing punctuation), or as the text's start followed by
 * a colon and an explanation ("Invalid session ID: the session has expired").
 * [guess: the text of the project's fixture; Yuki documents no session fault text, and no public
 * client we found names one.] A text that merely contains "session" is not enough.
 */
export const KNOWN_SESSION_FAULTS: readonly string[] = ['Invalid session ID'];

const ASMX_EXCEPTION_PREFIX = /^\s*System\.Web\.Services\.Protocols\.SoapException:\s*/i;

export const ACCESS_KEY_HINT =
	'Yuki rejected the access key: check it in Yuki under Domain › Settings › Web services, and that the region matches (a Dutch key does not work on api.yukiworks.be).';

export const QUOTA_HINT =
	'Yuki allows 1,000 web service calls a day per domain, shared with every other integration of that domain; the count resets at midnight (Dutch time). Paid options raise the limit to 5,000 or 10,000 calls.';

export const DOMAIN_HINT =
	'The access key reaches more than one domain: set the Domain ID in the Yuki credential.';

export const NOT_LICENSED_HINT =
	'The Yuki domain is not licensed for this functionality: ask Yuki or your accountant to enable it for the domain.';

export const SESSION_HINT =
	'Yuki did not accept the session even after signing in again: the access key may have no rights on this administration or service.';

export const PURCHASE_ACCESS_HINT =
	'The Purchase service needs a client ID and client secret: ask Yuki support to enable the Purchase service for the domain, which issues a client ID and secret, and put them into the Yuki credential.';

/** First matching row wins. */
export const FAULT_HINTS: ReadonlyArray<{ pattern: RegExp; hint: string }> = [
	{ pattern: /access\s*key/i, hint: ACCESS_KEY_HINT },
	{ pattern: /limit|quota/i, hint: QUOTA_HINT },
	{ pattern: /valid domain/i, hint: DOMAIN_HINT },
	{ pattern: /not licensed/i, hint: NOT_LICENSED_HINT },
	{ pattern: /client\s*(id|secret)/i, hint: PURCHASE_ACCESS_HINT },
	...SESSION_FAULT_PATTERNS.map((pattern) => ({ pattern, hint: SESSION_HINT })),
];

export function hintForFault(faultString: string): string | undefined {
	return FAULT_HINTS.find(({ pattern }) => pattern.test(faultString))?.hint;
}

export function isSessionFault(faultString: string | undefined): boolean {
	return faultString !== undefined && SESSION_FAULT_PATTERNS.some((pattern) => pattern.test(faultString));
}

export function isKnownSessionFault(faultString: string | undefined): boolean {
	if (faultString === undefined) return false;
	const text = faultString.replace(ASMX_EXCEPTION_PREFIX, '').trim().replace(/[.!]+$/, '').toLowerCase();
	return KNOWN_SESSION_FAULTS.some((known) => text === known.toLowerCase() || text.startsWith(`${known.toLowerCase()}:`));
}

export const SLOW_ANSWER_HINT =
	'Yuki can take long on big batches or long open-item lists: raise the timeout or send fewer invoices per call.';

export const SOURCE_FILE_HINT =
	'A file of the document (e.g. a PDF) changed, vanished or could not be read while it was sent. Nothing of this call was processed: run the items again.';

export const BROKEN_CONNECTION_HINT = 'Yuki, or a proxy in between, closed the connection before the answer was complete.';

export const MALFORMED_HINT = "Check that the base URL points at Yuki's web services (https://api.yukiworks.nl or https://api.yukiworks.be).";

export const REJECTED_DOCUMENT_HINT = 'Yuki refused the whole document before processing it, so nothing was booked.';

export function hintForHttpStatus(status: number): string {
	if (status === 404 || status === 405) {
		return 'Yuki has no such service at this address: the base URL or region is probably wrong (Yuki lives at https://api.yukiworks.nl and https://api.yukiworks.be).';
	}
	if (status === 401 || status === 403 || status === 407) {
		return 'The server refused the request before Yuki saw it: check the base URL and any proxy or firewall in between.';
	}
	if (status >= 500) return 'Yuki or a proxy in between had a problem: try again later.';
	return 'Unexpected answer: check the base URL or region of the Yuki credential.';
}

export function hintForNetwork(baseUrl: string): string {
	return `Check the region or base URL of the Yuki credential (${baseUrl}) and that this machine can reach it.`;
}
