/**
 * Files from input items. The file type is decided by the file's first bytes, never by its
 * name or the MIME type a previous node guessed: Yuki rejects or misfiles documents whose
 * content is not what the name says.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { FileSource } from '../documents/xml';
import { settle } from './settle';

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'gif' | 'tiff';

/** `pdf`: PDF only (invoice documents); `document`: a PDF or an image of a receipt. */
export type AllowedFiles = 'pdf' | 'document';

interface FileSignature {
	kind: FileKind;
	/** Alternative first bytes of the format. */
	bytes: number[][];
	mimeType: string;
	/** File name extensions of the format; the first is added to names without one of them. */
	extensions: string[];
}

const SIGNATURES: FileSignature[] = [
	{ kind: 'pdf', bytes: [[0x25, 0x50, 0x44, 0x46, 0x2d]], mimeType: 'application/pdf', extensions: ['pdf'] },
	{ kind: 'jpeg', bytes: [[0xff, 0xd8, 0xff]], mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
	{ kind: 'png', bytes: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], mimeType: 'image/png', extensions: ['png'] },
	{
		kind: 'gif',
		bytes: [
			[0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
			[0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
		],
		mimeType: 'image/gif',
		extensions: ['gif'],
	},
	{
		kind: 'tiff',
		bytes: [
			[0x49, 0x49, 0x2a, 0x00],
			[0x4d, 0x4d, 0x00, 0x2a],
		],
		mimeType: 'image/tiff',
		extensions: ['tif', 'tiff'],
	},
];

const ALLOWED: Record<AllowedFiles, { kinds: FileKind[]; words: string }> = {
	pdf: { kinds: ['pdf'], words: 'a PDF file' },
	document: { kinds: ['pdf', 'jpeg', 'png', 'gif', 'tiff'], words: 'a PDF or an image (JPEG, PNG, GIF or TIFF)' },
};

/** The file type its first bytes show, or undefined for anything else. */
export function detectFileKind(buffer: Buffer): FileSignature | undefined {
	return SIGNATURES.find((signature) =>
		signature.bytes.some((bytes) => buffer.length >= bytes.length && bytes.every((byte, index) => buffer[index] === byte)),
	);
}

export interface BinaryFile {
	buffer: Buffer;
	/** The file's name, with the extension of its real type when the name had none. */
	fileName: string;
	/** The MIME type of the detected file type. */
	mimeType: string;
	kind: FileKind;
}

function fileError(context: IExecuteFunctions, itemIndex: number, message: string, description: string) {
	return new NodeOperationError(context.getNode(), `Item ${itemIndex}: ${message}`, { itemIndex, description });
}

/** The item's binary data in that property; an error naming what the item has otherwise. */
function binaryOf(context: IExecuteFunctions, itemIndex: number, propertyName: string, allowed: { words: string }) {
	const property = propertyName.trim();
	const present = Object.keys(context.getInputData()[itemIndex]?.binary ?? {});
	if (!property || !present.includes(property)) {
		throw fileError(
			context,
			itemIndex,
			`no binary property "${property}"`,
			present.length
				? `The item has binary properties: ${present.join(', ')}. Set "Input Binary Field" to the one holding ${allowed.words}.`
				: `The item has no binary data. Add a node before this one that reads ${allowed.words} (e.g. Read/Write Files from Disk, HTTP Request, an e-mail trigger).`,
		);
	}
	return { property, binary: context.helpers.assertBinaryData(itemIndex, property) };
}

/** Checks the file's first bytes (`bytes` may be the whole file or only its head) against what is allowed. */
function checkedFile(
	context: IExecuteFunctions,
	itemIndex: number,
	property: string,
	fileName: string | undefined,
	bytes: Buffer,
	options: { allowed: AllowedFiles },
): Omit<BinaryFile, 'buffer'> {
	const allowed = ALLOWED[options.allowed];
	const name = fileName?.trim() || `document-${itemIndex}`;
	if (bytes.length === 0) {
		throw fileError(context, itemIndex, `the file "${name}" in binary property "${property}" is empty`, `Allowed: ${allowed.words}`);
	}
	const detected = detectFileKind(bytes);
	if (!detected || !allowed.kinds.includes(detected.kind)) {
		const seen = detected ? `a ${detected.kind.toUpperCase()} file` : 'not a file type Yuki accepts';
		throw fileError(
			context,
			itemIndex,
			`the file "${name}" in binary property "${property}" is ${seen}`,
			`Allowed: ${allowed.words}. The type is read from the file's content, not from its name.`,
		);
	}
	// Yuki reads the type from the name's extension [guess]: make it match the content.
	const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
	const nameFits = extension !== undefined && detected.extensions.includes(extension);
	return { fileName: nameFits ? name : `${name}.${detected.extensions[0]}`, mimeType: detected.mimeType, kind: detected.kind };
}

/** Reads binary property `propertyName` of item `itemIndex` and checks that it is an allowed file. */
export async function readBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	options: { allowed: AllowedFiles },
): Promise<BinaryFile> {
	const { property, binary } = binaryOf(context, itemIndex, propertyName, ALLOWED[options.allowed]);
	const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	return { buffer, ...checkedFile(context, itemIndex, property, binary.fileName, buffer, options) };
}

/** Enough bytes for every signature above. */
const HEAD_BYTES = 16;

/**
 * Checks binary property `propertyName` like `readBinaryFile` but reads only the file's first
 * bytes: with n8n's filesystem binary data (the default of n8n 2.x/3.x) the file stays on disk
 * until it is sent, so checking 200 PDFs does not read 200 PDFs into memory.
 */
export async function checkBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	options: { allowed: AllowedFiles },
): Promise<Omit<BinaryFile, 'buffer'>> {
	const { property, binary } = binaryOf(context, itemIndex, propertyName, ALLOWED[options.allowed]);
	let head: Buffer;
	if (binary.id) {
		const stream = await context.helpers.getBinaryStream(binary.id, HEAD_BYTES);
		head = Buffer.alloc(0);
		try {
			for await (const chunk of stream) {
				head = Buffer.from(chunk as Buffer);
				break;
			}
		} finally {
			stream.destroy();
		}
	} else {
		// In-memory mode keeps the file as base64 in the item: decode only its start.
		head = Buffer.from(binary.data.slice(0, Math.ceil(HEAD_BYTES / 3) * 4), 'base64');
	}
	return checkedFile(context, itemIndex, property, binary.fileName, head, options);
}

/** The file's first bytes again, while it is sent: the file must still be what was checked. */
async function* checkedChunks(chunks: AsyncIterable<unknown>, kinds: FileKind[], label: string): AsyncGenerator<Uint8Array> {
	const head: Buffer[] = [];
	let headBytes = 0;
	const checkHead = (): Buffer => {
		const bytes = Buffer.concat(head);
		const detected = detectFileKind(bytes);
		if (!detected || !kinds.includes(detected.kind)) throw new Error(`${label} is no longer the file that was checked (its first bytes changed)`);
		return bytes;
	};
	for await (const piece of chunks) {
		const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
		if (headBytes >= HEAD_BYTES) {
			yield chunk;
			continue;
		}
		head.push(chunk);
		headBytes += chunk.length;
		if (headBytes >= HEAD_BYTES) yield checkHead();
	}
	if (headBytes > 0 && headBytes < HEAD_BYTES) yield checkHead();
}

/** Base64 as n8n's in-memory binary data writes it: no whitespace, padded. */
const PLAIN_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** 4 × 16 KiB characters: 48 KiB of bytes per chunk. */
const BASE64_CHUNK_CHARS = 4 * 16 * 1024;

/** The bytes of plain base64 text, decoded a chunk at a time. */
async function* decodedChunks(base64: string): AsyncGenerator<Buffer> {
	for (let start = 0; start < base64.length; start += BASE64_CHUNK_CHARS) {
		yield Buffer.from(base64.slice(start, start + BASE64_CHUNK_CHARS), 'base64');
	}
}

/**
 * Binary property `propertyName` as a source read while it is sent; undefined when its size
 * cannot be known beforehand, for the caller to read the bytes instead. With n8n's filesystem
 * (or S3) binary data the file is streamed from where n8n keeps it; with in-memory binary data
 * the item's base64 is decoded a chunk at a time. Checked like `checkBinaryFile` now; each read
 * checks its first bytes again, and the request checks its size.
 */
export async function streamBinaryFile(
	context: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	options: { allowed: AllowedFiles; label: string },
): Promise<FileSource | undefined> {
	const { binary } = binaryOf(context, itemIndex, propertyName, ALLOWED[options.allowed]);
	const id = binary.id;
	let bytes: number;
	let open: () => Promise<AsyncIterable<unknown>>;
	if (id) {
		// n8n records the size when it stores the file (filesystem: fs.stat; S3: Content-Length); the
		// item's `fileSize` is only a rounded label ("2 MB"). A store that cannot say: read the bytes.
		const metadata = await settle(async () => await context.helpers.getBinaryMetadata(id));
		if (!metadata.ok) return undefined;
		bytes = metadata.value.fileSize;
		open = async () => await context.helpers.getBinaryStream(id);
	} else {
		const base64 = binary.data;
		if (typeof base64 !== 'string' || base64.length % 4 !== 0 || !PLAIN_BASE64.test(base64)) return undefined;
		bytes = (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
		open = async () => decodedChunks(base64);
	}
	if (!Number.isSafeInteger(bytes) || bytes < 0) return undefined;
	await checkBinaryFile(context, itemIndex, propertyName, options);
	const kinds = ALLOWED[options.allowed].kinds;
	return { bytes, label: options.label, open: async () => checkedChunks(await open(), kinds, options.label) };
}
