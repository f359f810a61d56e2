/**
 * A body written while it is sent: the exact base64 of each file whatever its chunks, an exact
 * size known before reading, and a body that stops short (never a complete, wrong document)
 * when a file is not what it declared. Sent through n8n-core's real httpRequest helper.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import type { FileSource, XmlPart } from '../../../../nodes/Yuki/documents/xml';
import { WrittenRecord } from '../../../../nodes/Yuki/documents/xml';
import { HttpFailure, postXml } from '../../../../nodes/Yuki/transport/http';
import { StreamedBody, requestBody } from '../../../../nodes/Yuki/transport/streamedBody';
import { n8nHttpRequest } from '../../../helpers/n8nRequest';

/** A file served in chunks of the given sizes (cycled); `opened` counts its reads. */
function fileOf(bytes: Buffer, chunkSizes: number[], declared = bytes.length) {
	const file = {
		bytes: declared,
		label: `the file of ${bytes.length} bytes`,
		opened: 0,
		open: async () => {
			file.opened++;
			return (async function* () {
				for (let start = 0, turn = 0; start < bytes.length; turn++) {
					const size = chunkSizes[turn % chunkSizes.length];
					yield new Uint8Array(bytes.subarray(start, start + size));
					start += size;
				}
			})();
		},
	};
	return file;
}

async function collect(body: StreamedBody): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(chunk);
	return Buffer.concat(chunks);
}

const parts = (...middle: XmlPart[]): XmlPart[] => ['<a>é', ...middle, '</a>'];

describe('a request body written while it is sent', () => {
	it('is the exact base64 of each file, for every remainder mod 3 and any chunking, with its size known before reading', async () => {
		for (const size of [1, 2, 3, 4, 5, 16, 17, 1000, 1001, 1002]) {
			for (const chunks of [[1], [2], [3], [4, 0, 5], [7, 1], [size]]) {
				const bytes = randomBytes(size);
				const file = fileOf(bytes, chunks);
				const body = requestBody(parts(file, 'x', Buffer.from('yz')), 'text/xml') as StreamedBody;
				const expected = Buffer.from(`<a>é${bytes.toString('base64')}x${Buffer.from('yz').toString('base64')}</a>`);
				assert.equal(body.size, expected.length, `size ${size}`);
				assert.equal(file.opened, 0, 'nothing is read before the body is sent');
				assert.ok((await collect(body)).equals(expected), `size ${size}, chunks ${chunks.join(',')}`);
				assert.equal(body.failure, undefined);
			}
		}
	});

	it('holds records written before as their UTF-8 bytes, in memory and while streaming', async () => {
		const written = new WrittenRecord('<R>Ærø &amp; ☃</R>');
		const expected = Buffer.from('<a>é<R>Ærø &amp; ☃</R>x</a>', 'utf8');
		assert.ok((requestBody(parts(written, 'x'), 'text/xml') as Buffer).equals(expected));
		const file = fileOf(Buffer.from('pdf'), [2]);
		const streamed = requestBody(parts(written, file), 'text/xml') as StreamedBody;
		const withFile = Buffer.from(`<a>é<R>Ærø &amp; ☃</R>${Buffer.from('pdf').toString('base64')}</a>`, 'utf8');
		assert.equal(streamed.size, withFile.length);
		assert.ok((await collect(streamed)).equals(withFile));
	});

	it('reads its files anew each time it is sent, and has the shape axios sends as a Blob', async () => {
		const file = fileOf(randomBytes(100), [64]);
		const body = requestBody(parts(file), 'text/xml; charset=utf-8') as StreamedBody;
		const first = await collect(body);
		const chunks: Uint8Array[] = [];
		for await (const chunk of body.stream()) chunks.push(chunk);
		assert.ok(Buffer.concat(chunks).equals(first));
		assert.equal(file.opened, 2);
		assert.equal(Object.prototype.toString.call(body), '[object Blob]');
		assert.equal(body.type, 'text/xml; charset=utf-8');
		assert.equal(JSON.stringify(body).includes('<a>'), false, 'the envelope text (with the session ID) is not in its properties');
	});

	it('is a Buffer when every part is in memory', () => {
		assert.ok(Buffer.isBuffer(requestBody(parts(Buffer.from([0xff, 1])), 'text/xml')));
	});

	it('stops before the end when a file has more or fewer bytes than it declared, or cannot be read', async () => {
		const bytes = randomBytes(30);
		const longer = fileOf(bytes, [10], 20);
		const shorter = fileOf(bytes, [10], 40);
		const unreadable: FileSource = {
			bytes: 5,
			label: 'the PDF of item 4',
			open: async () => {
				throw new Error('ENOENT: no such file');
			},
		};
		for (const [file, message] of [
			[longer, /has more than the 20 bytes/],
			[shorter, /has 30 bytes, not the 40/],
			[unreadable, /the PDF of item 4 could not be read: ENOENT/],
		] as const) {
			const body = requestBody(parts(file), 'text/xml') as StreamedBody;
			const sent: Buffer[] = [];
			await assert.rejects(async () => {
				for await (const chunk of body) sent.push(chunk);
			}, message);
			assert.match(String(body.failure?.message), message);
			// Never the whole body: the closing tags come after the file.
			assert.ok(Buffer.concat(sent).length < body.size);
			assert.equal(Buffer.concat(sent).includes('</a>'), false);
		}
		// The longer file's extra bytes never left: only its first 20 bytes' worth were encoded (18 in whole triples).
		const body = requestBody([longer], 'text/xml') as StreamedBody;
		const sent: Buffer[] = [];
		await assert.rejects(async () => {
			for await (const chunk of body) sent.push(chunk);
		});
		assert.ok(Buffer.from(Buffer.concat(sent).toString('latin1'), 'base64').equals(bytes.subarray(0, 18)));
	});
});

describe('a streamed body through n8n’s httpRequest', () => {
	async function server() {
		const received: Array<{ length: string | undefined; body: Buffer; complete: boolean }> = [];
		const http = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				received.push({ length: request.headers['content-length'], body: Buffer.concat(chunks), complete: true });
				response.writeHead(200, { 'Content-Type': 'text/xml' }).end('<ok/>');
			});
			request.on('aborted', () => received.push({ length: request.headers['content-length'], body: Buffer.concat(chunks), complete: false }));
		});
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/ws/Purchase.asmx`;
		return { url, received, close: async () => await new Promise((resolve) => http.close(resolve)) };
	}

	it('arrives whole with an exact Content-Length', async () => {
		const yuki = await server();
		try {
			const bytes = randomBytes(3 * 65536 + 1);
			const body = requestBody(parts(fileOf(bytes, [65536])), 'text/xml; charset=utf-8');
			const answer = await postXml(n8nHttpRequest, yuki.url, { 'Content-Type': 'text/xml; charset=utf-8' }, body, 10_000);
			assert.equal(answer.status, 200);
			assert.equal(yuki.received.length, 1);
			assert.equal(yuki.received[0].length, String((body as StreamedBody).size));
			assert.equal(yuki.received[0].body.toString('utf8'), `<a>é${bytes.toString('base64')}</a>`);
		} finally {
			await yuki.close();
		}
	});

	it('is reported as certainly not processed when a file fails while it is sent', async () => {
		const yuki = await server();
		try {
			const bytes = randomBytes(200_000);
			const body = requestBody(parts(fileOf(bytes, [65536], 300_000)), 'text/xml; charset=utf-8');
			await assert.rejects(postXml(n8nHttpRequest, yuki.url, { 'Content-Type': 'text/xml; charset=utf-8' }, body, 10_000), (failure: unknown) => {
				assert.ok(failure instanceof HttpFailure);
				assert.equal(failure.reason, 'source');
				assert.equal(failure.mayHaveReachedYuki, false);
				assert.match(failure.message, /has 200000 bytes, not the 300000/);
				return true;
			});
			// The server never saw a complete request.
			await new Promise((resolve) => setTimeout(resolve, 50));
			assert.ok(yuki.received.every((request) => !request.complete));
		} finally {
			await yuki.close();
		}
	});
});
