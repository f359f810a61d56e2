// `npm test`: the one command that tests the project on a fresh clone (and what .ci/run calls).
// Installs the dependencies when they are missing or stale, builds dist/ (the end-to-end tests load the
// built package into a real n8n), then runs every test/**/*.test.ts with node's own test runner.
// Usage: npm test [-- <path substring> ...]   e.g. `npm test -- transport` runs only matching files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

function dependenciesAreStale() {
	const installed = join(root, 'node_modules/.package-lock.json');
	if (!existsSync(installed)) return true;
	return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

function findTests(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
		return name.endsWith('.test.ts') ? [path] : [];
	});
}

if (dependenciesAreStale()) {
	console.log('Installing dependencies (npm ci)…');
	run('npm', ['ci', '--no-audit', '--no-fund']);
}
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

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit', ...files], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(result.status ?? 1);
