/** JSON paths such as `invoiceLines[2].product.salesPrice`, as validation messages name fields. */
import { fieldKey } from './fields';
import type { DocumentSpec, Field } from './fields';

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
		found = fields.find((field) => fieldKey(field) === key);
		if (!found) return undefined;
		fields = found.kind === 'group' || found.kind === 'list' ? found.fields : [];
	}
	return found;
}

/** The field's label, or the path itself when no field has it. */
export function labelAtPath(spec: DocumentSpec, path: string): string {
	return fieldAtPath(spec, path)?.label ?? path;
}
