/**
 * A light element tree over the streaming reader (stream.ts), for the small parts of Yuki's
 * answers that are read by position: the envelope, a fault, an import response, a session ID.
 * Lists are not read through the tree: records.ts streams them from the element's content.
 */
import type { XmlHandler } from './stream';
import { scanContent, scanXml } from './stream';

export { decodeEntities, XmlSyntaxError } from './stream';

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
	/** Where the element's content lies in the text it was read from (for streaming its records). */
	content?: XmlContent;
}

export interface XmlContent {
	xml: string;
	start: number;
	end: number;
	/** Depth of the element itself (its children are one deeper). */
	depth: number;
}

export interface ParseOptions {
	/**
	 * Build elements only down to this depth (the root is 0). The content of a deeper element
	 * is still read (so the whole document is checked) but not kept; the elements at this depth
	 * build their children on first access. Without it the whole tree is built.
	 */
	depth?: number;
	/**
	 * Hands the events of everything inside one element on to `handler` as they are read, in the
	 * same pass: the element at the end of `path` (local names from the root down, the first such
	 * element at each level, as `childNamed` finds it). Its content is then read once, for the
	 * tree and for the handler. `path` sets `depth` (its last element is the deepest built).
	 */
	within?: { path: readonly string[]; handler: XmlHandler };
}

// Shared until an element gets its first attribute or child: most of Yuki's elements have
// neither, and not allocating for them is what keeps megabyte answers fast.
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/** Builds elements from the reader's events; elements deeper than `maxDepth` are left to a lazy getter. */
class TreeBuilder implements XmlHandler {
	/**
	 * One idle builder of each kind (a plain tree; one handing the events within an element on),
	 * alive as long as the class. V8 drops an object shape (hidden class) at a full GC once no
	 * object of it is left, and with it the optimised code that expected it: builders made per
	 * answer (gone between answers) left the reader re-optimising after every full GC, 2–3× slower
	 * per answer. (A module-level array would not do: nothing would hold it after loading.)
	 */
	static readonly idle: readonly TreeBuilder[] = [
		new TreeBuilder('', 0, 0),
		new TreeBuilder('', 0, 0, { path: [''], handler: { start() {}, text() {}, end() {} } }),
	];

	readonly roots: XmlElement[] = [];
	private readonly stack: XmlElement[] = [];
	/** One level below the built ones is still reported: it tells which elements have children. */
	readonly deepest: number;
	/** `within`: the element chosen at each depth of its path so far. */
	private readonly chosen: Array<XmlElement | undefined> = [];

	constructor(
		private readonly xml: string,
		private readonly maxDepth: number,
		private readonly baseDepth: number,
		private readonly within?: ParseOptions['within'],
	) {
		// Everything inside the chosen element is reported for its handler.
		this.deepest = within ? Number.POSITIVE_INFINITY : maxDepth + 1;
	}

	/**
	 * The `within` handler while the reader is inside the chosen element, `undefined` elsewhere:
	 * one field test per event below the built elements.
	 */
	private target: XmlHandler | undefined;

	start(name: string, attributes: Record<string, string> | undefined, depth: number, contentStart: number, selfClosing: boolean): void {
		if (depth > this.maxDepth) {
			if (depth === this.maxDepth + 1) deferChildren(this.stack[this.stack.length - 1]);
			if (this.target !== undefined) this.target.start(name, attributes, depth, contentStart, selfClosing);
			return;
		}
		const element: XmlElement = {
			name,
			attributes: attributes ?? NO_ATTRIBUTES,
			children: NO_CHILDREN,
			text: '',
			content: { xml: this.xml, start: contentStart, end: contentStart, depth },
		};
		const parent = this.stack[this.stack.length - 1];
		if (depth === this.baseDepth) this.roots.push(element);
		else if (parent.children === NO_CHILDREN) parent.children = [element];
		else parent.children.push(element);
		const path = this.within?.path;
		if (path && name === path[depth] && this.chosen[depth] === undefined && (depth === 0 || parent === this.chosen[depth - 1])) {
			this.chosen[depth] = element;
			if (depth === this.maxDepth) this.target = this.within?.handler;
		}
		this.stack.push(element);
	}

	text(text: string, depth: number): void {
		if (depth > this.maxDepth) {
			if (this.target !== undefined) this.target.text(text, depth);
			return;
		}
		if (depth < this.baseDepth) return;
		const current = this.stack[this.stack.length - 1];
		current.text = current.text === '' ? text : current.text + text;
	}

	end(name: string, depth: number, contentEnd: number): void {
		if (depth > this.maxDepth) {
			if (this.target !== undefined) this.target.end(name, depth, contentEnd);
			return;
		}
		const element = this.stack.pop() as XmlElement;
		// Only the chosen element's own content is handed on.
		if (depth === this.maxDepth) this.target = undefined;
		(element.content as XmlContent).end = contentEnd;
	}
}

/** Children built from the element's content on first access (it was already checked when read). */
function deferChildren(element: XmlElement): void {
	if (Object.getOwnPropertyDescriptor(element, 'children')?.get) return;
	Object.defineProperty(element, 'children', {
		configurable: true,
		enumerable: true,
		get(): XmlElement[] {
			const { xml, start, end, depth } = element.content as XmlContent;
			const children = parseContent(xml, start, end, depth + 1);
			Object.defineProperty(element, 'children', { value: children, writable: true, enumerable: true, configurable: true });
			return children;
		},
	});
}

/** Parses a whole document and returns its root element. Throws `XmlSyntaxError` on anything not well-formed. */
export function parseXml(xml: string, options: ParseOptions = {}): XmlElement {
	const { within } = options;
	const builder = new TreeBuilder(xml, within ? within.path.length - 1 : (options.depth ?? Number.POSITIVE_INFINITY), 0, within);
	scanXml(xml, builder);
	return builder.roots[0];
}

/** The elements in `xml[start, end)`, the content of an element read before; they get `depth`. */
function parseContent(xml: string, start: number, end: number, depth: number): XmlElement[] {
	const builder = new TreeBuilder(xml, Number.POSITIVE_INFINITY, depth);
	scanContent(xml, start, end, depth, builder);
	return builder.roots;
}

/**
 * Every piece of character data inside the element, its own and its descendants', in document
 * order and joined by single spaces: a message written as mixed content, such as
 * `Schema <b>validation</b> failed`, reads as written ("Schema validation failed").
 */
export function textInOrder(element: XmlElement): string {
	const pieces: string[] = [];
	const { content } = element;
	if (content) {
		scanContent(content.xml, content.start, content.end, content.depth + 1, {
			start: () => undefined,
			end: () => undefined,
			text: (text) => void pieces.push(text),
		});
	} else {
		// Not read from text (built by hand): its own text, then its children's.
		pieces.push(element.text, ...element.children.map(textInOrder));
	}
	return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

/** First child element with this local name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
	return element.children.find((child) => child.name === name);
}
