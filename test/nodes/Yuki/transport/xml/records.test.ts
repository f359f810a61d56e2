import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { outstandingItemRecord } from '../../../../../nodes/Yuki/transport/responses';
import type { ImportResponse } from '../../../../../nodes/Yuki/transport/types';
import {
	MalformedAnswerError,
	operationResult,
	readEnvelope,
	importResponseStream,
	readImportResponse,
	readOutstandingItems,
	readRecords,
	RejectedDocumentError,
} from '../../../../../nodes/Yuki/transport/results';
import { streamRecords } from '../../../../../nodes/Yuki/transport/xml/records';
import { parseXml } from '../../../../../nodes/Yuki/transport/xml/scanner';
import { scanXml, XmlSyntaxError } from '../../../../../nodes/Yuki/transport/xml/stream';

function answer(operation: string, result: string): string {
	return (
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<${operation}Response xmlns="http://www.theyukicompany.com/"><${operation}Result>${result}</${operation}Result></${operation}Response></soap:Body></soap:Envelope>`
	);
}

function openItems(xml: string) {
	const envelope = readEnvelope(xml);
	if (envelope.fault) throw new Error(envelope.fault.faultString);
	return readOutstandingItems(operationResult(envelope.body, 'OutstandingDebtorItems'), 'OutstandingDebtorItems', 'OutstandingDebtorItems');
}

const ITEM =
	'<Item ID=" i-1 "><Date>2026-10-01T00:00:00</Date><Description>Koffie &amp; thee</Description><OpenAmount>10.50</OpenAmount>' +
	'<OriginalAmount> 26.40 </OriginalAmount><Type ID="6">Verkoopfactuur</Type><Reference>A-1</Reference><Reference>ignored</Reference>' +
	'<DueDate xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" /><Contact><![CDATA[De <Vries>]]></Contact></Item>';

describe('the streaming reader', () => {
	it('reports start tags, text and end tags with their depth, and builds nothing', () => {
		const events: string[] = [];
		scanXml('<a:r xmlns:a="urn:a"><b x="1">t&lt;<![CDATA[c]]></b><c/>\n  </a:r>', {
			start: (name, attributes, depth) => events.push(`<${name}${attributes ? JSON.stringify(attributes) : ''}@${depth}`),
			text: (text, depth) => events.push(`"${text}"@${depth}`),
			end: (name, depth) => events.push(`</${name}@${depth}`),
		});
		assert.deepEqual(events, ['<r@0', '<b{"x":"1"}@1', '"t<"@1', '"c"@1', '</b@1', '<c@1', '</c@1', '</r@0']);
	});

	it('checks the content it builds nothing for (below `deepest`) just as strictly', () => {
		const skip = { deepest: 0, start() {}, text() {}, end() {} };
		scanXml('<r><a x="&lt;&#65;">&amp; &#x1F600; ok</a><b/></r>', skip);
		for (const xml of ['<r><a>R&D</a></r>', '<r><a x="&bogus;"/></r>', '<r><a>&#0;</a></r>', '<r><a>&amp</a></r>', '<r><a><b></a></r>']) {
			assert.throws(() => scanXml(xml, skip), XmlSyntaxError, xml);
		}
	});

	it('refuses a DOCTYPE and anything not well-formed', () => {
		const ignore = { start() {}, text() {}, end() {} };
		for (const xml of ['<!DOCTYPE r><r/>', '<r><a></r>', '<r>', '<r/><s/>', '<r>&x;</r>']) {
			assert.throws(() => scanXml(xml, ignore), XmlSyntaxError, xml);
		}
	});
});

describe('reading records as they stream past', () => {
	it('reads an open item like the element tree would: trimmed texts, first of a name, nil and empty left out, Type@ID', () => {
		const [item] = openItems(answer('OutstandingDebtorItems', `<OutstandingDebtorItems xmlns="">${ITEM}</OutstandingDebtorItems>`));
		assert.deepEqual(item, {
			id: 'i-1',
			date: '2026-10-01',
			description: 'Koffie & thee',
			contact: 'De <Vries>',
			openAmount: 10.5,
			originalAmount: 26.4,
			type: 'Verkoopfactuur',
			typeId: 6,
			reference: 'A-1',
			openAmountText: '10.50',
			originalAmountText: '26.40',
		});
	});

	it('gives the same records from a built tree as from the text', () => {
		const xml = `<OutstandingDebtorItems>${ITEM}${ITEM.replace('i-1', 'i-2')}</OutstandingDebtorItems>`;
		const fromTree = readRecords({ name: 'Result', attributes: {}, text: '', children: [parseXml(xml)] }, outstandingItemRecord);
		const fromText = readRecords(parseXml(`<Result>${xml}</Result>`, { depth: 0 }), outstandingItemRecord);
		assert.equal(fromText.length, 2);
		assert.deepEqual(fromTree, fromText);
	});

	it('keeps the answer strict: a missing result, a result without the list, an item without amounts, broken XML', () => {
		const broken = {
			'no result': answer('OutstandingDebtorItems', '').replace('<OutstandingDebtorItemsResult></OutstandingDebtorItemsResult>', ''),
			'empty result': answer('OutstandingDebtorItems', ''),
			'another element': answer('OutstandingDebtorItems', '<Something/>'),
			'no amount': answer('OutstandingDebtorItems', '<OutstandingDebtorItems><Item ID="1"><OpenAmount>1</OpenAmount></Item></OutstandingDebtorItems>'),
			'not a number': answer('OutstandingDebtorItems', '<OutstandingDebtorItems><Item ID="1"><OpenAmount>1,5</OpenAmount><OriginalAmount>2</OriginalAmount></Item></OutstandingDebtorItems>'),
			truncated: answer('OutstandingDebtorItems', `<OutstandingDebtorItems>${ITEM}</OutstandingDebtorItems>`).slice(0, -60),
			'broken item': answer('OutstandingDebtorItems', `<OutstandingDebtorItems>${ITEM.replace('</Reference>', '')}</OutstandingDebtorItems>`),
			doctype: `<!DOCTYPE x [<!ENTITY e "x">]>${answer('OutstandingDebtorItems', '<OutstandingDebtorItems/>')}`,
		};
		for (const [what, xml] of Object.entries(broken)) assert.throws(() => openItems(xml), MalformedAnswerError, what);
		assert.deepEqual(openItems(answer('OutstandingDebtorItems', '<OutstandingDebtorItems xmlns="" />')), []);
	});

	it('reads every record at any depth, not inside another record, in order', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 8 })), { maxLength: 30 }), (entries) => {
				const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
				const body = entries
					.map(([nested, value], index) => {
						const record = `<R n="${index}"><V>${escape(value)}</V><R n="inner"/></R>`;
						return nested ? `<Group>${record}</Group>` : record;
					})
					.join('\n');
				const seen: Array<string | undefined> = [];
				const values: Array<string | undefined> = [];
				streamRecords(parseXml(`<List>${body}</List>`, { depth: 0 }), { record: 'R', attributes: ['n'], children: ['V'] }, (raw) => {
					seen.push(raw.attributes[0]);
					values.push(raw.texts[0]);
				});
				assert.deepEqual(seen, entries.map((_, index) => String(index)));
				assert.deepEqual(values, entries.map(([, value]) => (value.trim() === '' ? undefined : value.trim())));
			}),
			{ numRuns: 200 },
		);
	});

	it('reads an import response in one pass: its own totals (direct children only), every invoice in it, nothing outside it', () => {
		const envelopeOf = (inner: string) => answer('ProcessSalesInvoices', inner);
		// From the tree (readImportResponse), and the client's way: in the envelope's own pass. Both must agree.
		const fromTree = (inner: string) => {
			const envelope = readEnvelope(envelopeOf(inner));
			if (envelope.fault) throw new Error(envelope.fault.faultString);
			return readImportResponse(operationResult(envelope.body, 'ProcessSalesInvoices'), 'sales');
		};
		const streamed = (inner: string) => {
			const stream = importResponseStream('sales');
			const envelope = readEnvelope(envelopeOf(inner), { operation: 'ProcessSalesInvoices', handler: stream.handler });
			if (envelope.fault) throw new Error(envelope.fault.faultString);
			return stream.read(operationResult(envelope.body, 'ProcessSalesInvoices'));
		};
		const read = (inner: string) => {
			let tree: unknown;
			let error: unknown;
			try {
				tree = fromTree(inner);
			} catch (failure) {
				error = failure;
			}
			if (error) {
				assert.throws(() => streamed(inner), { name: (error as Error).name, message: (error as Error).message });
				throw error;
			}
			assert.deepEqual(streamed(inner), tree);
			return tree;
		};
		const invoice = (reference: string, succeeded: string) =>
			`<Invoice><Succeeded>${succeeded}</Succeeded><Processed>true</Processed><Reference> ${reference} </Reference><Message>ok</Message></Invoice>`;
		assert.deepEqual(
			read(
				`<Invoice><Reference>outside</Reference></Invoice><Wrapper><SalesInvoicesImportResponse xmlns="urn:x"><TimeStamp>2026-10-01</TimeStamp>` +
					`<TotalSucceeded>1</TotalSucceeded><Invoices>${invoice('A-1', 'true')}<Group>${invoice('A-2', 'false')}</Group></Invoices>` +
					`<Nested><TotalFailed>9</TotalFailed></Nested><TotalFailed>1</TotalFailed><TotalFailed>5</TotalFailed></SalesInvoicesImportResponse></Wrapper>` +
					`<SalesInvoicesImportResponse><Invoice><Reference>second response</Reference></Invoice></SalesInvoicesImportResponse>`,
			),
			{
				timeStamp: '2026-10-01',
				administrationId: undefined,
				totalSucceeded: 1,
				totalFailed: 1,
				totalSkipped: 0,
				invoices: [
					{ succeeded: true, processed: true, reference: 'A-1', message: 'ok' },
					{ succeeded: false, processed: true, reference: 'A-2', message: 'ok' },
				],
			},
		);
		// Totals Yuki left out are counted from the invoices.
		const counted = read(`<SalesInvoicesImportResponse>${invoice('B-1', 'false')}</SalesInvoicesImportResponse>`) as ImportResponse;
		assert.deepEqual([counted.totalSucceeded, counted.totalFailed, counted.totalSkipped], [0, 1, 0]);
		// An unreadable value is a malformed answer, in the header as in an invoice; no response at all is a rejection.
		assert.throws(() => read('<SalesInvoicesImportResponse><TotalFailed>x</TotalFailed></SalesInvoicesImportResponse>'), MalformedAnswerError);
		assert.throws(() => read(`<SalesInvoicesImportResponse>${invoice('C-1', 'maybe')}${invoice('C-2', 'true')}</SalesInvoicesImportResponse>`), MalformedAnswerError);
		assert.throws(() => read('<Error>Schema <b>validation</b> failed</Error>'), (error: Error) => {
			return error instanceof RejectedDocumentError && error.message === 'Schema validation failed';
		});
		assert.throws(() => readImportResponse(undefined, 'sales'), /Yuki returned no SalesInvoicesImportResponse/);
		// Only the operation's own result is read: not an import response in a SOAP header, nor in a second Body element.
		const stream = importResponseStream('sales');
		const xml =
			'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><a><b><c><SalesInvoicesImportResponse>' +
			invoice('H-1', 'true') +
			'</SalesInvoicesImportResponse></c></b></a></soap:Header><soap:Body><ProcessSalesInvoicesResponse><ProcessSalesInvoicesResult>' +
			`<SalesInvoicesImportResponse>${invoice('R-1', 'true')}</SalesInvoicesImportResponse></ProcessSalesInvoicesResult>` +
			`<ProcessSalesInvoicesResult><SalesInvoicesImportResponse>${invoice('R-2', 'true')}</SalesInvoicesImportResponse></ProcessSalesInvoicesResult>` +
			'</ProcessSalesInvoicesResponse></soap:Body></soap:Envelope>';
		const envelope = readEnvelope(xml, { operation: 'ProcessSalesInvoices', handler: stream.handler });
		assert.ok(!envelope.fault);
		assert.deepEqual(
			stream.read(operationResult(envelope.body, 'ProcessSalesInvoices')).invoices.map((entry) => entry.reference),
			['R-1'],
		);
	});
});
