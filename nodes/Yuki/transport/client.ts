/**
 * The Yuki client: the only code that talks to Yuki. One client serves one node run; sessions and
 * the day's call counts are shared with later runs of the same credential (see sessions.ts).
 *
 * A call: the envelope is written by `soap` from the shipped WSDL (envelope.ts), sent with node's
 * http/https (http.ts) and read with our own lean XML reader (xml/scanner.ts, results.ts).
 * Nothing is retried except one thing: when Yuki refuses the session, the client signs in again
 * once and repeats that one call once (Yuki refused it before doing anything).
 */
import { administrationRecord, documentFolderRecord, glAccountRecord, vatCodeRecord } from './responses';
import { asXmlElements, buildEnvelope } from './envelope';
import { resolveBaseUrl, serviceUrl } from './endpoints';
import {
	ACCESS_KEY_HINT,
	BROKEN_CONNECTION_HINT,
	hintForFault,
	hintForHttpStatus,
	hintForNetwork,
	isSessionFault,
	MALFORMED_HINT,
	PURCHASE_ACCESS_HINT,
	REJECTED_DOCUMENT_HINT,
	SLOW_ANSWER_HINT,
} from './faults';
import type { BodyPart, HttpAnswer } from './http';
import { bodyLength, HttpFailure, postXml } from './http';
import { Redactor } from './redact';
import type { ResultRecord } from './results';
import {
	MalformedAnswerError,
	operationResult,
	readEnvelope,
	readImportResponse,
	readOutstandingItems,
	readRecords,
	RejectedDocumentError,
	requireKeys,
	textOf,
} from './results';
import { callsToday, countCall, credentialHash, forgetSession, obtainSession, resetSessionsAndCounts } from './sessions';
import type {
	Administration,
	CallCount,
	DocumentFolder,
	GlAccount,
	UploadDocumentRequest,
	VatCode,
	YukiApi,
	YukiConnectionSettings,
	YukiErrorDetails,
	YukiLogger,
	YukiService,
} from './types';
import { YukiError } from './types';
import type { XmlElement } from './xml/scanner';

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Yuki's free daily allowance per domain [doc]. */
export const DAILY_CALL_LIMIT = 1000;

export interface YukiClientOptions {
	logger?: YukiLogger;
	/** Clock for session age and the quota day (tests inject one). */
	now?: () => Date;
}

/** Standard sessions come from `Authenticate`; the Purchase service needs a client session from `AuthenticateClient`. */
type SessionKind = 'key' | 'client';

type Arguments = Record<string, string | { $xml: string } | undefined>;

interface CallPlan<T> {
	service: YukiService;
	operation: string;
	args: Arguments;
	read: (body: XmlElement) => T;
	administrationId?: string;
	/** A Buffer sent as base64 in place of this placeholder argument value (uploads). */
	binary?: { placeholder: string; data: Buffer };
}

const DATA_PLACEHOLDER = 'n8n-nodes-yuki-binary-data-placeholder';

/** For tests: forget cached sessions and call counts. */
export function resetTransportCaches(): void {
	resetSessionsAndCounts();
}

export function createYukiClient(settings: YukiConnectionSettings, options: YukiClientOptions = {}): YukiApi {
	const now = options.now ?? (() => new Date());
	const logger = options.logger;
	const timeoutMs = settings.timeoutMs && settings.timeoutMs > 0 ? settings.timeoutMs : DEFAULT_TIMEOUT_MS;
	const endpoint = resolveBaseUrl(settings);
	const credentialKey = credentialHash([
		endpoint.baseUrl ?? settings.customBaseUrl,
		settings.accessKey,
		settings.domainId,
		settings.clientId,
	]);
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

	const log = (plan: CallPlan<unknown>, started: number, outcome: string, requestBytes: number, responseBytes: number) => {
		logger?.debug(redactor.redact(`Yuki ${plan.service}.${plan.operation}: ${outcome}`), {
			service: plan.service,
			operation: plan.operation,
			administrationId: plan.administrationId,
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

	/** One HTTP call, its answer read by `plan.read`; every failure becomes a redacted YukiError. */
	async function call<T>(plan: CallPlan<T>): Promise<T> {
		const { service, operation } = plan;
		if (endpoint.problem !== undefined) {
			throw error(endpoint.problem, { kind: 'configuration', service, operation, mayHaveReachedYuki: false });
		}
		const url = serviceUrl(endpoint.baseUrl, service);
		const envelope = await buildEnvelope(service, operation, plan.args);
		const parts = bodyParts(envelope.xml, plan.binary);
		const requestBytes = bodyLength(parts);
		const started = Date.now();
		let responseBytes = 0;
		try {
			let answer: HttpAnswer;
			try {
				answer = await postXml(url, { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${envelope.soapAction}"` }, parts, timeoutMs);
			} catch (failure) {
				// A refused connection never reached Yuki, so it costs no quota.
				if (!(failure instanceof HttpFailure && failure.reason === 'network' && !failure.requestSent && !failure.answerStarted)) {
					record(operation);
				}
				throw failure;
			}
			record(operation);
			responseBytes = answer.responseBytes;
			const result = interpret(plan, answer.status, answer.body);
			log(plan, started, 'ok', requestBytes, responseBytes);
			return result;
		} catch (failure) {
			const yukiError = toYukiError(plan, url, failure);
			log(plan, started, yukiError.kind, requestBytes, responseBytes);
			throw yukiError;
		}
	}

	function interpret<T>(plan: CallPlan<T>, status: number, body: string): T {
		let answer: ReturnType<typeof readEnvelope> | undefined;
		try {
			answer = readEnvelope(body);
		} catch (failure) {
			if (status === 200 || status === 500 || !(failure instanceof MalformedAnswerError)) throw failure;
		}
		if (answer?.fault) {
			const { faultString, faultCode } = answer.fault;
			throw error(`Yuki rejected ${plan.service}.${plan.operation}: ${faultString}`, {
				kind: 'fault',
				service: plan.service,
				operation: plan.operation,
				faultString,
				faultCode,
				httpStatus: status,
				hint: hintForFault(faultString),
				mayHaveReachedYuki: false,
			});
		}
		if (status !== 200 || !answer) {
			throw error(`Yuki answered ${plan.service}.${plan.operation} with HTTP ${status}`, {
				kind: 'http',
				service: plan.service,
				operation: plan.operation,
				httpStatus: status,
				hint: hintForHttpStatus(status),
				// A gateway error may hide a call Yuki carried out; a 4xx was refused before any work.
				mayHaveReachedYuki: status >= 500,
			});
		}
		return plan.read(answer.body);
	}

	function toYukiError(plan: CallPlan<unknown>, url: URL, failure: unknown): YukiError {
		const { service, operation } = plan;
		if (failure instanceof YukiError) return failure;
		if (failure instanceof HttpFailure) {
			if (failure.reason === 'timeout') {
				return error(`Yuki did not answer ${service}.${operation} within ${Math.round(timeoutMs / 1000)} s`, {
					kind: 'timeout',
					service,
					operation,
					hint: failure.requestSent ? SLOW_ANSWER_HINT : hintForNetwork(endpoint.baseUrl ?? ''),
					mayHaveReachedYuki: failure.requestSent,
				});
			}
			const reason = failure.code && !failure.message.includes(failure.code) ? `${failure.code}: ${failure.message}` : failure.message;
			const reached = failure.requestSent || failure.answerStarted;
			const message = reached
				? `The connection to Yuki at ${url.host} broke during ${service}.${operation}: ${reason}`
				: `Could not reach Yuki at ${url.host}: ${reason}; check the region/base URL`;
			return error(message, {
				kind: 'network',
				service,
				operation,
				hint: reached ? BROKEN_CONNECTION_HINT : hintForNetwork(endpoint.baseUrl ?? ''),
				mayHaveReachedYuki: reached,
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

	function sessionKey(kind: SessionKind): string {
		return `${credentialKey}:${kind}`;
	}

	async function authenticate(kind: SessionKind, service: YukiService): Promise<string> {
		const operation = kind === 'client' ? 'AuthenticateClient' : 'Authenticate';
		const sessionId = await call({
			service,
			operation,
			args:
				kind === 'client'
					? { clientID: settings.clientId, clientSecret: settings.clientSecret, accessKey: settings.accessKey }
					: { accessKey: settings.accessKey },
			read: (body) => textOf(operationResult(body, operation)),
		});
		if (!sessionId) {
			throw error(`Yuki returned no session for ${service}.${operation}`, {
				kind: 'fault',
				service,
				operation,
				hint: kind === 'client' ? PURCHASE_ACCESS_HINT : ACCESS_KEY_HINT,
				mayHaveReachedYuki: false,
			});
		}
		redactor.add(sessionId);
		if (settings.domainId) {
			await call({ service, operation: 'SetCurrentDomain', args: { sessionID: sessionId, domainID: settings.domainId }, read: () => undefined });
		}
		return sessionId;
	}

	async function session(kind: SessionKind, service: YukiService, operation: string): Promise<string> {
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
		const sessionId = await obtainSession(sessionKey(kind), now, () => authenticate(kind, service));
		redactor.add(sessionId);
		return sessionId;
	}

	/** A call that needs a session; renews it once if Yuki refuses it. */
	async function withSession<T>(kind: SessionKind, plan: Omit<CallPlan<T>, 'args'> & { args: (sessionId: string) => Arguments }): Promise<T> {
		const sessionId = await session(kind, plan.service, plan.operation);
		try {
			return await call({ ...plan, args: plan.args(sessionId) });
		} catch (failure) {
			if (!(failure instanceof YukiError && failure.kind === 'fault' && isSessionFault(failure.faultString))) throw failure;
			forgetSession(sessionKey(kind), sessionId);
			const renewed = await session(kind, plan.service, plan.operation);
			return await call({ ...plan, args: plan.args(renewed) });
		}
	}

	const resultOf = (operation: string) => (body: XmlElement) => operationResult(body, operation);

	return {
		async administrations() {
			const records = await withSession('key', {
				service: 'Accounting',
				operation: 'Administrations',
				args: (sessionID) => ({ sessionID }),
				read: (body) => readRecords(resultOf('Administrations')(body), administrationRecord),
			});
			return typed<Administration>(records, ['id'], 'Administration');
		},

		processSalesInvoices(administrationId, xmlDoc) {
			return withSession('key', {
				service: 'Sales',
				operation: 'ProcessSalesInvoices',
				administrationId,
				args: (sessionId) => ({ sessionId, administrationId, xmlDoc: asXmlElements(xmlDoc) }),
				read: (body) => readImportResponse(resultOf('ProcessSalesInvoices')(body), 'sales'),
			});
		},

		processPurchaseInvoices(administrationId, xmlDoc, disableAutoCorrect = false) {
			return withSession('client', {
				service: 'Purchase',
				operation: 'ProcessPurchaseInvoices',
				administrationId,
				args: (sessionId) => ({
					sessionId,
					administrationId,
					disableAutoCorrect: String(disableAutoCorrect),
					xmlDoc: asXmlElements(xmlDoc),
				}),
				read: (body) => readImportResponse(resultOf('ProcessPurchaseInvoices')(body), 'purchase'),
			});
		},

		checkOutstandingItem(administrationId, reference) {
			return withSession('key', {
				service: 'Accounting',
				operation: 'CheckOutstandingItemAdmin',
				administrationId,
				args: (sessionID) => ({ sessionID, administrationID: administrationId, Reference: reference }),
				read: (body) => readOutstandingItems(resultOf('CheckOutstandingItemAdmin')(body), 'CheckOutstandingItemAdmin', 'OutstandingItems'),
			});
		},

		outstandingItems(side, administrationId, { includeBankTransactions, sortOrder, startDate, endDate }) {
			const byDate = Boolean(startDate || endDate);
			const operation = `Outstanding${side === 'debtor' ? 'Debtor' : 'Creditor'}Items${byDate ? 'ByDate' : ''}`;
			const period = byDate
				? { startDate: dateTimeParameter(startDate ?? EARLIEST_DATE, 'startDate'), endDate: dateTimeParameter(endDate ?? LATEST_DATE, 'endDate') }
				: {};
			return withSession('key', {
				service: 'Accounting',
				operation,
				administrationId,
				args: (sessionID) => ({
					sessionID,
					administrationID: administrationId,
					includeBankTransactions: String(includeBankTransactions),
					sortOrder,
					...period,
				}),
				read: (body) => readOutstandingItems(resultOf(operation)(body), operation, `Outstanding${side === 'debtor' ? 'Debtor' : 'Creditor'}Items`),
			});
		},

		uploadDocument(request: UploadDocumentRequest) {
			return withSession('key', {
				service: 'Archive',
				operation: 'UploadDocumentWithData',
				administrationId: request.administrationId,
				args: (sessionID) => ({
					sessionID,
					fileName: request.fileName,
					data: DATA_PLACEHOLDER,
					folder: String(request.folder),
					administrationID: request.administrationId,
					currency: request.currency,
					amount: request.amount,
					costCategory: request.costCategory,
					paymentMethod: String(request.paymentMethod),
					project: request.project,
					remarks: request.remarks,
				}),
				binary: { placeholder: DATA_PLACEHOLDER, data: request.data },
				read: (body) => {
					const documentId = textOf(resultOf('UploadDocumentWithData')(body));
					if (!documentId) throw new MalformedAnswerError('Yuki returned no document ID for the upload');
					return documentId;
				},
			});
		},

		async activeVatCodes(administrationId) {
			const records = await withSession('key', {
				service: 'Vat',
				operation: 'ActiveVATCodesList',
				administrationId,
				args: (sessionID) => ({ sessionID, administrationID: administrationId }),
				read: (body) => readRecords(resultOf('ActiveVATCodesList')(body), vatCodeRecord),
			});
			return typed<VatCode>(records, ['type', 'percentage'], 'VATCode');
		},

		async glAccounts(administrationId) {
			const records = await withSession('key', {
				service: 'AccountingInfo',
				operation: 'GetGLAccountScheme',
				administrationId,
				args: (sessionID) => ({ sessionID, administrationID: administrationId }),
				read: (body) => readRecords(resultOf('GetGLAccountScheme')(body), glAccountRecord),
			});
			return typed<GlAccount>(records, ['code'], 'GL account');
		},

		async documentFolders() {
			const records = await withSession('key', {
				service: 'Archive',
				operation: 'DocumentFolders',
				args: (sessionID) => ({ sessionID }),
				read: (body) => readRecords(resultOf('DocumentFolders')(body), documentFolderRecord),
			});
			return typed<DocumentFolder>(records, ['id'], 'Folder');
		},

		callCount(): CallCount {
			const { day, today } = callsToday(credentialKey, now());
			return { byOperation: { ...byOperation }, total, today, dailyLimit: DAILY_CALL_LIMIT, day };
		},
	};
}

/** Checks the keys a result type requires (inside `read`, so a gap is reported as a malformed answer). */
function typed<T>(records: ResultRecord[], required: readonly string[], recordName: string): T[] {
	requireKeys(records, required, recordName);
	return records as unknown as T[];
}

/** Used when only one end of a period is given: the ByDate operations need both. */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '9999-12-31';

/** `YYYY-MM-DD` as the xs:dateTime the ByDate operations take [guess: Yuki's WSDL types them as dateTime]. */
function dateTimeParameter(date: string, name: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(date.trim());
	if (!match) throw new RangeError(`${name} must be a date as YYYY-MM-DD, got "${date}"`);
	return `${match[1]}T00:00:00`;
}

function bodyParts(xml: string, binary: CallPlan<unknown>['binary']): BodyPart[] {
	if (!binary) return [xml];
	const [before, after, ...rest] = xml.split(binary.placeholder);
	if (after === undefined || rest.length > 0) throw new Error('The upload envelope has no single place for the document data');
	return [before, { base64: binary.data }, after];
}
