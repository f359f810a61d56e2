import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// documents/ describes what users send to Yuki; the sandbox imports it, so it must stay free of
// n8n and of the client's transport (see docs/architecture.md).
const documentsDir = join(__dirname, '../../../../nodes/Yuki/documents');

describe('documents/ stays pure', () => {
	for (const name of readdirSync(documentsDir).filter((file) => file.endsWith('.ts'))) {
		it(`${name} imports neither n8n nor the transport nor operations`, () => {
			const source = readFileSync(join(documentsDir, name), 'utf8');
			const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
			const forbidden = imports.filter((path) => /^n8n-|\/(transport|actions|helpers|invoices|payments|methods)\b/.test(path));
			assert.deepEqual(forbidden, []);
		});
	}
});
