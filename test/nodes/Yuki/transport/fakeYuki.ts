/**
 * A tiny stand-in for Yuki on 127.0.0.1:0 that records every request and answers from the
 * fixtures in test/fixtures/transport (by operation), or with a scripted reply.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseXml } from '../../../../nodes/Yuki/transport/xml/scanner';
import type { XmlElement } from '../../../../nodes/Yuki/transport/xml/scanner';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'transport');

export function fixture(name: string): string {
	return readFileSync(join(FIXTURES, `${name}.xml`), 'utf8');
}

export interface RecordedRequest {
	method: string;
	path: string;
	soapAction: string;
	contentType: string;
	body: string;
	/** Operation from the SOAPAction header. */
	operation: string;
	/** The operation element inside the Body. */
	operationElement: XmlElement;
	/** Parameter names in the order sent, with their text. */
	parameters: Array<[string, string]>;
}

export type Reply =
	| { fixture: string; status?: number }
	| { body: string; status?: number; contentType?: string; location?: string }
	/** Never answer (the client times out). */
	| { hang: true }
	/** Send the headers and half the body, then cut the connection. */
	| { resetMidResponse: string }
	/** Cut the connection after reading the request, before any answer. */
	| { resetBeforeAnswer: true };

export interface FakeYuki {
	baseUrl: string;
	requests: RecordedRequest[];
	/** Queue one-shot replies for an operation; without one, `<Operation>.xml` is served. */
	reply(operation: string, ...replies: Reply[]): void;
	/** Answer every call of an operation like this. */
	always(operation: string, reply: Reply): void;
	operations(): string[];
	close(): Promise<void>;
}

export async function startFakeYuki(): Promise<FakeYuki> {
	const queued = new Map<string, Reply[]>();
	const fixed = new Map<string, Reply>();
	const requests: RecordedRequest[] = [];

	const server = http.createServer(async (request, response) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');
		const soapAction = String(request.headers.soapaction ?? '');
		const operation = soapAction.replace(/^"|"$/g, '').replace('http://www.theyukicompany.com/', '');
		let operationElement: XmlElement = { name: '', attributes: {}, children: [], text: '' };
		try {
			const envelope = parseXml(body);
			const soapBody = envelope.children.find((child) => child.name === 'Body');
			operationElement = soapBody?.children[0] ?? operationElement;
		} catch {
			// Recorded as is; the test decides whether that matters.
		}
		requests.push({
			method: request.method ?? '',
			path: request.url ?? '',
			soapAction,
			contentType: String(request.headers['content-type'] ?? ''),
			body,
			operation,
			operationElement,
			parameters: operationElement.children.map((child) => [child.name, child.text]),
		});

		const reply = queued.get(operation)?.shift() ?? fixed.get(operation) ?? { fixture: operation };
		if ('hang' in reply) return;
		if ('resetBeforeAnswer' in reply) {
			request.socket.destroy();
			return;
		}
		if ('resetMidResponse' in reply) {
			const full = Buffer.from(reply.resetMidResponse);
			response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(full.length) });
			response.write(full.subarray(0, Math.floor(full.length / 2)), () => request.socket.destroy());
			return;
		}
		let text: string;
		if ('fixture' in reply) {
			if (!existsSync(join(FIXTURES, `${reply.fixture}.xml`))) {
				response.writeHead(500, { 'Content-Type': 'text/plain' });
				response.end(`no fixture for ${reply.fixture}`);
				return;
			}
			text = fixture(reply.fixture);
		} else {
			text = reply.body;
		}
		const status = reply.status ?? ('fixture' in reply && reply.fixture.startsWith('Fault.') ? 500 : 200);
		response.writeHead(status, {
			'Content-Type': ('contentType' in reply && reply.contentType) || 'text/xml; charset=utf-8',
			...('location' in reply && reply.location ? { Location: reply.location } : {}),
		});
		response.end(text);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		reply(operation, ...replies) {
			queued.set(operation, [...(queued.get(operation) ?? []), ...replies]);
		},
		always(operation, reply) {
			fixed.set(operation, reply);
		},
		operations: () => requests.map((request) => request.operation),
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Settings for a client of the fake server; each test gets its own access key so caches do not mix. */
let keyCounter = 0;
export function uniqueAccessKey(): string {
	keyCounter++;
	return `ak-${process.pid}-${keyCounter}-0f3e2d1c-9b8a-4765-a4b3-c2d1e0f9a8b7`;
}
