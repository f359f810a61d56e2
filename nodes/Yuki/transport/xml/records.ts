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
 * Calls `onRecord` for every record element inside `container`, in document order. The record
 * handed over is reused for the next one: read what you need from it before returning.
 */
export function streamRecords(container: XmlElement, spec: RecordSpec, onRecord: (record: RawRecord) => void): RecordScan {
	const childIndex = new Map(spec.children.map((name, index) => [name, index]));
	const withAttribute = new Set(spec.childAttribute?.of ?? []);
	const attributeName = spec.childAttribute?.name ?? '';
	const content: XmlContent | undefined = container.content;
	const topDepth = content ? content.depth + 1 : 0;
	const topLevel: string[] = [];

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

	const handler: XmlHandler = {
		start(name, attributes, depth) {
			if (depth === topDepth) topLevel.push(name);
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
		end(_name, depth) {
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

	if (content) scanContent(content.xml, content.start, content.end, topDepth, handler);
	else replay(container, topDepth, handler);
	return { topLevel };
}
