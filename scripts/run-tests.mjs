// `npm test`: the one command that tests the project on a fresh clone (and what .ci/run calls).
// Installs the dependencies when they are missing or stale, builds dist/ (the end-to-end tests load the
// built package into a real n8n), then runs every test/**/*.test.ts with node's own test runner.
// Usage: npm test [-- <path substring> ...]   e.g. `npm test -- transport` runs only matching files.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ensureDependencies } from './dependencies.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

function findTests(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
		return name.endsWith('.test.ts') ? [path] : [];
	});
}

ensureDependencies(root, (command, args) => {
	console.log('Installing dependencies (npm ci)…');
	run(command, args);
});
console.log('Building dist/ …');
run('npm', ['run', '--silent', 'build']);

const files = findTests(join(root, 'test'))
	.map((path) => relative(root, path))
	.filter((path) => filters.length === 0 || filters.some((filter) => path.includes(filter)))
	.sort();
if (files.length === 0) {
	console.error(`No test files match ${filters.join(' ')}`);
	process.exit(1);
}

// Unit, sandbox and engine tests first (two files at a time), then the end-to-end tests in a real n8n
// one file at a time: they start n8n processes of their own and would fight the unit tests for the CPU.
const passes = [
	{ name: 'unit', files: files.filter((file) => !file.startsWith('test/e2e/')), concurrency: 2 },
	{ name: 'end-to-end', files: files.filter((file) => file.startsWith('test/e2e/')), concurrency: 1 },
].filter((pass) => pass.files.length > 0);

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const pass of passes) {
	console.log(`\n=== ${pass.name} tests (${pass.files.length} files) ===`);
	const started = Date.now();
	const child = spawn(
		process.execPath,
		['--import', 'tsx', '--test', `--test-concurrency=${pass.concurrency}`, '--test-force-exit', ...pass.files],
		{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'test' } },
	);
	const counts = { pass: 0, fail: 0 };
	let pending = '';
	child.stdout.on('data', (chunk) => {
		process.stdout.write(chunk);
		pending += chunk.toString();
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			const match = /^# (pass|fail) (\d+)$/.exec(line.trim());
			if (match) counts[match[1]] = Number(match[2]);
		}
	});
	const code = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
	console.log(`=== ${pass.name} tests: ${counts.pass} passed, ${counts.fail} failed in ${Math.round((Date.now() - started) / 1000)} s ===`);
	passed += counts.pass;
	failed += counts.fail;
	if (code !== 0) exitCode = code;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 && exitCode === 0 ? 1 : exitCode);
