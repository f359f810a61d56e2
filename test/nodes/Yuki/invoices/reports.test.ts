import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combinedStatus, confirmedBooking, invoiceStatus, reportFor, reportJson } from '../../../../nodes/Yuki/invoices/reports';
import { findRunDuplicates } from '../../../../nodes/Yuki/invoices/runDuplicates';
import { isDuplicateMessage } from '../../../../nodes/Yuki/invoices/yukiMessages';
import { documentOf, invoiceFragments } from '../../../../nodes/Yuki/invoices/xmlDocument';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';

const batch = { number: 2, size: 50 };

describe('invoice results', () => {
	it('maps Yuki per-invoice answers to statuses', () => {
		assert.equal(invoiceStatus({ succeeded: true, processed: true }), 'booked');
		assert.equal(invoiceStatus({ succeeded: true, processed: false }), 'draft');
		assert.equal(invoiceStatus({ succeeded: false, processed: false, message: 'An invoice with reference F-1 already exists' }), 'alreadyInYuki');
		assert.equal(invoiceStatus({ succeeded: false, processed: false, message: 'Factuur F-1 bestaat al' }), 'alreadyInYuki');
		assert.equal(invoiceStatus({ succeeded: false, processed: false, message: 'Sales tax code with percentage 7 and type 1 cannot be found' }), 'rejected');
	});

	it('recognises duplicate texts in one place', () => {
		assert.ok(isDuplicateMessage('Duplicate invoice number'));
		assert.ok(!isDuplicateMessage('VAT pair not found'));
		assert.ok(!isDuplicateMessage(undefined));
	});

	it('reports a duplicate as an error unless treated as success', () => {
		const outcome = { kind: 'answered' as const, batch, result: { succeeded: false, processed: false, reference: 'F-1', message: 'An invoice with reference F-1 already exists' } };
		const strict = reportFor(outcome, 'F-1', false);
		assert.equal(strict.status, 'alreadyInYuki');
		assert.equal(strict.message, 'Invoice F-1 is already in Yuki (An invoice with reference F-1 already exists)');
		assert.equal(strict.failure?.message, strict.message);
		assert.equal(reportFor(outcome, 'F-1', true).failure, undefined);
	});

	it("carries Yuki's message for a rejected invoice", () => {
		const report = reportFor(
			{ kind: 'answered', batch, result: { succeeded: false, processed: false, reference: 'F-2', message: 'Sales tax code with percentage 7.00 and type 1 cannot be found' } },
			'F-2',
			false,
		);
		assert.equal(report.status, 'rejected');
		assert.equal(report.failure?.message, 'Yuki rejected invoice F-2: Sales tax code with percentage 7.00 and type 1 cannot be found');
		assert.equal(report.failure?.fromYuki, true);
	});

	it('a call that may have reached Yuki gives status "unknown", never "rejected", and says "check Yuki"', () => {
		const report = reportFor({ kind: 'mayHaveBeenBooked', batch, error: new Error('No answer within 120 s') }, 'F-3', false);
		assert.equal(report.status, 'unknown');
		assert.match(report.failure?.message ?? '', /F-3 may have been booked; check Yuki before sending it again/);
	});

	it('an invoice Yuki\'s answer does not account for is "unknown" too, with the reason', () => {
		const report = reportFor({ kind: 'unaccounted', batch, reason: "Yuki's answer lists only 1 of the 2 invoices sent in the call" }, 'F-5', false);
		assert.equal(report.status, 'unknown');
		assert.match(report.message ?? '', /F-5 may have been booked.*only 1 of the 2/);
	});

	it('a duplicate answer for an invoice this node booked earlier is a confirmed booking, not an error', () => {
		const duplicate = reportFor({ kind: 'answered', batch, result: { succeeded: false, processed: false, reference: 'F-6', message: 'An invoice with reference F-6 already exists' } }, 'F-6', false);
		assert.equal(duplicate.status, 'alreadyInYuki');
		const confirmed = confirmedBooking(duplicate, 'lostAnswer', '2026-11-30T08:00:00.000Z', 'An invoice with reference F-6 already exists');
		assert.equal(confirmed.status, 'booked');
		assert.equal(confirmed.failure, undefined);
		assert.equal(reportJson(confirmed, 'sales').bookedEarlier, 'lostAnswer');
		assert.match(confirmed.message ?? '', /F-6 is booked: an earlier run sent it on 2026-11-30 and lost Yuki's answer/);
	});

	it('writes the output fields, emailSent for sales only', () => {
		const report = reportFor({ kind: 'answered', batch, result: { succeeded: true, processed: true, emailSent: true, reference: 'F-4', subject: 'S', contact: 'C', message: '' } }, 'F-4', false);
		assert.deepEqual(reportJson(report, 'sales'), {
			status: 'booked', succeeded: true, processed: true, emailSent: true, reference: 'F-4', subject: 'S', contact: 'C', message: null, batch,
		});
		assert.equal('emailSent' in reportJson(report, 'purchase'), false);
	});

	it('combines several invoices of one item into the worst status', () => {
		const booked = reportFor({ kind: 'answered', batch, result: { succeeded: true, processed: true } }, 'a', false);
		const draft = reportFor({ kind: 'answered', batch, result: { succeeded: true, processed: false } }, 'b', false);
		assert.equal(combinedStatus([booked, draft]), 'draft');
		assert.equal(combinedStatus([booked]), 'booked');
	});
});

describe('duplicates within a run', () => {
	it('reports the second invoice with the same number in the same administration against the first', () => {
		const invoices = [
			{ itemIndex: 0, administrationId: 'A', reference: 'F-1' },
			{ itemIndex: 1, administrationId: 'A', reference: 'F-2' },
			{ itemIndex: 2, administrationId: 'A', reference: ' F-1 ' },
			{ itemIndex: 3, administrationId: 'B', reference: 'F-1' },
			{ itemIndex: 4, administrationId: 'A' },
			{ itemIndex: 5, administrationId: 'A' },
		];
		const duplicates = findRunDuplicates(invoices);
		assert.deepEqual([...duplicates].map(([invoice, first]) => [invoice.itemIndex, first.itemIndex]), [[2, 0]]);
	});
});

describe('pass-through documents', () => {
	it('splits a document into its invoices and puts them back together', () => {
		const ns = salesInvoiceDocument.namespace;
		const xml = `<SalesInvoices xmlns="${ns}"><SalesInvoice><Reference>A&amp;1</Reference></SalesInvoice><!-- note --><SalesInvoice><Reference>B</Reference></SalesInvoice></SalesInvoices>`;
		const fragments = invoiceFragments(salesInvoiceDocument, xml);
		assert.equal(fragments.length, 2);
		assert.match(fragments[0], /<Reference>A&amp;1<\/Reference>/);
		assert.equal(invoiceFragments(salesInvoiceDocument, documentOf(salesInvoiceDocument, [fragments[1]])).length, 1);
		assert.ok(documentOf(salesInvoiceDocument, fragments).startsWith(`<SalesInvoices xmlns="${ns}">`));
	});
});
