/** The node's own envelope writer, against soap's client as the oracle, and what it refuses before sending. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EnvelopeError, writeEnvelope, xmlElements } from '../../../../nodes/Yuki/transport/envelope';
import { WSDL_OPERATIONS } from '../../../../nodes/Yuki/transport/wsdl.generated';
import { assertSameAsSoap } from './soapOracle';

const sent = (service: Parameters<typeof writeEnvelope>[0], operation: string, args: Parameters<typeof writeEnvelope>[2]) => {
	const envelope = writeEnvelope(service, operation, args);
	return { body: envelope.body.toString('utf8'), soapAction: `"${envelope.soapAction}"` };
};

describe('request envelopes', () => {
	it('equal soap\'s for every operation of every shipped WSDL, each parameter filled, whatever order the arguments come in', async () => {
		for (const [service, operations] of Object.entries(WSDL_OPERATIONS)) {
			for (const [operation, description] of Object.entries(operations)) {
				const args: Record<string, string> = {};
				const oracle: Record<string, string | { $xml: string }> = {};
				// Reversed on purpose: the writer must put them back into WSDL order.
				for (const parameter of [...description.parameters].reverse()) {
					if (parameter.xsd === 'xml') continue;
					const value = 'values' in parameter ? parameter.values[1] : sampleOf(parameter.xsd, parameter.name);
					args[parameter.name] = value;
					oracle[parameter.name] = value;
				}
				await assertSameAsSoap(service, operation, oracle, sent(service as never, operation, args));
			}
		}
	});

	it('carries an XML document as elements, escapes text, and base64-encodes binary data like soap', async () => {
		const document = '<?xml version="1.0" encoding="utf-8"?>\n<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice><Subject>Koffie &amp; thee</Subject></SalesInvoice></SalesInvoices>';
		await assertSameAsSoap(
			'Sales',
			'ProcessSalesInvoices',
			{ sessionId: 's-1', administrationId: 'a & <b>', xmlDoc: { $xml: xmlElements(document).xml as string } },
			sent('Sales', 'ProcessSalesInvoices', { xmlDoc: xmlElements(document), administrationId: 'a & <b>', sessionId: 's-1' }),
		);
		const data = Buffer.alloc(200_003, 7);
		await assertSameAsSoap(
			'Archive',
			'UploadDocumentWithData',
			{ sessionID: 's', fileName: 'bon.pdf', data: data.toString('base64'), folder: '8', amount: '26.40', paymentMethod: '0' },
			sent('Archive', 'UploadDocumentWithData', { sessionID: 's', fileName: 'bon.pdf', data: { base64: data }, folder: 8, amount: '26.40', paymentMethod: 0 }),
		);
	});

	it('writes a document given as parts with its files as base64, exactly as the same document given as one string', () => {
		const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 64 * 1024 + 5, 0xe9)]);
		const open = '<PurchaseInvoices xmlns="urn:x"><PurchaseInvoice><Subject>caf\u00e9 &amp; thee</Subject><DocumentBase64>';
		const close = '</DocumentBase64></PurchaseInvoice></PurchaseInvoices>';
		const args = { sessionId: 's', administrationId: 'a', disableAutoCorrect: 'false' };
		const asParts = sent('Purchase', 'ProcessPurchaseInvoices', { ...args, xmlDoc: xmlElements([open, pdf, close]) });
		const asText = sent('Purchase', 'ProcessPurchaseInvoices', { ...args, xmlDoc: xmlElements(open + pdf.toString('base64') + close) });
		assert.equal(asParts.body, asText.body);
		assert.ok(asParts.body.includes(`<DocumentBase64>${pdf.toString('base64')}</DocumentBase64>`));
	});

	it('refuses, before sending, a parameter the WSDL does not have (wrong case included), a value of the wrong type, and characters XML cannot carry', () => {
		assert.throws(() => writeEnvelope('Sales', 'ProcessSalesInvoices', { sessionID: 's' }), (error: Error) => {
			assert.ok(error instanceof EnvelopeError);
			assert.match(error.message, /has no parameter sessionID \(expected sessionId, administrationId, xmlDoc\)/);
			return true;
		});
		assert.throws(() => writeEnvelope('Archive', 'UploadDocumentWithData', { folder: 'eight' }), /folder must be an xs:int/);
		assert.throws(() => writeEnvelope('Accounting', 'OutstandingDebtorItems', { sortOrder: 'Newest' }), /sortOrder must be one of ContactAsc/);
		for (const character of ['\u0000', '\u0007', '\uFFFE', '\uD800']) {
			assert.throws(() => writeEnvelope('Accounting', 'CheckOutstandingItemAdmin', { Reference: `A${character}B` }), /which XML cannot carry/);
		}
		assert.throws(() => writeEnvelope('Sales', 'ProcessSalesInvoices', { xmlDoc: '<a/>' }), /takes an XML document/);
	});
});

function sampleOf(xsd: string, name: string): string {
	switch (xsd) {
		case 'int':
			return '42';
		case 'decimal':
			return '26.40';
		case 'boolean':
			return 'true';
		case 'dateTime':
			return '2026-11-20T00:00:00';
		case 'base64Binary':
			return Buffer.from('%PDF-1.4').toString('base64');
		default:
			return `${name} & <value>`;
	}
}
