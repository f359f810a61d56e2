/**
 * A local Yuki: a real SOAP 1.1 server on loopback (node `http`, no framework) that plays the
 * Yuki web services by the contract, strict where Yuki is strict. It shares no code with the
 * client's transport, so it cannot agree with the client's mistakes. Admin endpoints under
 * `/sandbox/` let tests and demos record payments, queue faults and inspect the state.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DateTime } from 'luxon';
import { YUKI_NAMESPACE } from './soap';
import { formatDecimal, multiplyDecimals, rescale } from './documents';
import { DEMO, seedState } from './demoData';
import { DEFAULT_FAULT_STRING, FAULTS_BEFORE_OPERATION, FaultQueue, xxeBody } from './faults';
import type { FaultKind, FaultSpec } from './faults';
import { newGuid } from './ids';
import { recordPayment } from './ledger';
import type { PaymentOptions, PaymentResult } from './ledger';
import { FAULT_TEXT, SERVICES, bindParameters, findOperation } from './operations';
import type { CallContext, ServiceName } from './operations';
import { SOAP_ENV_NS, SoapFault, faultEnvelope, resultEnvelope } from './soap';
import { loadState, saveState } from './state';
import type { SandboxState, Side } from './state';
import { XmlParseError, childElements, parseXml } from './xml';

export type { FaultSpec, FaultKind } from './faults';
export type { PaymentResult, PaymentOptions } from './ledger';
export type { SandboxState } from './state';
export { DEMO } from './demoData';

export interface SandboxOptions {
	/** 0 = a free port (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Calls per domain per Europe/Amsterdam day (default 1000, Yuki's free quota). */
	dailyQuota?: number;
	/** Session lifetime (default 24 h). */
	sessionTtlMs?: number;
	/** Loaded at start when it exists; saved after every change. */
	stateFile?: string;
	/** `demo` (default): contacts and open invoices; `empty`: only the domain's set-up. */
	seed?: 'demo' | 'empty';
	now?: () => Date;
	/** What CheckOutstandingItem* returns for a fully paid invoice: no Item (default) or an Item with OpenAmount 0.00. */
	paidItemLookup?: 'absent' | 'zero';
}

export type DemoCredentials = typeof DEMO;

export interface CallRecord {
	service: string;
	operation: string;
	administrationId?: string;
	ok: boolean;
	/** Fault text answered, or `injected <kind>` when an injected fault replaced or spoiled the answer. */
	fault?: string;
	/** The injected fault that hit this call, if any (a `slow` call can still be ok). */
	injected?: FaultKind;
	at: string;
}

export interface SeedOpenItemsOptions {
	side?: Side;
	/** Default: the demo organisation. */
	administrationId?: string;
}

export interface SeedOpenItemsResult {
	created: number;
	firstReference: string;
	lastReference: string;
}

export interface RunningSandbox {
	/** Base URL, e.g. http://127.0.0.1:41234; services at `<url>/ws/<Service>.asmx`. */
	url: string;
	port: number;
	demo: DemoCredentials;
	/** The live state (replaced by a reset, so read it through this property). */
	readonly state: SandboxState;
	/** Every SOAP call received, in order. */
	readonly calls: CallRecord[];
	recordPayment(reference: string, amount: string | number, opts?: PaymentOptions): PaymentResult;
	/** Bulk-creates open sales (or purchase) invoices for benchmarks: references BULK-000001… */
	seedOpenItems(count: number, opts?: SeedOpenItemsOptions): SeedOpenItemsResult;
	injectFault(fault: FaultSpec): void;
	clearFaults(): void;
	expireSessions(): void;
	resetQuota(): void;
	/** Back to the seed state; clears calls and faults. */
	reset(): void;
	save(file?: string): void;
	close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Injected faults after which the client has no usable answer although the operation ran. */
const ANSWER_SPOILERS: ReadonlySet<FaultKind> = new Set(['drop', 'reset-mid-response', 'truncated']);
const SERVICE_PATH = /^\/ws\/([A-Za-z]+)\.asmx$/i;

function seedOpenItems(state: SandboxState, count: number, options: SeedOpenItemsOptions, now: Date): SeedOpenItemsResult {
	if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new Error('count must be a whole number from 1 to 1000000');
	const side = options.side ?? 'debtor';
	const administrationId = options.administrationId ?? DEMO.organisation.id;
	if (!state.administrations.some((admin) => admin.id === administrationId)) {
		throw new Error(`Unknown administration ${administrationId}`);
	}
	// A handful of shared contacts, as a real ledger has many invoices per customer.
	const contactIds: string[] = [];
	for (let index = 1; index <= 25; index++) {
		const code = `BULK-C${String(index).padStart(3, '0')}`;
		let contact = state.contacts.find((candidate) => candidate.administrationId === administrationId && candidate.code === code);
		if (!contact) {
			contact = { id: newGuid(), administrationId, code, fullName: `Bulk relatie ${String(index).padStart(3, '0')}`, fields: { CountryCode: 'NL' } };
			state.contacts.push(contact);
		}
		contactIds.push(contact.id);
	}
	const start = DateTime.fromJSDate(now).setZone('Europe/Amsterdam').startOf('day');
	const first = state.counters.bulk + 1;
	for (let offset = 0; offset < count; offset++) {
		const number = first + offset;
		const reference = `BULK-${String(number).padStart(6, '0')}`;
		const date = start.minus({ days: number % 365 });
		// Varied but exact amounts: n × 1.21 (a net amount plus 21 % VAT).
		const amount = formatDecimal(rescale(multiplyDecimals({ units: BigInt((number % 997) + 1) * 100n, scale: 2 }, { units: 121n, scale: 2 }), 2));
		state.items.push({
			id: newGuid(),
			administrationId,
			side,
			typeId: side === 'debtor' ? 6 : 2,
			typeText: side === 'debtor' ? 'Verkoopfactuur' : 'Aankoopfactuur',
			date: date.toISODate() ?? '',
			dueDate: date.plus({ days: 30 }).toISODate() ?? '',
			description: `${side === 'debtor' ? 'Factuur' : 'Inkoopfactuur'} ${reference}`,
			contactId: contactIds[number % contactIds.length],
			reference,
			paymentReference: '',
			paymentMethod: 'Overschrijving',
			documentId: newGuid(),
			originalAmount: amount,
			openAmount: amount,
		});
	}
	state.counters.bulk += count;
	return {
		created: count,
		firstReference: `BULK-${String(first).padStart(6, '0')}`,
		lastReference: `BULK-${String(first + count - 1).padStart(6, '0')}`,
	};
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('Request body too large'));
				request.destroy();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function send(response: ServerResponse, status: number, body: string, contentType: string): void {
	response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
	response.end(body);
}

const XML_TYPE = 'text/xml; charset=utf-8';

function sendJson(response: ServerResponse, status: number, value: unknown): void {
	send(response, status, JSON.stringify(value, null, 2), 'application/json; charset=utf-8');
}

/** A delay that does not keep the process alive once the server is closed. */
function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts a sandbox. Close it with `close()`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
	const host = options.host ?? '127.0.0.1';
	const dailyQuota = options.dailyQuota ?? 1000;
	const sessionTtlMs = options.sessionTtlMs ?? 24 * 60 * 60 * 1000;
	const now = options.now ?? (() => new Date());
	const seed = options.seed ?? 'demo';
	const paidItemLookup = options.paidItemLookup ?? 'absent';
	let state: SandboxState = (options.stateFile && loadState(options.stateFile)) || seedState(seed);
	const calls: CallRecord[] = [];
	const faults = new FaultQueue();
	const sockets = new Set<Socket>();

	const persist = () => {
		if (options.stateFile) saveState(state, options.stateFile);
	};
	persist();

	async function handleSoap(request: IncomingMessage, response: ServerResponse, service: ServiceName): Promise<void> {
		const body = await readBody(request);
		const at = now().toISOString();
		const soapAction = request.headers.soapaction;
		const actionValue = Array.isArray(soapAction) ? soapAction[0] : soapAction ?? '';
		const actionMatch = /^"http:\/\/www\.theyukicompany\.com\/([A-Za-z]+)"$/.exec(actionValue);
		const operationName = actionMatch?.[1] ?? actionValue.replace(/^"|"$/g, '');
		const record: CallRecord = { service, operation: operationName, ok: false, at };
		calls.push(record);
		const answerFault = (fault: SoapFault) => {
			record.fault = fault.message;
			send(response, 500, faultEnvelope(fault), XML_TYPE);
		};

		const contentType = String(request.headers['content-type'] ?? '');
		if (!/^text\/xml\s*(;|$)/i.test(contentType)) {
			record.fault = `Unsupported Media Type ${contentType}`;
			send(response, 415, `Unsupported Media Type: '${contentType}'. A SOAP 1.1 request needs Content-Type text/xml.`, 'text/plain');
			return;
		}
		const operation = actionMatch ? findOperation(service, actionMatch[1]) : undefined;
		if (!operation) {
			answerFault(new SoapFault(`Server did not recognize the value of HTTP Header SOAPAction: ${actionValue.replace(/^"|"$/g, '')}.`, 'soap:Client'));
			return;
		}

		const injected = faults.take(operationName);
		if (injected) record.injected = injected.kind;
		if (injected && FAULTS_BEFORE_OPERATION.has(injected.kind)) {
			record.fault = `injected ${injected.kind}`;
			answerInjectedBefore(response, injected, operationName);
			return;
		}
		if (injected?.kind === 'expire-session') state.sessions = [];

		let answer: { status: number; body: string };
		try {
			answer = { status: 200, body: runOperation(body, service, operationName, operation, record) };
			record.ok = true;
		} catch (error) {
			if (!(error instanceof SoapFault)) throw error;
			record.fault = error.message;
			answer = { status: 500, body: faultEnvelope(error) };
		}
		if (injected && ANSWER_SPOILERS.has(injected.kind)) {
			// The operation ran (and may have booked), but the client never gets a usable answer.
			record.ok = false;
			record.fault = `injected ${injected.kind}`;
		}
		await answerInjectedAfter(request, response, injected, answer);
	}

	/** Parses the envelope, binds the parameters and runs the operation; returns the answer body. */
	function runOperation(
		body: string,
		service: ServiceName,
		operationName: string,
		operation: NonNullable<ReturnType<typeof findOperation>>,
		record: CallRecord,
	): string {
		let envelope;
		try {
			envelope = parseXml(body);
		} catch (error) {
			if (!(error instanceof XmlParseError)) throw error;
			throw new SoapFault(`Server was unable to read request. ---> There is an error in XML document. ---> ${error.message}`, 'soap:Client');
		}
		if (envelope.local !== 'Envelope' || envelope.ns !== SOAP_ENV_NS) {
			throw new SoapFault(`Server was unable to read request: the root element must be a SOAP 1.1 Envelope (${SOAP_ENV_NS})`, 'soap:Client');
		}
		const soapBody = childElements(envelope).find((child) => child.local === 'Body' && child.ns === SOAP_ENV_NS);
		const call = soapBody ? childElements(soapBody)[0] : undefined;
		if (!call || call.local !== operationName || call.ns !== YUKI_NAMESPACE) {
			const found = call ? `<${call.local} xmlns='${call.ns}'>` : 'an empty soap:Body';
			throw new SoapFault(
				`Server was unable to read request. ---> There is an error in XML document. ---> ${found} was not expected; expected <${operationName} xmlns='${YUKI_NAMESPACE}'>.`,
				'soap:Client',
			);
		}
		const context: CallContext = {
			state,
			now: now(),
			service,
			dailyQuota,
			sessionTtlMs,
			paidItemLookup,
			params: bindParameters(operation, call),
			changed: false,
			charged: false,
		};
		try {
			const result = operation.run(context);
			return resultEnvelope(operationName, result);
		} finally {
			record.administrationId = context.administrationId;
			if (context.changed) persist();
		}
	}

	function answerInjectedBefore(response: ServerResponse, fault: FaultSpec, operationName: string): void {
		switch (fault.kind) {
			case 'malformed':
				send(response, 200, 'Service temporarily unavailable {upstream: reset}', XML_TYPE);
				return;
			case 'fault':
			case 'fault-in-200':
				send(response, fault.kind === 'fault' ? 500 : 200, faultEnvelope(new SoapFault(fault.faultString ?? DEFAULT_FAULT_STRING)), XML_TYPE);
				return;
			case 'quota-exhausted':
				send(response, 500, faultEnvelope(new SoapFault(FAULT_TEXT.dailyLimit(dailyQuota), 'soap:Client', `Every domain has ${dailyQuota} webservice calls a day.`)), XML_TYPE);
				return;
			case 'xxe':
				send(response, 200, xxeBody(operationName), XML_TYPE);
				return;
			case 'http-status': {
				const status = fault.status ?? 503;
				send(response, status, `<html><head><title>${status}</title></head><body><h1>HTTP Error ${status}</h1><p>The service is unavailable.</p></body></html>`, 'text/html; charset=utf-8');
				return;
			}
			default:
				throw new Error(`Fault ${fault.kind} does not act before the operation`);
		}
	}

	async function answerInjectedAfter(
		request: IncomingMessage,
		response: ServerResponse,
		fault: FaultSpec | undefined,
		answer: { status: number; body: string },
	): Promise<void> {
		const bytes = Buffer.from(answer.body, 'utf8');
		switch (fault?.kind) {
			case 'slow':
				await sleep(fault.delayMs ?? 2000);
				if (!response.destroyed && !request.socket.destroyed) send(response, answer.status, answer.body, XML_TYPE);
				return;
			case 'drop':
				request.socket.destroy();
				return;
			case 'reset-mid-response':
				response.writeHead(answer.status, { 'Content-Type': XML_TYPE, 'Content-Length': bytes.length });
				response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
				return;
			case 'truncated': {
				const half = bytes.subarray(0, Math.floor(bytes.length / 2));
				response.writeHead(answer.status, { 'Content-Type': XML_TYPE, 'Content-Length': half.length });
				response.end(half);
				return;
			}
			default:
				send(response, answer.status, answer.body, XML_TYPE);
		}
	}

	async function handleAdmin(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
		const method = request.method ?? 'GET';
		const readJson = async (): Promise<Record<string, unknown>> => {
			const text = await readBody(request);
			if (!text.trim()) return {};
			const parsed = JSON.parse(text) as unknown;
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The body must be a JSON object');
			return parsed as Record<string, unknown>;
		};
		const route = `${method} ${path}`;
		switch (route) {
			case 'GET /sandbox/demo':
				return sendJson(response, 200, DEMO);
			case 'GET /sandbox/state':
				return sendJson(response, 200, state);
			case 'GET /sandbox/calls':
				return sendJson(response, 200, calls);
			case 'GET /sandbox/faults':
				return sendJson(response, 200, faults.pending());
			case 'POST /sandbox/payments': {
				const body = await readJson();
				if (typeof body.reference !== 'string' || (typeof body.amount !== 'string' && typeof body.amount !== 'number')) {
					throw new Error('Give {"reference": "…", "amount": "12.34"} (side and administrationId are optional)');
				}
				if (body.side !== undefined && body.side !== 'debtor' && body.side !== 'creditor') throw new Error('side must be debtor or creditor');
				return sendJson(response, 200, sandbox.recordPayment(body.reference, body.amount, {
					side: body.side as Side | undefined,
					administrationId: typeof body.administrationId === 'string' ? body.administrationId : undefined,
				}));
			}
			case 'POST /sandbox/open-items': {
				const body = await readJson();
				if (body.side !== undefined && body.side !== 'debtor' && body.side !== 'creditor') throw new Error('side must be debtor or creditor');
				return sendJson(response, 200, sandbox.seedOpenItems(Number(body.count), {
					side: body.side as Side | undefined,
					administrationId: typeof body.administrationId === 'string' ? body.administrationId : undefined,
				}));
			}
			case 'POST /sandbox/faults': {
				const body = await readJson();
				sandbox.injectFault(body as unknown as FaultSpec);
				return sendJson(response, 200, faults.pending());
			}
			case 'DELETE /sandbox/faults':
				sandbox.clearFaults();
				return sendJson(response, 200, []);
			case 'POST /sandbox/reset':
				sandbox.reset();
				return sendJson(response, 200, { reset: true });
			case 'POST /sandbox/expire-sessions':
				sandbox.expireSessions();
				return sendJson(response, 200, { sessions: 0 });
			case 'POST /sandbox/reset-quota':
				sandbox.resetQuota();
				return sendJson(response, 200, { quota: {} });
			default:
				return sendJson(response, 404, { error: `No sandbox endpoint ${route}` });
		}
	}

	const server: Server = createServer((request, response) => {
		const path = (request.url ?? '/').split('?')[0];
		const handle = async () => {
			if (path.startsWith('/sandbox/')) return handleAdmin(request, response, path);
			const match = SERVICE_PATH.exec(path);
			const service = match ? SERVICES.find((name) => name.toLowerCase() === match[1].toLowerCase()) : undefined;
			if (!service) {
				return send(response, 404, '<html><body><h1>404 - File or directory not found.</h1></body></html>', 'text/html; charset=utf-8');
			}
			if (request.method !== 'POST') {
				return send(response, 405, `<html><body><h1>${service} web service</h1><p>Send SOAP 1.1 requests with POST.</p></body></html>`, 'text/html; charset=utf-8');
			}
			return handleSoap(request, response, service);
		};
		handle().catch((error: Error) => {
			if (response.headersSent) {
				response.destroy();
				return;
			}
			// Admin endpoints only fail on bad input; anything else is a sandbox bug, answered like ASMX would.
			if (path.startsWith('/sandbox/')) sendJson(response, 400, { error: error.message });
			else send(response, 500, faultEnvelope(new SoapFault(`Server was unable to process request. ---> ${error.message}`)), XML_TYPE);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const urlHost = host.includes(':') ? `[${host}]` : host;

	const sandbox: RunningSandbox = {
		url: `http://${urlHost}:${port}`,
		port,
		demo: DEMO,
		get state() {
			return state;
		},
		get calls() {
			return calls;
		},
		recordPayment(reference, amount, opts = {}) {
			const result = recordPayment(state, reference, amount, opts, now());
			persist();
			return result;
		},
		seedOpenItems(count, opts = {}) {
			const result = seedOpenItems(state, count, opts, now());
			persist();
			return result;
		},
		injectFault(fault) {
			faults.add(fault);
		},
		clearFaults() {
			faults.clear();
		},
		expireSessions() {
			state.sessions = [];
			persist();
		},
		resetQuota() {
			state.quota = {};
			persist();
		},
		reset() {
			state = seedState(seed);
			calls.length = 0;
			faults.clear();
			persist();
		},
		save(file) {
			const target = file ?? options.stateFile;
			if (!target) throw new Error('No state file: pass one to save() or start the sandbox with stateFile');
			saveState(state, target);
		},
		close() {
			return new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				for (const socket of sockets) socket.destroy();
			});
		},
	};
	return sandbox;
}
