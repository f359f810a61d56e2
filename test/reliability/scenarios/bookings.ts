/**
 * Issue 9, bookings and uploads (failures 4, 5, 7, 8, 9, 10, 13, 15): an invoice or receipt
 * reaches Yuki once, never twice, under lost answers, odd answers, n8n's Retry On Fail, webhooks
 * delivered twice and bad input; when the node cannot know, it says "unknown", never "rejected".
 */
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { FaultKind, RunningSandbox } from '../../../sandbox/server';
import type { TestItem } from '../../helpers';
import { BAD_INPUT_GROUPS } from '../badInputs';
import { closeSandbox, credentialsFor, openSandbox, runNode } from '../env';
import type { CapturedRun } from '../env';
import { countItems, figures } from '../figures';
import type { HostileProxy } from '../proxy';
import { dropInvoiceEntries, setTotal, startHostileProxy } from '../proxy';
import { salesInvoiceInput, samplePdf } from '../samples';
import { doubleBookingsIn, duplicateUploadsIn, scenario } from '../scenario';

const SALES: INodeParameters = { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' };
const UPLOAD: INodeParameters = { resource: 'expenseClaim', operation: 'upload', binaryPropertyName: 'data', amount: '={{ $json.amount }}', folderId: 8 };
/** n8n's Retry On Fail, with the shortest wait n8n allows (it waits at least a second when 0 is given). */
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };

const invoices = (...references: string[]): TestItem[] => references.map((reference) => ({ json: salesInvoiceInput.json(reference) }));
const receipt = (amount: string | number, extra: IDataObject = {}, data: Buffer = samplePdf): TestItem => ({
	json: { amount, ...extra },
	binary: { data: { data, fileName: 'receipt.pdf', mimeType: 'application/pdf' } },
});

const calls = (sandbox: RunningSandbox, operation: string) => sandbox.calls.filter((call) => call.operation === operation).length;
const timesBooked = (sandbox: RunningSandbox, reference: string) => sandbox.state.invoices.filter((invoice) => invoice.reference === reference).length;
const description = (run: CapturedRun) => String((run.error as { description?: string } | undefined)?.description ?? '');
const statuses = (run: CapturedRun) => run.items.map((item) => item.json.status);

/** Counts what a scenario checked, and asserts nothing of it is in Yuki twice. */
function checkOnce(sandbox: RunningSandbox, checked: number): void {
	figures.trustChecks += checked;
	assert.equal(doubleBookingsIn(sandbox), 0, 'an invoice is booked twice');
	assert.equal(duplicateUploadsIn(sandbox), 0, 'a receipt is uploaded twice');
}

/** Process calls beyond `expected`: each one a resend the node made without proof. */
function resentWithoutProof(sandbox: RunningSandbox, operation: string, before: number, expected: number): number {
	const extra = Math.max(0, calls(sandbox, operation) - before - expected);
	figures.resentWithoutProof += extra;
	return extra;
}

/** Called by the suite (reliability.test.ts), which loads every file of scenarios/. */
export function describeScenarios(): void {
	describe('trust: bookings and uploads', () => {
		let sandbox: RunningSandbox;
		let proxy: HostileProxy;
		before(async () => {
			sandbox = await openSandbox();
			proxy = await startHostileProxy(sandbox.url);
		});
		after(async () => {
			await proxy.close();
			await closeSandbox(sandbox);
		});
		const credentials = () => credentialsFor(sandbox);
		const throughProxy = () => credentialsFor(sandbox, { customBaseUrl: proxy.url });
		/** A first call of the credential, so that injected faults meet the calls of the scenario and not a sign-in. */
		const warmUp = async () => await runNode('trust warm-up', sandbox, { parameters: { resource: 'administration', operation: 'getMany' }, items: [{ json: {} }], credentials: credentials() });

		for (const kind of ['drop', 'truncated', 'reset-mid-response'] as FaultKind[]) {
			scenario(4, `${kind} after Yuki booked: status "unknown" (may have been booked, check Yuki), not resent; a later delivery confirms the booking`, async () => {
				await warmUp();
				const reference = `T4-${kind}`;
				const staticData: IDataObject = {};
				const before = calls(sandbox, 'ProcessSalesInvoices');
				sandbox.injectFault({ kind, operation: 'ProcessSalesInvoices' });
				const lost = await runNode(`#4 ${kind}`, sandbox, { parameters: SALES, items: invoices(reference), credentials: credentials(), continueOnFail: true, staticData });
				sandbox.clearFaults();
				assert.equal(resentWithoutProof(sandbox, 'ProcessSalesInvoices', before, 1), 0, 'the call was sent again');
				assert.equal(lost.items[0].json.status, 'unknown');
				assert.match(lost.errorsByItem.get(0) ?? '', /may have been booked; check Yuki/);
				assert.equal(timesBooked(sandbox, reference), 1, 'the sandbox booked it before the answer was lost');

				const again = await runNode(`#4 ${kind} redelivered`, sandbox, { parameters: SALES, items: invoices(reference), credentials: credentials(), staticData });
				assert.equal(again.error, undefined, again.error?.message);
				assert.equal(again.items[0].json.status, 'booked');
				assert.equal(again.items[0].json.bookedEarlier, 'lostAnswer');
				assert.match(String(again.items[0].json.message), /is booked: an earlier run sent it .* lost Yuki's answer/);
				checkOnce(sandbox, 1);
			});
		}

		scenario(5, "Yuki's answer lists fewer invoices than were sent: the unaccounted ones are \"unknown\" and never resent", async () => {
			const references = ['T5-1', 'T5-2', 'T5-3', 'T5-4'];
			const before = calls(sandbox, 'ProcessSalesInvoices');
			proxy.rewrite = (operation, body) => (operation === 'ProcessSalesInvoices' ? setTotal(dropInvoiceEntries(body, 2), 'TotalSucceeded', 2) : body);
			const run = await runNode('#5 short answer', sandbox, { parameters: SALES, items: invoices(...references), credentials: throughProxy(), continueOnFail: true });
			proxy.rewrite = undefined;
			assert.equal(resentWithoutProof(sandbox, 'ProcessSalesInvoices', before, 1), 0, 'unaccounted invoices were sent again');
			assert.deepEqual(statuses(run), ['booked', 'booked', 'unknown', 'unknown']);
			assert.match(run.errorsByItem.get(2) ?? '', /T5-3 may have been booked.*only 2 of the 4/);
			for (const reference of references) assert.equal(timesBooked(sandbox, reference), 1, reference);
			checkOnce(sandbox, references.length);
		});

		scenario(5, "Yuki's totals disagree with its entries: every invoice of the call is \"unknown\", none resent", async () => {
			const references = ['T5-5', 'T5-6', 'T5-7'];
			const before = calls(sandbox, 'ProcessSalesInvoices');
			proxy.rewrite = (operation, body) => (operation === 'ProcessSalesInvoices' ? setTotal(body, 'TotalSucceeded', 1) : body);
			const run = await runNode('#5 totals', sandbox, { parameters: SALES, items: invoices(...references), credentials: throughProxy(), continueOnFail: true });
			proxy.rewrite = undefined;
			assert.equal(resentWithoutProof(sandbox, 'ProcessSalesInvoices', before, 1), 0);
			assert.deepEqual(statuses(run), ['unknown', 'unknown', 'unknown']);
			assert.match(run.errorsByItem.get(0) ?? '', /totals .* disagree/);
			checkOnce(sandbox, references.length);
		});

		scenario(7, 'Retry On Fail after a lost answer (Continue On Fail off): the retry books nothing twice and reports every invoice booked', async () => {
			await warmUp();
			const references = ['T7-1', 'T7-2', 'T7-3'];
			sandbox.injectFault({ kind: 'slow', delayMs: 0, operation: 'ProcessSalesInvoices' });
			sandbox.injectFault({ kind: 'drop', operation: 'ProcessSalesInvoices' });
			const run = await runNode('#7 retry', sandbox, { parameters: { ...SALES, options: { batchSize: 2 } }, items: invoices(...references), credentials: credentials(), nodeSettings: RETRY });
			sandbox.clearFaults();
			assert.equal(run.error, undefined, run.error?.message);
			assert.deepEqual(statuses(run), ['booked', 'booked', 'booked']);
			assert.deepEqual(run.items.map((item) => item.json.bookedEarlier), ['retry', 'retry', 'lostAnswer']);
			for (const reference of references) assert.equal(timesBooked(sandbox, reference), 1, reference);
			checkOnce(sandbox, references.length);
		});

		scenario(7, 'Retry On Fail after a partly failed batch (Continue On Fail on, first item rejected): n8n runs the node again, nothing is booked twice', async () => {
			const bad = salesInvoiceInput.json('T7-4');
			((bad.invoiceLines as IDataObject[])[0].product as IDataObject).vatPercentage = '7.00';
			(bad.invoiceLines as IDataObject[])[0].lineVatAmount = '7.00';
			const run = await runNode('#7 retry partly failed', sandbox, {
				parameters: SALES,
				items: [{ json: bad }, ...invoices('T7-5', 'T7-6')],
				credentials: credentials(),
				continueOnFail: true,
				nodeSettings: RETRY,
			});
			const { lost, duplicated } = countItems(3, run.paired);
			assert.equal(lost + duplicated, 0);
			assert.equal(run.items[0].json.status, 'rejected');
			assert.deepEqual(statuses(run).slice(1), ['booked', 'booked']);
			assert.deepEqual(run.items.slice(1).map((item) => item.json.bookedEarlier), ['retry', 'retry'], 'n8n ran the node again: the second try met Yuki\'s duplicate answers');
			for (const reference of ['T7-5', 'T7-6']) assert.equal(timesBooked(sandbox, reference), 1, reference);
			checkOnce(sandbox, 3);
		});

		scenario(7, 'Retry On Fail with an invoice without reference: the node refuses to run and says why; nothing is sent', async () => {
			const { reference: _none, ...withoutNumber } = salesInvoiceInput.json('unused');
			const before = calls(sandbox, 'ProcessSalesInvoices');
			const run = await runNode('#7 retry without reference', sandbox, {
				parameters: { ...SALES, allowNoReference: true },
				items: [{ json: withoutNumber }],
				credentials: credentials(),
				nodeSettings: RETRY,
			});
			assert.match(run.error?.message ?? '', /Retry On Fail is on, but item 0 has an invoice without a reference: a retry would book it twice/);
			assert.equal(calls(sandbox, 'ProcessSalesInvoices') - before, 0);
			checkOnce(sandbox, 1);
		});

		scenario(7, 'Retry On Fail on Expense Claim › Upload (a receipt has no number): the node refuses to run and says why; nothing is uploaded', async () => {
			const before = calls(sandbox, 'UploadDocumentWithData');
			const run = await runNode('#7 retry upload', sandbox, { parameters: UPLOAD, items: [receipt('12.00')], credentials: credentials(), nodeSettings: RETRY });
			assert.match(run.error?.message ?? '', /cannot run with Retry On Fail: a retry would upload receipts a second time/);
			assert.match(description(run), /Turn off Retry On Fail/);
			assert.equal(calls(sandbox, 'UploadDocumentWithData') - before, 0);
			checkOnce(sandbox, 1);
		});

		scenario(8, 'a webhook delivered twice: without a reference both deliveries are refused (nothing booked); with one, the second is "alreadyInYuki"', async () => {
			const { reference: _none, ...withoutNumber } = salesInvoiceInput.json('unused');
			withoutNumber.subject = 'Webhook twice, no number';
			const before = calls(sandbox, 'ProcessSalesInvoices');
			for (const delivery of [1, 2]) {
				const run = await runNode(`#8 no reference, delivery ${delivery}`, sandbox, { parameters: SALES, items: [{ json: withoutNumber }], credentials: credentials() });
				assert.match(run.error?.message ?? '', /Item 0: "reference" \(Reference\) is empty/);
				assert.match(description(run), /Allow Invoices Without Reference/);
			}
			assert.equal(calls(sandbox, 'ProcessSalesInvoices') - before, 0);
			assert.equal(sandbox.state.invoices.filter((invoice) => invoice.subject === 'Webhook twice, no number').length, 0);

			const first = await runNode('#8 delivery 1', sandbox, { parameters: SALES, items: invoices('T8-1'), credentials: credentials(), continueOnFail: true });
			const second = await runNode('#8 delivery 2', sandbox, { parameters: SALES, items: invoices('T8-1'), credentials: credentials(), continueOnFail: true });
			assert.deepEqual([first.items[0].json.status, second.items[0].json.status], ['booked', 'alreadyInYuki']);
			assert.equal(timesBooked(sandbox, 'T8-1'), 1);
			checkOnce(sandbox, 2);
		});

		scenario(9, 'Expense claims: a bad item 1 stops the run before item 0 is uploaded; fixed and re-run, each receipt is uploaded once', async () => {
			const documentsBefore = sandbox.state.documents.length;
			const first = Buffer.concat([samplePdf, Buffer.from('\n% receipt T9-1\n')]);
			const second = Buffer.concat([samplePdf, Buffer.from('\n% receipt T9-2\n')]);
			const broken = await runNode('#9 bad item 1', sandbox, { parameters: UPLOAD, items: [receipt('19.00', {}, first), receipt('19,50', {}, second)], credentials: credentials() });
			assert.match(broken.error?.message ?? '', /Item 1: "Amount"/);
			assert.equal(sandbox.state.documents.length, documentsBefore, 'item 0 was uploaded before item 1 was checked');
			const fixed = await runNode('#9 fixed', sandbox, { parameters: UPLOAD, items: [receipt('19.00', {}, first), receipt('19.50', {}, second)], credentials: credentials() });
			assert.equal(fixed.error, undefined, fixed.error?.message);
			assert.equal(sandbox.state.documents.length, documentsBefore + 2);
			checkOnce(sandbox, 2);
		});

		scenario(10, 'Continue On Fail off, some invoices booked, then one fails: the error lists every booked invoice with Yuki\'s answer', async () => {
			const bad = salesInvoiceInput.json('T10-3');
			((bad.invoiceLines as IDataObject[])[0].product as IDataObject).vatPercentage = '7.00';
			(bad.invoiceLines as IDataObject[])[0].lineVatAmount = '7.00';
			const run = await runNode('#10 stopped run', sandbox, {
				parameters: { ...SALES, options: { batchSize: 2 } },
				items: [...invoices('T10-1', 'T10-2'), { json: bad }],
				credentials: credentials(),
			});
			assert.match(run.error?.message ?? '', /Item 2: Yuki rejected invoice T10-3/);
			assert.match(description(run), /Booked in Yuki by this run \(2\); do not send these again:/);
			assert.match(description(run), /- item 0, T10-1 \(booked/);
			assert.match(description(run), /- item 1, T10-2 \(booked/);
			checkOnce(sandbox, 3);
		});

		scenario(10, 'Continue On Fail off, a lost answer in the second batch: the error names the booked invoices and the ones that may have been booked', async () => {
			await warmUp();
			sandbox.injectFault({ kind: 'slow', delayMs: 0, operation: 'ProcessSalesInvoices' });
			sandbox.injectFault({ kind: 'drop', operation: 'ProcessSalesInvoices' });
			const run = await runNode('#10 lost answer', sandbox, { parameters: { ...SALES, options: { batchSize: 1 } }, items: invoices('T10-4', 'T10-5'), credentials: credentials() });
			sandbox.clearFaults();
			assert.match(run.error?.message ?? '', /T10-5 may have been booked/);
			assert.match(description(run), /Booked in Yuki by this run \(1\)[^]*T10-4[^]*May have been booked \(1\); check Yuki before sending these again:[^]*T10-5/);
			checkOnce(sandbox, 2);
		});

		const textCases: Array<{ title: string; field: RegExp; item: TestItem; parameters?: INodeParameters }> = [
			{ title: 'U+0000 in Remarks', field: /"Remarks" contains the control character U\+0000/, item: receipt('1.00', { remarks: 'a\u0000b' }), parameters: { additionalFields: { remarks: '={{ $json.remarks }}' } } },
			{ title: 'U+0007 in Cost Category', field: /"Cost Category" contains the control character U\+0007/, item: receipt('1.00', { category: 'bell\u0007' }), parameters: { additionalFields: { costCategory: '={{ $json.category }}' } } },
			{ title: 'U+FFFE in Project', field: /"Project" contains the control character U\+FFFE/, item: receipt('1.00', { project: 'P\uFFFE' }), parameters: { additionalFields: { project: '={{ $json.project }}' } } },
			{ title: 'U+0007 in File Name', field: /"File Name" contains the control character U\+0007/, item: receipt('1.00', { name: 'bon\u0007.pdf' }), parameters: { additionalFields: { fileName: '={{ $json.name }}' } } },
			{ title: 'over-precise amount 12345678901.00004', field: /"Amount" "12345678901\.00004" has more than 2 decimals/, item: receipt(12345678901.00004) },
		];
		for (const testCase of textCases) {
			scenario(13, `Expense Claim › Upload, ${testCase.title}: refused naming item and field, nothing sent`, async () => {
				const before = calls(sandbox, 'UploadDocumentWithData');
				const run = await runNode(`#13 ${testCase.title}`, sandbox, { parameters: { ...UPLOAD, ...testCase.parameters }, items: [testCase.item], credentials: credentials() });
				assert.match(run.error?.message ?? '', /^Item 0: /);
				assert.match(run.error?.message ?? '', testCase.field);
				assert.equal(calls(sandbox, 'UploadDocumentWithData') - before, 0);
				checkOnce(sandbox, 1);
			});
		}

		const invoiceCases: Array<{ title: string; field: RegExp; change: (invoice: IDataObject) => void }> = [
			{ title: 'a reference of only spaces', field: /"reference" \(Reference\) is only spaces/, change: (invoice) => (invoice.reference = '   ') },
			{ title: 'U+0007 in the subject', field: /subject.*U\+0007/i, change: (invoice) => (invoice.subject = 'bell\u0007') },
			{ title: 'U+0000 in the contact name', field: /fullName.*U\+0000/i, change: (invoice) => ((invoice.contact as IDataObject).fullName = 'nul\u0000') },
			{ title: 'an over-precise line amount 12345678901.00004', field: /lineAmount.*more than 2 decimals/i, change: (invoice) => ((invoice.invoiceLines as IDataObject[])[0].lineAmount = 12345678901.00004) },
		];
		for (const testCase of invoiceCases) {
			scenario(13, `Sales Invoice › Process, ${testCase.title}: refused naming item and field, nothing sent`, async () => {
				const invoice = salesInvoiceInput.json('T13-x');
				testCase.change(invoice);
				const before = calls(sandbox, 'ProcessSalesInvoices');
				const run = await runNode(`#13 ${testCase.title}`, sandbox, { parameters: SALES, items: [{ json: invoice }], credentials: credentials() });
				assert.match(run.error?.message ?? '', /^Item 0: /);
				assert.match(run.error?.message ?? '', testCase.field);
				assert.equal(calls(sandbox, 'ProcessSalesInvoices') - before, 0);
				checkOnce(sandbox, 1);
			});
		}

		/** One bad item per operation of the catalogue, plus a Yuki fault for the list operations. */
		const errorOutputCases = [
			...BAD_INPUT_GROUPS.map((group) => ({ operation: group.operation, parameters: { ...group.parameters, ...group.inputs[0].parameters }, bad: group.inputs[0].item, good: group.valid?.(`T15-${group.operation.length}`), fault: undefined as string | undefined })),
			{ operation: 'Administration › Get Many (Yuki fault)', parameters: { resource: 'administration', operation: 'getMany' }, bad: { json: {} }, good: undefined, fault: 'Administrations' },
			{ operation: 'VAT Code › Get Many (Yuki fault)', parameters: { resource: 'vatCode', operation: 'getMany' }, bad: { json: {} }, good: undefined, fault: 'ActiveVATCodesList' },
		];
		for (const testCase of errorOutputCases) {
			scenario(15, `"Continue (using error output)", ${testCase.operation}: the failed item leaves by the error output, paired, with its error; good items by the success output`, async () => {
				if (testCase.fault) {
					await warmUp();
					sandbox.injectFault({ kind: 'fault', operation: testCase.fault });
				}
				const items = testCase.good ? [testCase.bad, testCase.good] : [testCase.bad];
				const run = await runNode(`#15 ${testCase.operation}`, sandbox, {
					parameters: testCase.parameters,
					items,
					credentials: credentials(),
					nodeSettings: { onError: 'continueErrorOutput' },
				});
				sandbox.clearFaults();
				assert.equal(run.error, undefined, run.error?.message);
				const [success = [], failure = []] = (run.runData.Yuki?.[0]?.data?.main ?? []) as INodeExecutionData[][];
				assert.equal(failure.length, 1, `error output: ${JSON.stringify(failure.map((item) => item.json))}`);
				assert.deepEqual(failure[0].pairedItem, { item: 0 });
				const error = failure[0].json.error as IDataObject;
				assert.ok(error && typeof error === 'object', 'the error item carries its error');
				assert.match(String(error.message), /Item 0|Yuki/);
				assert.equal(success.length, testCase.good ? 1 : 0, `success output: ${JSON.stringify(success.map((item) => item.json))}`);
				if (testCase.good) assert.deepEqual(success[0].pairedItem, { item: 1 });
				checkOnce(sandbox, items.length);
			});
		}
	});
}
