/**
 * SOAP 1.1 envelopes and faults, written the way ASP.NET ASMX services write them, with
 * xmlbuilder2 (the sandbox shares no XML writer with the client it checks).
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

/** Namespace of every Yuki operation, parameter and typed result [doc]. */
export const YUKI_NAMESPACE = 'http://www.theyukicompany.com/';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Compact, and `<Name />` as .NET writes an empty element. */
const WRITE = { prettyPrint: false, spaceBeforeSlash: true } as const;

/** How an embedded answer document (an import or contact response) is written: WRITE, no declaration. */
export const ANSWER_WRITE = { ...WRITE, headless: true } as const;

/** A fault the sandbox answers with; `code` is ASMX's soap:Client (bad request) or soap:Server. */
export class SoapFault extends Error {
	constructor(
		message: string,
		readonly code: 'soap:Client' | 'soap:Server' = 'soap:Server',
		readonly detail = '',
	) {
		super(message);
		this.name = 'SoapFault';
	}
}

/**
 * A value for xmlbuilder2's txt()/att(): it leaves anything that looks like a reference (`&nbsp;`,
 * `&amp;`, `&#60;`) unescaped, so a user's "A &nbsp; B" would come out as an undeclared entity.
 * Escaping `&` first gives references it keeps as they are, and the right text.
 */
export function literal(value: string): string {
	return value.includes('&') ? value.replace(/&/g, '&amp;') : value;
}

function envelope(writeBody: (body: XMLBuilder) => void): string {
	const document = create({ version: '1.0', encoding: 'utf-8' });
	const body = document
		.ele(SOAP_ENV_NS, 'soap:Envelope')
		.att(XMLNS_NS, 'xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance')
		.att(XMLNS_NS, 'xmlns:xsd', 'http://www.w3.org/2001/XMLSchema')
		.ele(SOAP_ENV_NS, 'soap:Body');
	writeBody(body);
	return document.end(WRITE);
}

/**
 * The inner XML of an `<OpResult>`, written by `write` with xmlbuilder2 inside Yuki's namespace:
 * elements written in namespace '' get `xmlns=""` (untyped answers), elements in Yuki's namespace
 * inherit it (typed results).
 */
export function resultXml(write: (result: XMLBuilder) => void): string {
	const result = create().ele(YUKI_NAMESPACE, 'Result');
	write(result);
	const xml = result.end({ ...WRITE, headless: true });
	const open = `<Result xmlns="${YUKI_NAMESPACE}">`;
	return xml.startsWith(open) ? xml.slice(open.length, -'</Result>'.length) : '';
}

/** A text result (a session ID, a number) as the inner XML of `<OpResult>`. */
export function resultText(value: string): string {
	return resultXml((result) => result.txt(literal(value)));
}

/**
 * The answer of an operation. `result` is the inner XML of `<OpResult>` (from resultXml, or the
 * open items' string writer: answers/shape.ts); `undefined` means a void operation (`<OpResponse />`).
 * xmlbuilder2 writes the envelope; the result is set into its empty `<OpResult />`, so a 70 MB
 * answer is not parsed or copied into a DOM again.
 */
export function resultEnvelope(operation: string, result: string | undefined): string {
	const xml = envelope((body) => {
		const response = body.ele(YUKI_NAMESPACE, `${operation}Response`);
		if (result !== undefined) response.ele(YUKI_NAMESPACE, `${operation}Result`);
	});
	if (result === undefined || result === '') return xml;
	const empty = `<${operation}Result />`;
	const at = xml.indexOf(empty);
	return xml.slice(0, at) + `<${operation}Result>` + result + `</${operation}Result>` + xml.slice(at + empty.length);
}

export function faultEnvelope(fault: Pick<SoapFault, 'code' | 'message' | 'detail'>): string {
	return envelope((body) => {
		const soapFault = body.ele(SOAP_ENV_NS, 'soap:Fault');
		soapFault.ele('', 'faultcode').txt(fault.code);
		soapFault.ele('', 'faultstring').txt(literal(fault.message));
		const detail = soapFault.ele('', 'detail');
		if (fault.detail) detail.txt(literal(fault.detail));
	});
}
