import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { INodeProperties } from 'n8n-workflow';
import type { DocumentSpec, Field } from '../../../../nodes/Yuki/documents/fields';
import { ADDITIONAL_FIELDS, LIST_ENTRY, documentProperties, recordFromParameters } from '../../../../nodes/Yuki/helpers/mappedFields';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { validateRecord } from '../../../../nodes/Yuki/documents/validate';
import { purchaseInput, salesInput } from '../documents/samples';

// eslint has no type declarations installed (no @types/eslint); this is the little of its API used here.
interface LintMessage {
	line: number;
	message: string;
	ruleId: string | null;
}
interface LintApi {
	LegacyESLint: new (options: object) => { lintText(code: string, options: { filePath: string }): Promise<Array<{ messages: LintMessage[] }>> };
}
// The rules are applied on their own (eslintrc options), so eslint 9's LegacyESLint.
const { LegacyESLint: ESLint } = require('eslint/use-at-your-own-risk') as LintApi;

const displayOptions = { show: { resource: ['salesInvoice'], operation: ['process'], invoiceSource: ['fields'] } };

function find(properties: readonly INodeProperties[], name: string): INodeProperties {
	const property = properties.find((candidate) => candidate.name === name);
	assert.ok(property, `no parameter ${name}`);
	return property;
}

function children(property: INodeProperties): INodeProperties[] {
	return (property.options ?? []) as INodeProperties[];
}

function lineValues(properties: readonly INodeProperties[]): INodeProperties[] {
	const lines = find(properties, 'invoiceLines');
	return ((lines.options ?? []) as Array<{ name: string; values: INodeProperties[] }>).find((option) => option.name === LIST_ENTRY)!.values;
}

/**
 * What n8n would hold as parameter values after a user typed `input` into the derived fields:
 * each value goes to the parameter of that name at its level, or into that level's Additional Fields.
 */
function parametersFor(properties: readonly INodeProperties[], input: Record<string, any>): Record<string, unknown> {
	const place = (level: readonly INodeProperties[], values: Record<string, unknown>): Record<string, unknown> => {
		const result: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(values)) {
			if (level.some((property) => property.name === name)) result[name] = value;
			else {
				const additional = level.find((property) => property.name === ADDITIONAL_FIELDS);
				assert.ok(additional && children(additional).some((option) => option.name === name), `no parameter for ${name}`);
				result[ADDITIONAL_FIELDS] = { ...(result[ADDITIONAL_FIELDS] as object), [name]: value };
			}
		}
		return result;
	};
	const flat = (prefix: string, values: Record<string, any>): Record<string, unknown> =>
		Object.fromEntries(
			Object.entries(values).flatMap(([key, value]) => {
				const name = prefix ? prefix + key.charAt(0).toUpperCase() + key.slice(1) : key;
				return typeof value === 'object' && value !== null ? Object.entries(flat(name, value)) : [[name, value]];
			}),
		);
	const header: Record<string, unknown> = {};
	const structures: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(input)) {
		if (Array.isArray(value)) structures[key] = { [LIST_ENTRY]: value.map((line) => place(lineValues(properties), flat('', line))) };
		else if (typeof value === 'object') structures[key] = value;
		else header[key] = value;
	}
	return { ...place(properties, header), ...structures };
}

describe('documentProperties', () => {
	const sales = documentProperties(salesInvoiceDocument, { displayOptions });
	const purchase = documentProperties(purchaseInvoiceDocument, { displayOptions });

	it('puts required header fields on top, groups as collections, lines as a repeatable list and the rest in Additional Fields', () => {
		assert.deepEqual(sales.map((property) => `${property.name}:${property.type}`), [
			'date:string',
			'contact:collection',
			'contactPerson:collection',
			'invoiceLines:fixedCollection',
			'additionalFields:collection',
		]);
		assert.deepEqual(purchase.map((property) => property.name), ['invoiceAmount', 'invoiceVatAmount', 'documentFileName', 'contact', 'invoiceLines', 'additionalFields']);
		assert.equal(find(sales, 'date').required, true);
		for (const property of [...sales, ...purchase]) assert.deepEqual(property.displayOptions, displayOptions, property.name);
	});

	it('shows each line with its required fields, the product flattened, and optional ones in Additional Fields', () => {
		const lines = find(sales, 'invoiceLines');
		assert.equal(lines.typeOptions?.multipleValues, true);
		const values = lineValues(sales);
		assert.deepEqual(values.map((property) => property.name), ['productQuantity', 'productDescription', 'productSalesPrice', 'productVatPercentage', 'productVatType', ADDITIONAL_FIELDS]);
		// A new line must not greet the user with one warning per empty field: no n8n required mark,
		// the placeholder asks instead (run-time validation still names the item and field).
		for (const property of values.slice(0, -1)) {
			assert.ok(!property.required, `${property.name} has no required mark`);
			if (property.type === 'string') assert.match(String(property.placeholder), /^Required/, property.name);
		}
		assert.match(lines.description!, /Each line needs: Quantity, .*Description, .*Price/);
		const optional = children(values[values.length - 1]).map((property) => property.name);
		for (const name of ['description', 'lineAmount', 'productVatIncluded', 'productGlAccountCode', 'accrualDate']) assert.ok(optional.includes(name), name);
	});

	it('names the invoice-level and the line-level optional fields apart', () => {
		for (const properties of [sales, purchase]) {
			assert.equal(find(properties, ADDITIONAL_FIELDS).displayName, 'Additional Invoice Fields');
			assert.equal(lineValues(properties).at(-1)!.displayName, 'Additional Line Fields');
		}
	});

	it('marks the required fields of a group', () => {
		const contact = find(purchase, 'contact');
		assert.equal(contact.description, 'The supplier. Required: Full Name, Bank Account.');
		assert.equal(contact.placeholder, 'Add Contact Field');
		const required = children(contact).filter((property) => property.required).map((property) => property.name);
		assert.deepEqual(required, ['bankAccount', 'fullName']);
	});

	it('maps each kind of field to the parameter type that keeps its value exact', () => {
		const options = children(find(sales, ADDITIONAL_FIELDS));
		const paymentMethod = options.find((property) => property.name === 'paymentMethod')!;
		assert.equal(paymentMethod.type, 'options');
		assert.equal(paymentMethod.default, 'Unspecified');
		const choices = (paymentMethod.options as Array<{ name: string }>).map((choice) => choice.name);
		assert.deepEqual(choices, [...choices].sort((a, b) => a.localeCompare(b)));
		assert.equal(options.find((property) => property.name === 'process')!.type, 'boolean');
		const price = lineValues(sales).find((property) => property.name === 'productSalesPrice')!;
		assert.equal(price.type, 'string', 'decimals stay text so 26.40 is sent exactly');
		assert.equal(price.placeholder, 'Required, e.g. 95.00');
		assert.match(price.description!, /at most 4 decimals, a dot as the decimal separator/);
		const date = find(sales, 'date');
		assert.equal(date.type, 'string');
		assert.equal(date.placeholder, 'YYYY-MM-DD');
		const periods = children(lineValues(sales).at(-1)!).find((property) => property.name === 'accrualPeriods')!;
		assert.equal(periods.type, 'number');
		assert.deepEqual(periods.typeOptions, { numberPrecision: 0, minValue: 1, maxValue: 999 });
	});

	it('never shows base64 content: PDFs come from binary properties', () => {
		const names = JSON.stringify([...sales, ...purchase]);
		assert.ok(!names.includes('documentBase64'));
	});

	it("passes n8n's community-node lint rules, as if the derived fields were written out by hand", async () => {
		const loadOptions = { VATType: { method: 'getVatTypes', dependsOn: ['administrationId'] }, GLAccountCode: 'getGlAccounts', LineVATType: 'getPurchaseVatTypes' };
		const derived = [salesInvoiceDocument, purchaseInvoiceDocument].flatMap((spec) => documentProperties(spec, { displayOptions, loadOptions }));
		// Written out as source with bare keys, the shape the lint rules recognise.
		const literal = JSON.stringify(derived, null, '\t').replace(/"(\w+)":/g, '$1:');
		const source = `import type { INodeProperties } from 'n8n-workflow';\n\nexport const derivedFields: INodeProperties[] = ${literal};\n`;
		const eslint = new ESLint({
			cwd: join(__dirname, '../../../..'),
			useEslintrc: false,
			overrideConfig: {
				parser: '@typescript-eslint/parser',
				parserOptions: { sourceType: 'module' },
				plugins: ['n8n-nodes-base'],
				extends: ['plugin:n8n-nodes-base/nodes'],
				// The project turns this one off too: lines list their fields in Yuki's order.
				rules: { 'n8n-nodes-base/node-param-fixed-collection-type-unsorted-items': 'off' },
			},
		});
		const [result] = await eslint.lintText(source, { filePath: join(__dirname, '../../../../nodes/Yuki/DerivedFields.ts') });
		assert.deepEqual(result.messages.map((message) => `${message.line}: ${message.message} (${message.ruleId})`), []);
	});

	it('loads choices from Yuki for the fields named by JSON path or XML element, and leaves out excluded ones', () => {
		const properties = documentProperties(salesInvoiceDocument, {
			displayOptions,
			loadOptions: { 'invoiceLines.product.vatType': { method: 'getVatTypes', dependsOn: ['administrationId'] }, GLAccountCode: 'getGlAccounts' },
			exclude: ['documentFileName', 'ContactPerson', 'invoiceLines.remarks'],
		});
		const vatType = lineValues(properties).find((property) => property.name === 'productVatType')!;
		assert.equal(vatType.type, 'options');
		assert.equal(vatType.displayName, 'VAT Type Name or ID');
		assert.deepEqual(vatType.typeOptions, { loadOptionsMethod: 'getVatTypes', loadOptionsDependsOn: ['administrationId'] });
		assert.match(vatType.description!, /Choose from the list, or specify an ID using an <a href="https:\/\/docs.n8n.io\/code\/expressions\/">expression<\/a>/);
		const optional = children(lineValues(properties).at(-1)!);
		assert.deepEqual(optional.find((property) => property.name === 'productGlAccountCode')!.typeOptions, { loadOptionsMethod: 'getGlAccounts' });
		assert.ok(!optional.some((property) => property.name === 'remarks'), 'line remarks excluded');
		assert.ok(optional.some((property) => property.name === 'productRemarks'), 'product remarks kept');
		assert.ok(!properties.some((property) => property.name === 'contactPerson'));
		assert.ok(!children(find(properties, ADDITIONAL_FIELDS)).some((property) => property.name === 'documentFileName'));
	});

	it('can put required header fields into Additional Fields instead', () => {
		const properties = documentProperties(purchaseInvoiceDocument, { displayOptions, requiredAsTopLevel: false });
		assert.deepEqual(properties.map((property) => property.name), ['contact', 'invoiceLines', ADDITIONAL_FIELDS]);
		assert.ok(children(find(properties, ADDITIONAL_FIELDS)).some((property) => property.name === 'invoiceAmount'));
	});
});

describe('recordFromParameters', () => {
	const cases: Array<[string, DocumentSpec, () => Record<string, any>]> = [
		['sales', salesInvoiceDocument, salesInput],
		['purchase', purchaseInvoiceDocument, () => {
			const input = purchaseInput();
			delete input.documentBase64; // not a parameter: the node reads the PDF from a binary property
			return input;
		}],
	];
	for (const [name, spec, sample] of cases) {
		for (const requiredAsTopLevel of [true, false]) {
			it(`gives back the JSON shape a user typed into the ${name} invoice fields (required on top: ${requiredAsTopLevel})`, () => {
				const input = sample();
				const parameters = parametersFor(documentProperties(spec, { displayOptions, requiredAsTopLevel }), input);
				const record = recordFromParameters(spec, (parameter) => parameters[parameter]);
				assert.deepEqual(record, input);
				const viaJson = validateRecord(spec, input, { unknownKeys: 'error' });
				const viaFields = validateRecord(spec, record);
				assert.deepEqual(viaFields, viaJson);
			});
		}
	}

	it('leaves out empty parameters and empty groups, and reads required fields from either place', () => {
		const record = recordFromParameters(salesInvoiceDocument, (name) =>
			({
				date: '',
				contact: { fullName: 'A', city: '' },
				contactPerson: {},
				invoiceLines: { [LIST_ENTRY]: [{ productQuantity: '1', productDescription: 'x', productSalesPrice: '', [ADDITIONAL_FIELDS]: { productSalesPrice: '2', lineAmount: '' } }] },
				[ADDITIONAL_FIELDS]: { date: '2024-01-01', subject: '' },
			})[name],
		);
		assert.deepEqual(record, {
			date: '2024-01-01',
			contact: { fullName: 'A' },
			invoiceLines: [{ productQuantity: '1', product: { description: 'x', salesPrice: '2' } }],
		});
	});

	it('gives an empty record when nothing is filled in', () => {
		assert.deepEqual(recordFromParameters(salesInvoiceDocument, () => undefined), {});
	});
});

describe('document descriptions', () => {
	it('describe every boolean with "Whether", as n8n does', () => {
		const booleans = (fields: readonly Field[]): Field[] =>
			fields.flatMap((field) => (field.kind === 'group' || field.kind === 'list' ? booleans(field.fields) : field.kind === 'boolean' ? [field] : []));
		for (const field of booleans([...salesInvoiceDocument.fields, ...purchaseInvoiceDocument.fields])) assert.match(field.description, /^Whether /, field.xml);
	});
});
