/**
 * A request body written while it is sent: text parts, and files (PDFs) read chunk by chunk and
 * base64-encoded on the way, so a batch of 10 PDFs costs a few chunks of memory, not the batch.
 *
 * It has the shape of a Blob (`size`, `type`, `stream()`, tagged `Blob`): n8n's `httpRequest`
 * hands it to axios, which sends a Blob as a stream with `Content-Length: size`. n8n's verified
 * nodes may not import `node:stream`, and a Blob is a body n8n and axios take as it is. The size
 * is exact before a byte is read (base64 of n bytes is 4 × ⌈n / 3⌉ characters), and each file
 * must yield exactly the bytes it declared: otherwise the body stops before its end, so the
 * server never receives a complete document (the envelope's closing tags come last).
 */
import type { FileSource, XmlPart } from '../documents/xml';
import { isFileSource, WrittenRecord } from '../documents/xml';

/** Base64 characters of `bytes` bytes. */
export function base64Length(bytes: number): number {
	return Math.ceil(bytes / 3) * 4;
}

/** A file could not be sent as it declared itself (read error, other size, other content). The request was cut short. */
export class FileSourceError extends Error {
	constructor(
		readonly file: string,
		message: string,
		readonly cause?: unknown,
	) {
		super(message);
		this.name = 'FileSourceError';
	}
}

/** What reading `file` threw, as a FileSourceError naming the file. */
function readFailure(file: FileSource, error: unknown, when: string): FileSourceError {
	if (error instanceof FileSourceError) return error;
	return new FileSourceError(file.label, `${file.label} could not be read${when}: ${(error as Error).message}`, error);
}

/** 3 × 64 KiB: a multiple of 3, so in-memory files encode chunk by chunk without padding in between. */
const BUFFER_CHUNK_BYTES = 3 * 64 * 1024;

/** An in-memory file's base64, a chunk at a time (no full-size base64 string). */
function* base64Chunks(file: Buffer): Generator<string> {
	for (let start = 0; start < file.length; start += BUFFER_CHUNK_BYTES) yield file.subarray(start, start + BUFFER_CHUNK_BYTES).toString('base64');
}

function partLength(part: XmlPart): number {
	if (typeof part === 'string') return Buffer.byteLength(part);
	if (part instanceof WrittenRecord) return part.bytes.length;
	return base64Length(Buffer.isBuffer(part) ? part.length : part.bytes);
}

/** The base64 of a file read in chunks of any size: up to 2 bytes carried from one chunk to the next. */
async function* encodeFile(file: FileSource): AsyncGenerator<Buffer> {
	let chunks: AsyncIterable<Uint8Array>;
	try {
		chunks = await file.open();
	} catch (error) {
		throw readFailure(file, error, '');
	}
	let carried = Buffer.alloc(0);
	let read = 0;
	try {
		for await (const piece of chunks) {
			const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
			read += chunk.length;
			// Checked before any of these bytes is sent: a longer file never reaches the wire whole.
			if (read > file.bytes) throw new FileSourceError(file.label, `${file.label} has more than the ${file.bytes} bytes it had when it was checked`);
			const joined = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
			const whole = joined.length - (joined.length % 3);
			if (whole > 0) yield Buffer.from(joined.subarray(0, whole).toString('base64'), 'latin1');
			carried = Buffer.from(joined.subarray(whole));
		}
	} catch (error) {
		throw readFailure(file, error, ' while it was sent');
	}
	if (read !== file.bytes) throw new FileSourceError(file.label, `${file.label} has ${read} bytes, not the ${file.bytes} it had when it was checked`);
	if (carried.length > 0) yield Buffer.from(carried.toString('base64'), 'latin1');
}

async function* encodeParts(parts: readonly XmlPart[]): AsyncGenerator<Buffer> {
	for (const part of parts) {
		if (typeof part === 'string') {
			if (part !== '') yield Buffer.from(part, 'utf8');
		} else if (part instanceof WrittenRecord) {
			yield part.bytes;
		} else if (Buffer.isBuffer(part)) {
			for (const text of base64Chunks(part)) yield Buffer.from(text, 'latin1');
		} else yield* encodeFile(part);
	}
}

export class StreamedBody {
	/** Bytes of the whole body (its Content-Length). */
	readonly size: number;
	/** Content type, as a Blob has it. */
	readonly type: string;
	/** Why the body stopped before its end, when it did. */
	failure: FileSourceError | undefined;
	// Private: the envelope text holds the session ID, and request errors may carry the body.
	readonly #parts: readonly XmlPart[];

	constructor(parts: readonly XmlPart[], type: string) {
		this.#parts = parts;
		this.type = type;
		this.size = parts.reduce((sum, part) => sum + partLength(part), 0);
	}

	get [Symbol.toStringTag](): string {
		return 'Blob';
	}

	/** The body's bytes, each file read anew. */
	async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
		let sent = 0;
		try {
			for await (const chunk of encodeParts(this.#parts)) {
				sent += chunk.length;
				yield chunk;
			}
		} catch (error) {
			throw this.stoppedBy(error);
		}
		if (sent !== this.size) {
			this.failure = new FileSourceError('the request body', `the request body has ${sent} bytes, not the ${this.size} announced`);
			throw this.failure;
		}
	}

	/** Records why the body stopped short (and returns it, to be thrown). */
	private stoppedBy(error: unknown): FileSourceError {
		this.failure = error instanceof FileSourceError ? error : new FileSourceError('the request body', (error as Error).message, error);
		return this.failure;
	}

	/** The body as a web stream, read only as fast as it is sent (the Blob interface axios reads). */
	stream(): ReadableStream<Uint8Array> {
		const chunks = this[Symbol.asyncIterator]();
		return new ReadableStream<Uint8Array>({
			async pull(controller) {
				const next = await chunks.next();
				if (next.done) controller.close();
				else controller.enqueue(next.value);
			},
			async cancel() {
				await chunks.return(undefined);
			},
		});
	}
}

/** The body for these parts: a Buffer when every part is in memory, a StreamedBody when a file is read while sending. */
export function requestBody(parts: readonly XmlPart[], type: string): Buffer | StreamedBody {
	if (parts.some((part) => isFileSource(part))) return new StreamedBody(parts, type);
	return joinParts(parts as ReadonlyArray<string | Buffer | WrittenRecord>);
}

/** Writes in-memory `parts` into one Buffer; files are base64-encoded chunk by chunk (no full-size base64 string). */
function joinParts(parts: ReadonlyArray<string | Buffer | WrittenRecord>): Buffer {
	const body = Buffer.allocUnsafe(parts.reduce((sum, part) => sum + partLength(part), 0));
	let offset = 0;
	for (const part of parts) {
		if (typeof part === 'string') {
			offset += body.write(part, offset, 'utf8');
			continue;
		}
		if (part instanceof WrittenRecord) {
			offset += part.bytes.copy(body, offset);
			continue;
		}
		for (const text of base64Chunks(part)) offset += body.write(text, offset, 'latin1');
	}
	return body;
}
