import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import { childElements, textOf } from '../../sandbox/xml';
import type { XmlElement } from '../../sandbox/xml';
import { authenticate, childText, findAll, importSales, salesInvoiceXml, soapCall, param } from './soapHelpers';
import type { SoapAnswer } from './soapHelpers';
import { CONTACT_NS, contactDocument, searchContacts, suppliersAndCustomers, updateContact } from './serviceCalls';
import { withSandbox } from './support';

function contacts(answer: SoapAnswer): XmlElement[] {
	assert.equal(answer.status, 200, answer.fault ?? answer.body);
	return findAll(answer.result!, 'Contact');
}
const names = (answer: SoapAnswer) => contacts(answer).map((contact) => childText(contact, 'Name'));

function contactResponse(answer: SoapAnswer): Record<string, string> {
	assert.equal(answer.status, 200, answer.fault ?? answer.body);
	const [response] = childElements(answer.result!);
	return Object.fromEntries(childElements(response).map((child) => [child.local, textOf(child)]));
}

describe('sandbox Contact service', () => {
	it('lists the whole domain\'s contacts (both administrations), sorted, with Yuki\'s Created/Modified format', () =>
		withSandbox(async (sandbox, session) => {
			const all = names(await searchContacts(sandbox.url, session));
			assert.ok(all.includes('Bakkerij De Korenaar') && all.includes('Opleidingscentrum Oost'));
			assert.deepEqual(all, [...all].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase())));
			const [first] = contacts(await searchContacts(sandbox.url, session, { searchOption: 'Code', searchValue: 'K1001' }));
			assert.equal(first.attrs.ID, '6a1f0e2d-0001-4c3b-9a8d-1e2f3a4b5c01');
			assert.equal(childText(first, 'Type'), 'Company');
			assert.equal(childText(first, 'Postcode'), '3511 AB');
			assert.equal(childText(first, 'EMailWork'), 'administratie@korenaar.example');
			assert.match(childText(first, 'Created')!, /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
		}));

	it('searches by option, filters on active and modifiedAfter, and sorts by HID or creation date', () =>
		withSandbox(async (sandbox, session) => {
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { searchOption: 'City', searchValue: 'utrecht' })), ['Bakkerij De Korenaar']);
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { searchOption: 'VATNumber', searchValue: 'NL001234567B01' })), ['Bakkerij De Korenaar']);
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { searchOption: 'ContactType', searchValue: 'Person' })), ['Sanne de Vries']);
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { searchOption: 'Tag', searchValue: 'leverancier' })), ['Kantoorhuis Nederland B.V.']);
			const inactive = names(await searchContacts(sandbox.url, session, { active: 'Inactive' }));
			assert.deepEqual(inactive, ['Drukkerij Het Oosten (opgeheven)']);
			assert.ok(!names(await searchContacts(sandbox.url, session, { active: 'Active' })).includes(inactive[0]));
			const byHid = contacts(await searchContacts(sandbox.url, session, { sortOrder: 'HID' })).map((contact) => Number(childText(contact, 'HID')));
			assert.deepEqual(byHid, [...byHid].sort((a, b) => a - b));
			// Only what changed after the day given.
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { modifiedAfter: '2025-01-01' })).length, 5);
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { modifiedAfter: '2025-07-01' })), []);
		}));

	it('pages by 100 contacts, page 1 first; an absent or 0 pageNumber reads as the first page', () =>
		withSandbox(async (sandbox, session) => {
			for (let index = 0; index < 130; index++) {
				sandbox.state.contacts.push({ id: `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}`, administrationId: DEMO.organisation.id, code: `P${index}`, fullName: `Paginakandidaat ${String(index).padStart(3, '0')}`, fields: {}, hid: 1000 + index });
			}
			const page1 = names(await searchContacts(sandbox.url, session, { searchOption: 'Name', searchValue: 'Paginakandidaat', pageNumber: '1' }));
			const page2 = names(await searchContacts(sandbox.url, session, { searchOption: 'Name', searchValue: 'Paginakandidaat', pageNumber: '2' }));
			const page3 = names(await searchContacts(sandbox.url, session, { searchOption: 'Name', searchValue: 'Paginakandidaat', pageNumber: '3' }));
			assert.deepEqual([page1.length, page2.length, page3.length], [100, 30, 0]);
			assert.equal(new Set([...page1, ...page2]).size, 130);
			assert.deepEqual(names(await searchContacts(sandbox.url, session, { searchOption: 'Name', searchValue: 'Paginakandidaat', pageNumber: undefined })), page1);
			assert.match((await searchContacts(sandbox.url, session, { pageNumber: 'twee' })).fault!, /not in a correct format/);
		}));

	it('is strict like Yuki: the domain ID, enumerations, parameter names', () =>
		withSandbox(async (sandbox, session) => {
			assert.match((await searchContacts(sandbox.url, session, { domainID: '00000000-0000-4000-8000-000000000000' })).fault!, /valid domain/);
			// A misspelt domainId is no domain at all: Yuki's misleading session fault.
			const misspelt = await soapCall(sandbox.url, 'Contact', 'SearchContacts', param('sessionID', session) + param('domainId', DEMO.domainId) + param('searchOption', 'All'));
			assert.match(misspelt.fault!, /session/i);
			assert.match((await searchContacts(sandbox.url, session, { searchOption: 'Naam' })).fault!, /Instance validation error: 'Naam' is not a valid value/);
			assert.match((await searchContacts(sandbox.url, session, { active: 'Yes' })).fault!, /'Yes' is not a valid value/);
			// Contact operations are on Contact.asmx only.
			const wrongService = await soapCall(sandbox.url, 'Accounting', 'SearchContacts', param('sessionID', session));
			assert.match(wrongService.fault!, /did not recognize the value of HTTP Header SOAPAction/);
		}));

	it('tells customers from suppliers by their ledger', () =>
		withSandbox(async (sandbox, session) => {
			const suppliers = contacts(await suppliersAndCustomers(sandbox.url, session, { contactType: 'Supplier' }));
			assert.deepEqual(suppliers.map((contact) => childText(contact, 'Name')), ['Kantoorhuis Nederland B.V.']);
			assert.equal(childText(suppliers[0], 'IsSupplier'), 'True');
			assert.equal(childText(suppliers[0], 'IsCustomer'), 'False');
			const customers = names(await suppliersAndCustomers(sandbox.url, session, { contactType: 'Customer' }));
			assert.ok(customers.includes('Bakkerij De Korenaar') && !customers.includes('Kantoorhuis Nederland B.V.'));
			assert.deepEqual(names(await suppliersAndCustomers(sandbox.url, session, { contactType: 'None' })), ['Drukkerij Het Oosten (opgeheven)']);
			// A contact an invoice creates becomes a customer.
			await importSales(sandbox.url, session, salesInvoiceXml({ reference: 'C-1', fullName: 'Nieuwe Klant B.V.' }));
			assert.ok(names(await suppliersAndCustomers(sandbox.url, session, { contactType: 'Customer' })).includes('Nieuwe Klant B.V.'));
		}));

	it('creates a contact, then updates it by ID or by code, answering Yuki\'s ContactResponse', () =>
		withSandbox(async (sandbox, session) => {
			const created = contactResponse(
				await updateContact(sandbox.url, session, contactDocument([['ID', ''], ['Type', '0'], ['Code', 'K2000'], ['FirstName', 'Jan'], ['LastName', 'Bos'], ['FullName', 'Jan Bos'], ['PostCode', '1011 AA'], ['City', 'Amsterdam'], ['Country', 'NL'], ['EmailWork', 'jan@bos.example']])),
			);
			const match = /^Succesfully created Contact ([0-9a-f-]{36})$/.exec(created.Succeeded);
			assert.ok(match, created.Succeeded);
			assert.match(created.TimeStamp, /^\d{4}-\d{2}-\d{2}$/);
			const [found] = contacts(await searchContacts(sandbox.url, session, { searchOption: 'ID', searchValue: match[1] }));
			assert.equal(childText(found, 'Type'), 'Person');
			assert.equal(childText(found, 'Postcode'), '1011 AA');
			assert.equal(childText(found, 'EMailWork'), 'jan@bos.example');
			const hid = Number(childText(found, 'HID'));
			assert.ok(hid > 5);

			const byId = contactResponse(await updateContact(sandbox.url, session, contactDocument([['ID', match[1]], ['City', 'Haarlem']])));
			assert.equal(byId.Succeeded, `Succesfully updated Contact ${match[1]}`);
			const byCode = contactResponse(await updateContact(sandbox.url, session, contactDocument([['Code', 'K2000'], ['PhoneWork', '023-1234567']])));
			assert.equal(byCode.Succeeded, `Succesfully updated Contact ${match[1]}`);
			const [updated] = contacts(await searchContacts(sandbox.url, session, { searchOption: 'ID', searchValue: match[1] }));
			assert.equal(childText(updated, 'City'), 'Haarlem');
			assert.equal(childText(updated, 'PhoneWork'), '023-1234567');
			assert.equal(childText(updated, 'Postcode'), '1011 AA'); // left out = kept
			assert.equal(Number(childText(updated, 'HID')), hid);
		}));

	it('refuses a contact that does not follow Contact.xsd, and reports an unknown ID as Failed', () =>
		withSandbox(async (sandbox, session) => {
			const before = sandbox.state.contacts.length;
			assert.match((await updateContact(sandbox.url, session, contactDocument([['FullName', 'X'], ['Code', 'K1']]))).fault!, /Code is out of order/);
			assert.match((await updateContact(sandbox.url, session, contactDocument([['FullName', 'X']], 'urn:xmlns:http://www.theyukicompany.com:contacts'))).fault!, /namespace/);
			assert.match((await updateContact(sandbox.url, session, contactDocument([['Type', '1'], ['FullName', 'X']]))).fault!, /Type is invalid: allowed values are 0 \(person\) and 2 \(company\)/);
			assert.match((await updateContact(sandbox.url, session, contactDocument([['FullName', 'X'], ['Zipcode', '1234 AB']]))).fault!, /Zipcode is not expected/);
			const escaped = await soapCall(sandbox.url, 'Contact', 'UpdateContact', param('sessionID', session) + param('domainID', DEMO.domainId) + param('xmlDoc', contactDocument([['FullName', 'X']])));
			assert.match(escaped.fault!, /not as an escaped string/);
			const unknown = contactResponse(await updateContact(sandbox.url, session, contactDocument([['ID', '11111111-2222-4333-8444-555555555555'], ['City', 'Lelystad']])));
			assert.equal(unknown.Succeeded, undefined);
			assert.match(unknown.Failed, /cannot be found/);
			assert.equal(sandbox.state.contacts.length, before);
			assert.equal((await updateContact(sandbox.url, session, `<Contact xmlns="${CONTACT_NS}"><Type>2</Type></Contact>`)).status, 200);
			assert.equal(sandbox.state.contacts.length, before, 'a contact without FullName is not created');
		}));

	it('works for a department key too: the Contact service is per domain', async () => {
		await withSandbox(async (sandbox) => {
			const session = await authenticate(sandbox.url, DEMO.departmentAccessKey);
			assert.ok(names(await searchContacts(sandbox.url, session)).length >= 5);
		});
	});
});
