/**
 * Generated figures inside a hand-written doc (docs/reliability.md, docs/benchmarks.md): only the
 * text between `<!-- generated:<name> … -->` and `<!-- /generated:<name> -->` is rewritten, so the
 * prose around it survives every run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function markers(name: string): { start: RegExp; end: string } {
	return { start: new RegExp(`<!-- generated:${name}\\b[^>]*-->`), end: `<!-- /generated:${name} -->` };
}

/** `doc` with the named section's content replaced; throws when its markers are missing. */
export function replaceGeneratedSection(doc: string, name: string, content: string): string {
	const { start, end } = markers(name);
	const found = start.exec(doc);
	const endIndex = doc.indexOf(end);
	if (!found || endIndex < found.index) throw new Error(`no <!-- generated:${name} --> … ${end} markers`);
	const contentStart = found.index + found[0].length;
	return `${doc.slice(0, contentStart)}\n${content}\n${doc.slice(endIndex)}`;
}

/**
 * Writes the named section of the doc at `path`. A missing file is created holding only the
 * section under `title`, so a fresh checkout still gets its figures.
 */
export function writeGeneratedSection(path: string, name: string, content: string, title: string): void {
	const { end } = markers(name);
	const doc = existsSync(path)
		? readFileSync(path, 'utf8')
		: `# ${title}\n\n<!-- generated:${name} (do not edit by hand) -->\n${end}\n`;
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, replaceGeneratedSection(doc, name, content));
}
