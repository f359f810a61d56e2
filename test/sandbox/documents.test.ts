import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import { textOf } from '../../sandbox/xml';
import type { XmlElement } from '../../sandbox/xml';
import { authenticate, authenticateClient, childText, findAll, importSales, items, outstanding, param, processPurchase, purchaseInvoiceXml, salesInvoiceXml, soapCall } from './soapHelpers';
import type { SoapAnswer } from './soapHelpers';
import { archiveList, archiveProjects, documentBinaryData, findDocument, searchDocuments } from './serviceCalls';
import { PDF_BASE64, withSandbox } from './support';

function documents(answer: SoapAnswer): XmlElement[] {
	assert.equal(answer.status, 200, answer.fault ?? answer.body);
	return findAll(answer.result!, 'Document');
}
const ids = (answer: SoapAnswer) => documents(answer).map((document) => document.attrs.ID);

async function download(url: string, session: string, id: string): Promise<Buffer> {
	const answer = await documentBinaryData(url, session, id);
	assert.equal(answer.status, 200, answer.fault ?? answer.body);
	return Buffer.from(textOf(answer.result!), 'base64');
}

function upload(url: string, session: string, fileName: string, data: string, remarks = '') {
	const values = [session, fileName, data, String(DEMO.expenseClaimFolder), DEMO.organisation.id, 'EUR', '12.50', '4600', '2', 'INTERN', remarks];
	const order = ['sessionID', 'fileName', 'data', 'folder', 'administrationID', 'currency', 'amount', 'costCategory', 'paymentMethod', 'project', 'remarks'];
	return soapCall(url, 'Archive', 'UploadDocumentWithData', order.map((name, index) => param(name, values[index])).join(''));
}

describe('sandbox Archive lists', () => {
	it('lists payment methods, cost categories and projects for an expense claim', () =>
		withSandbox(async (sandbox, session) => {
			const methods = findAll((await archiveList(sandbox.url, session, 'PaymentMethods')).result!, 'PaymentMethod');
			assert.ok(methods.some((method) => method.attrs.ID === '2' && childText(method, 'Description') === 'Privé betaald (declaratie)'));
			const categories = findAll((await archiveList(sandbox.url, session, 'CostCategories')).result!, 'CostCategory');
			assert.ok(categories.some((category) => category.attrs.ID === '4600'));
			const projects = findAll((await archiveProjects(sandbox.url, session)).result!, 'Project');
			assert.deepEqual(projects.map((project) => childText(project, 'code')), ['KORENAAR-WEB', 'INTERN', 'JANSEN-2024']);
			assert.equal(childText(projects[1], 'endDate'), '0001-01-01T00:00:00');
			const department = findAll((await archiveProjects(sandbox.url, session, DEMO.department.id)).result!, 'Project');
			assert.deepEqual(department.map((project) => childText(project, 'code')), ['TRAINING-OOST']);
		}));
});

describe('sandbox Archive documents: search, find, download', () => {
	it('finds and downloads an uploaded expense claim, byte for byte', () =>
		withSandbox(async (sandbox, session) => {
			const uploaded = await upload(sandbox.url, session, 'lunch-klant.pdf', PDF_BASE64, 'Lunch met klant');
			const id = textOf(uploaded.result!);
			const [found] = documents(await findDocument(sandbox.url, session, id));
			assert.equal(found.attrs.ID, id);
			assert.equal(childText(found, 'FileName'), 'lunch-klant.pdf');
			assert.equal(childText(found, 'ContentType'), 'application/pdf');
			assert.equal(childText(found, 'FileSize'), String(Buffer.from(PDF_BASE64, 'base64').length));
			assert.equal(childText(found, 'Amount'), '12.50');
			const folder = found.children.find((child) => typeof child !== 'string' && child.local === 'Folder') as XmlElement;
			assert.equal(folder.attrs.ID, String(DEMO.expenseClaimFolder));
			assert.equal(textOf(folder), 'Onkostendeclaraties');
			assert.deepEqual(await download(sandbox.url, session, id), Buffer.from(PDF_BASE64, 'base64'));
			assert.ok(ids(await searchDocuments(sandbox.url, session, { searchText: 'lunch' })).includes(id));
			assert.ok(ids(await searchDocuments(sandbox.url, session, { folderID: String(DEMO.expenseClaimFolder) })).includes(id));
		}));

	it('archives the PDF of a booked purchase invoice and of a booked sales invoice; the open item points to it', () =>
		withSandbox(async (sandbox, session) => {
			const clientSession = await authenticateClient(sandbox.url);
			assert.equal((await processPurchase(sandbox.url, clientSession, purchaseInvoiceXml({ reference: 'ARCH-1' }))).status, 200);
			const creditor = items(await outstanding(sandbox.url, session, 'Creditor')).find((item) => item.Reference === 'ARCH-1')!;
			assert.deepEqual(await download(sandbox.url, session, creditor.DocumentID), Buffer.from(PDF_BASE64, 'base64'));
			const [purchaseDocument] = documents(await findDocument(sandbox.url, session, creditor.DocumentID));
			assert.equal(childText(purchaseDocument, 'Type'), '2');
			assert.equal(childText(purchaseDocument, 'FileName'), 'factuur.pdf');
			assert.equal(childText(purchaseDocument, 'ContactName'), 'Nieuwe Leverancier B.V.');

			await importSales(sandbox.url, session, salesInvoiceXml({ reference: 'ARCH-2' }));
			const debtor = items(await outstanding(sandbox.url, session, 'Debtor')).find((item) => item.Reference === 'ARCH-2')!;
			const pdf = await download(sandbox.url, session, debtor.DocumentID);
			assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
			assert.match(pdf.toString('latin1'), /Factuur ARCH-2/);
			const hits = documents(await searchDocuments(sandbox.url, session, { searchOption: 'Type', searchText: 'Verkoopfactuur', startDate: '2025-11-02', endDate: '2025-11-30' }));
			assert.deepEqual(hits.map((hit) => hit.attrs.ID), [debtor.DocumentID]);
			assert.equal(childText(hits[0], 'TypeDescription'), 'Verkoopfactuur');
		}));

	it('every open item has its document, the demo\'s and bulk-seeded ones too', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.seedOpenItems(3);
			for (const item of sandbox.state.items) {
				const [found] = documents(await findDocument(sandbox.url, session, item.documentId));
				assert.equal(found?.attrs.ID, item.documentId, item.reference);
			}
		}));

	it('searches with -1 for all folders and tabs and 0001-01-01 for all years; filters by folder, tab, dates and option', () =>
		withSandbox(async (sandbox, session) => {
			const all = ids(await searchDocuments(sandbox.url, session));
			// The demo archive: the document of every open item (stored documents come on top).
			assert.deepEqual([...all].sort(), sandbox.state.items.map((item) => item.documentId).sort());
			assert.equal(ids(await searchDocuments(sandbox.url, session, { folderID: '1' })).length, 2);
			assert.equal(ids(await searchDocuments(sandbox.url, session, { folderID: '2', tabID: '201' })).length, 6);
			assert.equal(ids(await searchDocuments(sandbox.url, session, { folderID: '2', tabID: '999' })).length, 0);
			assert.equal(ids(await searchDocuments(sandbox.url, session, { startDate: '2025-10-01', endDate: '2025-10-31' })).length, 5);
			const bakery = documents(await searchDocuments(sandbox.url, session, { searchOption: 'Contact', searchText: 'korenaar' }));
			assert.equal(bakery.length, 2);
			assert.ok(bakery.every((hit) => childText(hit, 'ContactName') === 'Bakkerij De Korenaar'));
			assert.equal(ids(await searchDocuments(sandbox.url, session, { searchOption: 'Subject', searchText: 'korenaar' })).length, 2);
			assert.match((await searchDocuments(sandbox.url, session, { searchOption: 'Everything' })).fault!, /not a valid value for SearchOption/);
			assert.match((await searchDocuments(sandbox.url, session, { sortOrder: 'Newest' })).fault!, /not a valid value for DocumentSortOrder/);
		}));

	it('pages with numberOfRecords and a 1-based startRecord, in the sort order asked', () =>
		withSandbox(async (sandbox, session) => {
			const all = ids(await searchDocuments(sandbox.url, session, { sortOrder: 'DocumentDateAsc' }));
			const page1 = ids(await searchDocuments(sandbox.url, session, { numberOfRecords: '3', startRecord: '1' }));
			const page2 = ids(await searchDocuments(sandbox.url, session, { numberOfRecords: '3', startRecord: '4' }));
			assert.deepEqual([...page1, ...page2], all.slice(0, 6));
			assert.deepEqual(ids(await searchDocuments(sandbox.url, session, { numberOfRecords: '3', startRecord: '0' })), page1);
			// numberOfRecords is an s:int Yuki requires: left out it reads as 0, so nothing comes back.
			assert.deepEqual(ids(await searchDocuments(sandbox.url, session, { numberOfRecords: undefined })), []);
			const newestFirst = ids(await searchDocuments(sandbox.url, session, { sortOrder: 'DocumentDateDesc' }));
			assert.deepEqual(newestFirst, [...all].reverse());
		}));

	it('keeps documents to the administrations the access key reaches; an unknown document is not found', () =>
		withSandbox(async (sandbox, session) => {
			const departmentSession = await authenticate(sandbox.url, DEMO.departmentAccessKey);
			const organisationDocument = sandbox.state.items.find((item) => item.administrationId === DEMO.organisation.id)!.documentId;
			assert.deepEqual(documents(await findDocument(sandbox.url, departmentSession, organisationDocument)), []);
			assert.match((await documentBinaryData(sandbox.url, departmentSession, organisationDocument)).fault!, /cannot be found/);
			assert.equal(documents(await findDocument(sandbox.url, session, organisationDocument)).length, 1);
			assert.deepEqual(ids(await searchDocuments(sandbox.url, departmentSession)), ['d0ca0000-0000-4000-8000-000000000006']);
			assert.deepEqual(documents(await findDocument(sandbox.url, session, '11111111-2222-4333-8444-555555555555')), []);
		}));
});
