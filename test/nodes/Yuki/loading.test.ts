import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';

// n8n loads every node at start and in every worker and then needs only its description: what
// runs only when the node runs is loaded by `execute`/`poll` on first use (docs/adding-an-operation.md,
// "What the top of an operation file imports"). This test loads the source node files in a fresh
// process and lists what came with them; it times nothing (scripts/bench/load.ts does).

const ROOT = join(__dirname, '../../..');
const NODE_DIR = join(ROOT, 'nodes', 'Yuki');

/** Run-time folders of nodes/Yuki/, with the files of each that building a description needs. */
const RUN_TIME_FOLDERS: Record<string, string[]> = {
	'transport/': ['transport/types.ts'], // types and YukiError, which helpers/runContext.ts recognises
	'contacts/': [],
	'methods/': ['methods/lazy.ts'], // the method names n8n reads; each loads methods/index.ts when called
	'invoices/': ['invoices/options.ts', 'invoices/source.ts'], // the invoice operations' fields
	'payments/': ['payments/parameters.ts', 'payments/references.ts', 'payments/messages.ts', 'payments/amounts.ts'], // the payment fields
	'trigger/': [], // the trigger's poll
};
/** Files of documents/ that validate or write documents (the descriptions themselves are needed). */
const RUN_TIME_DOCUMENT_FILES = ['documents/validate.ts', 'documents/xml.ts', 'documents/xmlReader.ts', 'documents/inspect.ts'];

const PROBE = `
const [file] = process.argv.slice(1);
require('n8n-workflow'); // n8n has it loaded before any node
const before = new Set(Object.keys(require.cache));
require(file);
const loaded = Object.keys(require.cache).filter((path) => !before.has(path));
const requiredBy = {};
for (const path of loaded) for (const child of require.cache[path].children) requiredBy[child.id] ??= path;
console.log(JSON.stringify({ loaded, requiredBy }));
`;

interface Loaded {
	loaded: string[];
	requiredBy: Record<string, string>;
}

function loadInFreshProcess(file: string): Loaded {
	const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', PROBE, file], { cwd: ROOT, encoding: 'utf8' });
	assert.equal(child.status, 0, child.stderr);
	return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Loaded;
}

/** A path as the rules above name it: `transport/client.ts`, or `node_modules/luxon` for a package. */
function shortName(path: string): string {
	const packageMatch = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path);
	if (packageMatch) return `node_modules/${packageMatch[1].split(sep).join('/')}`;
	return relative(NODE_DIR, path).split(sep).join('/');
}

function isRunTime(name: string): boolean {
	if (name.startsWith('node_modules/')) return true; // the node has no runtime dependencies; luxon is n8n's and is loaded on first run
	if (RUN_TIME_DOCUMENT_FILES.includes(name)) return true;
	const folder = Object.keys(RUN_TIME_FOLDERS).find((prefix) => name.startsWith(prefix));
	return folder !== undefined && !RUN_TIME_FOLDERS[folder].includes(name);
}

/** "documents/validate.ts ← actions/contact/upsert.operation.ts ← actions/contact/index.ts ← …" */
function chain(path: string, requiredBy: Record<string, string>): string {
	const names = [shortName(path)];
	for (let parent = requiredBy[path]; parent && names.length < 8; parent = requiredBy[parent]) names.push(shortName(parent));
	return names.join(' ← ');
}

describe('loading the node files (as n8n does at every start)', () => {
	for (const file of ['Yuki.node.ts', 'YukiTrigger.node.ts']) {
		it(`${file} loads no run-time module: no transport, contacts, methods, validation or XML, no luxon`, () => {
			const { loaded, requiredBy } = loadInFreshProcess(join(NODE_DIR, file));
			assert.ok(loaded.some((path) => path.endsWith(file)), `${file} itself was not loaded`);
			const offenders = loaded.filter((path) => isRunTime(shortName(path))).map((path) => chain(path, requiredBy));
			assert.deepEqual(
				offenders,
				[],
				'Loaded at start (each with the modules that required it). Import it inside execute/poll with `await import(...)`, ' +
					'or, if it only builds fields, add it to the exceptions in this test.',
			);
		});
	}

	it('the credential loads nothing but itself', () => {
		const { loaded } = loadInFreshProcess(join(ROOT, 'credentials', 'YukiApi.credentials.ts'));
		assert.deepEqual(loaded.map((path) => relative(ROOT, path).split(sep).join('/')), ['credentials/YukiApi.credentials.ts']);
	});
});
