/**
 * One HTTP POST through the request function the node hands in: n8n's `this.helpers.httpRequest`
 * (so n8n's proxy settings, SSRF protection and request settings apply), or in tests anything of
 * the same shape. The transport imports nothing from n8n: the shapes below are the subset of n8n's
 * `IHttpRequestOptions` / `IN8nHttpFullResponse` it uses. No retries, no timers: the timeout is the
 * helper's.
 *
 * What matters for a booking is whether a failed request may have reached Yuki. Only a failure
 * that certainly happened before any byte was sent (DNS, refused connection, TLS certificate,
 * a blocked address) counts as "not sent"; everything else, including failures we do not
 * recognise, counts as "may have been processed". One more is certain: a body written while it
 * is sent (streamedBody.ts) that stopped before its end because a file could not be read as it
 * declared itself; the server then never received the envelope's closing tags.
 */
import type { StreamedBody } from './streamedBody';

/** The request the transport makes: a subset of n8n's `IHttpRequestOptions`. */
export interface YukiHttpRequest {
	method: 'POST';
	url: string;
	headers: Record<string, string>;
	/** In memory, or a Blob-shaped body written while it is sent (axios sends it with its size as Content-Length). */
	body: Buffer | StreamedBody;
	/** Milliseconds until the helper gives up (n8n passes it to axios). */
	timeout: number;
	/** The answer as text. */
	encoding: 'text';
	/** Status, headers and body, not just the body. */
	returnFullResponse: true;
	/** A 500 with a SOAP fault is an answer to read, not an exception. */
	ignoreHttpStatusErrors: true;
	/** A redirect means a wrong base URL; following it would turn the POST into a GET or send the document elsewhere. */
	disableFollowRedirect: true;
	json: false;
}

/** The answer: a subset of n8n's `IN8nHttpFullResponse`. */
export interface YukiHttpResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

/** `this.helpers.httpRequest` in n8n, or a stand-in of the same shape. */
export type YukiRequestFunction = (request: YukiHttpRequest) => Promise<YukiHttpResponse | unknown>;

export interface HttpAnswer {
	status: number;
	body: string;
	responseBytes: number;
}

/** `source`: the request body could not be written to its end (a file it reads while sending failed). */
export type HttpFailureReason = 'timeout' | 'network' | 'source';

export class HttpFailure extends Error {
	constructor(
		message: string,
		readonly reason: HttpFailureReason,
		/** False only when the request certainly never left this machine. */
		readonly mayHaveReachedYuki: boolean,
		readonly code?: string,
	) {
		super(message);
		this.name = 'HttpFailure';
	}
}

/**
 * Error codes raised before any byte of the request is written: name resolution, connecting,
 * the TLS handshake, and n8n's own refusals (SSRF protection, invalid URL).
 */
const NOT_SENT_CODES = new Set([
	'ENOTFOUND',
	'EAI_AGAIN',
	'EAI_FAIL',
	'EAI_NONAME',
	'ECONNREFUSED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
	'ERR_INVALID_URL',
	'ERR_INVALID_PROTOCOL',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'ERR_SSL_WRONG_VERSION_NUMBER',
	'EPROTO',
]);

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

interface ErrorLike {
	message?: unknown;
	code?: unknown;
	cause?: unknown;
	name?: unknown;
}

/** The first `code` on the error or its causes (axios and n8n wrap node's errors). */
function errorCode(error: unknown): string | undefined {
	for (let current = error as ErrorLike | undefined, depth = 0; current && depth < 5; current = current.cause as ErrorLike, depth++) {
		if (typeof current.code === 'string' && current.code !== 'ERR_BAD_RESPONSE' && current.code !== 'ERR_BAD_REQUEST') {
			return current.code;
		}
	}
	return undefined;
}

function errorMessage(error: unknown): string {
	const message = (error as ErrorLike | undefined)?.message;
	return typeof message === 'string' && message ? message : String(error);
}

/** Reads what the request function threw. */
export function classifyFailure(error: unknown, timeoutMs: number): HttpFailure {
	const code = errorCode(error);
	const message = errorMessage(error);
	if ((code && TIMEOUT_CODES.has(code)) || /timeout|timed out/i.test(message)) {
		return new HttpFailure(`no answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout', true, code);
	}
	// n8n's SSRF protection refuses before connecting [guess: its message names SSRF or a blocked host].
	const refusedByN8n = /ssrf|not allowed|blocked/i.test(message) && !code;
	return new HttpFailure(message, 'network', !(refusedByN8n || (code !== undefined && NOT_SENT_CODES.has(code))), code);
}

/** What a failed request means; a body of ours that stopped short decides, whatever the request function reports. */
function requestFailure(error: unknown, body: Buffer | StreamedBody, timeoutMs: number): HttpFailure {
	const cutShort = Buffer.isBuffer(body) ? undefined : body.failure;
	// No complete document left this machine: the envelope's closing tags come after every file.
	if (cutShort) return new HttpFailure(cutShort.message, 'source', false);
	return classifyFailure(error, timeoutMs);
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	if (body === undefined || body === null) return '';
	// A helper that parsed the answer itself (it should not: `json: false`, encoding text).
	return typeof body === 'object' ? JSON.stringify(body) : String(body);
}

export async function postXml(
	request: YukiRequestFunction,
	url: string,
	headers: Record<string, string>,
	body: Buffer | StreamedBody,
	timeoutMs: number,
): Promise<HttpAnswer> {
	let response: unknown;
	try {
		response = await request({
			method: 'POST',
			url,
			headers,
			body,
			timeout: timeoutMs,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			json: false,
		});
	} catch (error) {
		throw requestFailure(error, body, timeoutMs);
	}
	const full = response as Partial<YukiHttpResponse> | undefined;
	if (!full || typeof full !== 'object' || typeof full.statusCode !== 'number') {
		// The request went out; what came back cannot be read as an HTTP answer.
		throw new HttpFailure('the request function returned no status code', 'network', true);
	}
	const text = bodyText(full.body);
	return { status: full.statusCode, body: text, responseBytes: Buffer.byteLength(text) };
}
