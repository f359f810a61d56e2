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

/** Events of the elements a record reader is shown (the reader finds the records among them). */
interface RecordEvents {
	start(name: string, attributes: Record<string, string> | undefined, depth: number): void;
	text(text: string, depth: number): void;
	end(depth: number): void;
}

/**
 * Turns the events of one stream into `spec` records: each record element (at any depth, not
 * inside another record) fills one reused `RawRecord`, handed to `onRecord` at its end tag.
 */
function recordReader(spec: RecordSpec, onRecord: (record: RawRecord) => void): RecordEvents {
	const childIndex = new Map(spec.children.map((name, index) => [name, index]));
	const withAttribute = new Set(spec.childAttribute?.of ?? []);
	const attributeName = spec.childAttribute?.name ?? '';
	let recordDepth = -1;
	let current: RawRecord | undefined;
	let field = -1;
	let fieldText = '';
	let fieldNil = false;
	const seen: boolean[] = new Array<boolean>(spec.children.length).fill(false);
	// One record's worth of slots, refilled per record: `onRecord` reads it before the next one starts.
	const reused: RawRecord = {
		attributes: new Array<string | undefined>(spec.attributes.length).fill(undefined),
		texts: new Array<string | undefined>(spec.children.length).fill(undefined),
		childAttributes: new Array<string | undefined>(spec.children.length).fill(undefined),
	};

	return {
		start(name, attributes, depth) {
			if (recordDepth === -1) {
				if (name !== spec.record) return;
				recordDepth = depth;
				seen.fill(false);
				reused.texts.fill(undefined);
				reused.childAttributes.fill(undefined);
				for (let index = 0; index < spec.attributes.length; index++) reused.attributes[index] = attributes?.[spec.attributes[index]];
				current = reused;
				return;
			}
			if (depth !== recordDepth + 1 || !current) return;
			const index = childIndex.get(name);
			// The first child of a name wins; a later one of the same name is ignored.
			if (index === undefined || seen[index]) return;
			seen[index] = true;
			field = index;
			fieldText = '';
			fieldNil = attributes?.nil === 'true';
			if (withAttribute.has(name)) current.childAttributes[index] = attributes?.[attributeName];
		},
		text(text, depth) {
			if (field !== -1 && depth === recordDepth + 1) fieldText += text;
		},
		end(depth) {
			if (field !== -1 && depth === recordDepth + 1) {
				const trimmed = fieldText.trim();
				(current as RawRecord).texts[field] = fieldNil || trimmed === '' ? undefined : trimmed;
				field = -1;
			} else if (depth === recordDepth) {
				const record = current as RawRecord;
				current = undefined;
				recordDepth = -1;
				onRecord(record);
			}
		},
	};
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
	const topDepth = container.content ? container.content.depth + 1 : 0;
	const topLevel: string[] = [];
	const reader = recordReader(spec, onRecord);
	scanContainer(container, {
		start(name, attributes, depth) {
			if (depth === topDepth) topLevel.push(name);
			reader.start(name, attributes, depth);
		},
		text: (text, depth) => reader.text(text, depth),
		end: (_name, depth) => reader.end(depth),
	});
	return { topLevel };
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
	let header: RawRecord | undefined;
	const headerReader = recordReader({ ...spec.header, record: spec.root }, (record) => {
		header = { attributes: [...record.attributes], texts: [...record.texts], childAttributes: [...record.childAttributes] };
	});
	const records = recordReader(spec.records, onRecord);
	let rootDepth = -1;
	let done = false;
	const handler: XmlHandler = {
		start(name, attributes, depth) {
			if (done) return;
			if (rootDepth === -1) {
				if (name !== spec.root) return;
				rootDepth = depth;
				headerReader.start(name, attributes, depth);
				return;
			}
			headerReader.start(name, attributes, depth);
			records.start(name, attributes, depth);
		},
		text(text, depth) {
			if (done || rootDepth === -1) return;
			headerReader.text(text, depth);
			records.text(text, depth);
		},
		end(_name, depth) {
			if (done || rootDepth === -1) return;
			if (depth === rootDepth) done = true;
			else records.end(depth);
			headerReader.end(depth);
		},
	};
	return { handler, header: () => header };
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
