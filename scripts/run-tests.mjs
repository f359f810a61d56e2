// Runs every test/**/*.test.ts with node's own test runner (TypeScript through tsx).
// Usage: npm test [-- <path filter> ...]   e.g. npm test -- transport
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return findTests(path);
		return name.endsWith('.test.ts') ? [path] : [];
	});
}

const files = findTests(join(root, 'test'))
	.map((path) => relative(root, path))
	.filter((path) => filters.length === 0 || filters.some((filter) => path.includes(filter)))
	.sort();

if (files.length === 0) {
	console.error(`No test files match ${filters.join(' ')}`);
	process.exit(1);
}

const result = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-concurrency=2', ...files],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
