/**
 * Pass-through invoice documents (XML input): a ready document is sent unchanged first; only
 * when Yuki skipped some of its invoices or rejected it on schema grounds are its invoices
 * taken apart, to be sent again alone or with others.
 */
import { create } from 'xmlbuilder2';
import type { DocumentSpec } from '../documents/fields';

/** Each invoice element of a document, serialised on its own (with its namespace declaration). */
export function invoiceFragments(spec: DocumentSpec, body: string): string[] {
	const fragments: string[] = [];
	create(body)
		.root()
		.each(
			(child) => {
				if (child.node.nodeType === 1 && child.node.nodeName.replace(/^.*:/, '') === spec.record) {
					fragments.push(child.toString());
				}
			},
			false,
			false,
		);
	return fragments;
}

/** A document holding these invoice elements, under the root and namespace Yuki requires. */
export function documentOf(spec: DocumentSpec, fragments: readonly string[]): string {
	return `<${spec.root} xmlns="${spec.namespace}">${fragments.join('')}</${spec.root}>`;
}
