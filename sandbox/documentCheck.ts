/**
 * The sandbox's own schema check of an invoice document, walked from the document description
 * (nodes/Yuki/documents). Independent of the node's validator on purpose: it checks the XML the
 * client actually sent (order, unknown and missing elements, types, decimals, enums), the way
 * an XSD check on Yuki's side would. Yuki's exact wording is unknown: the message shape
 * `XML validation failed: <problem> (<Record> <n>, element <path>)` is our [guess].
 */
import { parseDecimal, formatDecimal } from './documents';
import { fieldKey } from './documents';
import type { DocumentSpec, Field, NormalisedRecord, ScalarField } from './documents';
import { SoapFault } from './soap';
import { childElements, hasText, textOf } from './xml';
import type { XmlElement } from './xml';

export const VALIDATION_PREFIX = 'XML validation failed:';

class Problem extends Error {
	constructor(
		message: string,
		readonly path: string,
	) {
		super(message);
	}
}

function validationFault(problem: string, where?: string): SoapFault {
	return new SoapFault(`${VALIDATION_PREFIX} ${problem}${where ? ` (${where})` : ''}`, 'soap:Client');
}

const BOOLEANS: Record<string, string> = { true: 'true', false: 'false', '1': 'true', '0': 'false' };

function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Canonical value of a scalar element, or a Problem naming what is allowed. */
function checkScalar(field: ScalarField, element: XmlElement, path: string): string {
	if (childElements(element).length > 0) throw new Problem(`element ${field.xml} must hold a value, not elements`, path);
	const raw = textOf(element);
	const value = raw.trim();
	const bad = (allowed: string) => new Problem(`the value '${raw}' of element ${field.xml} is invalid: ${allowed}`, path);
	switch (field.kind) {
		case 'text': {
			if (field.maxLength !== undefined && raw.length > field.maxLength) {
				throw new Problem(`element ${field.xml} is longer than ${field.maxLength} characters`, path);
			}
			if (field.pattern && raw !== '' && !field.pattern.regex.test(raw)) throw bad(`expected ${field.pattern.allowed}`);
			return raw;
		}
		case 'decimal': {
			if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) throw bad('expected a decimal number with a dot as separator');
			const parsed = parseDecimal(value.startsWith('.') ? `0${value}` : value.replace(/\.$/, ''), field.decimals);
			if (!parsed.ok) throw bad(`at most ${field.decimals} decimals are allowed`);
			const number = Number(value);
			if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
				throw bad(`allowed range is ${field.min ?? '…'} to ${field.max ?? '…'}`);
			}
			return formatDecimal(parsed.value);
		}
		case 'integer': {
			if (!/^[+-]?\d+$/.test(value)) throw bad('expected a whole number');
			const number = Number(value);
			if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
				throw bad(`allowed range is ${field.min ?? '…'} to ${field.max ?? '…'}`);
			}
			return String(number);
		}
		case 'boolean': {
			const canonical = BOOLEANS[value];
			if (!canonical) throw bad('expected true or false');
			return canonical;
		}
		case 'date': {
			if (!isCalendarDate(value)) throw bad('expected a date as YYYY-MM-DD');
			return value;
		}
		case 'enum': {
			if (!field.values.includes(value)) throw bad(`allowed values are ${field.values.join(', ')}`);
			return value;
		}
		case 'base64': {
			const compact = value.replace(/\s+/g, '');
			if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
				throw bad('expected non-empty base64 data');
			}
			return compact;
		}
	}
}

/** Checks the children of `element` against `fields`, in order, and returns the record. */
function checkGroup(element: XmlElement, fields: readonly Field[], namespace: string, path: string, line: { n?: number }): NormalisedRecord {
	if (hasText(element)) throw new Problem(`element ${element.local} must hold elements, not text`, path || element.local);
	const record: NormalisedRecord = {};
	const seen = new Set<string>();
	let next = 0;
	for (const child of childElements(element)) {
		const childPath = path ? `${path}/${child.local}` : child.local;
		if (child.ns !== namespace) {
			throw new Problem(`element ${child.local} in namespace '${child.ns}' is not expected; all elements must be in '${namespace}'`, childPath);
		}
		const index = fields.findIndex((field) => field.xml === child.local);
		if (index === -1) {
			throw new Problem(`element ${child.local} is not expected here; allowed are ${fields.map((field) => field.xml).join(', ')}`, childPath);
		}
		if (seen.has(child.local)) throw new Problem(`element ${child.local} appears more than once`, childPath);
		if (index < next) {
			throw new Problem(`element ${child.local} is out of order: it must come before ${fields[next - 1].xml}`, childPath);
		}
		next = index + 1;
		seen.add(child.local);
		const field = fields[index];
		const key = fieldKey(field);
		if (field.kind === 'group') {
			record[key] = checkGroup(child, field.fields, namespace, childPath, line);
		} else if (field.kind === 'list') {
			record[key] = checkList(child, field, namespace, childPath, line);
		} else {
			record[key] = checkScalar(field, child, childPath);
		}
	}
	const missing = fields.find((field) => field.required && !seen.has(field.xml));
	if (missing) {
		const where = path ? `${path}/${missing.xml}` : missing.xml;
		throw new Problem(`the required element ${missing.xml} is missing${line.n ? ` in invoice line ${line.n}` : ''}`, where);
	}
	return record;
}

function checkList(
	element: XmlElement,
	field: Extract<Field, { kind: 'list' }>,
	namespace: string,
	path: string,
	line: { n?: number },
): NormalisedRecord[] {
	if (hasText(element)) throw new Problem(`element ${field.xml} must hold elements, not text`, path);
	const items = childElements(element);
	const records = items.map((item, index) => {
		const itemPath = `${path}/${item.local}`;
		if (item.local !== field.itemXml || item.ns !== namespace) {
			throw new Problem(`element ${item.local} is not expected in ${field.xml}; only ${field.itemXml} is allowed`, itemPath);
		}
		line.n = index + 1;
		try {
			return checkGroup(item, field.fields, namespace, itemPath, line);
		} catch (error) {
			if (error instanceof Problem && !error.message.includes('invoice line')) {
				throw new Problem(`${error.message} in invoice line ${index + 1}`, error.path);
			}
			throw error;
		} finally {
			line.n = undefined;
		}
	});
	if (field.minItems !== undefined && records.length < field.minItems) {
		throw new Problem(`element ${field.xml} needs at least ${field.minItems} ${field.itemXml}`, path);
	}
	if (field.maxItems !== undefined && records.length > field.maxItems) {
		throw new Problem(`element ${field.xml} holds more than ${field.maxItems} ${field.itemXml}`, path);
	}
	return records;
}

/**
 * The single root element of an `xmlDoc` parameter, checked for name and namespace; throws the
 * validation SoapFault otherwise.
 */
export function documentRoot(xmlDoc: XmlElement | undefined, root: string, namespace: string): XmlElement {
	if (!xmlDoc) throw validationFault(`the parameter xmlDoc is missing: it must hold the ${root} document`);
	const roots = childElements(xmlDoc);
	if (roots.length === 0) {
		throw validationFault(
			hasText(xmlDoc)
				? `xmlDoc holds text, not XML elements: send the ${root} document as elements, not as an escaped string`
				: `xmlDoc is empty: it must hold the ${root} document`,
		);
	}
	if (roots.length > 1 || hasText(xmlDoc)) throw validationFault(`xmlDoc must hold exactly one ${root} element and nothing else`);
	const element = roots[0];
	if (element.local !== root) throw validationFault(`the root element must be ${root}, not ${element.local}`, `element ${element.local}`);
	if (element.ns !== namespace) {
		throw validationFault(`the root element ${root} must be in namespace '${namespace}' (found '${element.ns}')`, `element ${root}`);
	}
	if (hasText(element)) throw validationFault(`element ${root} must hold elements, not text`, `element ${root}`);
	return element;
}

/**
 * Checks one record element's children against `fields` (order, names, namespace, types,
 * required ones) and returns the normalised record; `where` names it in the fault.
 */
export function checkRecord(element: XmlElement, fields: readonly Field[], namespace: string, where: string): NormalisedRecord {
	try {
		return checkGroup(element, fields, namespace, '', {});
	} catch (error) {
		if (error instanceof Problem) throw validationFault(error.message, `${where}, element ${error.path}`);
		throw error;
	}
}

/**
 * Checks the whole `xmlDoc` parameter. Returns one normalised record per invoice, in order, or
 * throws the validation SoapFault: then nothing of the batch may be processed.
 */
export function checkDocument(xmlDoc: XmlElement | undefined, spec: DocumentSpec): NormalisedRecord[] {
	const root = documentRoot(xmlDoc, spec.root, spec.namespace);
	const records = childElements(root);
	if (records.length === 0) throw validationFault(`${spec.root} holds no ${spec.record}`, `element ${spec.root}`);
	return records.map((record, index) => {
		const where = `${spec.record} ${index + 1}`;
		if (record.local !== spec.record || record.ns !== spec.namespace) {
			throw validationFault(`element ${record.local} is not expected in ${spec.root}; only ${spec.record} is allowed`, `${where}, element ${record.local}`);
		}
		return checkRecord(record, spec.fields, spec.namespace, where);
	});
}

export { validationFault };
