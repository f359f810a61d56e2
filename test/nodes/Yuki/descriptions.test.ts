/**
 * What a bookkeeper reads in the parameter panels and the credential form: a one-line description
 * for every field, plain names, and no Yuki internals (SOAP operation names, joined-up enum values).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { YukiApi } from '../../../credentials/YukiApi.credentials';
import { YUKI_NODE_TYPE, YUKI_TRIGGER_NODE_TYPE } from '../../helpers';
import { packageNodeType } from '../../../scripts/harness/nodeTypes';

const node = packageNodeType(YUKI_NODE_TYPE).description.properties;
const trigger = packageNodeType(YUKI_TRIGGER_NODE_TYPE).description.properties;
const credential = new YukiApi().properties;

/** Every field and option, nested ones included, with where it is. */
function everything(properties: readonly INodeProperties[], path = ''): Array<{ path: string; field?: INodeProperties; option?: INodePropertyOptions }> {
	return properties.flatMap((property) => {
		const here = `${path}/${property.name}`;
		const nested = (property.options ?? []).flatMap((entry) => {
			if ('values' in entry) return everything(entry.values, `${here}/${entry.name}`);
			if ('type' in entry) return everything([entry as INodeProperties], here);
			return [{ path: `${here}=${String((entry as INodePropertyOptions).value)}`, option: entry as INodePropertyOptions }];
		});
		return [{ path: here, field: property }, ...nested];
	});
}

const SOAP_NAME = /\b(Sales|Purchase|Archive|Accounting|AccountingInfo|Vat|Contact)\.[A-Z]\w+|CheckOutstandingItemAdmin|\bByDate\b/;

describe('field and option texts', () => {
	it('gives every field a user fills in a one-line description', () => {
		const containers = new Set(['collection', 'fixedCollection', 'notice']);
		for (const { path, field } of everything([...node, ...trigger, ...credential])) {
			if (!field || containers.has(field.type) || ['resource', 'operation'].includes(field.name)) continue;
			// Mapped document fields whose name says it all (City, Website): n8n's lint forbids repeating it.
			if (!field.description && field.displayName.split(' ').length <= 3 && !field.required) continue;
			assert.ok(field.description, `${path} (${field.displayName}) has no description`);
			assert.ok(!field.description.includes('\n'), `${path}: one line`);
		}
	});

	it('describes each resource and operation in words, without Yuki’s SOAP operation names', () => {
		for (const { path, field, option } of everything(node)) {
			const text = option ? `${option.name} ${option.description ?? ''}` : `${field?.displayName} ${field?.description ?? ''} ${field?.hint ?? ''}`;
			assert.doesNotMatch(text, SOAP_NAME, path);
		}
		const selectors = node.filter((property) => property.name === 'resource' || property.name === 'operation');
		for (const selector of selectors) {
			for (const option of selector.options as INodePropertyOptions[]) assert.ok(option.description, `${selector.name} ${option.name}`);
		}
	});

	it('shows Yuki’s joined-up values in words (Electronic Transfer, not ElectronicTransfer), sending Yuki’s value', () => {
		for (const { path, option } of everything(node)) {
			if (option) assert.doesNotMatch(option.name, /^[A-Z][a-z]+[A-Z][a-z]/, path);
		}
		const methods = everything(node).filter((entry) => entry.path.endsWith('/paymentMethod=ElectronicTransfer'));
		assert.ok(methods.length > 0 && methods.every((entry) => entry.option?.name === 'Electronic Transfer'));
	});

	it('says where an empty Administration goes: the credential’s default', () => {
		for (const field of [...node, ...trigger].filter((property) => property.name === 'administrationId')) {
			assert.match(String(field.hint), /Default Administration ID from the Yuki credential/);
		}
	});

	it('explains every credential field, and the Default Administration ID box says what goes in it and where to find it', () => {
		for (const field of credential) assert.ok(field.description, field.name);
		// n8n's credential form shows a description only on hovering the label; the hint is on the form.
		for (const field of credential.filter((candidate) => !candidate.displayOptions)) assert.ok(field.hint, `${field.name} shows a line on the form`);
		const administration = credential.find((field) => field.name === 'administrationId')!;
		assert.match(String(administration.placeholder), /^e\.g\. [0-9a-f]{8}-/);
		assert.match(administration.description!, /Administration → Get Many/);
		assert.match(administration.description!, /Domain › Settings/);
		assert.ok(administration.hint);
	});
});
