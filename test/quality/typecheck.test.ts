// `tsc --strict` over everything (nodes, credentials, tests, sandbox, scripts), run as a test so
// that CI reports it with the rest. n8n's lint rules: n8nNodeLint.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('type check', () => {
	it('type-checks in strict mode', () => {
		const result = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'], { cwd: root, encoding: 'utf8' });
		assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
	});
});
