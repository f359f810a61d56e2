/**
 * The "Mapped Fields / From Input JSON" choice of operations that send one Yuki document per item
 * (journal, contact): the parameters and the way to the document's JSON shape.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DocumentSpec } from '../documents/fields';
import type { DocumentPropertiesOptions } from './mappedFields';
import { documentProperties, recordFromParameters } from './mappedFields';

const showFor = (source: string) => ({ show: { documentSource: [source] } });

/** Document Source, JSON Property and the mapped fields of `spec`. */
export function documentSourceProperties(spec: DocumentSpec, mapped: Omit<DocumentPropertiesOptions, 'displayOptions'> = {}): INodeProperties[] {
	return [
		{
			displayName: `${spec.name.charAt(0).toUpperCase()}${spec.name.slice(1)} Source`,
			name: 'documentSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Mapped Fields', value: 'fields', description: `Fill in the ${spec.name} here; every field accepts expressions` },
				{ name: 'From Input JSON', value: 'json', description: `Take the ${spec.name} from the item's JSON in the shape shown in docs/invoice-fields.md` },
			],
			default: 'fields',
		},
		{
			displayName: 'JSON Property',
			name: 'jsonProperty',
			type: 'string',
			default: '',
			placeholder: 'e.g. body',
			description: `Dot path of the property holding the ${spec.name}, e.g. <code>body</code> for a webhook. Leave empty to use the item's whole JSON.`,
			displayOptions: showFor('json'),
		},
		...documentProperties(spec, { ...mapped, displayOptions: showFor('fields') }),
	];
}

function valueAtPath(data: unknown, path: string): unknown {
	let value = data;
	for (const step of path.match(/[^.[\]]+/g) ?? []) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[step];
	}
	return value;
}

/** The item's document in the JSON shape (not yet validated); a copy, never the input item itself. */
export function documentInput(this: IExecuteFunctions, spec: DocumentSpec, item: INodeExecutionData, itemIndex: number): IDataObject {
	const source = this.getNodeParameter('documentSource', itemIndex, 'fields') as string;
	if (source === 'fields') {
		return recordFromParameters(spec, (name: string) => this.getNodeParameter(name, itemIndex, null)) as IDataObject;
	}
	const path = String(this.getNodeParameter('jsonProperty', itemIndex, '') ?? '').trim();
	const value = path ? valueAtPath(item.json, path) : item.json;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: ${path ? `the property "${path}"` : 'the item'} must hold the ${spec.name} as a JSON object (allowed: an object in the shape of docs/invoice-fields.md; set "JSON Property" to where it is)`,
			{ itemIndex },
		);
	}
	return { ...(value as IDataObject) };
}
