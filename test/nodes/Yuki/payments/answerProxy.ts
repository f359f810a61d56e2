/**
 * A hostile proxy between the node and the sandbox: forwards every call, and lets a test rewrite
 * the answer of a named Yuki operation (e.g. drop the `…Result` element, or answer an empty list).
 * It works on the wire, so what it proves holds for whatever XML reader the transport uses.
 */
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Rewrite = (body: string) => string;

export interface AnswerProxy {
	url: string;
	/** Rewrites the next `times` answers of `operation` (default once). */
	rewrite(operation: string, rewrite: Rewrite, times?: number): void;
	/** How many rewrites are still queued. */
	pending(): number;
	close(): Promise<void>;
}

export async function startAnswerProxy(target: string): Promise<AnswerProxy> {
	const queue: Array<{ operation: string; rewrite: Rewrite; left: number }> = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const action = String(request.headers.soapaction ?? '').replace(/"/g, '');
			const operation = action.slice(action.lastIndexOf('/') + 1);
			const headers = { ...request.headers };
			delete headers.host;
			const upstream = http.request(new URL(request.url ?? '/', target), { method: request.method, headers }, (answer) => {
				const parts: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => parts.push(chunk));
				answer.on('end', () => {
					let body = Buffer.concat(parts).toString('utf8');
					const entry = queue.find((candidate) => candidate.operation === operation && candidate.left > 0);
					if (entry) {
						entry.left--;
						body = entry.rewrite(body);
					}
					response.writeHead(answer.statusCode ?? 500, {
						'Content-Type': answer.headers['content-type'] ?? 'text/xml; charset=utf-8',
						'Content-Length': Buffer.byteLength(body),
					});
					response.end(body);
				});
			});
			upstream.on('error', () => response.destroy());
			upstream.end(Buffer.concat(chunks));
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		rewrite: (operation, rewrite, times = 1) => queue.push({ operation, rewrite, left: times }),
		pending: () => queue.reduce((total, entry) => total + entry.left, 0),
		close: async () => {
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		},
	};
}

/** The answer without its `<Operation>Result>` element (the WSDL allows it; Yuki's answers have it). */
export function withoutResult(operation: string): Rewrite {
	return (body) => body.replace(new RegExp(`<${operation}Result>[\\s\\S]*</${operation}Result>`), '');
}

/** The answer as an empty list in Yuki's shape: every open item gone. */
export function emptyList(operation: string, container: string): Rewrite {
	return (body) => body.replace(new RegExp(`<${operation}Result>[\\s\\S]*</${operation}Result>`), `<${operation}Result><${container} xmlns="" /></${operation}Result>`);
}
