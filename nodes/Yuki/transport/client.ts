/**
 * The Yuki client: the only code that talks to Yuki. One client serves one node run; sessions and
 * the day's call counts are shared with later runs of the same credential (see sessions.ts).
 *
 * `client.call(declaration, args)` makes any call declared in transport/calls/: it signs in when
 * needed, writes the envelope (envelope.ts), posts it through the request function the node hands
 * in (n8n's httpRequest helper, http.ts), reads the answer (results.ts) and turns every failure
 * into a redacted YukiError. Nothing is retried except one thing: when Yuki refuses the session,
 * the client signs in again once and repeats that call once, and for a call that books or uploads
 * only when the fault proves Yuki did not process it (faults.ts).
 */
import { yukiApi } from './api';
import { authenticate, authenticateClient, setCurrentDomain } from './calls/session';
import type { ResultReader, YukiCall } from './calls/declaration';
import { resolveBaseUrl, serviceUrl } from './endpoints';
import type { ArgumentValue } from './envelope';
import { ENVELOPE_CONTENT_TYPE, EnvelopeError, sessionParameter, writeEnvelope } from './envelope';
import {
	ACCESS_KEY_HINT,
	BROKEN_CONNECTION_HINT,
	hintForFault,
	hintForHttpStatus,
	hintForNetwork,
	isKnownSessionFault,
	isSessionFault,
	MALFORMED_HINT,
	PURCHASE_ACCESS_HINT,
	REJECTED_DOCUMENT_HINT,
	SLOW_ANSWER_HINT,
	SOURCE_FILE_HINT,
} from './faults';
import type { YukiRequestFunction } from './http';
import { HttpFailure, postXml } from './http';
import { Redactor } from './redact';
import { MalformedAnswerError, operationResult, readEnvelope, RejectedDocumentError } from './results';
import { callsToday, countCall, credentialHash, forgetSession, obtainSession, resetSessionsAndCounts } from './sessions';
import type { YukiApi } from './api';
import type { CallCount, YukiConnectionSettings, YukiErrorDetails, YukiLogger, YukiService } from './types';
import { YukiError } from './types';

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Yuki's free daily allowance per domain [doc]. */
export const DAILY_CALL_LIMIT = 1000;

export interface YukiClientOptions {
	/** Sends the HTTP request: n8n's `this.helpers.httpRequest` (helpers/runContext.ts), or a test's stand-in. */
	request: YukiRequestFunction;
	logger?: YukiLogger;
	/** Clock for session age and the quota day (tests inject one). */
	now?: () => Date;
}

/** A connection to Yuki for one run. */
export interface YukiClient {
	/** Makes one declared call (transport/calls/), signing in first when it needs a session. */
	call<Args, Result>(declaration: YukiCall<Args, Result>, args: Args): Promise<Result>;
	/** Calls made so far, for the run summary. */
	callCount(): CallCount;
}

/** For tests: forget cached sessions and call counts. */
export function resetTransportCaches(): void {
	resetSessionsAndCounts();
}

interface Attempt {
	service: YukiService;
	operation: string;
	parameters: Record<string, unknown>;
	administrationId?: string;
}

export function createYukiConnection(settings: YukiConnectionSettings, options: YukiClientOptions): YukiClient {
	const { request, logger } = options;
	const now = options.now ?? (() => new Date());
	const timeoutMs = settings.timeoutMs && settings.timeoutMs > 0 ? settings.timeoutMs : DEFAULT_TIMEOUT_MS;
	const endpoint = resolveBaseUrl(settings);
	// Every secret is part of the key: a session signed in with one client secret is never used with another.
	const credentialKey = credentialHash([
		endpoint.baseUrl ?? settings.customBaseUrl,
		settings.accessKey,
		settings.domainId,
		settings.clientId,
		settings.clientSecret,
	]);
	// One URL per service for the whole run, not one parsed per call.
	const serviceUrls = new Map<YukiService, URL>();
	const urlOf = (baseUrl: string, service: YukiService): URL => {
		let url = serviceUrls.get(service);
		if (!url) serviceUrls.set(service, (url = serviceUrl(baseUrl, service)));
		return url;
	};
	const redactor = new Redactor();
	redactor.add(settings.accessKey);
	redactor.add(settings.clientSecret);

	const byOperation: Record<string, number> = {};
	let total = 0;

	const error = (message: string, details: YukiErrorDetails) =>
		new YukiError(redactor.redact(message), {
			...details,
			faultString: redactor.redact(details.faultString),
			hint: redactor.redact(details.hint),
		});

	const log = (attempt: Attempt, started: number, outcome: string, requestBytes: number, responseBytes: number) => {
		logger?.debug(redactor.redact(`Yuki ${attempt.service}.${attempt.operation}: ${outcome}`), {
			service: attempt.service,
			operation: attempt.operation,
			administrationId: attempt.administrationId,
			durationMs: Date.now() - started,
			outcome,
			requestBytes,
			responseBytes,
		});
	};

	const record = (operation: string) => {
		byOperation[operation] = (byOperation[operation] ?? 0) + 1;
		total++;
		countCall(credentialKey, now());
	};

	/** One HTTP call, its answer read by `read`; every failure becomes a redacted YukiError. */
	async function send<T>(attempt: Attempt, reader: ResultReader<T>): Promise<T> {
		const { service, operation } = attempt;
		if (endpoint.problem !== undefined) {
			throw error(endpoint.problem, { kind: 'configuration', service, operation, mayHaveReachedYuki: false });
		}
		const url = urlOf(endpoint.baseUrl, service);
		const started = Date.now();
		let requestBytes = 0;
		let responseBytes = 0;
		let counted = false;
		try {
			const envelope = writeEnvelope(service, operation, attempt.parameters as Record<string, ArgumentValue>);
			// A document whose files are read while it is sent is written anew for each attempt.
			requestBytes = Buffer.isBuffer(envelope.body) ? envelope.body.length : envelope.body.size;
			const answer = await postXml(
				request,
				url.href,
				{ 'Content-Type': ENVELOPE_CONTENT_TYPE, SOAPAction: `"${envelope.soapAction}"` },
				envelope.body,
				timeoutMs,
			);
			record(operation);
			counted = true;
			responseBytes = answer.responseBytes;
			const result = interpret(attempt, answer.status, answer.body, reader);
			log(attempt, started, 'ok', requestBytes, responseBytes);
			return result;
		} catch (failure) {
			// Every request that may have reached Yuki counts; one that certainly never left does not.
			const neverSent = failure instanceof EnvelopeError || (failure instanceof HttpFailure && !failure.mayHaveReachedYuki);
			if (!counted && !neverSent) record(operation);
			const yukiError = toYukiError(attempt, url, failure);
			log(attempt, started, yukiError.kind, requestBytes, responseBytes);
			throw yukiError;
		}
	}

	function interpret<T>(attempt: Attempt, status: number, body: string, reader: ResultReader<T>): T {
		const { service, operation } = attempt;
		let answer: ReturnType<typeof readEnvelope> | undefined;
		let unreadable: unknown;
		// A call that reads its result as it streams past takes it in the envelope's own pass.
		const stream = reader.stream?.();
		try {
			answer = readEnvelope(body, stream && { operation, handler: stream.handler });
		} catch (failure) {
			unreadable = failure;
		}
		// Unreadable text with another status (a proxy's error page) is reported by its status below.
		if (unreadable !== undefined && (status === 200 || status === 500 || !(unreadable instanceof MalformedAnswerError))) throw unreadable;
		if (answer?.fault) {
			const { faultString, faultCode } = answer.fault;
			throw error(`Yuki rejected ${service}.${operation}: ${faultString}`, {
				kind: 'fault',
				service,
				operation,
				faultString,
				faultCode,
				httpStatus: status,
				hint: hintForFault(faultString),
				mayHaveReachedYuki: false,
			});
		}
		if (status !== 200 || !answer) {
			throw error(`Yuki answered ${service}.${operation} with HTTP ${status}`, {
				kind: 'http',
				service,
				operation,
				httpStatus: status,
				hint: hintForHttpStatus(status),
				// A gateway error may hide a call Yuki carried out; a 4xx was refused before any work.
				mayHaveReachedYuki: status >= 500,
			});
		}
		const result = operationResult(answer.body, operation);
		return stream ? stream.read(result) : reader.read(result);
	}

	function toYukiError(attempt: Attempt, url: URL, failure: unknown): YukiError {
		const { service, operation } = attempt;
		if (failure instanceof YukiError) return failure;
		if (failure instanceof EnvelopeError) {
			return error(`${service}.${operation} was not sent: ${failure.message}`, { kind: 'configuration', service, operation, mayHaveReachedYuki: false });
		}
		if (failure instanceof HttpFailure) {
			if (failure.reason === 'source') {
				return error(`${service}.${operation} was cut off before its end, so Yuki received no complete document: ${failure.message}`, {
					kind: 'source',
					service,
					operation,
					hint: SOURCE_FILE_HINT,
					mayHaveReachedYuki: false,
				});
			}
			if (failure.reason === 'timeout') {
				return error(`Yuki did not answer ${service}.${operation} within ${Math.round(timeoutMs / 1000)} s`, {
					kind: 'timeout',
					service,
					operation,
					hint: SLOW_ANSWER_HINT,
					mayHaveReachedYuki: true,
				});
			}
			const reason = failure.code && !failure.message.includes(failure.code) ? `${failure.code}: ${failure.message}` : failure.message;
			const message = failure.mayHaveReachedYuki
				? `The connection to Yuki at ${url.host} broke during ${service}.${operation}: ${reason}`
				: `Could not reach Yuki at ${url.host}: ${reason}; check the region/base URL`;
			return error(message, {
				kind: 'network',
				service,
				operation,
				hint: failure.mayHaveReachedYuki ? BROKEN_CONNECTION_HINT : hintForNetwork(endpoint.baseUrl ?? ''),
				mayHaveReachedYuki: failure.mayHaveReachedYuki,
			});
		}
		if (failure instanceof MalformedAnswerError) {
			return error(`Yuki's answer to ${service}.${operation} could not be read: ${failure.message}`, {
				kind: 'malformed',
				service,
				operation,
				hint: MALFORMED_HINT,
				mayHaveReachedYuki: true,
			});
		}
		if (failure instanceof RejectedDocumentError) {
			return error(`Yuki rejected the invoice document sent to ${service}.${operation}: ${failure.message}`, {
				kind: 'fault',
				service,
				operation,
				faultString: failure.message,
				hint: REJECTED_DOCUMENT_HINT,
				mayHaveReachedYuki: false,
			});
		}
		const message = failure instanceof Error ? failure.message : String(failure);
		return error(`${service}.${operation} failed: ${message}`, { kind: 'malformed', service, operation, mayHaveReachedYuki: true });
	}

	/** Signs in on `service` (any service offers the sign-in operations) and selects the domain. */
	async function signIn(kind: 'key' | 'client', service: YukiService): Promise<string> {
		const declaration = kind === 'client' ? authenticateClient : authenticate;
		const parameters =
			kind === 'client'
				? authenticateClient.parameters({ clientId: settings.clientId ?? '', clientSecret: settings.clientSecret ?? '', accessKey: settings.accessKey })
				: authenticate.parameters({ accessKey: settings.accessKey });
		const sessionId = await send({ service, operation: declaration.operation, parameters }, declaration);
		if (!sessionId) {
			throw error(`Yuki returned no session for ${service}.${declaration.operation}`, {
				kind: 'fault',
				service,
				operation: declaration.operation,
				hint: kind === 'client' ? PURCHASE_ACCESS_HINT : ACCESS_KEY_HINT,
				mayHaveReachedYuki: false,
			});
		}
		redactor.add(sessionId);
		if (settings.domainId) {
			await send(
				{ service, operation: setCurrentDomain.operation, parameters: setCurrentDomain.parameters({ sessionId, domainId: settings.domainId }) },
				setCurrentDomain,
			);
		}
		return sessionId;
	}

	function sessionKey(kind: 'key' | 'client'): string {
		return `${credentialKey}:${kind}`;
	}

	async function session(kind: 'key' | 'client', service: YukiService, operation: string): Promise<string> {
		if (kind === 'client' && (!settings.clientId || !settings.clientSecret)) {
			throw error(`${service}.${operation} needs a client ID and client secret in the Yuki credential`, {
				kind: 'configuration',
				service,
				operation,
				hint: PURCHASE_ACCESS_HINT,
				mayHaveReachedYuki: false,
			});
		}
		if (!settings.accessKey?.trim()) {
			throw error(`${service}.${operation} needs an access key in the Yuki credential`, {
				kind: 'configuration',
				service,
				operation,
				hint: ACCESS_KEY_HINT,
				mayHaveReachedYuki: false,
			});
		}
		const sessionId = await obtainSession(sessionKey(kind), now, () => signIn(kind, service));
		redactor.add(sessionId);
		return sessionId;
	}

	/** Whether a failed call may be signed in again and repeated once. */
	function repeatable(declaration: YukiCall<unknown, unknown>, failure: unknown): boolean {
		if (!(failure instanceof YukiError && failure.kind === 'fault')) return false;
		// A booking or upload is repeated only on a fault that proves Yuki refused it before processing.
		return declaration.effect === 'write' ? isKnownSessionFault(failure.faultString) : isSessionFault(failure.faultString);
	}

	async function call<Args, Result>(declaration: YukiCall<Args, Result>, args: Args): Promise<Result> {
		const { service, operation } = declaration;
		let parameters: Record<string, unknown> = {};
		let invalid: unknown;
		try {
			parameters = declaration.parameters(args);
		} catch (failure) {
			invalid = failure;
		}
		if (invalid !== undefined) {
			throw error(`${service}.${operation} was not sent: ${invalid instanceof Error ? invalid.message : String(invalid)}`, {
				kind: 'configuration',
				service,
				operation,
				mayHaveReachedYuki: false,
			});
		}
		const administrationId = Object.entries(parameters).find(([name]) => name.toLowerCase() === 'administrationid')?.[1];
		const attempt = (sessionId?: string): Attempt => {
			const sessionName = sessionParameter(service, operation);
			return {
				service,
				operation,
				parameters: sessionId !== undefined && sessionName ? { ...parameters, [sessionName]: sessionId } : parameters,
				administrationId: typeof administrationId === 'string' ? administrationId : undefined,
			};
		};
		if (declaration.session === 'none') return await send(attempt(), declaration);

		const kind = declaration.session;
		const sessionId = await session(kind, service, operation);
		let refused: unknown;
		try {
			return await send(attempt(sessionId), declaration);
		} catch (failure) {
			refused = failure;
		}
		if (!repeatable(declaration as YukiCall<unknown, unknown>, refused)) throw refused;
		forgetSession(sessionKey(kind), sessionId);
		const renewed = await session(kind, service, operation);
		return await send(attempt(renewed), declaration);
	}

	return {
		call,
		callCount(): CallCount {
			const { day, today } = callsToday(credentialKey, now());
			return { byOperation: { ...byOperation }, total, today, dailyLimit: DAILY_CALL_LIMIT, day };
		},
	};
}

/** A client with the YukiApi wrappers the node uses (api.ts) and the generic `call`. */
export function createYukiClient(settings: YukiConnectionSettings, options: YukiClientOptions): YukiApi {
	return yukiApi(createYukiConnection(settings, options));
}
