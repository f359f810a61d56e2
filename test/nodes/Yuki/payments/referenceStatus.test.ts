import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { clockAt } from '../../../../nodes/Yuki/payments/dates';
import { money } from '../../../../nodes/Yuki/documents/decimal';
import type { Finding } from '../../../../nodes/Yuki/payments/referenceStatus';
import { referenceStatus } from '../../../../nodes/Yuki/payments/referenceStatus';
import { parseReferenceList, referenceRequest } from '../../../../nodes/Yuki/payments/references';
import { chooseStrategy, indexByReference, matchingItems } from '../../../../nodes/Yuki/payments/matching';
import type { OutstandingItem } from '../../../../nodes/Yuki/transport/types';
import { fixtureOpenItems, openItem } from './fixtures';

const now = DateTime.fromISO('2024-08-06T14:28:00', { zone: 'Europe/Amsterdam' });
const context = { administrationId: 'adm-1', side: 'debtor' as const, clock: clockAt(now) };
const listed = (...items: OutstandingItem[]): Finding => ({ kind: 'listed', items });

describe('referenceStatus', () => {
	it('reports a partial payment with exact amounts and the seed-style message', () => {
		const result = referenceStatus(referenceRequest('2024-001', '121.00', undefined), listed(openItem('i1', '2024-001', '121.00', '94.60')), context);
		assert.equal(result.status, 'partiallyPaid');
		assert.equal(result.originalAmount, 121);
		assert.equal(result.openAmount, 94.6);
		assert.equal(result.paidAmount, 26.4);
		assert.equal(result.paidSinceTotal, 26.4);
		assert.equal(result.totalMatchesYuki, true);
		assert.equal(result.message, 'Yuki: payment of EUR 26.40 received, seen on 2024-08-06; EUR 94.60 still open');
		assert.equal(result.checkedAt, '2024-08-06T14:28:00.000+02:00');
		assert.equal(result.notInOpenItems, false);
		assert.equal(result.yukiItemId, 'i1');
	});

	it('keeps amounts exact where floating point would not', () => {
		const result = referenceStatus(referenceRequest('F1', undefined, undefined), listed(openItem('i1', 'F1', '0.30', '0.10')), context);
		assert.equal(result.paidAmount, 0.2);
	});

	it('counts only what is new when the caller says what was already paid', () => {
		const result = referenceStatus(referenceRequest('F1', '100', '20'), listed(openItem('i1', 'F1', '100.00', '50.00')), context);
		assert.equal(result.newlyPaid, 30);
		assert.match(String(result.message), /payment of EUR 30\.00 received/);
		const nothingNew = referenceStatus(referenceRequest('F1', '100', '50'), listed(openItem('i1', 'F1', '100.00', '50.00')), context);
		assert.equal(nothingNew.newlyPaid, 0);
		assert.match(String(nothingNew.message), /no new payment/);
	});

	it('says an untouched invoice is open and how many days it is overdue in the workflow zone', () => {
		const result = referenceStatus(referenceRequest('F1', undefined, undefined), listed(openItem('i1', 'F1', '50.00', '50.00', { dueDate: '2024-08-01' })), context);
		assert.equal(result.status, 'open');
		assert.equal(result.paidAmount, 0);
		assert.equal(result.daysOverdue, 5);
		assert.equal(result.message, 'Yuki: no payment received yet; EUR 50.00 open');
	});

	it('treats a check answer with OpenAmount 0 as paid', () => {
		const result = referenceStatus(referenceRequest('F1', undefined, undefined), listed(openItem('i1', 'F1', '26.40', '0.00', { dueDate: '2024-08-01' })), context);
		assert.equal(result.status, 'paid');
		assert.equal(result.paidAmount, 26.4);
		assert.equal(result.daysOverdue, 0);
		assert.equal(result.message, 'Yuki: payment of EUR 26.40 received, seen on 2024-08-06');
	});

	it('never calls a reference paid for being absent: without evidence it is notFound', () => {
		const result = referenceStatus(referenceRequest('F9', 121, undefined), { kind: 'notFound', checkedOneByOne: false }, context);
		assert.equal(result.status, 'notFound');
		assert.equal(result.evidence, 'none');
		assert.equal(result.notInOpenItems, true);
		assert.equal(result.openAmount, null);
		assert.equal(result.paidAmount, null);
		assert.equal(result.originalAmount, 121);
		assert.equal(result.paidSinceTotal, undefined);
		assert.match(String(result.note), /not known to be paid/);
		assert.match(String(result.message), /^Yuki: F9 is not among the open items \(checked on 2024-08-06\) and was never seen open here: not known to be paid/);
	});

	it('calls a reference paid when this node saw it open before and it is gone now', () => {
		const sighting = { open: money('94.60'), original: money('121.00'), lastSeenOpenOn: '2024-08-01' };
		const result = referenceStatus(referenceRequest('F1', '121.00', '26.40'), { kind: 'gone', sighting }, context);
		assert.equal(result.status, 'paid');
		assert.equal(result.evidence, 'leftOpenItems');
		assert.equal(result.paidAmount, 121);
		assert.equal(result.openAmount, 0);
		assert.equal(result.newlyPaid, 94.6);
		assert.equal(result.settledSinceLastSeen, 94.6);
		assert.equal(result.lastSeenOpenOn, '2024-08-01');
		assert.equal(result.goneSince, '2024-08-06');
		assert.match(String(result.message), /^Yuki: payment of EUR 94\.60 received, seen on 2024-08-06; no longer among the open items \(paid or credited in full/);
	});

	it('writes the message in Dutch with the date format picked, as Yoobi does', () => {
		const style = { language: 'nl' as const, dateFormat: 'dd-MM-yyyy' as const };
		const result = referenceStatus(referenceRequest('2024-001', undefined, undefined), listed(openItem('i1', '2024-001', '121.00', '94.60')), { ...context, style });
		assert.equal(result.message, 'Yuki: Betaling van EUR 26.40 ontvangen, gezien op 06-08-2024; EUR 94.60 staat nog open');
		const long = referenceStatus(referenceRequest('2024-001', undefined, undefined), listed(openItem('i1', '2024-001', '26.40', '0.00')), {
			...context,
			style: { language: 'en', dateFormat: 'd MMMM yyyy' },
		});
		assert.equal(long.message, 'Yuki: payment of EUR 26.40 received, seen on 6 August 2024');
		const missing = referenceStatus(referenceRequest('X1', undefined, undefined), { kind: 'notFound', checkedOneByOne: true }, { ...context, style });
		assert.match(String(missing.message), /^Yuki: X1 staat niet bij de openstaande posten \(gecontroleerd op 06-08-2024\)/);
	});

	it('combines several Yuki items with the same reference', () => {
		const result = referenceStatus(
			referenceRequest('F1', undefined, undefined),
			listed(openItem('i1', 'F1', '100.00', '40.00', { dueDate: '2024-08-10' }), openItem('i2', 'F1', '-20.00', '-20.00', { dueDate: '2024-07-01' })),
			context,
		);
		assert.equal(result.multipleMatches, true);
		assert.equal(result.originalAmount, 80);
		assert.equal(result.openAmount, 20);
		assert.equal(result.paidAmount, 60);
		assert.equal(result.status, 'partiallyPaid');
		assert.equal(result.dueDate, '2024-07-01');
		assert.equal((result.matches as unknown[]).length, 2);
	});

	it('works on the shapes of Yuki\'s published answers', () => {
		const [a1010, partial] = fixtureOpenItems();
		assert.equal(referenceStatus(referenceRequest('A1010', undefined, undefined), listed(a1010), context).status, 'open');
		const result = referenceStatus(referenceRequest('XX-12534', undefined, undefined), listed(partial), context);
		assert.equal(result.paidAmount, 26.4);
		assert.equal(result.contactCode, '1122');
	});
});

describe('reference input', () => {
	it('reads lists from text and arrays', () => {
		assert.deepEqual(parseReferenceList('F1, F2\nF3;F4', 'references').map((r) => r.reference), ['F1', 'F2', 'F3', 'F4']);
		assert.deepEqual(parseReferenceList(['F1', 1002], 'references').map((r) => r.reference), ['F1', '1002']);
		const [withTotal] = parseReferenceList([{ reference: 'F1', total: '12.10' }], 'references');
		assert.equal(withTotal.total?.units, 1210n);
	});

	it('names the field and what is allowed when the input is bad', () => {
		assert.throws(() => referenceRequest('  ', undefined, undefined), { field: 'reference', message: /is empty/ });
		assert.throws(() => referenceRequest('F1', 'abc', undefined), { field: 'total', message: /"total" is not a number.*at most 2 decimals/ });
		assert.throws(() => referenceRequest('F1', '1.234,50', undefined), { field: 'total', message: /ambiguous/ });
		assert.throws(() => parseReferenceList('', 'references'), { field: 'references' });
		assert.throws(() => parseReferenceList(['F1', ''], 'references'), { field: 'references[1]' });
	});
});

describe('lookup strategy', () => {
	it('chooses by call count: one check for one reference, the list for more', () => {
		assert.equal(chooseStrategy('auto', 1), 'perReference');
		assert.equal(chooseStrategy('auto', 2), 'listOnce');
		assert.equal(chooseStrategy('auto', 1000), 'listOnce');
		assert.equal(chooseStrategy('auto', 1, true), 'listOnce');
		assert.equal(chooseStrategy('perReference', 1000), 'perReference');
		assert.equal(chooseStrategy('listOnce', 1), 'listOnce');
	});

	it('matches trimmed references, optionally without case, and leaves the other side out', () => {
		const items = [openItem('s', 'F1', '10.00'), openItem('p', 'F1', '10.00', '10.00', { typeId: 2 }), openItem('x', 'F10', '10.00')];
		assert.deepEqual(matchingItems(items, ' F1 ', 'debtor', false).map((item) => item.id), ['s']);
		assert.deepEqual(matchingItems(items, 'f1', 'creditor', true).map((item) => item.id), ['p']);
		assert.deepEqual(indexByReference(items, true).get('f1')?.map((item) => item.id), ['s', 'p']);
	});
});
