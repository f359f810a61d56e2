/**
 * The transport as n8n Cloud's verification needs it: no runtime dependency, no file, environment
 * or timer access, no n8n import (n8n hands in its HTTP helper), no WSDL read at run time.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..', '..');
const transport = join(root, 'nodes', 'Yuki', 'transport');

function sources(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) return sources(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

const FORBIDDEN: Array<[RegExp, string]> = [
	[/from '(node:)?(fs|path|http|https|net|tls|os|child_process)'/, 'a Node module n8n Cloud does not allow'],
	[/from 'soap'|from 'xmlbuilder2'|require\(/, 'a runtime dependency'],
	[/from 'n8n-(workflow|core)'/, 'an n8n import (the transport gets n8n\'s HTTP helper handed in)'],
	[/\b__dirname\b|\b__filename\b|process\.env|\bsetTimeout\b|\bclearTimeout\b|\bsetInterval\b/, 'file, environment or timer access'],
	[/\.wsdl['`]/, 'a WSDL read at run time'],
];

describe('the shipped transport', () => {
	for (const file of sources(transport)) {
		it(`${relative(root, file)} uses nothing n8n Cloud refuses`, () => {
			const code = readFileSync(file, 'utf8')
				.split('\n')
				.filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
				.join('\n');
			for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(code, pattern, `${relative(root, file)}: ${what}`);
		});
	}
});
