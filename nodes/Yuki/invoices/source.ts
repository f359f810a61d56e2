/**
 * Where an item's invoice comes from: fields mapped in the node, a JSON object on the item (e.g.
 * a webhook body), or a ready Yuki XML document. The mapped fields are derived from the document
 * description, never listed here.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { DocumentSpec } from '../documents/fields';
import type { LoadOptionsSource } from '../helpers/mappedFields';
import { ADDITIONAL_FIELDS, documentProperties, recordFromParameters } from '../helpers/mappedFields';
import { ALLOW_NO_REFERENCE, allowNoReferenceField } from './options';
import { ContactConflictError, EXISTING_CONTACT, existingContactField, pickedContact, withPickedContact } from '../helpers/contactPicker';
import type { InvoiceKind } from './reports';

export type InvoiceSource = 'fields' | 'json' | 'xml';

const showFor = (source: InvoiceSource) => ({ show: { invoiceSource: [source] } });

/** The XML elements that come from the binary PDF, not from mapped fields. */
const PDF_ELEMENTS = ['DocumentFileName', 'DocumentBase64'];

/** VAT choices differ per domain: the node offers the domain's own list (node-core's load options). */
const fromAdministration = (method: string) => ({ method, dependsOn: ['administrationId'] });
/** Projects of the administration (GetProjects). */
const PROJECT_PICKERS = { ProjectID: fromAdministration('getProjectIds'), ProjectCode: fromAdministration('getProjectCodes') };
const LOAD_OPTIONS: Record<InvoiceKind, Record<string, LoadOptionsSource>> = {
	sales: { VATType: fromAdministration('getVatTypes'), GLAccountCode: fromAdministration('getGlAccounts'), ...PROJECT_PICKERS },
	purchase: { LineVATType: fromAdministration('getPurchaseVatTypes'), GLAccountCode: fromAdministration('getGlAccounts'), ...PROJECT_PICKERS },
};

export function invoiceSourceProperties(kind: InvoiceKind, spec: DocumentSpec): INodeProperties[] {
	const rootName = spec.root;
	return [
		{
			displayName: 'Invoice Source',
			name: 'invoiceSource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Mapped Fields', value: 'fields', description: 'Fill in the invoice fields here; every field accepts expressions' },
				{
					name: 'From Input JSON',
					value: 'json',
					description: "Take the invoice from the item's JSON in the shape shown in the README (e.g. a webhook body)",
				},
				{
					name: 'XML Document',
					value: 'xml',
					description: `A ready ${rootName} XML document, sent to Yuki unchanged (may hold several invoices)`,
				},
			],
			default: 'fields',
			description: 'Where the invoice comes from: fields filled in here, JSON from an earlier node, or a ready Yuki XML document',
		},
		{
			displayName: 'JSON Property',
			name: 'jsonProperty',
			type: 'string',
			default: '',
			placeholder: 'e.g. body or invoice',
			description:
				"Dot path of the property holding the invoice, e.g. <code>body</code> for a webhook. Leave empty to use the item's whole JSON. A list of invoices there gives one output item per invoice.",
			displayOptions: showFor('json'),
		},
		{
			displayName: 'XML Document',
			name: 'xmlDocument',
			type: 'string',
			typeOptions: { rows: 8 },
			default: '',
			required: true,
			placeholder: `<${rootName} xmlns="${spec.namespace}">…</${rootName}>`,
			description: `A complete ${rootName} document. It is checked for its root element and namespace and sent unchanged.`,
			displayOptions: showFor('xml'),
		},
		...withReferenceFirst(
			kind,
			documentProperties(spec, {
				displayOptions: showFor('fields'),
				loadOptions: LOAD_OPTIONS[kind],
				exclude: PDF_ELEMENTS,
			})
				.map(withoutRequiredCollectionOptions)
				// The picker just above the Contact fields it fills in.
				.flatMap((property) => (property.name === 'contact' ? [existingContactField(showFor('fields')), property] : [property])),
		),
	];
}

/**
 * Sales invoices: Reference is the first mapped field and required, because Yuki recognises an
 * invoice it already has only by its number (a webhook delivered twice must not book twice).
 * Yuki itself does not require it, so the document description keeps it optional; with Options ›
 * Allow Invoices Without Reference the same parameter is shown without n8n's required mark.
 */
function withReferenceFirst(kind: InvoiceKind, properties: INodeProperties[]): INodeProperties[] {
	if (kind !== 'sales') return properties;
	let reference: INodeProperties | undefined;
	const rest = properties.map((property) => {
		if (property.name !== ADDITIONAL_FIELDS || !property.options) return property;
		const options = property.options as INodeProperties[];
		reference = options.find((option) => option.name === 'reference');
		return { ...property, options: options.filter((option) => option.name !== 'reference') };
	});
	if (!reference) return properties;
	const allowed = ALLOW_NO_REFERENCE;
	const fields = showFor('fields').show;
	const required: INodeProperties = {
		...reference,
		required: true,
		placeholder: 'e.g. F-2024-0042',
		description: `${reference.description ?? ''}. Required, so that an invoice delivered twice is not booked twice (Allow Invoices Without Reference lifts this).`,
		displayOptions: { show: fields, hide: { [allowed]: [true] } },
	};
	const optional: INodeProperties = {
		...reference,
		placeholder: 'e.g. F-2024-0042',
		description: `${reference.description ?? ''}. Without it, an invoice delivered twice is booked twice.`,
		displayOptions: { show: { ...fields, [allowed]: [true] } },
	};
	return [required, optional, allowNoReferenceField, ...rest];
}

/**
 * n8n checks a `required` option of a collection at the node's top level, whether the collection
 * is shown or not: every workflow with this node would "have issues". Required group fields are
 * still enforced, by `validateRecord`, with a message naming the field.
 */
function withoutRequiredCollectionOptions(property: INodeProperties): INodeProperties {
	if (property.type !== 'collection' || !property.options) return property;
	const options = (property.options as INodeProperties[]).map((option) => {
		const copy = { ...option };
		delete copy.required;
		return copy;
	});
	return { ...property, options };
}

/** Reads `a.b[0].c` from an object; undefined when any step is missing. */
export function valueAtPath(data: unknown, path: string): unknown {
	const steps = path.match(/[^.[\]]+/g) ?? [];
	let value = data;
	for (const step of steps) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[step];
	}
	return value;
}

/**
 * Where "From Input JSON" finds the invoice: one object, or a list of invoices in one item (an
 * invoicing tool posting several invoices in one webhook request). Each entry of a list becomes
 * its own output item, paired with this item.
 */
export type InvoiceInputs = { list: false; input: IDataObject } | { list: true; entries: unknown[] };

function jsonValue(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	jsonProperty?: (itemIndex: number) => unknown,
): { path: string; value: unknown } {
	const path = String((jsonProperty ? jsonProperty(itemIndex) : this.getNodeParameter('jsonProperty', itemIndex, '')) ?? '').trim();
	return { path, value: path ? valueAtPath(item.json, path) : item.json };
}

/** An object in the invoice's JSON shape, or the error that names what was found instead. */
function asInvoiceObject(this: IExecuteFunctions, spec: DocumentSpec, value: unknown, where: string, label: string, itemIndex: number): IDataObject {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		const found = value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
		throw new NodeOperationError(
			this.getNode(),
			`${label}: ${where} must hold the ${spec.name} as a JSON object, but holds ${found} (allowed: an object with keys such as reference, date, contact, invoiceLines, or a list of such objects; set "JSON Property" to where the invoice is)`,
			{ itemIndex },
		);
	}
	// Not copied: nothing changes it (an invoice with a PDF is completed in a copy, prepare.ts).
	return value as IDataObject;
}

/** The item's invoice input(s) in the camelCase JSON shape (not yet validated); `jsonProperty` reads the parameter once per run. */
export function invoiceInputs(
	this: IExecuteFunctions,
	spec: DocumentSpec,
	item: INodeExecutionData,
	itemIndex: number,
	jsonProperty?: (itemIndex: number) => unknown,
): InvoiceInputs {
	const { path, value } = jsonValue.call(this, item, itemIndex, jsonProperty);
	if (!Array.isArray(value)) {
		return { list: false, input: asInvoiceObject.call(this, spec, value, path ? `the property "${path}"` : 'the item', `Item ${itemIndex}`, itemIndex) };
	}
	if (value.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: ${path ? `the property "${path}"` : 'the item'} holds an empty list (allowed: one ${spec.name} object, or a list of at least one)`,
			{ itemIndex },
		);
	}
	return { list: true, entries: value };
}

/** One entry of a list of invoices, as an object (or the error naming the entry). */
export function invoiceEntryInput(this: IExecuteFunctions, spec: DocumentSpec, value: unknown, itemIndex: number, entry: number): IDataObject {
	return asInvoiceObject.call(this, spec, value, `entry ${entry} of the list`, `Item ${itemIndex}, invoice ${entry}`, itemIndex);
}

/** The item's invoice input in the camelCase JSON shape (not yet validated). */
export function invoiceInput(
	this: IExecuteFunctions,
	source: Exclude<InvoiceSource, 'xml'>,
	spec: DocumentSpec,
	item: INodeExecutionData,
	itemIndex: number,
): IDataObject {
	if (source === 'fields') {
		// null, not undefined: n8n throws for a parameter the user did not add unless a fallback is given.
		const record = recordFromParameters(spec, (name: string) => this.getNodeParameter(name, itemIndex, null)) as IDataObject;
		try {
			return withPickedContact(record, pickedContact(this.getNodeParameter(EXISTING_CONTACT, itemIndex, '')));
		} catch (error) {
			const conflict = new NodeOperationError(this.getNode(), error instanceof ContactConflictError ? `Item ${itemIndex}: ${error.message}` : (error as Error), {
				itemIndex,
			});
			conflict.context.field = EXISTING_CONTACT;
			throw conflict;
		}
	}
	const inputs = invoiceInputs.call(this, spec, item, itemIndex);
	if (inputs.list) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: holds a list of invoices where one is expected`, { itemIndex });
	return inputs.input;
}
