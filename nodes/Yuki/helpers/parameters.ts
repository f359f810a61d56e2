/**
 * Node fields every operation shares, so that they look and behave the same everywhere.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Default per-call timeout in seconds; Yuki can be slow on large administrations. */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/**
 * The administration an operation works in: picked from the list the key reaches, or an ID.
 * Empty means the credential's Default Administration ID. As an expression it is evaluated per
 * item, so one run can serve departments that each have their own administration.
 */
export function administrationField(displayOptions: IDisplayOptions, name = 'administrationId'): INodeProperties {
	return {
		displayName: 'Administration',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'Yuki administration (the company’s books) to work in. Leave empty for the credential’s Default Administration ID. May be an expression per item, e.g. for departments that each have their own administration.',
		// An empty field silently meaning the credential's default must be said where the user looks.
		hint: 'Empty: the Default Administration ID from the Yuki credential is used',
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Credential’s default administration, or select one…',
				typeOptions: { searchListMethod: 'searchAdministrations', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\\s*$',
							errorMessage: 'An administration ID is a GUID such as 3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11',
						},
					},
				],
			},
		],
	};
}

/**
 * Alphabetical order as n8n's lint asks for it (`localeCompare`: case-insensitive, lower case first
 * on a tie), without `localeCompare`: its first call loads ICU's collator, about 10 ms of every n8n
 * start. Holds for names of letters, digits, spaces and ASCII punctuation;
 * test/nodes/Yuki/helpers/parameters.test.ts compares the two on every name the node sorts.
 */
export function alphabetical(a: string, b: string): number {
	const lowerA = a.toLowerCase();
	const lowerB = b.toLowerCase();
	if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
	return a === b ? 0 : a > b ? -1 : 1;
}

/** Goes into every operation's "Options" collection; the router reads `options.timeout`. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_TIMEOUT_SECONDS,
	description: 'How long to wait for each answer from Yuki before giving up',
};

/**
 * The "Options" collection every operation has: its own options plus the timeout, in the
 * alphabetical order n8n lists collection options in.
 */
export function optionsCollection(options: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, timeoutOption].sort((a, b) => alphabetical(a.displayName, b.displayName)),
	};
}

/** The name of the input item's binary property holding a file, e.g. `data`. */
export function binaryPropertyField(
	displayOptions: IDisplayOptions,
	options: { name?: string; description?: string } = {},
): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: options.name ?? 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file',
		description: options.description ?? 'Name of the binary property of the input item that holds the file',
		displayOptions,
	};
}

/** Return All / Limit, as n8n's list operations have them (the operation pages through Yuki's answers). */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];
