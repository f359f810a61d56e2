/**
 * A streaming, non-validating XML reader for Yuki's answers: it walks the text once with
 * indexOf and reports start tags, text and end tags to a handler, building nothing itself.
 * The element tree (scanner.ts) and the record readers (records.ts) are both handlers, so a
 * 70 MB open-items answer becomes records without an element tree in between.
 *
 * It understands what SOAP answers contain (elements, attributes, text, the five predefined
 * entities, numeric character references, CDATA, comments, processing instructions) and
 * nothing more. A DOCTYPE is refused outright, so no DTD, internal entity or external entity
 * (XXE) is ever resolved. Namespaces are reduced to local names: Yuki's documents are read by
 * element name.
 */

export class XmlSyntaxError extends Error {
	constructor(message: string, position: number) {
		super(`${message} (at character ${position})`);
		this.name = 'XmlSyntaxError';
	}
}

export interface XmlHandler {
	/**
	 * A start tag. `attributes` by local name, namespace declarations left out; `undefined` when
	 * there are none (most of Yuki's elements), so no object is allocated for them.
	 * `contentStart` is where the element's content begins (after `>`; after `/>` when empty).
	 */
	start(name: string, attributes: Record<string, string> | undefined, depth: number, contentStart: number, selfClosing: boolean): void;
	/**
	 * Character data directly inside the element at `depth` (entities decoded, CDATA included,
	 * line ends normalised). Runs of whitespace alone (indentation) are not reported.
	 */
	text(text: string, depth: number): void;
	/** An end tag (also after a self-closing start tag); `contentEnd` is where `</` begins. */
	end(name: string, depth: number, contentEnd: number): void;
	/**
	 * Deepest depth the handler wants events for. Deeper content is still checked (tags,
	 * entities) but no string is built for it, which keeps a pass that skips a list cheap.
	 */
	readonly deepest?: number;
}

/** Where to read: a whole document (one root), or the content of one element (`scanContent`). */
interface Range {
	start: number;
	end: number;
	/** Depth reported for the range's top-level elements. */
	depth: number;
	fragment: boolean;
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function localName(qualifiedName: string): string {
	const colon = qualifiedName.indexOf(':');
	return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
}

function isWhitespace(code: number): boolean {
	return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isBlank(xml: string, from: number, to: number): boolean {
	for (let index = from; index < to; index++) if (!isWhitespace(xml.charCodeAt(index))) return false;
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

/** Reads a whole document (exactly one root element). Throws `XmlSyntaxError` on anything not well-formed. */
export function scanXml(xml: string, handler: XmlHandler): void {
	scan(xml, handler, { start: xml.charCodeAt(0) === 0xfeff ? 1 : 0, end: xml.length, depth: 0, fragment: false });
}

/**
 * Reads the content of one element, `xml[start, end)` as reported by `start`/`end` of an
 * earlier scan: any number of elements and text; its top-level elements get `depth`.
 */
export function scanContent(xml: string, start: number, end: number, depth: number, handler: XmlHandler): void {
	scan(xml, handler, { start, end, depth, fragment: true });
}

/** Open elements: where each qualified name is in the text, and its local name (for the end event). */
interface OpenElements {
	nameStart: number[];
	nameLength: number[];
	local: string[];
}

function qualifiedNameAt(xml: string, open: OpenElements, index: number): string {
	return xml.slice(open.nameStart[index], open.nameStart[index] + open.nameLength[index]);
}

/** Whether `xml` continues at `at` with the same characters as the open element's name. */
function sameName(xml: string, open: OpenElements, index: number, at: number): boolean {
	const start = open.nameStart[index];
	const length = open.nameLength[index];
	for (let offset = 0; offset < length; offset++) {
		if (xml.charCodeAt(start + offset) !== xml.charCodeAt(at + offset)) return false;
	}
	return true;
}

/**
 * Whether `xml` holds `text` at `at`. A loop of character codes: for the short names compared on
 * every tag, several times cheaper than `startsWith` (a call into the runtime each time).
 */
function holdsAt(xml: string, at: number, text: string): boolean {
	for (let offset = 0; offset < text.length; offset++) if (xml.charCodeAt(at + offset) !== text.charCodeAt(offset)) return false;
	return true;
}

/** Checks the entity and character references of `xml[from, to)` without building the decoded text. */
function checkReferences(xml: string, from: number, to: number): void {
	// Searched within the range only: an indexOf would run on to the end of a 70 MB answer
	// that has no "&" left, once per element.
	for (let amp = from; amp < to; amp++) {
		if (xml.charCodeAt(amp) !== 0x26 /* & */) continue;
		let semicolon = amp + 1;
		while (semicolon < to && semicolon - amp <= 12 && xml.charCodeAt(semicolon) !== 0x3b /* ; */) semicolon++;
		if (semicolon >= to || xml.charCodeAt(semicolon) !== 0x3b) throw new XmlSyntaxError('Bare "&" or unterminated entity reference', amp);
		decodeEntities(xml.slice(amp, semicolon + 1), amp);
		amp = semicolon;
	}
}

/** What the text before a tag holds, noted while looking for the tag (see `scan`). */
const TEXT = 1;
const AMPERSAND = 2;
const CARRIAGE_RETURN = 4;

/**
 * Text between tags, `xml[from, to)`, inside `openCount` open elements; `holds` tells whether it
 * has anything but blanks, an `&` or a CR, so text without them is neither searched nor decoded.
 */
function textEvent(xml: string, from: number, to: number, holds: number, handler: XmlHandler, openCount: number, base: number, deepest: number, fragment: boolean): void {
	if ((holds & TEXT) === 0) return;
	if (openCount === 0 && !fragment) throw new XmlSyntaxError('Text outside the root element', from);
	const depth = base + openCount - 1;
	if (depth > deepest) {
		if (holds & AMPERSAND) checkReferences(xml, from, to);
		return;
	}
	let text = xml.slice(from, to);
	// XML end-of-line handling: a literal CR LF or CR reads as LF (a written &#13; stays CR).
	if (holds & CARRIAGE_RETURN) text = text.replace(/\r\n?/g, '\n');
	handler.text(holds & AMPERSAND ? decodeEntities(text, from) : text, depth);
}

function scan(xml: string, handler: XmlHandler, range: Range): void {
	const { end: length, fragment } = range;
	const base = range.depth;
	const deepest = handler.deepest ?? Number.POSITIVE_INFINITY;
	const open: OpenElements = { nameStart: [], nameLength: [], local: [] };
	let sawRoot = false;
	let pos = range.start;

	while (pos < length) {
		// To the next tag in one pass that also notes what the text before it holds: cheaper than
		// indexOf, then a blank check, then searches for CR and "&", for the short texts of records.
		let lt = pos;
		let holds = 0;
		for (; lt < length; lt++) {
			const code = xml.charCodeAt(lt);
			if (code > 0x3c /* < */) holds |= TEXT;
			else if (code === 0x3c) break;
			else if (code === 0x26 /* & */) holds |= TEXT | AMPERSAND;
			else if (code === 0x0d) holds |= CARRIAGE_RETURN;
			else if (!isWhitespace(code)) holds |= TEXT;
		}
		if (lt > pos) textEvent(xml, pos, lt, holds, handler, open.local.length, base, deepest, fragment);
		if (lt === length) break;
		const next = xml.charCodeAt(lt + 1);

		if (next === 0x2f /* / */) {
			const top = open.local.length - 1;
			const nameLength = top === -1 ? -1 : open.nameLength[top];
			// Most end tags are `</name>` right after the open element's name: its characters and a
			// `>` right after them settle it (a name never holds `>`, so that is the first `>`).
			let gt = lt + 2 + nameLength;
			if (top === -1 || gt >= length || xml.charCodeAt(gt) !== 0x3e /* > */ || !sameName(xml, open, top, lt + 2)) {
				gt = xml.indexOf('>', lt);
				if (gt === -1 || gt >= length) throw new XmlSyntaxError('Unterminated end tag (truncated document?)', lt);
				if (top === -1 || !sameName(xml, open, top, lt + 2) || !isBlank(xml, lt + 2 + nameLength, gt)) {
					const expected = top === -1 ? 'nothing' : qualifiedNameAt(xml, open, top);
					throw new XmlSyntaxError(`End tag </${xml.slice(lt + 2, gt).trim()}> does not close <${expected}>`, lt);
				}
			}
			const name = open.local[top];
			open.nameStart.pop();
			open.nameLength.pop();
			open.local.pop();
			const depth = base + top;
			if (depth <= deepest) handler.end(name, depth, lt);
			pos = gt + 1;
		} else if (next === 0x21 /* ! */) {
			if (xml.startsWith('<!--', lt)) {
				const end = xml.indexOf('-->', lt + 4);
				if (end === -1 || end + 3 > length) throw new XmlSyntaxError('Unterminated comment (truncated document?)', lt);
				pos = end + 3;
			} else if (xml.startsWith('<![CDATA[', lt)) {
				const end = xml.indexOf(']]>', lt + 9);
				if (end === -1 || end + 3 > length) throw new XmlSyntaxError('Unterminated CDATA section (truncated document?)', lt);
				if (open.local.length === 0 && !fragment) throw new XmlSyntaxError('CDATA outside the root element', lt);
				const depth = base + open.local.length - 1;
				if (end > lt + 9 && depth <= deepest) handler.text(xml.slice(lt + 9, end), depth);
				pos = end + 3;
			} else if (xml.slice(lt + 2, lt + 9).toUpperCase() === 'DOCTYPE') {
				throw new XmlSyntaxError('DOCTYPE declarations are not accepted', lt);
			} else {
				throw new XmlSyntaxError('Unexpected markup declaration', lt);
			}
		} else if (next === 0x3f /* ? */) {
			const end = xml.indexOf('?>', lt + 2);
			if (end === -1 || end + 2 > length) throw new XmlSyntaxError('Unterminated processing instruction (truncated document?)', lt);
			pos = end + 2;
		} else {
			if (open.local.length === 0 && !fragment) {
				if (sawRoot) throw new XmlSyntaxError('More than one root element', lt);
				sawRoot = true;
			}
			pos = startTag(xml, lt, length, handler, base + open.local.length, deepest, open);
		}
	}

	if (open.local.length > 0) {
		throw new XmlSyntaxError(`Document ends inside <${qualifiedNameAt(xml, open, open.local.length - 1)}> (truncated document?)`, length);
	}
	if (!sawRoot && !fragment) throw new XmlSyntaxError('No root element', length);
}

/**
 * Local names seen before, in a direct-mapped cache by a hash of their characters: a list of
 * 100,000 records repeats the same 30 names, and reusing one string per name spares millions of
 * small allocations. A slot holds the last name that hashed to it (an array index, not a Map
 * lookup, on every tag).
 */
const NAMES: string[] = new Array<string>(1024).fill(''); // 2^10 slots: `>>> 22` below

/** The cache slot of a name by its hash: the top bits of a multiplicative mix (the low bits of the hash alone collide too often). */
function nameSlot(hash: number): number {
	return Math.imul(hash, 0x9e3779b1) >>> 22;
}

function internedName(xml: string, start: number, end: number, slot: number): string {
	const known = NAMES[slot];
	if (known.length === end - start && holdsAt(xml, start, known)) return known;
	// A property key is V8's own copy of the name: not a slice that would keep the whole answer
	// alive from this cache, and the same string as the literals it is compared with (`=== 'Item'`).
	const name = Object.keys({ [xml.slice(start, end)]: 0 })[0];
	NAMES[slot] = name;
	return name;
}

/** Name characters of the usual attribute names: ASCII letters, digits, `:`, `_`, `-`, `.`. */
function isPlainNameCharacter(code: number): boolean {
	return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x2d || code === 0x2e;
}

/**
 * Where the attribute name in `xml[from, to)` (up to its `=`) ends when it is plain: name
 * characters, then only blanks. -1 for anything else, which the caller checks the general way.
 */
function plainNameEnd(xml: string, from: number, to: number): number {
	let end = from;
	while (end < to && isPlainNameCharacter(xml.charCodeAt(end))) end++;
	if (end === from) return -1;
	for (let index = end; index < to; index++) if (!isWhitespace(xml.charCodeAt(index))) return -1;
	return end;
}

/** Whether the plain attribute name `xml[from, end)` is `xmlns` or `xmlns:…` (a declaration, not data). */
function isNamespaceDeclaration(xml: string, from: number, end: number): boolean {
	return holdsAt(xml, from, 'xmlns') && (end - from === 5 || (end - from > 5 && xml.charCodeAt(from + 5) === 0x3a));
}

/**
 * The start tag that followed each name last time, by the slot of that name: the records of a
 * list repeat their children in one order, so the next start tag is most often the one that
 * followed the previous tag before. A guess whose characters the tag holds, followed by the end
 * of a name, is that tag's name exactly (a guess is always an unprefixed name read before, so
 * its qualified name is its local name): it spares hashing the name and checking it against
 * `NAMES`. Only a guess: a wrong one costs one comparison and the name is read as usual.
 */
const FOLLOWING_NAMES: string[] = new Array<string>(1024).fill('');
const FOLLOWING_SLOTS = new Int32Array(1024);
let previousSlot = 0;

/** Whether the start tag at `nameStart` is named `guess` (its characters, then a blank, `>` or `/`, within the range). */
function isNamed(xml: string, nameStart: number, length: number, guess: string): boolean {
	const end = nameStart + guess.length;
	if (guess === '' || end >= length || !holdsAt(xml, nameStart, guess)) return false;
	const code = xml.charCodeAt(end);
	return isWhitespace(code) || code === 0x3e /* > */ || code === 0x2f; /* / */
}

/** Reads `<name attr="v" ...>` or `<name/>` starting at `lt`; returns the position after it. */
function startTag(xml: string, lt: number, length: number, handler: XmlHandler, depth: number, deepest: number, open: OpenElements): number {
	const nameStart = lt + 1;
	const reported = depth <= deepest;
	let pos = nameStart;
	let name = '';
	const guess = FOLLOWING_NAMES[previousSlot];
	if (reported && isNamed(xml, nameStart, length, guess)) {
		name = guess;
		pos = nameStart + guess.length;
		previousSlot = FOLLOWING_SLOTS[previousSlot];
	} else {
		let localStart = nameStart;
		let hash = 0;
		while (pos < length) {
			const code = xml.charCodeAt(pos);
			// Letters (most of a name) are above every character tested below.
			if (code > 0x3e) {
				hash = (Math.imul(hash, 31) + code) | 0;
				pos++;
				continue;
			}
			if (isWhitespace(code) || code === 0x3e /* > */ || code === 0x2f /* / */) break;
			if (code === 0x3c /* < */) throw new XmlSyntaxError('Invalid start tag', lt);
			if (code === 0x3a /* : */ && localStart === nameStart) {
				localStart = pos + 1;
				hash = 0;
			} else {
				hash = (Math.imul(hash, 31) + code) | 0;
			}
			pos++;
		}
		if (pos === nameStart) throw new XmlSyntaxError('Invalid start tag', lt);
		if (reported) {
			const slot = nameSlot(hash);
			name = internedName(xml, localStart, pos, slot);
			if (localStart === nameStart) {
				FOLLOWING_NAMES[previousSlot] = name;
				FOLLOWING_SLOTS[previousSlot] = slot;
			}
			previousSlot = slot;
		}
	}
	const nameLength = pos - nameStart;
	let attributes: Record<string, string> | undefined;

	for (;;) {
		while (pos < length && isWhitespace(xml.charCodeAt(pos))) pos++;
		if (pos >= length) throw new XmlSyntaxError(`Unterminated start tag <${xml.slice(nameStart, nameStart + nameLength)}> (truncated document?)`, lt);
		const code = xml.charCodeAt(pos);
		if (code === 0x3e /* > */) {
			open.nameStart.push(nameStart);
			open.nameLength.push(nameLength);
			open.local.push(name);
			if (reported) handler.start(name, attributes, depth, pos + 1, false);
			return pos + 1;
		}
		if (code === 0x2f /* / */) {
			if (xml.charCodeAt(pos + 1) !== 0x3e || pos + 1 >= length) throw new XmlSyntaxError('Expected "/>"', pos);
			if (reported) {
				handler.start(name, attributes, depth, pos + 2, true);
				handler.end(name, depth, pos + 2);
			}
			return pos + 2;
		}
		const equals = xml.indexOf('=', pos);
		if (equals === -1 || equals >= length) {
			throw new XmlSyntaxError(`Unterminated start tag <${xml.slice(nameStart, nameStart + nameLength)}> (truncated document?)`, lt);
		}
		// A plain name (the usual case) is checked in place and sliced only when kept.
		const nameEnd = plainNameEnd(xml, pos, equals);
		let attributeName: string | undefined;
		if (nameEnd === -1) {
			attributeName = xml.slice(pos, equals).trim();
			if (attributeName === '' || /[\s<>"'/]/.test(attributeName)) throw new XmlSyntaxError('Invalid attribute', pos);
		}
		let quotePos = equals + 1;
		while (quotePos < length && isWhitespace(xml.charCodeAt(quotePos))) quotePos++;
		const quote = xml.charCodeAt(quotePos);
		if (quote !== 0x22 && quote !== 0x27) throw new XmlSyntaxError('Attribute value must be quoted', quotePos);
		const close = xml.indexOf(quote === 0x22 ? '"' : "'", quotePos + 1);
		if (close === -1 || close >= length) throw new XmlSyntaxError('Unterminated attribute value (truncated document?)', quotePos);
		const lessThan = xml.indexOf('<', quotePos + 1);
		if (lessThan !== -1 && lessThan < close) throw new XmlSyntaxError('"<" in attribute value', quotePos);
		if (!reported) {
			checkReferences(xml, quotePos + 1, close);
		} else if (attributeName === undefined ? !isNamespaceDeclaration(xml, pos, nameEnd) : attributeName !== 'xmlns' && !attributeName.startsWith('xmlns:')) {
			attributeName ??= xml.slice(pos, nameEnd);
			const rawValue = xml.slice(quotePos + 1, close);
			attributes ??= {};
			// Attribute-value normalisation: literal line breaks and tabs read as spaces.
			const value = /[\r\n\t]/.test(rawValue) ? rawValue.replace(/\r\n|[\r\n\t]/g, ' ') : rawValue;
			attributes[localName(attributeName)] = decodeEntities(value, quotePos + 1);
		}
		pos = close + 1;
	}
}
