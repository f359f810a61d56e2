import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import type { RunningSandbox } from '../../sandbox/server';
import { textOf } from '../../sandbox/xml';
import { childText, findAll, param, soapCall } from './soapHelpers';
import { PDF_BASE64, withSandbox } from './support';

function upload(sandbox: RunningSandbox, session: string, overrides: Partial<Record<string, string>> = {}) {
	const values: Record<string, string> = {
		sessionID: session,
		fileName: 'bonnetje.pdf',
		data: PDF_BASE64,
		folder: String(DEMO.expenseClaimFolder),
		administrationID: DEMO.organisation.id,
		currency: 'EUR',
		amount: '42.50',
		costCategory: '4600',
		paymentMethod: '0',
		project: '',
		remarks: 'Treinkaartje Utrecht–Amsterdam',
		...overrides,
	};
	const order = ['sessionID', 'fileName', 'data', 'folder', 'administrationID', 'currency', 'amount', 'costCategory', 'paymentMethod', 'project', 'remarks'];
	return soapCall(sandbox.url, 'Archive', 'UploadDocumentWithData', order.map((name) => param(name, values[name])).join(''));
}

describe('sandbox Archive, Vat and AccountingInfo services', () => {
	it('lists the archive folders, including the one for expense claims', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await soapCall(sandbox.url, 'Archive', 'DocumentFolders', param('sessionID', session));
			const folders = findAll(answer.result!, 'DocumentFolder').map((folder) => [folder.attrs.ID, childText(folder, 'Description'), childText(folder, 'ProcessedByYuki')]);
			assert.ok(folders.some(([id, name, processed]) => id === String(DEMO.expenseClaimFolder) && name === 'Onkostendeclaraties' && processed === 'True'));
			assert.match(answer.body, /<DocumentFoldersResult><DocumentFolders xmlns=""><DocumentFolder ID="7"><Description>[^<]+<\/Description><Icon>DocumentFolder_yellow_label\.png<\/Icon><ProcessedByYuki>True<\/ProcessedByYuki><\/DocumentFolder>/);
		}));

	it('stores an uploaded document and answers its GUID', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await upload(sandbox, session);
			assert.equal(answer.status, 200);
			const id = textOf(answer.result!);
			assert.match(id, /^[0-9a-f-]{36}$/);
			const stored = sandbox.state.documents.find((document) => document.id === id)!;
			assert.equal(stored.folder, DEMO.expenseClaimFolder);
			assert.equal(stored.amount, '42.50');
			assert.equal(stored.remarks, 'Treinkaartje Utrecht–Amsterdam');
			assert.equal(Buffer.from(stored.dataBase64, 'base64').toString('base64'), PDF_BASE64);
		}));

	it('refuses an unknown folder, empty or broken data, a bad amount, and misordered parameters', () =>
		withSandbox(async (sandbox, session) => {
			const before = sandbox.state.documents.length;
			assert.match((await upload(sandbox, session, { folder: '999' })).fault!, /folder 999/i);
			assert.match((await upload(sandbox, session, { folder: 'eight' })).fault!, /not in a correct format/);
			assert.match((await upload(sandbox, session, { data: '' })).fault!, /data/);
			assert.match((await upload(sandbox, session, { data: 'not base64!' })).fault!, /base64/);
			assert.match((await upload(sandbox, session, { amount: '42,50' })).fault!, /not a valid decimal/);
			const misordered = await soapCall(
				sandbox.url,
				'Archive',
				'UploadDocumentWithData',
				param('sessionID', session) + param('data', PDF_BASE64) + param('fileName', 'x.pdf') + param('folder', '8'),
			);
			assert.equal(misordered.status, 500); // fileName after data is ignored: no file name
			assert.equal(sandbox.state.documents.length, before);
		}));

	it('lists the VAT codes of an administration like Yuki\'s typed result', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await soapCall(sandbox.url, 'Vat', 'ActiveVATCodesList', param('sessionID', session) + param('administrationID', DEMO.organisation.id));
			const codes = findAll(answer.result!, 'VATCode');
			const pairs = codes.map((code) => `${childText(code, 'type')}/${childText(code, 'percentage')}`);
			for (const pair of ['1/21.00', '2/9.00', '3/0.00', '17/0.00', '11/21.00', '11/9.00', '16/0.00']) assert.ok(pairs.includes(pair), pair);
			assert.match(answer.body, /<VATCode><description>BTW hoog 21%<\/description><type>1<\/type><typeDescription>VAT high, sales<\/typeDescription><percentage>21\.00<\/percentage><startDate xsi:nil="true" \/><endDate xsi:nil="true" \/><\/VATCode>/);
			assert.ok(codes.some((code) => childText(code, 'country') === 'FR'));
		}));

	it('lists the GL account scheme as typed GlAccount records in Yuki\'s namespace, with Yuki\'s "descripton" spelling', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await soapCall(sandbox.url, 'AccountingInfo', 'GetGLAccountScheme', param('sessionID', session) + param('administrationID', DEMO.organisation.id));
			const accounts = findAll(answer.result!, 'GlAccount');
			assert.ok(accounts.every((account) => account.ns === 'http://www.theyukicompany.com/'));
			const omzet = accounts.find((account) => childText(account, 'code') === '8000')!;
			assert.deepEqual(
				omzet.children.filter((child) => typeof child !== 'string').map((child) => (child as { local: string }).local).slice(0, 5),
				['code', 'type', 'subtype', 'isEnabled', 'descripton'],
			);
			assert.equal(childText(omzet, 'descripton'), 'Omzet');
			assert.equal(childText(omzet, 'subtype'), '80');
			assert.equal(childText(omzet, 'isEnabled'), 'true');
			assert.ok(accounts.some((account) => childText(account, 'isEnabled') === 'false'));
			assert.doesNotMatch(answer.body, /glAccount|subType|xmlns=""/);
		}));

	it('lists domains and administrations with the ID as an attribute', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await soapCall(sandbox.url, 'Accounting', 'Administrations', param('sessionID', session));
			const [organisation] = findAll(answer.result!, 'Administration');
			assert.equal(organisation.attrs.ID, DEMO.organisation.id);
			assert.equal(childText(organisation, 'Name'), DEMO.organisation.name);
			assert.equal(childText(organisation, 'DomainID'), DEMO.domainId);
			assert.equal(childText(organisation, 'Active'), 'true');
			const domains = await soapCall(sandbox.url, 'Accounting', 'Domains', param('sessionID', session));
			assert.equal(findAll(domains.result!, 'Domain')[0].attrs.ID, DEMO.domainId);
		}));
});
