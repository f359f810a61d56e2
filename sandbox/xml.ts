/**
 * The sandbox's XML: requests are read with xmlbuilder2 (as the issue asks: a fake shares no XML
 * code with the client it checks), answers are written with it (soap.ts, answers/shape.ts).
 *
 * xmlbuilder2's reader is lenient where a hardened .NET service is not: it accepts a DTD, a
 * mismatched or missing end tag, an undeclared entity or prefix, a duplicate attribute, text
 * outside the root; and it resolves `<a:X xmlns="d" xmlns:a="a">` to the default namespace. So a
 * request first passes a strict well-formedness gate (own code, syntax only), then xmlbuilder2
 * builds the tree, and namespaces are resolved here from the declarations as XML Namespaces says.
 */
import { create } from 'xmlbuilder2';
import type { ParserOptions } from 'xmlbuilder2/lib/interfaces';

export interface XmlElement {
	/** Qualified name as written, e.g. `soap:Body`. */
	name: string;
	local: string;
	/** Resolved namespace URI ('' when none). */
	ns: string;
	/** Attributes by qualified name (namespace declarations included). */
	attrs: Record<string, string>;
	children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlParseError extends Error {
	constructor(message: string, readonly position: number) {
		super(message);
		this.name = 'XmlParseError';
	}
}

const NAME = /^[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?$/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Refuses what a hardened .NET XmlReader refuses and xmlbuilder2 lets through: any DTD, end tags
 * that do not match, undeclared entities, duplicate attributes, a late XML declaration, ...
 * Syntax only; the tree is xmlbuilder2's.
 */
function assertWellFormed(source: string): void {
	let pos = 0;
	let rootSeen = false;
	const open: string[] = [];

	const fail = (message: string): never => {
		throw new XmlParseError(message, pos);
	};

	if (source.charCodeAt(0) === 0xfeff) pos = 1;
	while (pos < source.length) {
		const lt = source.indexOf('<', pos);
		const textEnd = lt === -1 ? source.length : lt;
		if (textEnd > pos) {
			const raw = source.slice(pos, textEnd);
			if (open.length === 0) {
				if (raw.trim() !== '') fail('text outside the root element');
			} else {
				if (raw.includes(']]>')) fail('"]]>" in text');
				checkReferences(raw, pos);
			}
			pos = textEnd;
			continue;
		}
		if (source.startsWith('<!--', pos)) {
			const end = source.indexOf('-->', pos + 4);
			if (end === -1) fail('unterminated comment');
			pos = end + 3;
		} else if (source.startsWith('<![CDATA[', pos)) {
			if (open.length === 0) fail('CDATA outside the root element');
			const end = source.indexOf(']]>', pos + 9);
			if (end === -1) fail('unterminated CDATA section');
			pos = end + 3;
		} else if (source.startsWith('<!', pos)) {
			fail('DTD is prohibited in this XML document');
		} else if (source.startsWith('<?', pos)) {
			const end = source.indexOf('?>', pos + 2);
			if (end === -1) fail('unterminated processing instruction');
			// As in .NET: "The XML declaration must be the first node in the document".
			if (/^<\?xml[\s?]/i.test(source.slice(pos, pos + 6)) && source.slice(0, pos).replace(/^\uFEFF/, '') !== '') {
				fail('unexpected XML declaration: it must be the first node in the document');
			}
			pos = end + 2;
		} else if (source.startsWith('</', pos)) {
			const end = source.indexOf('>', pos);
			if (end === -1) fail('unterminated end tag');
			const name = source.slice(pos + 2, end).trim();
			if (open.pop() !== name) fail(`end tag </${name}> does not match`);
			pos = end + 1;
		} else {
			if (open.length === 0 && rootSeen) fail('more than one root element');
			rootSeen = true;
			pos = checkStartTag();
		}
	}
	if (open.length > 0) fail(`element <${open[open.length - 1]}> is not closed`);
	if (!rootSeen) fail('no root element');

	function checkStartTag(): number {
		let i = pos + 1;
		const nameMatch = /^[^\s/>]+/.exec(source.slice(i, i + 256));
		if (!nameMatch || !NAME.test(nameMatch[0])) fail('invalid element name');
		const name = nameMatch![0];
		i += name.length;
		const seen = new Set<string>();
		for (;;) {
			const spaceStart = i;
			while (i < source.length && /\s/.test(source[i])) i++;
			if (i >= source.length) fail('unterminated start tag');
			if (source[i] === '>' || source.startsWith('/>', i)) break;
			if (i === spaceStart) fail('missing space between attributes');
			const attrMatch = /^([^\s=/>]+)\s*=\s*(["'])/.exec(source.slice(i, i + 512));
			if (!attrMatch || !NAME.test(attrMatch[1])) fail('invalid attribute');
			const quote = attrMatch![2];
			const valueStart = i + attrMatch![0].length;
			const valueEnd = source.indexOf(quote, valueStart);
			if (valueEnd === -1) fail('unterminated attribute value');
			const value = source.slice(valueStart, valueEnd);
			if (value.includes('<')) fail('"<" in attribute value');
			if (seen.has(attrMatch![1])) fail(`duplicate attribute ${attrMatch![1]}`);
			seen.add(attrMatch![1]);
			checkReferences(value, valueStart);
			i = valueEnd + 1;
		}
		const selfClosing = source[i] === '/';
		if (!selfClosing) open.push(name);
		return i + (selfClosing ? 2 : 1);
	}
}

/** Only the five predefined entities and character references exist without a DTD. */
function checkReferences(text: string, position: number): void {
	if (!text.includes('&')) return;
	for (const match of text.matchAll(/&([^;\s&<]*);?/g)) {
		const [whole, body] = match;
		if (!whole.endsWith(';')) throw new XmlParseError('bare "&" in text', position);
		if (body in PREDEFINED) continue;
		const numeric = /^#(x[0-9a-fA-F]+|\d+)$/.exec(body);
		if (!numeric) throw new XmlParseError(`reference to undeclared entity "${body}"`, position);
		const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
		if (code > 0x10ffff || code === 0) throw new XmlParseError(`invalid character reference &${body};`, position);
	}
}

/** One pass over the references the gate let through (the five predefined and character references). */
function decodeReferences(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_whole, body: string) =>
		body[0] !== '#' ? PREDEFINED[body] : String.fromCodePoint(body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)),
	);
}

/**
 * xmlbuilder2 decodes the named entities first and character references after, so `&amp;#60;`
 * would read as `<`. Its reader takes its functions from the `parser` option (Object.assign), so
 * its decoder is replaced by a single pass; attribute values go through the same function.
 */
const SINGLE_PASS_DECODING = { _decodeText: decodeReferences } as unknown as ParserOptions;

/** Parses a whole document; throws XmlParseError on anything not well-formed or holding a DTD. */
export function parseXml(source: string): XmlElement {
	assertWellFormed(source);
	let document;
	try {
		document = create({ skipWhitespaceOnlyText: false, parser: SINGLE_PASS_DECODING }, source).node as unknown as DomNode;
	} catch (error) {
		throw new XmlParseError((error as Error).message.split('\n')[0], 0);
	}
	const topLevel = nodesOf(document);
	const root = topLevel.find((node) => node.nodeType === ELEMENT_NODE);
	if (!root) throw new XmlParseError('no root element', 0);
	if (topLevel.some((node) => node.nodeType === DOCUMENT_TYPE_NODE)) {
		throw new XmlParseError('DTD is prohibited in this XML document', 0);
	}
	return toElement(root, { xml: XML_NS, '': '' });
}

/** The parts of xmlbuilder2's DOM the sandbox reads (its nodes are W3C DOM nodes). */
interface DomNode {
	nodeType: number;
	nodeName: string;
	/** Text and CDATA nodes. */
	data?: string;
	childNodes: { length: number; item(index: number): DomNode | null };
	attributes?: { length: number; item(index: number): { name: string; value: string } | null };
}

function nodesOf(node: DomNode): DomNode[] {
	const nodes: DomNode[] = [];
	for (let i = 0; i < node.childNodes.length; i++) nodes.push(node.childNodes.item(i)!);
	return nodes;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_TYPE_NODE = 10;

/** One xmlbuilder2 element as the sandbox's XmlElement, namespaces resolved from the declarations in scope. */
function toElement(node: DomNode, parentScope: Record<string, string>): XmlElement {
	const name = node.nodeName;
	const attrs: Record<string, string> = {};
	let scope = parentScope;
	const attributes = node.attributes;
	for (let i = 0; attributes && i < attributes.length; i++) {
		const attribute = attributes.item(i)!;
		attrs[attribute.name] = attribute.value;
		if (attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) {
			if (scope === parentScope) scope = { ...parentScope };
			scope[attribute.name === 'xmlns' ? '' : attribute.name.slice(6)] = attribute.value;
		}
	}
	const colon = name.indexOf(':');
	const prefix = colon === -1 ? '' : name.slice(0, colon);
	const ns = scope[prefix];
	if (ns === undefined) throw new XmlParseError(`undeclared namespace prefix "${prefix}"`, 0);
	for (const attr of Object.keys(attrs)) {
		const attrColon = attr.indexOf(':');
		if (attrColon > 0 && attr.slice(0, attrColon) !== 'xmlns' && scope[attr.slice(0, attrColon)] === undefined) {
			throw new XmlParseError(`undeclared namespace prefix "${attr.slice(0, attrColon)}"`, 0);
		}
	}
	const children: XmlNode[] = [];
	for (const child of nodesOf(node)) {
		if (child.nodeType === ELEMENT_NODE) children.push(toElement(child, scope));
		else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) children.push(child.data ?? '');
	}
	return { name, local: colon === -1 ? name : name.slice(colon + 1), ns, attrs, children };
}

export function childElements(element: XmlElement): XmlElement[] {
	return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Concatenated text of an element's direct text children. */
export function textOf(element: XmlElement): string {
	return element.children.filter((child): child is string => typeof child === 'string').join('');
}

/** True when the element has non-whitespace text next to its child elements or instead of them. */
export function hasText(element: XmlElement): boolean {
	return textOf(element).trim() !== '';
}

/** Text as xmlbuilder2 escapes it (`&`, `<`, `>`; quotes stay), for the open items' string writer. */
export function escapeText(value: string): string {
	return /[&<>]/.test(value) ? value.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;')) : value;
}

/** An attribute value as xmlbuilder2 escapes it (`&`, `<`, `>`, `"`). */
export function escapeAttribute(value: string): string {
	return /[&<>"]/.test(value) ? value.replace(/[&<>"]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;')) : value;
}
