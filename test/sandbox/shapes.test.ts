/**
 * The answers of the Contact, AccountingInfo, Archive and journal operations in Yuki's layout:
 * compared with the project's own fixtures in the shape of Yuki's documented examples
 * (test/fixtures/sandbox/yuki-shapes): wrapper, record, attributes, element names, their order
 * and their namespaces. A client that reads the sandbox therefore reads Yuki.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { childElements, parseXml, textOf } from '../../sandbox/xml';
import type { XmlElement } from '../../sandbox/xml';
import { param, soapCall } from './soapHelpers';
import type { SoapAnswer } from './soapHelpers';
import {
	archiveList,
	contactDocument,
	customPaymentMethods,
	documentBinaryData,
	findDocument,
	getProjects,
	journalDocument,
	processJournal,
	searchContacts,
	searchDocuments,
	suppliersAndCustomers,
	updateContact,
} from './serviceCalls';
import { withSandbox } from './support';

const SHAPES = join(__dirname, '../fixtures/sandbox/yuki-shapes');
const YUKI = 'http://www.theyukicompany.com/';

function resultOf(envelope: XmlElement, operation: string): XmlElement {
	const [body] = childElements(envelope);
	const [response] = childElements(body);
	assert.equal(response.local, `${operation}Response`);
	assert.equal(response.ns, YUKI);
	const [result] = childElements(response);
	assert.equal(result.local, `${operation}Result`);
	return result;
}

const expected = (operation: string) => resultOf(parseXml(readFileSync(join(SHAPES, `${operation}.response.xml`), 'utf8')), operation);
const actual = (answer: SoapAnswer, operation: string) => {
	assert.equal(answer.status, 200, answer.fault ?? answer.body);
	return resultOf(parseXml(answer.body), operation);
};
const named = (element: XmlElement) => childElements(element).map((child) => `${child.local}{${child.ns}}`);

/** The record elements: typed results hold them directly, untyped ones inside a wrapper. */
function records(result: XmlElement, typed: boolean): { wrapper?: XmlElement; records: XmlElement[] } {
	if (typed) return { records: childElements(result) };
	const [wrapper] = childElements(result);
	return { wrapper, records: childElements(wrapper) };
}

/** One element order from several records that each leave some elements out. */
function mergedOrder(sequences: string[][]): string[] {
	const order: string[] = [];
	for (const sequence of sequences) {
		sequence.forEach((name, index) => {
			if (order.includes(name)) return;
			const previous = index === 0 ? -1 : order.indexOf(sequence[index - 1]);
			order.splice(previous + 1, 0, name);
		});
	}
	return order;
}

/**
 * Same wrapper, record name, attributes and namespaces; every element the sandbox writes is in
 * the example (or in `extra`), in the example's order.
 */
function assertShape(answer: SoapAnswer, operation: string, typed: boolean, extra: string[] = []): void {
	const want = records(expected(operation), typed);
	const got = records(actual(answer, operation), typed);
	if (want.wrapper) {
		assert.equal(got.wrapper?.local, want.wrapper.local, 'wrapper element');
		assert.equal(got.wrapper?.ns, want.wrapper.ns, 'wrapper namespace');
		assert.equal(got.wrapper?.attrs.xmlns, '', 'untyped answers declare xmlns=""');
	}
	assert.ok(got.records.length > 0, `the sandbox answered no ${operation} records`);
	const [example] = want.records;
	const exampleOrder = mergedOrder(want.records.map(named));
	for (const record of got.records) {
		assert.equal(`${record.local}{${record.ns}}`, `${example.local}{${example.ns}}`, 'record element');
		assert.deepEqual(Object.keys(record.attrs).filter((name) => name !== 'xmlns'), Object.keys(example.attrs).filter((name) => name !== 'xmlns'), 'record attributes');
		const children = named(record);
		const allowed = [...exampleOrder, ...extra.map((name) => `${name}{${example.ns}}`)];
		for (const child of children) assert.ok(allowed.includes(child), `${operation}: ${child} is not in Yuki's example`);
		const known = children.filter((child) => exampleOrder.includes(child)).map((child) => exampleOrder.indexOf(child));
		assert.deepEqual(known, [...known].sort((a, b) => a - b), `${operation}: elements out of Yuki's order: ${children.join(', ')}`);
		for (const child of childElements(record)) {
			const twin = childElements(example).find((candidate) => candidate.local === child.local);
			if (twin) assert.deepEqual(Object.keys(child.attrs).sort(), Object.keys(twin.attrs).sort(), `${operation}: attributes of ${child.local}`);
		}
	}
}

describe("sandbox answers of the contact, project, archive and journal operations in Yuki's layout", () => {
	it('typed lists of AccountingInfo: GetGLAccountScheme, GetProjects, GetCustomPaymentMethods', () =>
		withSandbox(async (sandbox, session) => {
			const gl = await soapCall(sandbox.url, 'AccountingInfo', 'GetGLAccountScheme', param('sessionID', session) + param('administrationID', DEMO.organisation.id));
			// The live WSDL's further GlAccount elements [lib], after Yuki's five.
			assertShape(gl, 'GetGLAccountScheme', true, ['descriptionNL', 'descriptionFR', 'descriptionEN', 'isVATApplicable', 'deductableVATPercentage', 'professionalPercentage']);
			assertShape(await getProjects(sandbox.url, session), 'GetProjects', true, ['tags']);
			assertShape(await customPaymentMethods(sandbox.url, session), 'GetCustomPaymentMethods', true);
		}));

	it('untyped lists of the Archive: DocumentFolders, PaymentMethods, CostCategories', () =>
		withSandbox(async (sandbox, session) => {
			assertShape(await archiveList(sandbox.url, session, 'DocumentFolders'), 'DocumentFolders', false);
			assertShape(await archiveList(sandbox.url, session, 'PaymentMethods'), 'PaymentMethods', false);
			assertShape(await archiveList(sandbox.url, session, 'CostCategories'), 'CostCategories', false);
		}));

	it('contacts: SearchContacts, GetSuppliersAndCustomers and the ContactResponse of UpdateContact', () =>
		withSandbox(async (sandbox, session) => {
			assertShape(await searchContacts(sandbox.url, session), 'SearchContacts', false, ['PhoneWork', 'MobileHome', 'MobileWork', 'EMailHome']);
			assertShape(await suppliersAndCustomers(sandbox.url, session), 'GetSuppliersAndCustomers', false);
			const update = await updateContact(sandbox.url, session, contactDocument([['ID', ''], ['Type', '2'], ['Code', 'K9000'], ['FullName', 'Vormgeving Noord']]));
			const want = childElements(expected('UpdateContact'))[0];
			const got = childElements(actual(update, 'UpdateContact'))[0];
			assert.equal(`${got.local}{${got.ns}}`, `${want.local}{${want.ns}}`);
			assert.deepEqual(named(got), named(want));
		}));

	it('documents: SearchDocuments, FindDocument, DocumentBinaryData; ProcessJournal answers a GUID', () =>
		withSandbox(async (sandbox, session) => {
			assertShape(await searchDocuments(sandbox.url, session), 'SearchDocuments', false);
			const documentId = sandbox.state.items[0].documentId;
			assertShape(await findDocument(sandbox.url, session, documentId), 'FindDocument', false);
			const binary = actual(await documentBinaryData(sandbox.url, session, documentId), 'DocumentBinaryData');
			assert.equal(childElements(binary).length, childElements(expected('DocumentBinaryData')).length);
			assert.match(textOf(binary), /^[A-Za-z0-9+/]+=*$/);
			const journal = await processJournal(
				sandbox.url,
				session,
				journalDocument('Afschrijving november', [
					{ glAccount: '4700', amount: '50.00', description: 'Afschrijving' },
					{ glAccount: '1100', amount: '-50.00', description: 'Afschrijving' },
				]),
			);
			const result = actual(journal, 'ProcessJournal');
			assert.equal(childElements(result).length, 0);
			assert.match(textOf(result), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
			assert.match(textOf(expected('ProcessJournal')), /^[0-9a-f-]{36}$/);
		}));
});
