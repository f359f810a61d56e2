/**
 * An instant replay server on loopback: first it records the sandbox's answers to the exact
 * requests a scenario sends (as a proxy), then it answers the same requests from memory with no
 * work at all, optionally after a fixed delay that stands for Yuki's own time per call. Against
 * it, a run's time is the client's own cost plus loopback HTTP: the fair lower bound for
 * comparing the node with a raw POST of the same bodies.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayServer {
	url: string;
	/** `record`: forward to the sandbox and keep its answers; `replay`: answer from what was kept. */
	mode: 'record' | 'replay';
	/** Simulated time Yuki takes per call, in replay mode. */
	delayMs: number;
	/** Calls answered since the last `resetCount()`, by SOAP operation. */
	calls: Record<string, number>;
	resetCount(): void;
	/** The request bodies recorded for an operation, in order (what a raw client would POST). */
	recordedBodies(operation: string): string[];
	close(): Promise<void>;
}

interface Recorded {
	status: number;
	contentType: string;
	body: Buffer;
}

/** The session changes from run to run; the rest of a request decides the answer. */
function requestKey(body: string): string {
	return `${body.replace(/<(session[Ii][Dd])>[^<]*<\/session[Ii][Dd]>/g, '<$1>*</$1>')}`;
}

function operationOf(soapAction: string | string[] | undefined): string {
	const action = String(soapAction ?? '').replace(/"/g, '');
	return action.slice(action.lastIndexOf('/') + 1) || 'unknown';
}

function forward(target: URL, path: string, headers: Record<string, string>, body: Buffer): Promise<Recorded> {
	return new Promise((resolve, reject) => {
		const call = request(new URL(path, target), { method: 'POST', agent: false, headers: { ...headers, 'Content-Length': String(body.length) } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? 'text/xml'), body: Buffer.concat(chunks) }),
			);
			response.on('error', reject);
		});
		call.on('error', reject);
		call.end(body);
	});
}

export async function startReplayServer(sandboxUrl: string): Promise<ReplayServer> {
	const target = new URL(sandboxUrl);
	const answers = new Map<string, Recorded>();
	const bodies = new Map<string, string[]>();
	const server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const body = Buffer.concat(chunks);
			const path = incoming.url ?? '/';
			const operation = operationOf(incoming.headers.soapaction);
			const key = requestKey(body.toString('utf8'));
			replay.calls[operation] = (replay.calls[operation] ?? 0) + 1;
			const send = (answer: Recorded) => {
				outgoing.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Content-Length': answer.body.length });
				outgoing.end(answer.body);
			};
			if (replay.mode === 'record') {
				const headers = { 'Content-Type': String(incoming.headers['content-type'] ?? 'text/xml'), SOAPAction: String(incoming.headers.soapaction ?? '') };
				forward(target, path, headers, body).then(
					(answer) => {
						answers.set(key, answer);
						const list = bodies.get(operation) ?? [];
						list.push(body.toString('utf8'));
						bodies.set(operation, list);
						send(answer);
					},
					(error: Error) => {
						outgoing.writeHead(502);
						outgoing.end(error.message);
					},
				);
				return;
			}
			const answer = answers.get(key);
			const reply = () =>
				answer
					? send(answer)
					: send({ status: 500, contentType: 'text/plain', body: Buffer.from(`replay server: no recorded answer for this ${operation} request`) });
			if (replay.delayMs > 0) setTimeout(reply, replay.delayMs);
			else reply();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const replay: ReplayServer = {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		mode: 'record',
		delayMs: 0,
		calls: {},
		resetCount() {
			replay.calls = {};
		},
		recordedBodies(operation) {
			return [...(bodies.get(operation) ?? [])];
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
	return replay;
}

export function totalCalls(calls: Record<string, number>): number {
	return Object.values(calls).reduce((sum, count) => sum + count, 0);
}
