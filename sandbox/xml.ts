/**
 * A small, strict XML reader and writer helpers for the sandbox. Own code on purpose: the
 * sandbox must not share the client's XML handling, and it must refuse what a hardened .NET
 * service refuses (a DTD in a request).
 */

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

function decodeEntities(text: string, position: number): string {
	if (!text.includes('&')) return text;
	return text.replace(/&([^;\s&<]*);?/g, (whole, body: string) => {
		if (!whole.endsWith(';')) throw new XmlParseError('bare "&" in text', position);
		if (body in PREDEFINED) return PREDEFINED[body];
		const numeric = /^#(x[0-9a-fA-F]+|\d+)$/.exec(body);
		if (!numeric) throw new XmlParseError(`reference to undeclared entity "${body}"`, position);
		const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
		if (code > 0x10ffff || code === 0) throw new XmlParseError(`invalid character reference &${body};`, position);
		return String.fromCodePoint(code);
	});
}

/** Parses a whole document; throws XmlParseError on anything not well-formed or holding a DTD. */
export function parseXml(source: string): XmlElement {
	let pos = 0;
	let root: XmlElement | undefined;
	const stack: Array<{ element: XmlElement; scope: Record<string, string> }> = [];
	const rootScope: Record<string, string> = { xml: XML_NS, '': '' };

	const fail = (message: string): never => {
		throw new XmlParseError(message, pos);
	};

	if (source.charCodeAt(0) === 0xfeff) pos = 1;
	while (pos < source.length) {
		const lt = source.indexOf('<', pos);
		const textEnd = lt === -1 ? source.length : lt;
		if (textEnd > pos) {
			const raw = source.slice(pos, textEnd);
			if (stack.length === 0) {
				if (raw.trim() !== '') fail('text outside the root element');
			} else {
				if (raw.includes(']]>')) fail('"]]>" in text');
				stack[stack.length - 1].element.children.push(decodeEntities(raw, pos));
			}
			pos = textEnd;
			continue;
		}
		if (source.startsWith('<!--', pos)) {
			const end = source.indexOf('-->', pos + 4);
			if (end === -1) fail('unterminated comment');
			pos = end + 3;
		} else if (source.startsWith('<![CDATA[', pos)) {
			if (stack.length === 0) fail('CDATA outside the root element');
			const end = source.indexOf(']]>', pos + 9);
			if (end === -1) fail('unterminated CDATA section');
			stack[stack.length - 1].element.children.push(source.slice(pos + 9, end));
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
			const open = stack.pop();
			if (!open || open.element.name !== name) fail(`end tag </${name}> does not match`);
			pos = end + 1;
		} else {
			if (stack.length === 0 && root) fail('more than one root element');
			pos = readStartTag();
		}
	}
	if (stack.length > 0) fail(`element <${stack[stack.length - 1].element.name}> is not closed`);
	if (!root) fail('no root element');
	return root as XmlElement;

	function readStartTag(): number {
		let i = pos + 1;
		const nameMatch = /^[^\s/>]+/.exec(source.slice(i, i + 256));
		if (!nameMatch || !NAME.test(nameMatch[0])) fail('invalid element name');
		const name = nameMatch![0];
		i += name.length;
		const attrs: Record<string, string> = {};
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
			if (attrMatch![1] in attrs) fail(`duplicate attribute ${attrMatch![1]}`);
			attrs[attrMatch![1]] = decodeEntities(value, valueStart);
			i = valueEnd + 1;
		}
		const selfClosing = source[i] === '/';
		const parentScope = stack.length ? stack[stack.length - 1].scope : rootScope;
		let scope = parentScope;
		for (const [attr, value] of Object.entries(attrs)) {
			if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
				if (scope === parentScope) scope = { ...parentScope };
				scope[attr === 'xmlns' ? '' : attr.slice(6)] = value;
			}
		}
		const colon = name.indexOf(':');
		const prefix = colon === -1 ? '' : name.slice(0, colon);
		const ns = scope[prefix];
		if (ns === undefined) fail(`undeclared namespace prefix "${prefix}"`);
		for (const attr of Object.keys(attrs)) {
			const attrColon = attr.indexOf(':');
			if (attrColon > 0 && attr.slice(0, attrColon) !== 'xmlns' && scope[attr.slice(0, attrColon)] === undefined) {
				fail(`undeclared namespace prefix "${attr.slice(0, attrColon)}"`);
			}
		}
		const element: XmlElement = { name, local: colon === -1 ? name : name.slice(colon + 1), ns, attrs, children: [] };
		if (stack.length) stack[stack.length - 1].element.children.push(element);
		else root = element;
		if (!selfClosing) stack.push({ element, scope });
		return i + (selfClosing ? 2 : 1);
	}
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

const SPECIAL = /[&<>"']/;

export function escapeXml(value: string): string {
	// Most values need no escaping; testing first keeps large answers fast.
	if (!SPECIAL.test(value)) return value;
	return value.replace(/[&<>"']/g, (char) =>
		char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '"' ? '&quot;' : '&apos;',
	);
}

/** `<name>value</name>`, or `<name />` for an empty or absent value. */
export function leaf(name: string, value: string | undefined): string {
	return value === undefined || value === '' ? `<${name} />` : `<${name}>${escapeXml(value)}</${name}>`;
}
