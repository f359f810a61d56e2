import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../../nodes/Yuki/documents/inspect';
import { journalDocument } from '../../../../nodes/Yuki/documents/journal';
import { describeIssues, validateRecord } from '../../../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../../../nodes/Yuki/documents/xml';
import { readXml } from '../../../../nodes/Yuki/documents/xmlReader';

const ADMINISTRATION = '3b0b6a5e-8b8f-4d3a-9b53-0b6a6f8e2c11';

function journalInput(overrides: Record<string, unknown> = {}) {
	return {
		administrationId: ADMINISTRATION,
		documentSubject: 'Correction VAT Q1',
		journalType: 'GeneralJournal',
		journalEntry: [
			{ entryDate: '2024-03-31', glAccount: '4500', amount: '121.00', description: 'Office costs' },
			{ entryDate: '2024-03-31', glAccount: '1600', amount: -121, contactCode: 'C-1001', contactName: 'Kantoorartikelen Jansen' },
		],
		...overrides,
	};
}

describe('journal document', () => {
	it('writes Journal with its fields and the entries repeated directly under it, in described order', () => {
		const result = validateRecord(journalDocument, journalInput());
		if (!result.ok) assert.fail(describeIssues(result.issues, 0));
		const xml = buildDocument(journalDocument, [result.record]);
		assert.ok(xml.startsWith('<Journal xmlns="urn:xmlns:http://www.theyukicompany.com:journal"><AdministrationID>'));
		const root = readXml(xml);
		assert.deepEqual(
			root.children.map((child) => child.name),
			['AdministrationID', 'DocumentSubject', 'JournalType', 'JournalEntry', 'JournalEntry'],
		);
		assert.deepEqual(
			root.children[4].children.map((child) => child.name),
			['ContactName', 'ContactCode', 'EntryDate', 'GLAccount', 'Amount'],
		);
		assert.equal(root.children[4].children[4].text, '-121.00');
		assert.deepEqual(parseDocument(journalDocument, xml), [result.record]);
	});

	it('refuses a journal that does not balance, naming both totals and the difference', () => {
		const input = journalInput();
		input.journalEntry[1].amount = '-120.99';
		const result = validateRecord(journalDocument, input);
		assert.equal(result.ok, false);
		const text = result.ok ? '' : describeIssues(result.issues, 3);
		assert.match(text, /^Item 3: journalEntry \(Entries\) does not balance: total debit 121\.00, total credit 120\.99, difference 0\.01/);
	});

	it('refuses a journal that balances overall but not on each entry date', () => {
		const input = journalInput({
			journalEntry: [
				{ entryDate: '2024-03-30', glAccount: '4500', amount: '50.00' },
				{ entryDate: '2024-03-31', glAccount: '1600', amount: '-50.00' },
			],
		});
		const result = validateRecord(journalDocument, input);
		const text = result.ok ? '' : describeIssues(result.issues, 0);
		assert.match(text, /does not balance on 2024-03-30: total debit 50\.00, total credit 0\.00/);
		assert.match(text, /does not balance on 2024-03-31/);
	});

	it('needs at least two entries, each with date, GL account and amount', () => {
		const result = validateRecord(journalDocument, journalInput({ journalEntry: [{ entryDate: '2024-03-31', amount: '0' }] }));
		assert.equal(result.ok, false);
		const text = result.ok ? '' : describeIssues(result.issues, 0);
		assert.match(text, /journalEntry \(Entries\) has 1 entries \(allowed: 2 to 1000 entries\)/);
	});

	it('balances exactly, also over many entries given as JS numbers', () => {
		const entries = Array.from({ length: 10 }, () => ({ entryDate: '2024-03-31', glAccount: '4500', amount: 0.1 }));
		const result = validateRecord(journalDocument, journalInput({ journalEntry: [...entries, { entryDate: '2024-03-31', glAccount: '1600', amount: -1 }] }));
		assert.equal(result.ok, true, result.ok ? '' : describeIssues(result.issues, 0));
	});
});
