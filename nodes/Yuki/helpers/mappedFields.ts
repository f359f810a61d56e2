/**
 * The node's "mapped fields" UI, derived from a document description, and the way back from
 * those parameter values to the camelCase JSON shape, so that mapped fields, JSON input and the
 * README all go through the same validation. Only types come from n8n-workflow.
 *
 * Layout (n8n's usual one): required header fields at the top, each group (Contact, Contact
 * Person) as a collection, the list (Invoice Lines) as a repeatable fixed collection whose
 * entries show the required line fields (a nested group such as Product flattened to
 * `productSalesPrice` …) and an "Additional Line Fields" collection for the optional ones, and the
 * optional header fields in "Additional Invoice Fields" at the end (both named `additionalFields`,
 * distinct headings so that a user knows which level they add to). Optional values live in
 * collections because a collection holds only what the user added: a default (0, false) must never
 * reach Yuki as if the user had chosen it.
 *
 * The required fields of a line carry no n8n `required` mark: n8n checks required values inside a
 * fixed collection as soon as an entry is added, so a new line showed one warning per empty field
 * at once. Their placeholder says "Required" instead (seen while empty, gone once filled), and run
 * time validation (documents/validate.ts) still names the item and the field that is missing.
 */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { fieldKey } from '../documents/fields';
import type { DocumentSpec, Field, GroupField, ListField, ScalarField } from '../documents/fields';
import { LONG_TEXT } from '../documents/common';
import { decimalAllowed } from '../documents/allowed';
import { alphabetical } from './parameters';

/** Where an option field's choices come from: a method in the node's `methods.loadOptions`. */
export interface LoadOptionsSource {
	method: string;
	/** Parameters whose change reloads the choices, e.g. `['administrationId']`. */
	dependsOn?: string[];
}

export interface DocumentPropertiesOptions {
	displayOptions: IDisplayOptions;
	/** Required header fields as their own top-level parameters (default), or inside Additional Fields. */
	requiredAsTopLevel?: boolean;
	/**
	 * Fields whose choices are loaded from Yuki, keyed by JSON path without indexes
	 * (`invoiceLines.product.vatType`); a bare JSON key (`vatType`) or XML element name
	 * (`VATType`) matches that field wherever it occurs. A plain string is the method name.
	 */
	loadOptions?: Record<string, LoadOptionsSource | string>;
	/** Fields not to show (e.g. ones the node fills itself), keyed like `loadOptions`. */
	exclude?: string[];
}

/** Name of the optional-fields collection, at the top level and inside each list entry. */
export const ADDITIONAL_FIELDS = 'additionalFields';
/** Name of the one entry type of a list's fixed collection, e.g. `invoiceLines.line`. */
export const LIST_ENTRY = 'line';

const EXPRESSION_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

interface Located {
	field: Field;
	/** JSON path without indexes, e.g. `invoiceLines.product.vatType`. */
	path: string;
}

function matches(keys: Iterable<string>, located: Located): string | undefined {
	for (const key of keys) {
		if (key === located.path || key === fieldKey(located.field) || key === located.field.xml) return key;
	}
	return undefined;
}

/** Parameter name of a field inside a flattened group: `product` + `salesPrice` → `productSalesPrice`. */
function flatName(prefix: string, key: string): string {
	return prefix ? prefix + key.charAt(0).toUpperCase() + key.slice(1) : key;
}

function sentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "sales invoice" → "Invoice", "Invoice Line" → "Line": the noun a heading speaks of. */
function headNoun(name: string): string {
	const word = name.trim().split(/\s+/).pop() ?? '';
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Yuki's enum value as a user reads it: "ElectronicTransfer" → "Electronic Transfer" (the value sent stays Yuki's). */
function spokenValue(value: string): string {
	return /^[A-Z]/.test(value) ? value.replace(/([a-z])([A-Z])/g, '$1 $2') : value;
}

function byName(a: { name: string }, b: { name: string }): number {
	return alphabetical(a.name, b.name);
}

function byDisplayName(a: { displayName: string }, b: { displayName: string }): number {
	return alphabetical(a.displayName, b.displayName);
}

function scalarProperty(
	located: Located & { field: ScalarField },
	name: string,
	required: boolean,
	options: DocumentPropertiesOptions,
): INodeProperties | undefined {
	const { field } = located;
	if (field.kind === 'base64') return undefined; // file content comes from binary properties
	// n8n's lint asks to leave out a description that only repeats the name (e.g. "City").
	const description = field.description.toLowerCase() === field.label.toLowerCase() ? {} : { description: field.description };
	const base = { displayName: field.label, name, ...description, ...(required ? { required: true } : {}) };
	const loadKey = options.loadOptions ? matches(Object.keys(options.loadOptions), located) : undefined;
	if (loadKey !== undefined) {
		const source = options.loadOptions![loadKey];
		const { method, dependsOn } = typeof source === 'string' ? { method: source, dependsOn: undefined } : source;
		return {
			...base,
			displayName: `${field.label} Name or ID`,
			type: 'options',
			typeOptions: { loadOptionsMethod: method, ...(dependsOn?.length ? { loadOptionsDependsOn: dependsOn } : {}) },
			default: '',
			description: `${sentence(field.description)} ${EXPRESSION_HINT}.`,
		};
	}
	switch (field.kind) {
		case 'enum': {
			const choices: INodePropertyOptions[] = field.values.map((value) => ({ name: spokenValue(value), value })).sort(byName);
			return { ...base, type: 'options', options: choices, default: field.values[0] };
		}
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'decimal':
			// Text, not a number parameter: "26.40" must reach Yuki exactly as typed.
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: `e.g. ${field.example ?? decimalAllowed(field).split('e.g. ')[1]}`,
				description: `${sentence(field.description)} Allowed: ${decimalAllowed(field)}.`,
			};
		case 'integer':
			return {
				...base,
				type: 'number',
				default: field.min ?? 0,
				typeOptions: { numberPrecision: 0, ...(field.min !== undefined ? { minValue: field.min } : {}), ...(field.max !== undefined ? { maxValue: field.max } : {}) },
			};
		case 'date':
			// Text, not dateTime: n8n's date picker yields a date-time, Yuki wants a plain date.
			return { ...base, type: 'string', default: '', placeholder: 'YYYY-MM-DD', description: `${sentence(field.description)} Format YYYY-MM-DD.` };
		case 'text':
			return {
				...base,
				type: 'string',
				default: '',
				...(field.example ? { placeholder: `e.g. ${field.example}` } : {}),
				...(field.pattern ? { description: `${sentence(field.description)} Allowed: ${field.pattern.allowed}.` } : {}),
				...((field.maxLength ?? 0) >= LONG_TEXT ? { typeOptions: { rows: 3 } } : {}),
			};
	}
}

/**
 * A required field of a list entry, said in its placeholder instead of n8n's required mark (see
 * the module comment: the mark made every new line show a warning per empty field).
 */
function withoutWarning(property: INodeProperties): INodeProperties {
	const copy = optionalVersion(property);
	const example = typeof copy.placeholder === 'string' ? copy.placeholder.replace(/^e\.g\. /, '') : '';
	copy.placeholder = example ? `Required, e.g. ${example}` : 'Required';
	return copy;
}

/** The same parameter without n8n's required mark, for fields of an optional group. */
function optionalVersion(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.required;
	return copy;
}

/**
 * The scalar parameters of `fields`, nested groups flattened with their key as prefix.
 * `required` says whether the enclosing structure is itself required.
 */
function flattenedScalars(
	fields: readonly Field[],
	path: string,
	prefix: string,
	options: DocumentPropertiesOptions,
): Array<{ property: INodeProperties; required: boolean }> {
	const result: Array<{ property: INodeProperties; required: boolean }> = [];
	for (const field of fields) {
		const located = { field, path: path ? `${path}.${fieldKey(field)}` : fieldKey(field) };
		if (options.exclude && matches(options.exclude, located) !== undefined) continue;
		if (field.kind === 'list') continue; // lists are not nested in Yuki's invoice documents
		if (field.kind === 'group') {
			for (const inner of flattenedScalars(field.fields, located.path, flatName(prefix, fieldKey(field)), options)) {
				const required = inner.required && field.required === true;
				result.push({ property: required ? inner.property : optionalVersion(inner.property), required });
			}
			continue;
		}
		const required = field.required === true;
		const property = scalarProperty({ field, path: located.path }, flatName(prefix, fieldKey(field)), required, options);
		if (property) result.push({ property, required });
	}
	return result;
}

function additionalFields(displayName: string, properties: INodeProperties[]): INodeProperties {
	return {
		displayName,
		name: ADDITIONAL_FIELDS,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...properties].sort(byDisplayName),
	};
}

function groupProperty(field: GroupField, path: string, options: DocumentPropertiesOptions): INodeProperties {
	const scalars = flattenedScalars(field.fields, path, '', options);
	const required = scalars.filter((entry) => entry.required).map((entry) => entry.property.displayName);
	return {
		displayName: field.label,
		name: fieldKey(field),
		type: 'collection',
		placeholder: `Add ${field.label} Field`,
		default: {},
		description: required.length ? `${sentence(field.description)} Required: ${required.join(', ')}.` : field.description,
		// Marked twice: in the description (seen before adding) and on the field (n8n's asterisk once added).
		options: scalars.map((entry) => entry.property).sort(byDisplayName),
	};
}

function listProperty(field: ListField, path: string, options: DocumentPropertiesOptions): INodeProperties {
	const scalars = flattenedScalars(field.fields, path, '', options);
	const required = scalars.filter((entry) => entry.required).map((entry) => withoutWarning(entry.property));
	const optional = scalars.filter((entry) => !entry.required).map((entry) => entry.property);
	const entryName = field.label.replace(/s$/, '');
	const needs = required.map((property) => property.displayName.replace(/ Name or ID$/, ''));
	return {
		displayName: field.label,
		name: fieldKey(field),
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: `Add ${entryName}`,
		default: {},
		description: needs.length ? `${sentence(field.description)} Each line needs: ${needs.join(', ')}.` : field.description,
		options: [
			{
				name: LIST_ENTRY,
				displayName: entryName,
				values: [...required, ...(optional.length ? [additionalFields(`Additional ${headNoun(entryName)} Fields`, optional)] : [])],
			},
		],
	};
}

/** The node parameters for a document's mapped fields (see the module comment for the layout). */
export function documentProperties(spec: DocumentSpec, options: DocumentPropertiesOptions): INodeProperties[] {
	const topLevel: INodeProperties[] = [];
	const structures: INodeProperties[] = [];
	const optional: INodeProperties[] = [];
	for (const field of spec.fields) {
		const located = { field, path: fieldKey(field) };
		if (options.exclude && matches(options.exclude, located) !== undefined) continue;
		if (field.kind === 'group') structures.push(groupProperty(field, located.path, options));
		else if (field.kind === 'list') structures.push(listProperty(field, located.path, options));
		else {
			const asTopLevel = field.required === true && options.requiredAsTopLevel !== false;
			const property = scalarProperty({ field, path: located.path }, fieldKey(field), field.required === true, options);
			if (property) (asTopLevel ? topLevel : optional).push(property);
		}
	}
	const heading = `Additional ${headNoun(spec.name)} Fields`;
	const properties = [...topLevel, ...structures, ...(optional.length ? [additionalFields(heading, optional)] : [])];
	return properties.map((property) => ({ ...property, displayOptions: options.displayOptions }));
}

function isGiven(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

function asObject(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Rebuilds the nested shape of `fields` from flat values (`productSalesPrice` → `product.salesPrice`). */
function unflatten(fields: readonly Field[], values: (name: string) => unknown, prefix: string): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	for (const field of fields) {
		const key = fieldKey(field);
		const name = flatName(prefix, key);
		if (field.kind === 'group') {
			const group = unflatten(field.fields, values, name);
			if (Object.keys(group).length > 0) record[key] = group;
		} else if (field.kind !== 'list') {
			const value = values(name);
			if (isGiven(value)) record[key] = value;
		}
	}
	return record;
}

/**
 * The camelCase JSON record from the node's parameter values; `read(name)` returns a top-level
 * parameter's value (e.g. `getNodeParameter(name, itemIndex, undefined)`). Not validated.
 */
export function recordFromParameters(spec: DocumentSpec, read: (name: string) => unknown): Record<string, unknown> {
	const additional = asObject(read(ADDITIONAL_FIELDS));
	const record: Record<string, unknown> = {};
	for (const field of spec.fields) {
		const key = fieldKey(field);
		if (field.kind === 'group') {
			const values = asObject(read(key));
			const group = unflatten(field.fields, (name) => values[name], '');
			if (Object.keys(group).length > 0) record[key] = group;
		} else if (field.kind === 'list') {
			const entries = asObject(read(key))[LIST_ENTRY];
			const list = (Array.isArray(entries) ? entries : []).map((entry) => {
				const values = asObject(entry);
				const optional = asObject(values[ADDITIONAL_FIELDS]);
				return unflatten(field.fields, (name) => (isGiven(values[name]) ? values[name] : optional[name]), '');
			});
			if (list.length > 0) record[key] = list;
		} else {
			const value = isGiven(read(key)) ? read(key) : additional[key];
			if (isGiven(value)) record[key] = value;
		}
	}
	return record;
}
