/** File types are read from the content: what a user uploading receipts and invoices relies on. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFileKind } from '../../../../nodes/Yuki/helpers/binary';

describe('detectFileKind', () => {
	it('recognises PDF and the image formats by their first bytes', () => {
		const kinds = [
			Buffer.from('%PDF-1.7\n'),
			Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
			Buffer.from('GIF89a....'),
			Buffer.from([0x49, 0x49, 0x2a, 0x00, 8]),
			Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 8]),
		].map((buffer) => detectFileKind(buffer)?.kind);
		assert.deepEqual(kinds, ['pdf', 'jpeg', 'png', 'gif', 'tiff', 'tiff']);
	});

	it('does not take a name or a near miss for a file type', () => {
		assert.equal(detectFileKind(Buffer.from('invoice.pdf')), undefined);
		assert.equal(detectFileKind(Buffer.from('%PDF')), undefined);
		assert.equal(detectFileKind(Buffer.alloc(0)), undefined);
	});
});
