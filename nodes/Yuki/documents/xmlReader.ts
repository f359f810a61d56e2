/**
 * A small, strict XML reader for documents users hand to the node ready-made. It checks
 * well-formedness (matching tags, one root, legal characters, known entities, bound prefixes)
 * and refuses any DOCTYPE, so no DTD can declare or expand entities. It builds a light tree of
 * elements and their text; attributes are kept only for namespace declarations and lookups.
 */
import { ILLEGAL_XML_CHARACTER, normaliseLineEnds } from './xmlText';

export interface XmlElement {
	/** Qualified name as written, e.g. `SalesInvoice` or `y:SalesInvoice`. */
	name: string;
	localName: string;
	/** Resolved namespace URI; '' when the element is in no namespace. */
	namespace: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** Concatenated character data directly inside the element (entities decoded). */
	text: string;
	/** Where the element is written in the document: from its `<` to just after its end tag. */
	start: number;
	end: number;
}

export class XmlSyntaxError extends Error {}

// XML 1.0 name characters. U+200C/U+200D (zero-width joiners) are legal name characters too; they
// stand outside the character classes as alternatives, where they cannot combine with a neighbour.
const JOINERS = '|\\u200C|\\u200D';
const NAME_START = `(?:[A-Za-z_\\u00C0-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD]${JOINERS})`;
// The combining marks U+0300–U+036F come first in the class: after another character they would read as combined with it.
const NAME_CHAR_CLASS = '\\u0300-\\u036FA-Za-z_\\u00C0-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\-.0-9\\u00B7\\u203F-\\u2040';
const NAME_CHAR = `(?:[${NAME_CHAR_CLASS}]${JOINERS})`;
const NAME_CHAR_OR_COLON = `(?:[${NAME_CHAR_CLASS}:]${JOINERS})`;
const QNAME = new RegExp(`${NAME_START}${NAME_CHAR}*(?::${NAME_START}${NAME_CHAR}*)?`, 'y');
const ATTRIBUTE = new RegExp(`\\s+(${NAME_START}${NAME_CHAR_OR_COLON}*)\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const TAG_END = /\s*(\/?)>/y;
const CLOSE_END = /\s*>/y;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

function position(xml: string, index: number): string {
	const before = xml.slice(0, index);
	const line = before.split('\n').length;
	return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
}

function fail(xml: string, index: number, problem: string): never {
	throw new XmlSyntaxError(`${problem} at ${position(xml, index)}`);
}

function decodeEntities(xml: string, raw: string, start: number): string {
	if (!raw.includes('&')) return raw;
	let result = '';
	let from = 0;
	for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', from)) {
		ENTITY.lastIndex = at;
		const match = ENTITY.exec(raw);
		if (!match) fail(xml, start + at, 'Unknown entity or a bare "&" (write &amp;)');
		result += raw.slice(from, at);
		if (match[3]) result += PREDEFINED[match[3]];
		else {
			const code = parseInt(match[1] ?? match[2], match[1] ? 16 : 10);
			const character = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
			if (ILLEGAL_XML_CHARACTER.test(character)) fail(xml, start + at, `Character reference ${match[0]} names a character XML cannot carry`);
			result += character;
		}
		from = ENTITY.lastIndex;
	}
	return result + raw.slice(from);
}

interface Scope {
	namespaces: Record<string, string>;
}

function resolve(xml: string, at: number, name: string, scope: Scope): { prefix: string; localName: string; namespace: string } {
	const colon = name.indexOf(':');
	const prefix = colon === -1 ? '' : name.slice(0, colon);
	const localName = colon === -1 ? name : name.slice(colon + 1);
	const namespace = scope.namespaces[prefix];
	if (prefix && namespace === undefined) fail(xml, at, `Namespace prefix "${prefix}" is not declared`);
	return { prefix, localName, namespace: namespace ?? '' };
}

/** Where the content after an optional BOM, leading whitespace and `<?xml ...?>` declaration starts. */
export function afterDeclaration(xml: string): number {
	const start = xml.match(/^\uFEFF?\s*/)?.[0].length ?? 0;
	if (!/^<\?xml[\s?]/.test(xml.slice(start, start + 6))) return start;
	const end = xml.indexOf('?>', start);
	if (end === -1) fail(xml, start, 'The <?xml ...?> declaration is not closed');
	return end + 2;
}

/** Parses `xml` (a whole document) into its root element; throws XmlSyntaxError with the position. */
export function readXml(xml: string): XmlElement {
	const illegal = ILLEGAL_XML_CHARACTER.exec(xml);
	if (illegal) fail(xml, illegal.index, `A character XML cannot carry (U+${illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) appears`);
	const stack: Array<{ element: XmlElement; scope: Scope; at: number }> = [];
	const rootScope: Scope = { namespaces: { xml: XML_NAMESPACE } };
	let root: XmlElement | undefined;
	let pos = afterDeclaration(xml);
	while (pos < xml.length) {
		const lt = xml.indexOf('<', pos);
		const chunk = xml.slice(pos, lt === -1 ? xml.length : lt);
		if (chunk) {
			const top = stack[stack.length - 1];
			if (!top) {
				if (chunk.trim()) fail(xml, pos, 'Text outside the root element');
			} else {
				if (chunk.includes(']]>')) fail(xml, pos + chunk.indexOf(']]>'), '"]]>" in text (write ]]&gt;)');
				top.element.text += decodeEntities(xml, normaliseLineEnds(chunk), pos);
			}
		}
		if (lt === -1) break;
		if (xml.startsWith('<!--', lt)) {
			const end = xml.indexOf('-->', lt + 4);
			if (end === -1) fail(xml, lt, 'Comment is not closed');
			pos = end + 3;
		} else if (xml.startsWith('<![CDATA[', lt)) {
			const top = stack[stack.length - 1];
			if (!top) fail(xml, lt, 'CDATA section outside the root element');
			const end = xml.indexOf(']]>', lt + 9);
			if (end === -1) fail(xml, lt, 'CDATA section is not closed');
			top.element.text += normaliseLineEnds(xml.slice(lt + 9, end));
			pos = end + 3;
		} else if (xml.startsWith('<!', lt)) {
			fail(xml, lt, 'DOCTYPE and DTD declarations are not accepted (they could define entities)');
		} else if (xml.startsWith('<?', lt)) {
			const end = xml.indexOf('?>', lt + 2);
			if (end === -1) fail(xml, lt, 'Processing instruction is not closed');
			if (/^<\?xml[\s?]/i.test(xml.slice(lt, lt + 6))) fail(xml, lt, 'An <?xml ...?> declaration is only allowed at the very start');
			pos = end + 2;
		} else if (xml.startsWith('</', lt)) {
			QNAME.lastIndex = lt + 2;
			const name = QNAME.exec(xml)?.[0];
			const top = stack.pop();
			if (!name || !top) fail(xml, lt, 'Closing tag without an open element');
			if (name !== top.element.name) fail(xml, lt, `Closing tag </${name}> does not match <${top.element.name}>`);
			CLOSE_END.lastIndex = lt + 2 + name.length;
			if (!CLOSE_END.exec(xml)) fail(xml, lt, `Closing tag </${name}> is not closed with ">"`);
			pos = CLOSE_END.lastIndex;
			top.element.end = pos;
		} else {
			if (stack.length === 0 && root) fail(xml, lt, 'A second root element (a document has exactly one)');
			QNAME.lastIndex = lt + 1;
			const name = QNAME.exec(xml)?.[0];
			if (!name) fail(xml, lt, 'A "<" that starts no tag (write &lt;)');
			pos = lt + 1 + name.length;
			const attributes: Record<string, string> = {};
			for (;;) {
				ATTRIBUTE.lastIndex = pos;
				const match = ATTRIBUTE.exec(xml);
				if (!match) break;
				if (match[1] in attributes) fail(xml, pos, `Attribute ${match[1]} appears twice`);
				attributes[match[1]] = decodeEntities(xml, (match[2] ?? match[3]).replace(/[\t\n\r]/g, ' '), pos);
				pos = ATTRIBUTE.lastIndex;
			}
			TAG_END.lastIndex = pos;
			const end = TAG_END.exec(xml);
			if (!end) fail(xml, pos, `Tag <${name}> is malformed`);
			pos = TAG_END.lastIndex;
			const parentScope = stack[stack.length - 1]?.scope ?? rootScope;
			const declarations = Object.entries(attributes).filter(([key]) => key === 'xmlns' || key.startsWith('xmlns:'));
			const scope: Scope = declarations.length
				? { namespaces: { ...parentScope.namespaces, ...Object.fromEntries(declarations.map(([key, value]) => [key === 'xmlns' ? '' : key.slice(6), value])) } }
				: parentScope;
			const { localName, namespace } = resolve(xml, lt, name, scope);
			const element: XmlElement = { name, localName, namespace, attributes, children: [], text: '', start: lt, end: pos };
			const parent = stack[stack.length - 1];
			if (parent) parent.element.children.push(element);
			else root = element;
			if (!end[1]) stack.push({ element, scope, at: lt });
		}
	}
	if (stack.length > 0) fail(xml, stack[stack.length - 1].at, `<${stack[stack.length - 1].element.name}> is never closed`);
	if (!root) throw new XmlSyntaxError('The document has no root element');
	return root;
}
