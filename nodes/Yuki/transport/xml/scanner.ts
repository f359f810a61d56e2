/**
 * A small, non-validating XML reader for Yuki's answers.
 *
 * Why our own: soap's generic parser takes seconds on the megabyte-sized open-item lists Yuki
 * returns; this one walks the text with indexOf and builds a light element tree. It understands
 * what SOAP answers contain (elements, attributes, text, the five predefined entities, numeric
 * character references, CDATA, comments, processing instructions) and nothing more. A DOCTYPE is
 * refused outright, so no DTD, internal entity or external entity (XXE) is ever resolved.
 * Namespaces are reduced to local names: Yuki's documents are read by element name.
 */

export interface XmlElement {
	/** Local name (prefix removed). */
	name: string;
	/** Attributes by local name; namespace declarations are left out. */
	attributes: Record<string, string>;
	children: XmlElement[];
	/**
	 * Character data directly inside this element (entities decoded, CDATA included). Runs of
	 * whitespace alone (indentation between elements) are dropped: Yuki's data is never just blanks.
	 */
	text: string;
}

// Shared until an element gets its first attribute or child: most of Yuki's elements have
// neither, and not allocating for them is what keeps megabyte answers fast.
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

export class XmlSyntaxError extends Error {
	constructor(message: string, position: number) {
		super(`${message} (at character ${position})`);
		this.name = 'XmlSyntaxError';
	}
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function localName(qualifiedName: string): string {
	const colon = qualifiedName.indexOf(':');
	return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
}

function isWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isBlank(text: string): boolean {
	for (let index = 0; index < text.length; index++) if (!isWhitespace(text.charCodeAt(index))) return false;
	return true;
}

/** Decodes the predefined entities and numeric references; any other `&name;` is an error (no DTD). */
export function decodeEntities(text: string, position = 0): string {
	let amp = text.indexOf('&');
	if (amp === -1) return text;
	let out = '';
	let from = 0;
	while (amp !== -1) {
		const semicolon = text.indexOf(';', amp);
		if (semicolon === -1 || semicolon - amp > 12) throw new XmlSyntaxError('Bare "&" or unterminated entity reference', position + amp);
		const reference = text.slice(amp + 1, semicolon);
		let decoded: string | undefined;
		if (reference.startsWith('#x') || reference.startsWith('#X')) {
			decoded = codePoint(parseInt(reference.slice(2), 16), /^[0-9a-fA-F]+$/.test(reference.slice(2)));
		} else if (reference.startsWith('#')) {
			decoded = codePoint(parseInt(reference.slice(1), 10), /^[0-9]+$/.test(reference.slice(1)));
		} else {
			decoded = PREDEFINED_ENTITIES[reference];
		}
		if (decoded === undefined) throw new XmlSyntaxError(`Unknown entity "&${reference};"`, position + amp);
		out += text.slice(from, amp) + decoded;
		from = semicolon + 1;
		amp = text.indexOf('&', from);
	}
	return out + text.slice(from);
}

function codePoint(value: number, wellFormed: boolean): string | undefined {
	if (!wellFormed || !Number.isFinite(value) || value < 1 || value > 0x10ffff) return undefined;
	return String.fromCodePoint(value);
}

/** Parses a whole document and returns its root element. Throws `XmlSyntaxError` on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
	const length = xml.length;
	const stack: XmlElement[] = [];
	const openNames: string[] = [];
	let root: XmlElement | undefined;
	let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;

	const addText = (raw: string, at: number) => {
		if (isBlank(raw)) return;
		const current = stack[stack.length - 1];
		if (!current) throw new XmlSyntaxError('Text outside the root element', at);
		// XML end-of-line handling: a literal CR LF or CR reads as LF (a written &#13; stays CR).
		const text = decodeEntities(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw, at);
		current.text = current.text === '' ? text : current.text + text;
	};

	while (pos < length) {
		const lt = xml.indexOf('<', pos);
		if (lt === -1) {
			addText(xml.slice(pos), pos);
			break;
		}
		if (lt > pos) addText(xml.slice(pos, lt), pos);
		const next = xml.charCodeAt(lt + 1);

		if (next === 0x2f /* / */) {
			const gt = xml.indexOf('>', lt);
			if (gt === -1) throw new XmlSyntaxError('Unterminated end tag (truncated document?)', lt);
			const name = xml.slice(lt + 2, gt).trim();
			const expected = openNames.pop();
			if (expected !== name) {
				throw new XmlSyntaxError(`End tag </${name}> does not close <${expected ?? 'nothing'}>`, lt);
			}
			stack.pop();
			pos = gt + 1;
		} else if (next === 0x21 /* ! */) {
			if (xml.startsWith('<!--', lt)) {
				const end = xml.indexOf('-->', lt + 4);
				if (end === -1) throw new XmlSyntaxError('Unterminated comment (truncated document?)', lt);
				pos = end + 3;
			} else if (xml.startsWith('<![CDATA[', lt)) {
				const end = xml.indexOf(']]>', lt + 9);
				if (end === -1) throw new XmlSyntaxError('Unterminated CDATA section (truncated document?)', lt);
				const current = stack[stack.length - 1];
				if (!current) throw new XmlSyntaxError('CDATA outside the root element', lt);
				current.text += xml.slice(lt + 9, end);
				pos = end + 3;
			} else if (xml.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE') {
				throw new XmlSyntaxError('DOCTYPE declarations are not accepted', lt);
			} else {
				throw new XmlSyntaxError('Unexpected markup declaration', lt);
			}
		} else if (next === 0x3f /* ? */) {
			const end = xml.indexOf('?>', lt + 2);
			if (end === -1) throw new XmlSyntaxError('Unterminated processing instruction (truncated document?)', lt);
			pos = end + 2;
		} else {
			pos = readStartTag(xml, lt, (element, qualifiedName, selfClosing) => {
				const parent = stack[stack.length - 1];
				if (parent) {
					if (parent.children === NO_CHILDREN) parent.children = [element];
					else parent.children.push(element);
				} else if (root) {
					throw new XmlSyntaxError('More than one root element', lt);
				} else {
					root = element;
				}
				if (!selfClosing) {
					stack.push(element);
					openNames.push(qualifiedName);
				}
			});
		}
	}

	if (openNames.length > 0) {
		throw new XmlSyntaxError(`Document ends inside <${openNames[openNames.length - 1]}> (truncated document?)`, length);
	}
	if (!root) throw new XmlSyntaxError('No root element', length);
	return root;
}

/** Reads `<name attr="v" ...>` or `<name/>` starting at `lt`; returns the position after it. */
function readStartTag(
	xml: string,
	lt: number,
	onElement: (element: XmlElement, qualifiedName: string, selfClosing: boolean) => void,
): number {
	const length = xml.length;
	let pos = lt + 1;
	while (pos < length) {
		const code = xml.charCodeAt(pos);
		if (isWhitespace(code) || code === 0x3e /* > */ || code === 0x2f /* / */) break;
		pos++;
	}
	const qualifiedName = xml.slice(lt + 1, pos);
	if (qualifiedName === '' || qualifiedName.includes('<')) throw new XmlSyntaxError('Invalid start tag', lt);
	const element: XmlElement = { name: localName(qualifiedName), attributes: NO_ATTRIBUTES, children: NO_CHILDREN, text: '' };

	for (;;) {
		while (pos < length && isWhitespace(xml.charCodeAt(pos))) pos++;
		if (pos >= length) throw new XmlSyntaxError(`Unterminated start tag <${qualifiedName}> (truncated document?)`, lt);
		const code = xml.charCodeAt(pos);
		if (code === 0x3e /* > */) {
			onElement(element, qualifiedName, false);
			return pos + 1;
		}
		if (code === 0x2f /* / */) {
			if (xml.charCodeAt(pos + 1) !== 0x3e) throw new XmlSyntaxError('Expected "/>"', pos);
			onElement(element, qualifiedName, true);
			return pos + 2;
		}
		const equals = xml.indexOf('=', pos);
		if (equals === -1) throw new XmlSyntaxError(`Unterminated start tag <${qualifiedName}> (truncated document?)`, lt);
		const attributeName = xml.slice(pos, equals).trim();
		if (attributeName === '' || /[\s<>"'/]/.test(attributeName)) throw new XmlSyntaxError('Invalid attribute', pos);
		let quotePos = equals + 1;
		while (quotePos < length && isWhitespace(xml.charCodeAt(quotePos))) quotePos++;
		const quote = xml[quotePos];
		if (quote !== '"' && quote !== "'") throw new XmlSyntaxError('Attribute value must be quoted', quotePos);
		const close = xml.indexOf(quote, quotePos + 1);
		if (close === -1) throw new XmlSyntaxError('Unterminated attribute value (truncated document?)', quotePos);
		const rawValue = xml.slice(quotePos + 1, close);
		if (rawValue.includes('<')) throw new XmlSyntaxError('"<" in attribute value', quotePos);
		if (attributeName !== 'xmlns' && !attributeName.startsWith('xmlns:')) {
			if (element.attributes === NO_ATTRIBUTES) element.attributes = {};
			// Attribute-value normalisation: literal line breaks and tabs read as spaces.
			element.attributes[localName(attributeName)] = decodeEntities(rawValue.replace(/\r\n|[\r\n\t]/g, ' '), quotePos + 1);
		}
		pos = close + 1;
	}
}

/** First child element with this local name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((child) => child.name === name);
}
