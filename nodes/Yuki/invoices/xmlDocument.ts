/**
 * Pass-through invoice documents (XML input): a ready document is sent unchanged first; only
 * when Yuki skipped some of its invoices or rejected it on schema grounds are its invoices
 * taken apart, to be sent again alone or with others.
 */
import type { DocumentSpec } from '../documents/fields';
import { readXml } from '../documents/xmlReader';

/**
 * Each invoice element of a document, exactly as the user wrote it, with the namespace
 * declarations of the root it inherited written onto it, so that it means the same on its own.
 */
export function invoiceFragments(spec: DocumentSpec, body: string): string[] {
	const root = readXml(body);
	const inherited = Object.entries(root.attributes).filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
	const fragments: string[] = [];
	for (const invoice of root.children) {
		if (invoice.localName !== spec.record) continue;
		const own = inherited.filter(([name]) => !(name in invoice.attributes));
		const declarations = own.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
		const nameEnd = invoice.start + 1 + invoice.name.length;
		fragments.push(body.slice(invoice.start, nameEnd) + declarations + body.slice(nameEnd, invoice.end));
	}
	return fragments;
}

function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** A document holding these invoice elements, under the root and namespace Yuki requires. */
export function documentOf(spec: DocumentSpec, fragments: readonly string[]): string {
	return `<${spec.root} xmlns="${spec.namespace}">${fragments.join('')}</${spec.root}>`;
}
