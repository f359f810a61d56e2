// `n8n-node lint` with cloud support on: n8n's strict rule set for verified community nodes (n8n Cloud
// installs only those), run by n8n's own CLI on exactly the shipped code. n8n-node lint lints its
// whole folder and, in strict mode, refuses any eslint config but n8n's default; so it runs on a
// copy holding only what ships: nodes/, credentials/ and package.json.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorsIn, listProblems, stylishProblems, warningsIn, type LintProblem } from './lintReport';

const root = join(__dirname, '..', '..');

// What `n8n-node cloud-support enable` writes; strict mode accepts no other eslint config.
const CLOUD_ESLINT_CONFIG = "import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";

/** A folder with only the shipped sources, n8n's default eslint config and the project's node_modules. */
function shippedCopy(): string {
	const folder = mkdtempSync(join(tmpdir(), 'yuki-n8n-node-lint-'));
	for (const entry of ['nodes', 'credentials', 'package.json']) cpSync(join(root, entry), join(folder, entry), { recursive: true });
	writeFileSync(join(folder, 'eslint.config.mjs'), CLOUD_ESLINT_CONFIG);
	symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
	return folder;
}

function n8nNodeLint(folder: string) {
	// eslint-plugin-n8n-nodes-base treats every file as every kind of node file when NODE_ENV is "test".
	const { NODE_ENV: _testMode, ...env } = process.env;
	const cli = join(root, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	// n8n-node runs eslint through the package manager it detects; the copy's node_modules is npm's.
	const result = spawnSync(process.execPath, [cli, 'lint'], { cwd: folder, encoding: 'utf8', env: { ...env, npm_config_user_agent: 'npm' }, timeout: 300_000 });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('n8n-node lint (cloud support on)', () => {
	let folder: string;
	let status: number | null;
	let output: string;
	let problems: LintProblem[];

	before(() => {
		folder = shippedCopy();
		({ status, output } = n8nNodeLint(folder));
		problems = stylishProblems(output, folder);
	});

	after(() => rmSync(folder, { recursive: true, force: true }));

	it('is on: package.json asks for strict mode, so n8n-node lint accepts only the cloud rule set', () => {
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		assert.equal(manifest.n8n?.strict, true);
		assert.doesNotMatch(output, /Strict mode violation/);
	});

	it('finds no errors in nodes/, credentials/ and package.json', () => {
		const errors = errorsIn(problems);
		const warnings = warningsIn(problems);
		const report = [
			`${errors.length} error(s) from n8n-node lint:`,
			listProblems(errors),
			...(warnings.length > 0 ? [`warnings (allowed):`, listProblems(warnings)] : []),
		].join('\n');
		assert.equal(errors.length, 0, report);
		// A crash or refusal reports no problems but still fails.
		assert.equal(status, 0, output);
	});
});
