import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import { textOf } from '../../sandbox/xml';
import { authenticate, items, outstanding, param, soapCall } from './soapHelpers';
import { JOURNAL_NS, documentBinaryData, findDocument, journalDocument, processJournal } from './serviceCalls';
import { withSandbox } from './support';

const balanced = [
	{ glAccount: '4000', amount: '2500.00', description: 'Salarissen november' },
	{ glAccount: '1100', amount: '-2500.00', description: 'Salarissen november' },
];

describe('sandbox Accounting.ProcessJournal', () => {
	it('books a balanced journal, answers its document GUID and archives it', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await processJournal(sandbox.url, session, journalDocument('Salarissen november', balanced));
			assert.equal(answer.status, 200, answer.fault);
			const documentId = textOf(answer.result!);
			const [journal] = sandbox.state.journals;
			assert.equal(journal.documentId, documentId);
			assert.deepEqual(journal.entries.map((entry) => entry.amount), ['2500.00', '-2500.00']);
			assert.equal((await findDocument(sandbox.url, session, documentId)).status, 200);
			const pdf = Buffer.from(textOf((await documentBinaryData(sandbox.url, session, documentId)).result!), 'base64');
			assert.match(pdf.toString('latin1'), /Memoriaal: Salarissen november/);
		}));

	it('refuses an unbalanced journal, and one that balances overall but not per date, booking nothing', () =>
		withSandbox(async (sandbox, session) => {
			const unbalanced = await processJournal(sandbox.url, session, journalDocument('Scheef', [{ glAccount: '4000', amount: '10.00' }, { glAccount: '1100', amount: '-9.99' }]));
			assert.match(unbalanced.fault!, /not balanced: its entries add up to 0\.01/);
			const perDate = await processJournal(
				sandbox.url,
				session,
				journalDocument('Twee dagen', [
					{ date: '2025-11-01', glAccount: '4000', amount: '10.00' },
					{ date: '2025-11-02', glAccount: '1100', amount: '-10.00' },
				]),
			);
			assert.match(perDate.fault!, /2025-11-01 are not balanced/);
			assert.equal(sandbox.state.journals.length, 0);
		}));

	it('checks GL accounts, the closed period, the administration and contact codes', () =>
		withSandbox(async (sandbox, session) => {
			const fault = async (xml: string, administrationId?: string) => (await processJournal(sandbox.url, session, xml, administrationId)).fault;
			assert.match((await fault(journalDocument('X', [{ glAccount: '9999', amount: '1.00' }, { glAccount: '1100', amount: '-1.00' }])))!, /GL account 9999 cannot be found/);
			assert.equal(await fault(journalDocument('X', [{ glAccount: '4990', amount: '1.00' }, { glAccount: '1100', amount: '-1.00' }])), 'Cannot book this transaction line because the GLAccount is disabled');
			assert.match((await fault(journalDocument('X', [{ date: '2023-12-31', glAccount: '4000', amount: '1.00' }, { date: '2023-12-31', glAccount: '1100', amount: '-1.00' }])))!, /before 01-01-2024/);
			assert.match((await fault(journalDocument('X', balanced), DEMO.department.id))!, /does not match administrationID/);
			assert.match((await fault(journalDocument('X', [{ glAccount: '1300', amount: '1.00', contactCode: 'NOPE' }, { glAccount: '8000', amount: '-1.00' }])))!, /code NOPE cannot be found/);
			assert.equal((await processJournal(sandbox.url, session, journalDocument('Via KvK', balanced, [['AdministrationCoCNumber', '12345678']]))).status, 200);
			assert.equal(sandbox.state.journals.length, 1);
		}));

	it('follows Journal.xsd: namespace, element order, entries after the header, decimals; not as an escaped string', () =>
		withSandbox(async (sandbox, session) => {
			const fault = async (xml: string) => (await processJournal(sandbox.url, session, xml)).fault ?? '';
			assert.match(await fault(journalDocument('X', balanced).replace(JOURNAL_NS, 'urn:xmlns:http://www.theyukicompany.com:journals')), /must be in namespace/);
			assert.match(await fault(journalDocument('X', balanced).replace('<EntryDate>2025-11-30</EntryDate><GLAccount>4000</GLAccount>', '<GLAccount>4000</GLAccount><EntryDate>2025-11-30</EntryDate>')), /EntryDate is out of order/);
			assert.match(await fault(journalDocument('X', balanced).replace('</Journal>', '<ProjectCode>INTERN</ProjectCode></Journal>')), /ProjectCode is out of order: it must come before JournalEntry/);
			assert.match(await fault(journalDocument('X', [{ glAccount: '4000', amount: '1.005' }, { glAccount: '1100', amount: '-1.005' }])), /at most 2 decimals/);
			assert.match(await fault(journalDocument('X', [])), /holds no JournalEntry/);
			assert.match(await fault(journalDocument('X', balanced).replace('GeneralJournal', 'Memoriaal')), /JournalType is invalid/);
			const escaped = await soapCall(sandbox.url, 'Accounting', 'ProcessJournal', param('sessionID', session) + param('administrationID', DEMO.organisation.id) + param('xmlDoc', journalDocument('X', balanced)));
			assert.match(escaped.fault!, /not as an escaped string/);
			const wrongCase = await soapCall(sandbox.url, 'Accounting', 'ProcessJournal', param('sessionID', session) + param('administrationId', DEMO.organisation.id) + `<xmlDoc>${journalDocument('X', balanced)}</xmlDoc>`);
			assert.match(wrongCase.fault!, /session/i);
			assert.equal(sandbox.state.journals.length, 0);
		}));

	it('leaves an open item of type 21 for a line on the debtors account with a contact', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await processJournal(
				sandbox.url,
				session,
				journalDocument('Doorbelaste kosten K1002', [
					{ glAccount: '1300', amount: '75.00', contactCode: 'K1002', description: 'Doorbelasting' },
					{ glAccount: '8000', amount: '-75.00', description: 'Doorbelasting' },
				]),
			);
			assert.equal(answer.status, 200, answer.fault);
			const item = items(await outstanding(sandbox.url, session, 'Debtor')).find((candidate) => candidate.Reference === 'Doorbelaste kosten K1002')!;
			assert.equal(item.typeId, '21');
			assert.equal(item.OpenAmount, '75.00');
			assert.equal(item.Contact, 'Jansen Installatietechniek');
			assert.equal(item.DocumentID, textOf(answer.result!));
		}));

	it('only for an administration the key reaches', () =>
		withSandbox(async (sandbox) => {
			const departmentSession = await authenticate(sandbox.url, DEMO.departmentAccessKey);
			const answer = await processJournal(sandbox.url, departmentSession, journalDocument('X', balanced));
			assert.match(answer.fault!, /cannot be reached/);
		}));
});
