/**
 * A hostile proxy between the node and the sandbox, on loopback: it forwards every call and may
 * rewrite Yuki's answer on the way back (an answer listing fewer invoices than were sent, totals
 * that disagree with the entries…). The sandbox stays an honest Yuki; the proxy is the odd
 * network or the odd Yuki answer the node must not trust blindly.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Rewrites the answer body of a call; returns it unchanged for calls it leaves alone. */
export type AnswerRewrite = (operation: string, body: string) => string;

export interface HostileProxy {
	url: string;
	/** The rewrite for the next calls (`undefined`: pass everything through). */
	rewrite: AnswerRewrite | undefined;
	close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

/** The Yuki operation of a SOAP call, from its SOAPAction header. */
function operationOf(message: IncomingMessage): string {
	return /\/([A-Za-z]+)"?$/.exec(String(message.headers.soapaction ?? ''))?.[1] ?? '';
}

export async function startHostileProxy(target: string): Promise<HostileProxy> {
	const upstream = new URL(target);
	const proxy: HostileProxy = { url: '', rewrite: undefined, close: async () => {} };
	const server: Server = createServer((incoming, outgoing) => {
		void (async () => {
			const body = await readAll(incoming);
			const operation = operationOf(incoming);
			const forwarded = request(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: incoming.method,
					path: incoming.url,
					headers: { ...incoming.headers, host: upstream.host, 'content-length': String(body.length) },
				},
				(answer) => {
					void readAll(answer).then((raw) => {
						const text = raw.toString('utf8');
						const rewritten = proxy.rewrite ? proxy.rewrite(operation, text) : text;
						const bytes = Buffer.from(rewritten, 'utf8');
						outgoing.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'text/xml', 'content-length': bytes.length });
						outgoing.end(bytes);
					});
				},
			);
			forwarded.on('error', () => outgoing.destroy());
			forwarded.end(body);
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	proxy.close = async () => await new Promise<void>((resolve) => server.close(() => resolve()));
	return proxy;
}

/** Removes the last `count` `<Invoice>` entries of an import answer, leaving its totals as they are. */
export function dropInvoiceEntries(body: string, count: number): string {
	let result = body;
	for (let removed = 0; removed < count; removed++) {
		const start = result.lastIndexOf('<Invoice ');
		const end = result.indexOf('</Invoice>', start);
		if (start === -1 || end === -1) break;
		result = result.slice(0, start) + result.slice(end + '</Invoice>'.length);
	}
	return result;
}

/** Sets one header total of an import answer (e.g. `TotalSucceeded`) to `value`. */
export function setTotal(body: string, element: 'TotalSucceeded' | 'TotalFailed' | 'TotalSkipped', value: number): string {
	return body.replace(new RegExp(`(<${element}[^>]*>)\\d+(</${element}>)`), `$1${value}$2`);
}
