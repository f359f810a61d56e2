// The package's own quality gates, run as tests so that CI reports them with the rest:
// `tsc --strict` over everything, and n8n's community-node lint rules over the node package.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

function runTool(bin: string, args: string[]) {
	// eslint-plugin-n8n-nodes-base treats every file as every kind of node file when NODE_ENV is
	// "test" (its own test mode), so the tools run without the test runner's NODE_ENV.
	const { NODE_ENV: _testMode, ...env } = process.env;
	const result = spawnSync(process.execPath, [join(root, 'node_modules', bin), ...args], { cwd: root, encoding: 'utf8', env });
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
