/**
 * Journal → Create through n8n's engine against the sandbox: a balanced journal is booked in one
 * call, an unbalanced one never leaves n8n, and a repeatable run is refused.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { INodeParameters } from 'n8n-workflow';
import type { RunningSandbox, YukiCredentialData } from '../../../../helpers';
import { runWorkflow, runYukiNode, sandboxPerSuite, START_NODE_TYPE, YUKI_NODE_TYPE } from '../../../../helpers';

const create = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'journal', operation: 'create', documentSource: 'json', ...extra });

const journal = (amount = '-121.00') => ({
	documentSubject: 'Correction VAT Q1',
	journalEntry: [
		{ entryDate: '2024-03-31', glAccount: '4500', amount: '121.00', description: 'Office costs' },
		{ entryDate: '2024-03-31', glAccount: '8000', amount, description: 'Correction' },
	],
});

describe('Journal → Create', () => {
	let sandbox: RunningSandbox;
	let credentials: YukiCredentialData;
	sandboxPerSuite((opened, credential) => {
		sandbox = opened;
		credentials = credential;
	});
	let mark = 0;
	// Booked ones: after a sandbox reset the first call may meet a forgotten session and be refused.
	const journalCalls = () => sandbox.calls.slice(mark).filter((call) => call.operation === 'ProcessJournal' && call.ok).length;
	beforeEach(() => {
		sandbox.reset();
		mark = sandbox.calls.length;
	});

	it('books a balanced journal in one call and returns Yuki’s document ID with the totals', async () => {
		const run = await runYukiNode({ parameters: create(), items: [{ json: journal() }], credentials });
		assert.equal(run.error, undefined, run.error?.message);
		const [item] = run.items;
		assert.deepEqual(item.pairedItem, { item: 0 });
		assert.equal(item.json.status, 'booked');
		assert.match(String(item.json.documentId), /^[0-9a-f-]{36}$/i);
		assert.deepEqual(
			{ entries: item.json.entries, totalDebit: item.json.totalDebit, totalCredit: item.json.totalCredit, administrationId: item.json.administrationId },
			{ entries: 2, totalDebit: '121.00', totalCredit: '121.00', administrationId: sandbox.demo.administrationId },
		);
		assert.equal(journalCalls(), 1);
	});

	it('sends nothing when the journal does not balance, naming both totals; the other items go on', async () => {
		const run = await runYukiNode({
			parameters: create(),
			items: [{ json: journal('-120.00') }, { json: journal() }],
			credentials,
			continueOnFail: true,
		});
		assert.match(String(run.items[0].json.error), /^Item 0: journalEntry \(Entries\) does not balance: total debit 121\.00, total credit 120\.00, difference 1\.00/);
		assert.equal(run.items[1].json.status, 'booked');
		assert.deepEqual(run.items.map((item) => item.pairedItem), [{ item: 0 }, { item: 1 }]);
		assert.equal(journalCalls(), 1);
	});

	it('refuses to run with Retry On Fail, since Yuki cannot recognise a journal it already has', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{ name: 'Start', type: START_NODE_TYPE, parameters: {} },
					{ name: 'Yuki', type: YUKI_NODE_TYPE, parameters: create(), retryOnFail: true, maxTries: 2 },
				],
				connections: { Start: { main: [[{ node: 'Yuki', type: 'main', index: 0 }]] } },
			},
			{ credentials, startItems: [{ json: journal() }] },
		);
		assert.match(result.error?.message ?? '', /does not run with "Retry On Fail"/);
		assert.equal(journalCalls(), 0);
	});

	it('builds the XML without calling Yuki in a dry run', async () => {
		const run = await runYukiNode({ parameters: create({ options: { dryRun: true } }), items: [{ json: journal() }], credentials });
		assert.match(String(run.items[0].json.xml), /^<Journal xmlns="urn:xmlns:http:\/\/www\.theyukicompany\.com:journal"><AdministrationID>[^<]+<\/AdministrationID><DocumentSubject>Correction VAT Q1<\/DocumentSubject><JournalType>GeneralJournal<\/JournalType><JournalEntry>/);
		assert.equal(journalCalls(), 0);
	});
});
