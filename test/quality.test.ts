// The package's own quality gates, run as tests so that CI reports them with the rest:
// `tsc --strict` over everything, and n8n's community-node lint rules over the node package.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

function runTool(bin: string, args: string[]) {
	const result = spawnSync(process.execPath, [join(root, 'node_modules', bin), ...args], { cwd: root, encoding: 'utf8' });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('quality gates', () => {
	it('type-checks in strict mode', () => {
		const { status, output } = runTool('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
		assert.equal(status, 0, output);
	});

	it('passes the n8n community node lint rules', () => {
		const { status, output } = runTool('eslint/bin/eslint.js', ['nodes', 'credentials', 'package.json']);
		assert.equal(status, 0, output);
	});
});
