/**
 * Reads list records straight from an element's content with the streaming reader: each record
 * element (e.g. `Item`) is turned into its field texts as it passes, so a list of 100,000 open
 * items never exists as an element tree. What counts as a record and a field is the caller's.
 */
import type { XmlContent, XmlElement } from './scanner';
import type { XmlHandler } from './stream';
import { scanContent } from './stream';

/** What is read of one record element. */
export interface RecordSpec {
	/** Local name of a record element; found at any depth, but not inside another record. */
	record: string;
	/** Attributes of the record element to keep, by local name. */
	attributes: readonly string[];
	/** Child elements whose text is kept, by local name; the first child of a name wins. */
	children: readonly string[];
	/** Child elements of which this attribute is kept too (e.g. `Type@ID`). */
	childAttribute?: { name: string; of: readonly string[] };
}

export interface RawRecord {
	/** Values of `attributes`, in that order; `undefined` when absent. */
	attributes: Array<string | undefined>;
	/** Text of each of `children` (trimmed; `undefined` when absent, empty or `xsi:nil`). */
	texts: Array<string | undefined>;
	/** `childAttribute` per child in `children`; `undefined` when absent or not asked for. */
	childAttributes: Array<string | undefined>;
}

export interface RecordScan {
	/** Local names of the elements directly inside the content read, in order. */
	topLevel: string[];
}

/** Events from a tree already built: the same record reader then serves elements made by hand. */
function replay(element: XmlElement, depth: number, handler: XmlHandler): void {
	for (const child of element.children) {
		handler.start(child.name, child.attributes, depth, 0, false);
		if (child.text !== '') handler.text(child.text, depth);
		replay(child, depth + 1, handler);
		handler.end(child.name, depth, 0);
	}
}

/**
 * Turns the events of one stream into `spec` records: each record element (at any depth, not
 * inside another record) fills one reused `RawRecord`, handed to `onRecord` at its end tag.
 * A class rather than closures made per answer: one set of methods for every answer, which V8
 * optimises once.
 */
class RecordReader {
	private readonly withAttribute: Set<string>;
	private readonly attributeName: string;
	/** Depth of the record element being read; -1 between records. */
	private recordDepth = -1;
	private field = -1;
	private fieldText = '';
	private fieldNil = false;
	private readonly seen: boolean[];
	/** One record's worth of slots, refilled per record: `onRecord` reads it before the next one starts. */
	private readonly reused: RawRecord;

	constructor(
		private readonly spec: RecordSpec,
		private readonly onRecord: (record: RawRecord) => void,
	) {
		this.withAttribute = new Set(spec.childAttribute?.of ?? []);
		this.attributeName = spec.childAttribute?.name ?? '';
		this.seen = new Array<boolean>(spec.children.length).fill(false);
		this.reused = {
			attributes: new Array<string | undefined>(spec.attributes.length).fill(undefined),
			texts: new Array<string | undefined>(spec.children.length).fill(undefined),
			childAttributes: new Array<string | undefined>(spec.children.length).fill(undefined),
		};
	}

	start(name: string, attributes: Record<string, string> | undefined, depth: number): void {
		const reused = this.reused;
		if (this.recordDepth === -1) {
			if (name !== this.spec.record) return;
			this.recordDepth = depth;
			// Loops, not fill(): cheaper for a handful of slots, once per record.
			for (let index = 0; index < this.seen.length; index++) {
				this.seen[index] = false;
				reused.texts[index] = undefined;
				reused.childAttributes[index] = undefined;
			}
			const names = this.spec.attributes;
			for (let index = 0; index < names.length; index++) reused.attributes[index] = attributes?.[names[index]];
			return;
		}
		if (depth !== this.recordDepth + 1) return;
		const index = this.childIndex(name);
		// The first child of a name wins; a later one of the same name is ignored.
		if (index === undefined || this.seen[index]) return;
		this.seen[index] = true;
		this.field = index;
		this.fieldText = '';
		this.fieldNil = attributes?.nil === 'true';
		if (this.withAttribute.size > 0 && this.withAttribute.has(name)) reused.childAttributes[index] = attributes?.[this.attributeName];
	}

	/** Index of a child's name in `spec.children`, or undefined (a scan of a few names: cheaper than a Map lookup per tag). */
	private childIndex(name: string): number | undefined {
		const children = this.spec.children;
		for (let index = 0; index < children.length; index++) if (children[index] === name) return index;
		return undefined;
	}

	text(text: string, depth: number): void {
		if (this.field !== -1 && depth === this.recordDepth + 1) this.fieldText += text;
	}

	end(depth: number): void {
		if (this.field !== -1 && depth === this.recordDepth + 1) {
			const trimmed = this.fieldText.trim();
			this.reused.texts[this.field] = this.fieldNil || trimmed === '' ? undefined : trimmed;
			this.field = -1;
			this.fieldText = '';
		} else if (depth === this.recordDepth) {
			this.recordDepth = -1;
			this.onRecord(this.reused);
		}
	}
}

/** Reads `handler`'s events from the container's content as read before, or from a tree made by hand. */
export function scanContainer(container: XmlElement, handler: XmlHandler): void {
	const content: XmlContent | undefined = container.content;
	const topDepth = content ? content.depth + 1 : 0;
	if (content) scanContent(content.xml, content.start, content.end, topDepth, handler);
	else replay(container, topDepth, handler);
}

/**
 * Calls `onRecord` for every record element inside `container`, in document order. The record
 * handed over is reused for the next one: read what you need from it before returning.
 */
export function streamRecords(container: XmlElement, spec: RecordSpec, onRecord: (record: RawRecord) => void): RecordScan {
	const handler = new RecordsHandler(container.content ? container.content.depth + 1 : 0, new RecordReader(spec, onRecord));
	scanContainer(container, handler);
	return { topLevel: handler.topLevel };
}

/** `streamRecords`' handler: the records, and the names of the top-level elements. */
class RecordsHandler implements XmlHandler {
	readonly topLevel: string[] = [];

	constructor(
		private readonly topDepth: number,
		private readonly reader: RecordReader,
	) {}

	start(name: string, attributes: Record<string, string> | undefined, depth: number): void {
		if (depth === this.topDepth) this.topLevel.push(name);
		this.reader.start(name, attributes, depth);
	}

	text(text: string, depth: number): void {
		this.reader.text(text, depth);
	}

	end(_name: string, depth: number): void {
		this.reader.end(depth);
	}
}

/** What is read of a document element found inside a container: its own fields and its records. */
export interface DocumentSpec {
	/** Local name of the document element (the first one found, at any depth). */
	root: string;
	/** The document element's own attributes and child elements to keep (`record` is `root`). */
	header: Omit<RecordSpec, 'record'>;
	/** Records inside the document element. */
	records: RecordSpec;
}

/**
 * Reads the first `spec.root` element among the events it is given (at any depth) in one pass:
 * its header fields (direct children) and every record in it, in document order. `header()` is
 * `undefined` until that element has ended (or when there is none). The records handed to
 * `onRecord` are reused: read them before returning.
 */
export function documentReader(spec: DocumentSpec, onRecord: (record: RawRecord) => void): { handler: XmlHandler; header(): RawRecord | undefined } {
	const handler = new DocumentHandler(spec, onRecord);
	return { handler, header: () => handler.header };
}

/** `documentReader`'s handler (a class for the reason given at `RecordReader`). */
class DocumentHandler implements XmlHandler {
	/** Idle readers of each kind, whose shapes then outlive the answers read (see `TreeBuilder.idle`). */
	static readonly idle: readonly XmlHandler[] = [
		new DocumentHandler({ root: '', header: { attributes: [], children: [] }, records: { record: '', attributes: [], children: [] } }, () => {}),
		new RecordsHandler(0, new RecordReader({ record: '', attributes: [], children: [] }, () => {})),
	];

	header: RawRecord | undefined;
	private readonly headerReader: RecordReader;
	private readonly records: RecordReader;
	private rootDepth = -1;
	private done = false;

	constructor(
		private readonly spec: DocumentSpec,
		onRecord: (record: RawRecord) => void,
	) {
		this.headerReader = new RecordReader({ ...spec.header, record: spec.root }, (record) => {
			this.header = { attributes: [...record.attributes], texts: [...record.texts], childAttributes: [...record.childAttributes] };
		});
		this.records = new RecordReader(spec.records, onRecord);
	}

	start(name: string, attributes: Record<string, string> | undefined, depth: number): void {
		if (this.done) return;
		if (this.rootDepth === -1) {
			if (name !== this.spec.root) return;
			this.rootDepth = depth;
			this.headerReader.start(name, attributes, depth);
			return;
		}
		// The header is the root's direct children: deeper events (the records' fields) are not its.
		if (depth === this.rootDepth + 1) this.headerReader.start(name, attributes, depth);
		this.records.start(name, attributes, depth);
	}

	text(text: string, depth: number): void {
		if (this.done || this.rootDepth === -1) return;
		if (depth === this.rootDepth + 1) this.headerReader.text(text, depth);
		this.records.text(text, depth);
	}

	end(_name: string, depth: number): void {
		if (this.done || this.rootDepth === -1) return;
		if (depth === this.rootDepth) this.done = true;
		else this.records.end(depth);
		if (depth <= this.rootDepth + 1) this.headerReader.end(depth);
	}
}

/** `documentReader` over the content of `container`; `undefined` when it holds no `spec.root` element. */
export function streamDocument(
	container: XmlElement,
	spec: DocumentSpec,
	onRecord: (record: RawRecord) => void,
): { header: RawRecord } | undefined {
	const reader = documentReader(spec, onRecord);
	scanContainer(container, reader.handler);
	const header = reader.header();
	return header ? { header } : undefined;
}
