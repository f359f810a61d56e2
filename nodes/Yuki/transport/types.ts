/**
 * Public shapes of the transport: the only code that talks to Yuki. It knows Yuki's services and
 * operations, never an n8n operation, and does not import n8n-workflow.
 */
import type { FileSource, XmlPart } from '../documents/xml';
import type { WSDL_OPERATIONS } from './wsdl.generated';

export type YukiRegion = 'nl' | 'be' | 'custom';

/** Yuki's SOAP services this package ships WSDL files for (transport/wsdl/<Service>.wsdl). */
export type YukiService = keyof typeof WSDL_OPERATIONS;

export interface YukiConnectionSettings {
	region: YukiRegion;
	/** With region `custom`: base URL holding `/ws/<Service>.asmx`, e.g. the sandbox's URL. */
	customBaseUrl?: string;
	accessKey: string;
	/** Portal keys reach several domains: `SetCurrentDomain` is called with it after authenticating. */
	domainId?: string;
	/** Issued by Yuki for the Purchase service; used with `AuthenticateClient`. */
	clientId?: string;
	clientSecret?: string;
	/** Per-call timeout in milliseconds (default 120 000). */
	timeoutMs?: number;
	/**
	 * Lets a custom base URL use plain http:// to a host that is not loopback (the access key
	 * then travels unencrypted). Loopback (the local sandbox) never needs it.
	 */
	allowInsecureHttp?: boolean;
}

/** Receives one line per Yuki call. Never given an access key, client secret or session ID. */
export interface YukiLogger {
	debug(message: string, meta?: Record<string, unknown>): void;
	warn(message: string, meta?: Record<string, unknown>): void;
}

export type YukiErrorKind =
	/** Yuki answered with a SOAP fault (HTTP 500, or a fault inside a 200 body). */
	| 'fault'
	/** No answer within the timeout. */
	| 'timeout'
	/** Connection refused, reset, DNS failure, TLS failure. */
	| 'network'
	/** An answer that is not the SOAP document expected. */
	| 'malformed'
	/** An HTTP status other than 200/500 (e.g. 404 on a wrong base URL). */
	| 'http'
	/** Settings that cannot work (missing client ID/secret, bad base URL). */
	| 'configuration'
	/** A file the request reads while it is sent failed; the request was cut off before its end, nothing was processed. */
	| 'source';

export interface YukiErrorDetails {
	kind: YukiErrorKind;
	/** Yuki operation, e.g. `ProcessSalesInvoices`. */
	operation: string;
	service: YukiService;
	/** Yuki's own fault text, unchanged apart from secret redaction. */
	faultString?: string;
	faultCode?: string;
	httpStatus?: number;
	/** What the user can do about it, where known (wrong key, quota reached, wrong region…). */
	hint?: string;
	/**
	 * The request may have reached Yuki and been acted upon (e.g. a timeout after sending a
	 * Process call). Such a call is never repeated automatically.
	 */
	mayHaveReachedYuki: boolean;
}

/** Every failure the transport reports. Its message never contains a secret. */
export class YukiError extends Error implements YukiErrorDetails {
	kind: YukiErrorKind;
	operation: string;
	service: YukiService;
	faultString?: string;
	faultCode?: string;
	httpStatus?: number;
	hint?: string;
	mayHaveReachedYuki: boolean;

	constructor(message: string, details: YukiErrorDetails) {
		super(message);
		this.name = 'YukiError';
		this.kind = details.kind;
		this.operation = details.operation;
		this.service = details.service;
		this.faultString = details.faultString;
		this.faultCode = details.faultCode;
		this.httpStatus = details.httpStatus;
		this.hint = details.hint;
		this.mayHaveReachedYuki = details.mayHaveReachedYuki;
	}
}

/** Calls made, for the run summary every node output carries. */
export interface CallCount {
	/** Calls made by this client (one node run), by Yuki operation. */
	byOperation: Record<string, number>;
	/** Calls made by this client in total. */
	total: number;
	/** Calls this process has made today (Europe/Amsterdam day) with this credential. */
	today: number;
	/** Yuki's daily limit per domain (1,000 unless the domain pays for more). */
	dailyLimit: number;
	/** The Europe/Amsterdam date `today` counts for. */
	day: string;
}

export type OutstandingSide = 'debtor' | 'creditor';

export type OutstandingSortOrder = 'ContactAsc' | 'ContactDesc' | 'AmountAsc' | 'AmountDesc' | 'DateAsc' | 'DateDesc';

/** One open item, parsed by `outstandingItemRecord` (responses.ts). */
export interface OutstandingItem {
	id: string;
	date?: string;
	description?: string;
	contact?: string;
	contactId?: string;
	openAmount: number;
	originalAmount: number;
	/** Open and original amounts exactly as Yuki wrote them, for decimal-safe arithmetic. */
	openAmountText: string;
	originalAmountText: string;
	type?: string;
	typeId?: number;
	reference?: string;
	paymentReference?: string;
	dueDate?: string;
	paymentMethod?: string;
	documentId?: string;
	contactCode?: string;
	[key: string]: string | number | boolean | undefined;
}

export interface ImportInvoiceResult {
	succeeded: boolean;
	processed: boolean;
	emailSent?: boolean;
	reference?: string;
	subject?: string;
	contact?: string;
	message?: string;
}

export interface ImportResponse {
	timeStamp?: string;
	administrationId?: string;
	totalSucceeded: number;
	totalFailed: number;
	totalSkipped: number;
	/** One per submitted invoice, in input order. */
	invoices: ImportInvoiceResult[];
}

export interface Administration {
	id: string;
	name?: string;
	addressLine?: string;
	postcode?: string;
	city?: string;
	country?: string;
	cocNumber?: string;
	vatNumber?: string;
	startDate?: string;
	domainId?: string;
	active?: boolean;
}

export interface VatCode {
	description?: string;
	type: number;
	typeDescription?: string;
	percentage: number;
	country?: string;
	startDate?: string;
	endDate?: string;
}

export interface GlAccount {
	code: string;
	description?: string;
	type?: number;
	subtype?: number;
	isEnabled?: boolean;
}

export interface DocumentFolder {
	id: number;
	description?: string;
	icon?: string;
	/** Whether Yuki's back office handles documents put in this folder. */
	processedByYuki?: boolean;
}

export interface UploadDocumentRequest {
	administrationId: string;
	fileName: string;
	/** File content, base64-encoded by the transport while the envelope is written: its bytes, or a source read while it is sent. */
	data: Buffer | FileSource;
	folder: number;
	currency?: string;
	/** Canonical decimal text, e.g. "26.40". */
	amount: string;
	costCategory?: string;
	/** Yuki's integer payment method (0 = unspecified). */
	paymentMethod: number;
	project?: string;
	remarks?: string;
}

/** An XML document: one string, or text parts with files (Buffers or sources read while sending) that stand in it as their base64. */
export type XmlDocumentParts = string | readonly XmlPart[];
