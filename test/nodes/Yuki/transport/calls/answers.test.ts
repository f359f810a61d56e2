/**
 * The declared calls of contacts, documents, pickers and journals against answers in the shapes of
 * Yuki's documented examples (test/fixtures/transport, our own values): the parameters Yuki gets,
 * and what the client reads. Independent of the sandbox, so that the two can disagree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createYukiClient } from '../../../../helpers/n8nRequest';
import { processJournal } from '../../../../../nodes/Yuki/transport/calls/accounting';
import { getProjects } from '../../../../../nodes/Yuki/transport/calls/accountingInfo';
import { costCategories, documentBinaryData, findDocument, paymentMethods, searchDocuments } from '../../../../../nodes/Yuki/transport/calls/archive';
import { searchContacts, updateContact } from '../../../../../nodes/Yuki/transport/calls/contact';
import { xmlElements } from '../../../../../nodes/Yuki/transport/envelope';
import { YukiError } from '../../../../../nodes/Yuki/transport/types';
import { useFakeYuki } from '../fixtureServer';

const SESSION = 'a00912fb-558c-4165-a521-d3a095f88cc7';
const ADMINISTRATION = 'e5151219-a7bd-44f7-b9b2-a87d379e71f6';
const DOMAIN = '7d1e3c52-0000-4000-8000-00000000d0d0';

const { yuki, settings } = useFakeYuki();

function sent(operation: string) {
	const request = [...yuki.requests].reverse().find((candidate) => candidate.operation === operation);
	assert.ok(request, `no ${operation} request`);
	return request;
}

const envelope = (operation: string, result: string) =>
	`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${operation}Response xmlns="http://www.theyukicompany.com/">${result}</${operation}Response></soap:Body></soap:Envelope>`;

describe('Contact service', () => {
	it('SearchContacts: domain, search, sort, modifiedAfter, active, page in WSDL order; reads Contacts/Contact[@ID]', async () => {
		const client = createYukiClient(settings());
		const contacts = await client.call(searchContacts, {
			domainId: DOMAIN,
			searchOption: 'Code',
			searchValue: 'K1001',
			sortOrder: 'Name',
			modifiedAfter: '1900-01-01T00:00:00',
			active: 'Both',
			pageNumber: 1,
		});
		assert.equal(sent('SearchContacts').path, '/ws/Contact.asmx');
		assert.deepEqual(sent('SearchContacts').parameters, [
			['sessionID', SESSION],
			['domainID', DOMAIN],
			['searchOption', 'Code'],
			['searchValue', 'K1001'],
			['sortOrder', 'Name'],
			['modifiedAfter', '1900-01-01T00:00:00'],
			['active', 'Both'],
			['pageNumber', '1'],
		]);
		assert.equal(contacts.length, 1);
		assert.deepEqual(
			{ id: contacts[0].id, code: contacts[0].code, name: contacts[0].name, hid: contacts[0].hid, emailWork: contacts[0].emailWork, mailCity: contacts[0].mailCity },
			{ id: '3f2c1a00-1111-4222-8333-444455556666', code: 'K1001', name: 'Bakkerij De Korenaar', hid: 212, emailWork: 'administratie@korenaar.example', mailCity: 'UTRECHT' },
		);
		assert.equal(contacts[0].addressLine2, undefined, 'an empty element is left out');
	});

	it('an answer without a Contacts list is an error, never "no contacts"', async () => {
		yuki.reply('SearchContacts', { body: envelope('SearchContacts', '<SearchContactsResult />') });
		const client = createYukiClient(settings());
		const args = { domainId: DOMAIN, searchOption: 'Code' as const, searchValue: 'X', sortOrder: 'Name' as const, modifiedAfter: '1900-01-01T00:00:00', active: 'Both' as const, pageNumber: 1 };
		await assert.rejects(client.call(searchContacts, args), (error: unknown) => error instanceof YukiError && error.kind === 'malformed');
		yuki.reply('SearchContacts', { body: envelope('SearchContacts', '<SearchContactsResult><Contacts xmlns="" /></SearchContactsResult>') });
		assert.deepEqual(await client.call(searchContacts, args), []);
	});

	it('UpdateContact: the Contact document as elements; reads ContactResponse and the contact ID in its text', async () => {
		const client = createYukiClient(settings());
		const answer = await client.call(updateContact, {
			domainId: DOMAIN,
			xmlDoc: xmlElements('<Contact xmlns="urn:xmlns:http://www.theyukicompany.com:contact"><Type>2</Type><FullName>A &amp; B</FullName></Contact>'),
		});
		assert.match(sent('UpdateContact').body, /<xmlDoc><Contact xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:contact"><Type>2<\/Type>/);
		assert.deepEqual(answer, {
			timeStamp: '2026-12-01',
			succeeded: 'Succesfully updated Contact 3f2c1a00-1111-4222-8333-444455556666',
			failed: [],
			contactId: '3f2c1a00-1111-4222-8333-444455556666',
		});
		yuki.reply('UpdateContact', {
			body: envelope('UpdateContact', '<UpdateContactResult><ContactResponse xmlns="urn:xmlns:http://www.theyukicompany.com:contactResponse"><TimeStamp xmlns="">2026-12-01</TimeStamp><Failed xmlns="">Invalid country code</Failed></ContactResponse></UpdateContactResult>'),
		});
		assert.deepEqual((await client.call(updateContact, { domainId: DOMAIN, xmlDoc: xmlElements('<Contact/>') })).failed, ['Invalid country code']);
	});
});

describe('Archive documents and expense-claim lists', () => {
	it('SearchDocuments: -1 folders/tabs, dates as xs:dateTime, paging; reads the short search hits', async () => {
		const client = createYukiClient(settings());
		const documents = await client.call(searchDocuments, {
			searchOption: 'All',
			searchText: 'F2026',
			folderId: -1,
			tabId: -1,
			sortOrder: 'CreatedDesc',
			startDate: '0001-01-01T00:00:00',
			endDate: '0001-01-01T00:00:00',
			numberOfRecords: 100,
			startRecord: 1,
		});
		assert.deepEqual(sent('SearchDocuments').parameters.map(([name]) => name), [
			'sessionID', 'searchOption', 'searchText', 'folderID', 'tabID', 'sortOrder', 'startDate', 'endDate', 'numberOfRecords', 'startRecord',
		]);
		assert.deepEqual(documents, [
			{
				id: '0b1c2d3e-1111-4222-8333-000000000001',
				subject: 'Factuur F2026-0142',
				amount: '121.00',
				type: '6',
				typeDescription: 'Verkoopfactuur',
				contactName: 'Bakkerij De Korenaar',
				created: '2026-03-31T09:42:47',
				creator: 'yuki',
				modified: '2026-03-31T09:43:25',
				modifier: 'yuki',
			},
		]);
	});

	it('FindDocument reads folder and tab with their IDs; DocumentBinaryData gives the file; an unknown document is undefined', async () => {
		const client = createYukiClient(settings());
		const documentId = '0b1c2d3e-1111-4222-8333-000000000001';
		const document = await client.call(findDocument, { documentId });
		assert.deepEqual(
			{ folder: document?.folder, folderId: document?.folderId, tab: document?.tab, tabId: document?.tabId, fileName: document?.fileName, contentType: document?.contentType },
			{ folder: 'Verkoop', folderId: 2, tab: 'Facturen', tabId: 201, fileName: 'F2026-0142.pdf', contentType: 'application/pdf' },
		);
		const file = await client.call(documentBinaryData, { documentId });
		assert.equal(file?.toString('latin1'), '%PDF-1.4\n%%EOF\n');
		yuki.reply('FindDocument', { body: envelope('FindDocument', '<FindDocumentResult><Documents xmlns="" /></FindDocumentResult>') });
		assert.equal(await client.call(findDocument, { documentId }), undefined);
	});

	it('PaymentMethods and CostCategories: records with their ID attribute', async () => {
		const client = createYukiClient(settings());
		assert.deepEqual(await client.call(paymentMethods, {}), [
			{ id: 1, description: 'Contant' },
			{ id: 5, description: 'Zakelijke creditcard' },
		]);
		assert.deepEqual(await client.call(costCategories, {}), [
			{ id: '45100', description: 'Reiskosten' },
			{ id: '40600', description: 'Kantinekosten' },
		]);
	});
});

describe('AccountingInfo projects, Accounting journal', () => {
	it('GetProjects reads the typed Project records', async () => {
		const client = createYukiClient(settings());
		const projects = await client.call(getProjects, { administrationId: ADMINISTRATION, searchOption: 'All', searchValue: '' });
		assert.deepEqual(sent('GetProjects').parameters, [
			['sessionID', SESSION],
			['administrationID', ADMINISTRATION],
			['searchOption', 'All'],
			['searchValue', ''],
		]);
		assert.deepEqual(
			{ id: projects[0].id, code: projects[0].code, description: projects[0].description, hid: projects[0].hid, contactId: projects[0].contactId },
			{ id: '9a8b7c6d-0000-4000-8000-000000000001', code: 'WEB-2026', description: 'Nieuwe website', hid: 1, contactId: '3f2c1a00-1111-4222-8333-444455556666' },
		);
	});

	it('ProcessJournal sends the Journal document as elements and returns Yuki’s document ID', async () => {
		const client = createYukiClient(settings());
		const documentId = await client.call(processJournal, {
			administrationId: ADMINISTRATION,
			xmlDoc: xmlElements('<Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal"><DocumentSubject>X</DocumentSubject></Journal>'),
		});
		assert.equal(documentId, '9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
		assert.equal(sent('ProcessJournal').path, '/ws/Accounting.asmx');
		assert.deepEqual(sent('ProcessJournal').parameters.map(([name]) => name), ['sessionID', 'administrationID', 'xmlDoc']);
	});
});
