/** JSON paths such as `invoiceLines[2].product.salesPrice`, as validation messages name fields. */
import { fieldKey } from './fields';
import type { DocumentSpec, Field } from './fields';

/** A level of a description with each field's JSON key worked out once. */
export interface FieldTable {
	entries: ReadonlyArray<{ field: Field; key: string }>;
	/** The keys in described order, as messages list them. */
	keys: readonly string[];
	known: ReadonlySet<string>;
}

const tables = new WeakMap<readonly Field[], FieldTable>();

/**
 * The table of one level of fields, built on first use and kept with the description: `fieldKey`
 * splits the XML name with a regular expression, too slow to repeat for every field of every
 * record of a large run.
 */
export function fieldTable(fields: readonly Field[]): FieldTable {
	let table = tables.get(fields);
	if (!table) {
		const entries = fields.map((field) => ({ field, key: fieldKey(field) }));
		const keys = entries.map((entry) => entry.key);
		table = { entries, keys, known: new Set(keys) };
		tables.set(fields, table);
	}
	return table;
}

export function childPath(parent: string, key: string): string {
	return parent ? `${parent}.${key}` : key;
}

export function entryPath(parent: string, index: number): string {
	return `${parent}[${index}]`;
}

/** The field a path names, list indexes ignored; undefined when the path leads nowhere. */
export function fieldAtPath(spec: DocumentSpec, path: string): Field | undefined {
	let fields: readonly Field[] = spec.fields;
	let found: Field | undefined;
	for (const key of path.replace(/\[\d+\]/g, '').split('.')) {
		found = fieldTable(fields).entries.find((entry) => entry.key === key)?.field;
		if (!found) return undefined;
		fields = found.kind === 'group' || found.kind === 'list' ? found.fields : [];
	}
	return found;
}

/** The field's label, or the path itself when no field has it. */
export function labelAtPath(spec: DocumentSpec, path: string): string {
	return fieldAtPath(spec, path)?.label ?? path;
}
