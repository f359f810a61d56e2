import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import { items, outstanding, param, processSales, salesInvoiceXml, soapCall } from './soapHelpers';
import { withSandbox } from './support';

const check = (url: string, session: string, reference: string) =>
	soapCall(url, 'Accounting', 'CheckOutstandingItem', param('sessionID', session) + param('Reference', reference));
const checkAdmin = (url: string, session: string, reference: string, administrationId: string = DEMO.organisation.id) =>
	soapCall(url, 'Accounting', 'CheckOutstandingItemAdmin', param('sessionID', session) + param('administrationID', administrationId) + param('Reference', reference));

describe('sandbox open items and payments', () => {
	it('lowers the open amount exactly on a partial payment and drops the item when fully paid', () =>
		withSandbox(async (sandbox, session) => {
			await processSales(sandbox.url, session, salesInvoiceXml({ reference: 'PAY-1', lines: [{ quantity: '1', price: '0.30' }] })); // 0.30 + 0.06
			const partial = sandbox.recordPayment('PAY-1', 0.1);
			assert.equal(partial.openAmount, '0.26');
			assert.equal(partial.fullyPaid, false);
			sandbox.recordPayment('PAY-1', '0.2');
			const [item] = items(await checkAdmin(sandbox.url, session, 'PAY-1'));
			assert.equal(item.OpenAmount, '0.06');
			assert.equal(item.OriginalAmount, '0.36');
			const full = sandbox.recordPayment('PAY-1', '0.06');
			assert.equal(full.fullyPaid, true);
			assert.equal(full.openAmount, '0.00');
			assert.equal(items(await outstanding(sandbox.url, session, 'Debtor')).some((open) => open.Reference === 'PAY-1'), false);
			assert.equal(sandbox.state.payments.filter((payment) => payment.reference === 'PAY-1').length, 3);
		}));

	it('refuses payments above the open amount, of zero, or on unknown references, without changing anything', () =>
		withSandbox(async (sandbox) => {
			assert.throws(() => sandbox.recordPayment('DEMO-2025-002', '305.01'), /more than the open amount 305.00/);
			assert.throws(() => sandbox.recordPayment('DEMO-2025-002', 0), /greater than 0/);
			assert.throws(() => sandbox.recordPayment('DEMO-2025-002', '1,00'), /ambiguous/);
			assert.throws(() => sandbox.recordPayment('NOPE', '1'), /No open debtor item with reference NOPE/);
			assert.throws(() => sandbox.recordPayment('DEMO-2025-002', '1', { side: 'creditor' }), /No open creditor item/);
			assert.equal(sandbox.state.items.find((item) => item.reference === 'DEMO-2025-002')!.openAmount, '305.00');
		}));

	it('pays creditor items on the creditor side', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.recordPayment('INK-88231', '181.50', { side: 'creditor' });
			const open = items(await outstanding(sandbox.url, session, 'Creditor'));
			assert.deepEqual(open.map((item) => item.Reference), ['INK-88232']);
		}));

	it('returns every item sharing a reference, and pays the oldest first', () =>
		withSandbox(async (sandbox, session) => {
			const both = items(await check(sandbox.url, session, DEMO.duplicateReference));
			assert.deepEqual(both.map((item) => item.Contact), ['Bakkerij De Korenaar', 'Sanne de Vries']);
			const paid = sandbox.recordPayment(DEMO.duplicateReference, '242.00');
			assert.equal(paid.itemId, both[0].ID);
			assert.deepEqual(items(await check(sandbox.url, session, DEMO.duplicateReference)).map((item) => item.Contact), ['Sanne de Vries']);
		}));

	it('answers a lookup of a fully paid invoice with no Item by default', () =>
		withSandbox(async (sandbox, session) => {
			sandbox.recordPayment('DEMO-2025-003', '99.95');
			const answer = await check(sandbox.url, session, 'DEMO-2025-003');
			assert.equal(answer.status, 200);
			assert.match(answer.body, /<OutstandingItems xmlns="" \/>/);
			assert.deepEqual(items(answer), []);
		}));

	it("answers with OpenAmount 0.00 when paidItemLookup is 'zero'", () =>
		withSandbox(async (sandbox, session) => {
			sandbox.recordPayment('DEMO-2025-003', '99.95');
			const [item] = items(await checkAdmin(sandbox.url, session, 'DEMO-2025-003'));
			assert.equal(item.OpenAmount, '0.00');
			assert.equal(item.OriginalAmount, '99.95');
			// The open lists still leave it out.
			assert.equal(items(await outstanding(sandbox.url, session, 'Debtor')).some((open) => open.Reference === 'DEMO-2025-003'), false);
		}, { paidItemLookup: 'zero' }));

	it('lists open items in the element layout of Yuki and honours every sort order', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await outstanding(sandbox.url, session, 'Debtor', 'AmountDesc');
			assert.match(answer.body, /<OutstandingDebtorItemsResult><OutstandingDebtorItems xmlns=""><Item ID="[0-9a-f-]{36}"><Date>/);
			const amounts = (order: string) => outstanding(sandbox.url, session, 'Debtor', order).then((result) => items(result));
			assert.deepEqual((await amounts('AmountDesc')).map((item) => item.OpenAmount), ['1210.00', '305.00', '242.00', '99.95', '48.40']);
			assert.deepEqual((await amounts('AmountAsc')).map((item) => item.OpenAmount), ['48.40', '99.95', '242.00', '305.00', '1210.00']);
			assert.deepEqual((await amounts('DateAsc')).map((item) => item.Date), ['2025-09-01', '2025-09-02', '2025-10-01', '2025-10-15', '2025-11-01']);
			assert.deepEqual((await amounts('DateDesc')).map((item) => item.Date), ['2025-11-01', '2025-10-15', '2025-10-01', '2025-09-02', '2025-09-01']);
			assert.deepEqual((await amounts('ContactAsc')).map((item) => item.Contact), ['Bakkerij De Korenaar', 'Bakkerij De Korenaar', 'Jansen Installatietechniek', 'Sanne de Vries', 'Sanne de Vries']);
			assert.equal((await amounts('ContactDesc'))[0].Contact, 'Sanne de Vries');
			const first = (await amounts('DateAsc'))[0];
			assert.equal(first.typeId, '6');
			assert.match(first.ContactID, /^[0-9a-f-]{36}$/);
		}));

	it('requires a valid sortOrder and a boolean includeBankTransactions', () =>
		withSandbox(async (sandbox, session) => {
			for (const order of ['', 'dateasc', 'Newest']) {
				const answer = await outstanding(sandbox.url, session, 'Debtor', order);
				assert.equal(answer.status, 500);
				assert.match(answer.fault!, /sortOrder/);
			}
			const badFlag = await soapCall(
				sandbox.url,
				'Accounting',
				'OutstandingDebtorItems',
				param('sessionID', session) + param('administrationID', DEMO.organisation.id) + param('includeBankTransactions', 'yes') + param('sortOrder', 'DateAsc'),
			);
			assert.match(badFlag.fault!, /not a valid Boolean/);
		}));

	it('filters the ByDate variants on the invoice date, bounds included', () =>
		withSandbox(async (sandbox, session) => {
			const byDate = (side: string, start: string, end: string) =>
				soapCall(
					sandbox.url,
					'Accounting',
					`Outstanding${side}ItemsByDate`,
					param('sessionID', session) +
						param('administrationID', DEMO.organisation.id) +
						param('includeBankTransactions', 'false') +
						param('sortOrder', 'DateAsc') +
						param('startDate', start) +
						param('endDate', end),
				);
			const debtor = items(await byDate('Debtor', '2025-09-02', '2025-10-15T00:00:00'));
			assert.deepEqual(debtor.map((item) => item.Date), ['2025-09-02', '2025-10-01', '2025-10-15']);
			const creditor = items(await byDate('Creditor', '2025-10-20', '2025-12-31'));
			assert.deepEqual(creditor.map((item) => item.Reference), ['INK-88232']);
			assert.match((await byDate('Debtor', 'yesterday', '2025-12-31')).fault!, /startDate/);
		}));

	it('bulk-creates open items quickly and lists ten thousand of them', () =>
		withSandbox(async (sandbox, session) => {
			const created = sandbox.seedOpenItems(10_000);
			assert.deepEqual(created, { created: 10_000, firstReference: 'BULK-000001', lastReference: 'BULK-010000' });
			const answer = await outstanding(sandbox.url, session, 'Debtor', 'AmountDesc');
			assert.equal(answer.status, 200);
			const listed = items(answer);
			assert.equal(listed.length, 10_000);
			assert.ok(answer.body.length > 4_000_000);
			assert.ok(Number(listed[0].OpenAmount) >= Number(listed[9_999].OpenAmount));
			assert.deepEqual(sandbox.seedOpenItems(2, { side: 'creditor' }), { created: 2, firstReference: 'BULK-010001', lastReference: 'BULK-010002' });
		}, { seed: 'empty' }));
});
