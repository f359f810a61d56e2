/**
 * How every operation's output reads in n8n's output panel: which administration was used (its
 * name when the user picked it from the list, else its ID; never an extra Yuki call), and, for
 * operations that offer n8n's "Simplify" switch, the compact item a bookkeeper reads.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RunContext } from './runContext';
import { isFixedParameter, locatorValuePerItem, locatorWithFixedMode, parameterPerItem } from './itemParameters';
import { administrationValue } from './runContext';

export const SIMPLIFY = 'simplify';

/** n8n's Simplify switch (its wording, which n8n's lint checks), on by default. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: SIMPLIFY,
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The keys of `json` named in `keys`, in that order; keys the item does not have are left out. */
export function pick(json: IDataObject, keys: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (json[key] !== undefined) picked[key] = json[key];
	return picked;
}

/**
 * The administration an item used, as a user knows it: the name n8n saved with a pick from the
 * list (the resource locator's cached name), else the ID (the node's, or the credential's default).
 */
export function administrationLabel(raw: unknown, credentialDefault: string | undefined): string | undefined {
	const chosen = administrationValue(raw);
	if (chosen) {
		const { mode, cachedResultName } = (raw ?? {}) as { mode?: string; cachedResultName?: unknown };
		return mode === 'list' && typeof cachedResultName === 'string' && cachedResultName.trim() ? cachedResultName.trim() : chosen;
	}
	return credentialDefault?.trim() || undefined;
}

export interface Presentation {
	/** Whether the operation has the Administration field (operations that work in one). */
	hasAdministration: boolean;
	/** The compact item of a result, when the operation offers Simplify: a new object (the router completes it in place). */
	simplify?: (json: IDataObject) => IDataObject;
	/** The results' JSON objects are the operation's own, new for this run: completed in place. */
	freshOutput?: boolean;
}

/** The input item an output item came from (every operation pairs its items). */
function inputIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? 0);
}

/**
 * The output as the user reads it. Error items are left exactly as they are: n8n routes an item
 * to the error output by its `error` key, and a key added beside it would keep it on the main one.
 */
export function presentOutput(
	this: IExecuteFunctions,
	output: INodeExecutionData[],
	context: RunContext,
	presentation: Presentation,
): INodeExecutionData[] {
	const labels = new Map<number, string | undefined>();
	// Read once when not an expression: n8n's read costs seconds over 100,000 items.
	const sameAdministration = isFixedParameter(this, 'administrationId');
	const simplifyOf = parameterPerItem(this, SIMPLIFY, true);
	// A picker whose value alone is an expression (departments): the value per item, the rest as stored.
	const locator = !sameAdministration && presentation.hasAdministration ? locatorWithFixedMode(this, 'administrationId') : undefined;
	const valueOf = locator ? locatorValuePerItem(this, 'administrationId') : undefined;
	const labelOf = (itemIndex: number): string | undefined => {
		const key = sameAdministration ? 0 : itemIndex;
		if (!labels.has(key)) {
			const raw = locator && valueOf ? { ...locator, value: valueOf(itemIndex) } : this.getNodeParameter('administrationId', itemIndex, '');
			labels.set(key, administrationLabel(raw, context.credentials.administrationId));
		}
		return labels.get(key);
	};
	return output.map((item) => {
		if (item.json.error !== undefined) return item;
		const itemIndex = inputIndex(item);
		let json = item.json;
		if (presentation.simplify && simplifyOf(itemIndex) === true) json = presentation.simplify(json);
		if (presentation.hasAdministration) {
			const administration = labelOf(itemIndex);
			// The compact item (or an operation's own fresh result) is completed in place rather than copied once more.
			if (administration && (json !== item.json || presentation.freshOutput === true)) json.administration = administration;
			else if (administration) json = { ...json, administration };
		}
		return json === item.json ? item : { ...item, json };
	});
}
