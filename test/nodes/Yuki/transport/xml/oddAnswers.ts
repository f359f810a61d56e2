/**
 * Odd answers for the reading of Yuki's answers: entities, CDATA, comments, prefixes, xsi:nil,
 * attributes, whitespace, missing fields, bad values, faults, and every one of them cut short or
 * with a character too many. `answerOutcomes.test.ts` checks that the reader gives for each the
 * same result or error as recorded from the reader before it was made fast.
 */
import { createHash } from 'node:crypto';
import { openItemsAnswer } from '../parseSpeedFixture';

export type AnswerKind = 'sales' | 'purchase' | 'plain' | 'open';

export interface OddAnswer {
	label: string;
	kind: AnswerKind;
	xml: string;
}

const head = '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body><ProcessSalesInvoicesResponse xmlns="http://www.theyukicompany.com/"><ProcessSalesInvoicesResult>';
const tail = '</ProcessSalesInvoicesResult></ProcessSalesInvoicesResponse></soap:Body></soap:Envelope>';
const inv = (i: number, extra = '') => `<Invoice xmlns=""><Succeeded>true</Succeeded><Processed>true</Processed><EmailSent>false</EmailSent><Reference>PC-${i}</Reference><Subject>Advies ${i}</Subject><Contact>Bakkerij</Contact><Message />${extra}</Invoice>`;
const doc = (body: string) => head + '<SalesInvoicesImportResponse xmlns="urn:x"><TimeStamp xmlns="">2026-12-02</TimeStamp><AdministrationId xmlns="">adm</AdministrationId><TotalSucceeded xmlns="">2</TotalSucceeded><TotalFailed xmlns="">0</TotalFailed><TotalSkipped xmlns="">0</TotalSkipped>' + body + '</SalesInvoicesImportResponse>' + tail;
const base = doc(inv(1) + inv(2));
const corpus: string[] = [
	base,
	doc(inv(1, '<Reference>second</Reference>') + inv(2)),
	doc('<Invoice><Succeeded>false</Succeeded><Processed>false</Processed><Reference>R &amp; &#65;&#x42; &lt;x&gt;</Reference><Message><![CDATA[Bad <thing> & ]]>more</Message></Invoice>'),
	doc('<y:Invoice xmlns:y="u"><y:Succeeded> true </y:Succeeded><y:Reference xsi:nil="true">x</y:Reference><y:Subject>  </y:Subject><Contact>a<!-- c -->b<?pi x?>c</Contact></y:Invoice>'),
	doc('<Invoice><Succeeded>yes</Succeeded></Invoice>'),
	doc('<Invoice><Succeeded>TRUE</Succeeded><Processed>0</Processed><EmailSent>1</EmailSent></Invoice>'),
	doc('<Invoice a="1" b=\'2\'><Succeeded\n>true</Succeeded ><Message>line\r\nbreak\rx</Message></Invoice>'),
	doc('<Invoice><Nested><Invoice><Succeeded>true</Succeeded></Invoice></Nested><Succeeded>false</Succeeded></Invoice>'),
	doc('<Invoice><Succeeded>true</Succeeded><Reference><b>in</b>outer</Reference></Invoice>'),
	head + '<SalesInvoicesImportResponse><TotalSucceeded>x1</TotalSucceeded>' + inv(1) + '</SalesInvoicesImportResponse>' + tail,
	head + '<SalesInvoicesImportResponse><TotalSucceeded>1</TotalSucceeded><TotalFailed>1.5</TotalFailed></SalesInvoicesImportResponse>' + tail,
	head + '<SalesInvoicesImportResponse/>' + tail,
	head + 'Schema validation failed: &lt;x&gt;' + tail,
	head + tail,
	head.replace('<ProcessSalesInvoicesResult>', '') + tail.replace('</ProcessSalesInvoicesResult>', ''),
	head + '<Wrapper><SalesInvoicesImportResponse><TotalSucceeded>1</TotalSucceeded>' + inv(1) + '</SalesInvoicesImportResponse></Wrapper>' + tail,
	head + '<SalesInvoicesImportResponse>' + inv(1) + '</SalesInvoicesImportResponse><SalesInvoicesImportResponse>' + inv(2) + '</SalesInvoicesImportResponse>' + tail,
	'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Session &amp; expired</faultstring><detail><a>x</a>y</detail></soap:Fault></soap:Body></soap:Envelope>',
	'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang="en">Bad</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>',
	'<!DOCTYPE x [<!ENTITY e "y">]>' + base,
	base.replace('PC-1', '&e;'),
	base.replace('</Reference>', '</Referenc>'),
	'<html><body>Bad gateway</body></html>',
	'',
	'\uFEFF' + base,
	base + '<!-- trailing -->',
	base + 'junk',
	base.replace('<soap:Body>', '<soap:Header><x>1</x></soap:Header><soap:Body>'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" ID="&bad;">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="&bad;">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns=""  other = "v&amp;w\tx" >'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" bad<="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" a="<">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" a=1>'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" ="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns=""a="1">'),
	base.replace('<Message />', '<Message xsi:nil="true" />'),
	base.replace('<Message />', '<Message xsi:nil="true">text</Message>'),
	base.replace('<Succeeded>true</Succeeded>', '<Succeeded xsi:nil="true">true</Succeeded>'),
	base.replace('<Subject>', '<Subject>&#0;').replace('Advies 1', 'x'),
	base.replace('Advies 1', 'x &#xD800; y'),
	base.replace('Advies 1', '&#1114112;'),
	base.replace('Advies 1', '&#x41'),
	base.replace('Advies 1', 'a & b'),
	base.replace('Advies 1', 'a &amp b;'),
	base.replace('Advies 1', '&verylongentityname;'),
	base.replace('Advies 1', ']]>'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" xmlnsx="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" xmlns:a="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" XMLNS="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" a.b-c_d="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" \fb="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" b\t="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" b c="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" b\u00a0="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" \u00e9="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" b = "1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" xmlns="u" a:b="2" c="&amp;">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" xmlns:="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" xm="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" xmlns\t="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" :="1">'),
	base.replace('<Invoice xmlns="">', '<Invoice xmlns="" 1="1">'),
];
const kinds = ['sales', 'plain'] as const;
const snippets = ['&', '&amp;', '&e;', '&#65;', '<', '>', '/', '"', "'", '=', ']]>', '<!-- c -->', '<![CDATA[x]]>', '<?p?>', ' xsi:nil="true"', '\r\n', ' ', 'a:', '<!DOCTYPE x>', '</x>', '<y/>', '<y>', 'x', '1', ':', '\t', ' a="1"', ' xmlns:q="u"', '<Invoice>', '</Invoice>', '<Succeeded>false</Succeeded>'];

/** Answers written out, each worth reading in a failure message. */
export function writtenAnswers(): OddAnswer[] {
	const answers: OddAnswer[] = [];
	for (const [index, xml] of corpus.entries()) for (const kind of kinds) answers.push({ label: `corpus ${index} (${kind})`, kind, xml });
	answers.push({ label: 'purchase answer to a sales reader', kind: 'purchase', xml: corpus[0] });
	return answers;
}

/** An import answer cut short at every character, and with a character too many or one missing every few characters; open items likewise. */
export function mutatedAnswers(): OddAnswer[] {
	const answers: OddAnswer[] = [];
	const small = doc(inv(1, '<Extra a="&amp;"><Deep>z</Deep></Extra>'));
	for (let at = 0; at <= small.length; at++) {
		answers.push({ label: `cut at ${at}`, kind: 'sales', xml: small.slice(0, at) });
		if (at % 6 !== 0) continue;
		for (const snippet of snippets) answers.push({ label: `${JSON.stringify(snippet)} at ${at}`, kind: 'sales', xml: small.slice(0, at) + snippet + small.slice(at) });
		answers.push({ label: `without character ${at}`, kind: 'sales', xml: small.slice(0, at) + small.slice(at + 1) });
	}
	const open = openItemsAnswer(3000).xml;
	for (let at = 0; at <= open.length; at += 37) {
		answers.push({ label: `open items cut at ${at}`, kind: 'open', xml: open.slice(0, at) });
		for (const snippet of ['&', '<', '</x>', ' xsi:nil="true"', 'x', '<OpenAmount>1e</OpenAmount>']) {
			answers.push({ label: `open items with ${JSON.stringify(snippet)} at ${at}`, kind: 'open', xml: open.slice(0, at) + snippet + open.slice(at) });
		}
	}
	return answers;
}

/** A short fingerprint of an outcome: the mutated answers' outcomes are recorded as these. */
export function fingerprint(outcome: string): string {
	return createHash('sha256').update(outcome).digest('hex').slice(0, 8);
}

/** The reading functions compared: the project's, or (when the outcomes were recorded) the reader before. */
export interface AnswerReader {
	readEnvelope: typeof import('../../../../../nodes/Yuki/transport/results').readEnvelope;
	operationResult: typeof import('../../../../../nodes/Yuki/transport/results').operationResult;
	importResponseStream: typeof import('../../../../../nodes/Yuki/transport/results').importResponseStream;
	readImportResponse: typeof import('../../../../../nodes/Yuki/transport/results').readImportResponse;
	readOutstandingItems: typeof import('../../../../../nodes/Yuki/transport/results').readOutstandingItems;
}

/** What a user would see of one answer: the result as JSON, the fault, or the error's name and message. */
export function outcome(reader: AnswerReader, answer: OddAnswer): string {
	try {
		if (answer.kind === 'open') {
			const envelope = reader.readEnvelope(answer.xml);
			if (envelope.fault) return `fault ${JSON.stringify(envelope.fault)}`;
			const result = reader.operationResult(envelope.body, 'OutstandingDebtorItems');
			return JSON.stringify(reader.readOutstandingItems(result, 'OutstandingDebtorItems', 'OutstandingDebtorItems'));
		}
		if (answer.kind === 'plain') {
			const envelope = reader.readEnvelope(answer.xml);
			if (envelope.fault) return `fault ${JSON.stringify(envelope.fault)}`;
			return JSON.stringify(reader.readImportResponse(reader.operationResult(envelope.body, 'ProcessSalesInvoices'), 'sales'));
		}
		// As the client reads an import: the response streamed in the envelope's own pass.
		const operation = answer.kind === 'sales' ? 'ProcessSalesInvoices' : 'ProcessPurchaseInvoices';
		const stream = reader.importResponseStream(answer.kind);
		const envelope = reader.readEnvelope(answer.xml, { operation, handler: stream.handler });
		if (envelope.fault) return `fault ${JSON.stringify(envelope.fault)}`;
		return JSON.stringify(stream.read(reader.operationResult(envelope.body, operation)));
	} catch (error) {
		return `${(error as Error).name}: ${(error as Error).message}`;
	}
}
