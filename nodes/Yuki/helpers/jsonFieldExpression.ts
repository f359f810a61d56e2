/**
 * The most common per-item expression, `={{ $json.reference }}`, read straight from the input
 * item. n8n evaluates every expression through its full engine (a data proxy, the sandbox, the
 * global context: ~150 µs per call), which at 100,000 items is most of a run. An expression that
 * only names a field of the current item (`$json.a`, `$json.a.b`, `$json["a b"]`) has one obvious
 * value, so it is read directly, with n8n's result in every case taken:
 * - a string, a finite number, a boolean, null or undefined is returned as it is (n8n returns it unchanged:
 *   getNodeParameter converts only luxon dates in objects, and validates only parameters with
 *   `validateType`, which the node's fields do not use);
 * - a field absent from the item (last step, plain object) is `undefined`, as n8n gives;
 * - anything else (an object, an array, NaN, an inherited name such as `toString`, a name n8n's
 *   sandbox forbids, a missing step half-way, a non-plain object) is left to n8n.
 * test/nodes/Yuki/helpers/jsonFieldExpression.test.ts compares it with n8n's own evaluation.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import * as n8nWorkflow from 'n8n-workflow';

/** A result that n8n's own evaluation must give instead. */
export const ASK_N8N: unique symbol = Symbol('ask n8n');

const IDENTIFIER = '[A-Za-z_$][A-Za-z0-9_$]*';
// A quoted key without quotes, backslashes or braces (n8n's template splits at braces).
const QUOTED = `"[^"\\\\{}]*"|'[^'\\\\{}]*'`;
const STEP = `\\.(${IDENTIFIER})|\\[\\s*(${QUOTED})\\s*\\]`;
const FIELD_EXPRESSION = new RegExp(`^=\\{\\{\\s*\\$json((?:${STEP})+)\\s*\\}\\}$`);
const STEPS = new RegExp(STEP, 'g');

/** n8n's list of names its expression sandbox refuses (n8n-workflow's own; absent in old versions). */
const isSafeName = (n8nWorkflow as { isSafeObjectProperty?: (name: string) => boolean }).isSafeObjectProperty;

/**
 * The field path of a raw parameter value that is exactly `={{ $json.<path> }}`, e.g.
 * `['invoice', 'number']`; undefined for any other value (or when n8n does not say which names
 * its sandbox forbids).
 */
export function jsonFieldPath(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string' || typeof isSafeName !== 'function') return undefined;
	const match = FIELD_EXPRESSION.exec(raw);
	if (!match) return undefined;
	const path: string[] = [];
	for (const step of match[1].matchAll(STEPS)) {
		const name = step[1] ?? step[2].slice(1, -1);
		if (!isSafeName(name)) return undefined;
		path.push(name);
	}
	return path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** What `={{ $json.<path> }}` gives for `item`, or ASK_N8N where n8n's engine must decide. */
export function readJsonField(item: INodeExecutionData | undefined, path: readonly string[]): unknown {
	let value: unknown = item?.json;
	for (let step = 0; step < path.length; step++) {
		if (!isPlainObject(value)) return ASK_N8N;
		const name = path[step];
		if (Object.hasOwn(value, name)) value = value[name];
		else if (step === path.length - 1 && !(name in value)) return undefined;
		else return ASK_N8N;
	}
	if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return ASK_N8N;
}

/**
 * A reader of parameter `name` per item that skips n8n's expression engine when the parameter is
 * exactly `={{ $json.<path> }}`; undefined when it is anything else. Falls back to
 * getNodeParameter for every value it does not take (see the module comment), so errors and
 * unusual values stay n8n's.
 */
export function jsonFieldReader(
	fns: IExecuteFunctions,
	raw: unknown,
	read: (itemIndex: number) => unknown,
): ((itemIndex: number) => unknown) | undefined {
	const path = jsonFieldPath(raw);
	if (!path) return undefined;
	// `$json` is the item of the node's input at the same index (n8n's connectionInputData, which
	// for a node with one main input is this very array).
	const items = fns.getInputData();
	return (itemIndex) => {
		const value = readJsonField(items[itemIndex], path);
		return value === ASK_N8N ? read(itemIndex) : value;
	};
}
