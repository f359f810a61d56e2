/**
 * The sandbox must be able to disagree with the client: it may share the descriptions of the
 * documents users SEND (nodes/Yuki/documents), never the client's reading of Yuki's answers nor
 * its SOAP code. This test follows every import of every sandbox file, through the node modules
 * it reaches, and fails on anything of the transport or the client's answer readers.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SANDBOX = join(ROOT, 'sandbox');
const NODES = join(ROOT, 'nodes');
const DOCUMENTS = join(NODES, 'Yuki', 'documents');
/** The client's side: its transport, which holds its reading of Yuki's answers (transport/responses.ts). */
const FORBIDDEN = [join(NODES, 'Yuki', 'transport') + sep];

function sourceFiles(directory: string): string[] {
	return readdirSync(directory).flatMap((name) => {
		const path = join(directory, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
	});
}

/** Every module specifier a file imports, re-exports or requires. */
function specifiers(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const found: string[] = [];
	const patterns = [/\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
	for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
	return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	for (const candidate of [base, `${base}.ts`, `${base}.js`, join(base, 'index.ts')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return base;
}

const forbidden = (path: string) => FORBIDDEN.some((entry) => (entry.endsWith(sep) ? path.startsWith(entry) : path === entry));

describe('sandbox independence from the client', () => {
	const files = sourceFiles(SANDBOX);

	it('finds the sandbox sources', () => {
		assert.ok(files.length > 10, `only ${files.length} files under sandbox/`);
	});

	it('takes nothing from the node but the descriptions of documents users send (nodes/Yuki/documents)', () => {
		const problems: string[] = [];
		for (const file of files) {
			for (const specifier of specifiers(file)) {
				const target = resolveLocal(file, specifier);
				if (!target || !target.startsWith(NODES + sep)) continue;
				if (!target.startsWith(DOCUMENTS + sep) || forbidden(target)) problems.push(`${relative(ROOT, file)} imports ${specifier}`);
			}
		}
		assert.deepEqual(problems, []);
	});

	it('reaches neither the transport nor the client\'s answer readers, not even through the node modules it uses', () => {
		const seen = new Set<string>();
		const chains: string[] = [];
		const visit = (file: string, chain: string[]) => {
			if (seen.has(file)) return;
			seen.add(file);
			for (const specifier of specifiers(file)) {
				const target = resolveLocal(file, specifier);
				if (!target) continue;
				const next = [...chain, relative(ROOT, target)];
				if (forbidden(target)) chains.push(next.join(' → '));
				else if (existsSync(target)) visit(target, next);
			}
		};
		for (const file of files) visit(file, [relative(ROOT, file)]);
		assert.deepEqual(chains, []);
	});

	it('would notice such an import (the check itself works)', () => {
		const fake = join(SANDBOX, 'fake.ts');
		const target = resolveLocal(fake, '../nodes/Yuki/transport/envelope');
		assert.ok(target && forbidden(target));
		assert.ok(forbidden(resolveLocal(fake, '../nodes/Yuki/transport/responses')!));
		assert.deepEqual(specifiers(join(SANDBOX, 'documents.ts')).filter((specifier) => specifier.includes('transport')), []);
	});
});
