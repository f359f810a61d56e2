/**
 * The sandbox writes its answers with xmlbuilder2 (envelope, faults, answer lists), except the
 * open-item rows, which keep a string writer for the bench's 10,000–100,000 items. Both must give
 * the same bytes, and the answers must read back with the sandbox's own reader.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { outstandingItemAnswer } from '../../sandbox/answers/accounting';
import { typedList, untypedList, untypedListStreamed } from '../../sandbox/answers/shape';
import type { AnswerRecord, AnswerRow } from '../../sandbox/answers/shape';
import { SOAP_ENV_NS, YUKI_NAMESPACE, faultEnvelope, resultEnvelope, resultText } from '../../sandbox/soap';
import { childElements, parseXml, textOf } from '../../sandbox/xml';

function openItemRow(index: number, overrides: AnswerRow = {}): AnswerRow {
	const row: AnswerRow = {};
	for (const field of outstandingItemAnswer.fields) row[field.xml] = '';
	return { ...row, ID: `item-${index}`, Description: `Invoice ${index} <Tom & "Jerry">`, OpenAmount: '26.40', Type: 'Verkoopfactuur', 'Type@ID': '1', ...overrides };
}

describe('sandbox answer writing (xmlbuilder2)', () => {
	it('writes the envelope as ASMX does, with the result inside <OpResult>', () => {
		const xml = resultEnvelope('Authenticate', resultText('a&b'));
		assert.equal(
			xml,
			`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><AuthenticateResponse xmlns="${YUKI_NAMESPACE}"><AuthenticateResult>a&amp;b</AuthenticateResult></AuthenticateResponse></soap:Body></soap:Envelope>`,
		);
		assert.match(resultEnvelope('SetCurrentDomain', undefined), /<SetCurrentDomainResponse xmlns="http:\/\/www\.theyukicompany\.com\/" \/><\/soap:Body>/);
	});

	it('escapes user text that looks like an entity (xmlbuilder2 alone would leave "&nbsp;" as it is)', () => {
		const spec: AnswerRecord = { record: 'Row', source: 'test', fields: [{ xml: 'ID', attribute: true }, { xml: 'Name' }] };
		const rows = [{ ID: 'a &amp; b', Name: 'A &nbsp; &#60; B' }];
		assert.equal(untypedList('Rows', spec, rows), '<Rows xmlns=""><Row ID="a &amp;amp; b"><Name>A &amp;nbsp; &amp;#60; B</Name></Row></Rows>');
		assert.equal(untypedListStreamed('Rows', spec, rows), untypedList('Rows', spec, rows));
		assert.equal(textOf(parseXml(resultEnvelope('Authenticate', resultText('x &lt; y')))), '');
		assert.match(resultEnvelope('Authenticate', resultText('x &lt; y')), /<AuthenticateResult>x &amp;lt; y<\/AuthenticateResult>/);
	});

	it('writes a fault with code, escaped text and detail', () => {
		const envelope = parseXml(faultEnvelope({ code: 'soap:Client', message: 'bad <value> & more', detail: '' }));
		const fault = childElements(childElements(envelope)[0])[0];
		assert.equal(fault.ns, SOAP_ENV_NS);
		assert.deepEqual(
			childElements(fault).map((child) => [child.name, child.ns, textOf(child)]),
			[['faultcode', '', 'soap:Client'], ['faultstring', '', 'bad <value> & more'], ['detail', '', '']],
		);
	});

	it('writes untyped lists in no namespace and typed lists in Yuki\'s, with empty, omitted and nil values', () => {
		const spec: AnswerRecord = {
			record: 'Row',
			source: 'test',
			fields: [{ xml: 'ID', attribute: true }, { xml: 'Name' }, { xml: 'Code', whenEmpty: 'omit' }, { xml: 'Date', whenEmpty: 'nil' }],
		};
		const rows = [{ ID: '1', Name: 'A & B', Code: '', Date: '' }];
		assert.equal(untypedList('Rows', spec, rows), '<Rows xmlns=""><Row ID="1"><Name>A &amp; B</Name><Date xsi:nil="true" /></Row></Rows>');
		assert.equal(untypedList('Rows', spec, []), '<Rows xmlns="" />');
		assert.equal(typedList(spec, rows), '<Row ID="1"><Name>A &amp; B</Name><Date xsi:nil="true" /></Row>');
		const answer = parseXml(resultEnvelope('GetRows', typedList(spec, rows)));
		const record = childElements(childElements(childElements(childElements(answer)[0])[0])[0])[0];
		assert.equal(record.ns, YUKI_NAMESPACE);
	});

	it('writes the open items with the string writer byte for byte as xmlbuilder2 would', () => {
		const rows = [openItemRow(1), openItemRow(2, { 'Type@ID': undefined, Type: '', PaymentReference: 'RF18 & co' }), openItemRow(3, { Type: '' })];
		assert.equal(untypedListStreamed('OutstandingItems', outstandingItemAnswer, rows), untypedList('OutstandingItems', outstandingItemAnswer, rows));
		assert.equal(untypedListStreamed('OutstandingItems', outstandingItemAnswer, []), untypedList('OutstandingItems', outstandingItemAnswer, []));
	});

	it('lists 1,000 open items that read back (10,000: npx tsx test/sandbox/openItems.bench.ts)', () => {
		const rows = Array.from({ length: 1_000 }, (_, index) => openItemRow(index));
		const xml = resultEnvelope('GetOutstandingItems', untypedListStreamed('OutstandingItems', outstandingItemAnswer, rows));
		const list = childElements(childElements(childElements(childElements(parseXml(xml))[0])[0])[0])[0];
		assert.equal(childElements(list).length, 1_000);
		assert.equal(textOf(childElements(childElements(list)[999]).find((child) => child.name === 'Description')!), 'Invoice 999 <Tom & "Jerry">');
	});
});
