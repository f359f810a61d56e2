/**
 * One HTTP POST with node's own http/https: no retries, no keep-alive (a reused socket the server
 * already closed would fail a Process call halfway and leave its outcome unknown), one overall
 * timeout that aborts the request. Tells whether the request body was fully sent, because that
 * decides whether a failed call may still have been acted upon by Yuki.
 */
import * as http from 'node:http';
import * as https from 'node:https';

/** Part of a request body: text, or a Buffer written as base64 in chunks (no full-size copy). */
export type BodyPart = string | { base64: Buffer };

export interface HttpAnswer {
	status: number;
	body: string;
	requestBytes: number;
	responseBytes: number;
}

export type HttpFailureReason = 'timeout' | 'network';

export class HttpFailure extends Error {
	constructor(
		message: string,
		readonly reason: HttpFailureReason,
		/** The whole request was handed to the network before the failure. */
		readonly requestSent: boolean,
		/** The answer had started to arrive. */
		readonly answerStarted: boolean,
		readonly code?: string,
	) {
		super(message);
		this.name = 'HttpFailure';
	}
}

/**
 * Far above Yuki's largest answers (a long open-item list is some megabytes); beyond it the
 * answer is refused rather than letting a wrong base URL fill n8n's memory.
 */
export const MAX_ANSWER_BYTES = 256 * 1024 * 1024;

/** 3 × 64 KiB: a multiple of 3 bytes, so chunks encode to base64 without padding in between. */
const BASE64_CHUNK_BYTES = 3 * 64 * 1024;

function partLength(part: BodyPart): number {
	return typeof part === 'string' ? Buffer.byteLength(part) : Math.ceil(part.base64.length / 3) * 4;
}

/** Bytes the request body will have on the wire. */
export function bodyLength(parts: readonly BodyPart[]): number {
	return parts.reduce((sum, part) => sum + partLength(part), 0);
}

async function writeBody(request: http.ClientRequest, parts: readonly BodyPart[]): Promise<void> {
	const write = (chunk: string) =>
		request.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => request.once('drain', resolve));
	for (const part of parts) {
		if (request.destroyed) return;
		if (typeof part === 'string') {
			await write(part);
			continue;
		}
		for (let offset = 0; offset < part.base64.length; offset += BASE64_CHUNK_BYTES) {
			if (request.destroyed) return;
			await write(part.base64.subarray(offset, offset + BASE64_CHUNK_BYTES).toString('base64'));
		}
	}
	request.end();
}

export function postXml(
	url: URL,
	headers: Record<string, string>,
	parts: readonly BodyPart[],
	timeoutMs: number,
): Promise<HttpAnswer> {
	const requestBytes = bodyLength(parts);
	const transport = url.protocol === 'https:' ? https : http;

	return new Promise<HttpAnswer>((resolve, reject) => {
		let settled = false;
		let requestSent = false;
		let answerStarted = false;
		const finish = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			outcome();
		};
		const fail = (message: string, reason: HttpFailureReason, code?: string) =>
			finish(() => reject(new HttpFailure(message, reason, requestSent, answerStarted, code)));

		const request = transport.request(url, {
			method: 'POST',
			agent: false,
			headers: { ...headers, 'Content-Length': String(requestBytes), Connection: 'close' },
		});
		const timer = setTimeout(() => {
			fail(`no answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout');
			request.destroy();
		}, timeoutMs);

		request.on('finish', () => {
			requestSent = true;
		});
		request.on('error', (error: NodeJS.ErrnoException) => fail(error.message, 'network', error.code));
		request.on('response', (response) => {
			answerStarted = true;
			const chunks: Buffer[] = [];
			let responseBytes = 0;
			response.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				responseBytes += chunk.length;
				if (responseBytes > MAX_ANSWER_BYTES) {
					fail(`the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`, 'network', 'E2BIG');
					request.destroy();
				}
			});
			response.on('error', (error: NodeJS.ErrnoException) =>
				fail(`connection lost while receiving the answer (${error.message})`, 'network', error.code ?? 'ECONNRESET'),
			);
			response.on('end', () => {
				if (!response.complete) {
					fail('connection lost while receiving the answer', 'network', 'ECONNRESET');
					return;
				}
				finish(() =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks, responseBytes).toString('utf8'),
						requestBytes,
						responseBytes,
					}),
				);
			});
			response.on('close', () => {
				if (!response.complete) fail('connection lost while receiving the answer', 'network', 'ECONNRESET');
			});
		});

		writeBody(request, parts).catch((error: Error) => {
			fail(error.message, 'network');
			request.destroy();
		});
	});
}
