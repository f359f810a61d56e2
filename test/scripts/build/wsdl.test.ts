/** The operation table the transport ships is soap's reading of the shipped WSDLs, not a stale copy. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { GENERATED_FILE, generatedSource } from '../../../scripts/build/wsdl';

describe('build: WSDL → operation table', () => {
	it('the committed nodes/Yuki/transport/wsdl.generated.ts equals what soap compiles from the WSDL files now', async () => {
		const expected = await generatedSource();
		assert.ok(
			readFileSync(GENERATED_FILE, 'utf8') === expected,
			'wsdl.generated.ts is stale: run `npm run build:wsdl` (npx tsx scripts/build/wsdl.ts) and commit the result',
		);
	});
});
