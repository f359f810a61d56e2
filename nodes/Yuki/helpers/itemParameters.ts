/**
 * Reading one parameter for every input item, at n8n's cost only where it varies. n8n's
 * getNodeParameter costs tens of microseconds even for a fixed value (it builds the expression
 * context's keys and validates the value each time), which at 100,000 items is seconds per
 * parameter. A parameter without an expression has the same value for every item, so it is read
 * once; one with an expression is evaluated per item, as n8n does, except the plain field read
 * `={{ $json.reference }}`, which is read from the item itself (jsonFieldExpression.ts).
 */
import type { IExecuteFunctions, IGetNodeParameterOptions, NodeParameterValueType } from 'n8n-workflow';
import { jsonFieldReader } from './jsonFieldExpression';

type Value = NodeParameterValueType | object;

/** Whether a parameter value (or anything inside it) is an n8n expression ("=" first). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/** The node's stored value of a parameter ("options.strategy" reaches into a collection). */
function storedValue(fns: IExecuteFunctions, name: string): unknown {
	let value: unknown = fns.getNode().parameters;
	for (const part of name.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
	return value;
}

/** The fast reader of an exact `={{ $json.<field> }}` (the value `raw` gives), or undefined for any other value. */
function fieldReader(fns: IExecuteFunctions, raw: () => unknown, read: (itemIndex: number) => Value): ((itemIndex: number) => Value) | undefined {
	try {
		return jsonFieldReader(fns, raw(), read) as ((itemIndex: number) => Value) | undefined;
	} catch {
		return undefined;
	}
}

/** Whether a parameter has the same value for every item (it holds no expression). */
export function isFixedParameter(fns: IExecuteFunctions, name: string): boolean {
	try {
		return !holdsExpression(storedValue(fns, name));
	} catch {
		return false;
	}
}

/**
 * `getNodeParameter(name, itemIndex, fallback, options)` per item. A fixed value is read once
 * (only a primitive result is kept: an object may be changed by its reader); an error is not
 * kept, so that each item reports its own. Without `options`, an exact `={{ $json.<field> }}`
 * is read from the input item (only for fields without n8n's `validateType`).
 */
export function parameterPerItem(
	fns: IExecuteFunctions,
	name: string,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
): (itemIndex: number) => Value {
	const read = (itemIndex: number) => fns.getNodeParameter(name, itemIndex, fallback, options) as Value;
	if (!isFixedParameter(fns, name)) {
		const direct = options === undefined ? fieldReader(fns, () => storedValue(fns, name), read) : undefined;
		return direct ?? read;
	}
	let kept: { value: Value } | undefined;
	return (itemIndex) => {
		if (kept) return kept.value;
		const value = read(itemIndex);
		if (value === null || value === undefined || typeof value !== 'object') kept = { value };
		return value;
	};
}

/**
 * The value of a resource locator per item, as `getNodeParameter(name, itemIndex, '', { extractValue: true })`
 * gives it, for a field whose modes have no `extractValue` (the administration picker: n8n then
 * returns the locator's `value` as it resolved it). An exact `={{ $json.<field> }}` as the value
 * (of the locator, or of the whole field) is read from the input item, as in parameterPerItem.
 */
export function locatorValuePerItem(fns: IExecuteFunctions, name: string): (itemIndex: number) => Value {
	// With options, parameterPerItem reads a fixed value once and otherwise asks n8n per item.
	const read = parameterPerItem(fns, name, '', { extractValue: true });
	if (isFixedParameter(fns, name)) return read;
	const locator = locatorWithFixedMode(fns, name);
	return fieldReader(fns, () => (locator ? locator.value : storedValue(fns, name)), read) ?? read;
}

/**
 * The stored resource locator of `name` when only its value may be an expression (mode and
 * cached name fixed), else undefined: n8n then resolves it per item to the same object with the
 * value resolved.
 */
export function locatorWithFixedMode(fns: IExecuteFunctions, name: string): Record<string, unknown> | undefined {
	try {
		const stored = storedValue(fns, name);
		if (stored === null || typeof stored !== 'object' || Array.isArray(stored) || !('mode' in stored)) return undefined;
		const locator = stored as Record<string, unknown>;
		return Object.entries(locator).every(([key, value]) => key === 'value' || !holdsExpression(value)) ? locator : undefined;
	} catch {
		return undefined;
	}
}
