/** SOAP 1.1 envelopes and faults, written the way ASP.NET ASMX services write them. */
import { escapeXml } from './xml';

/** Namespace of every Yuki operation, parameter and typed result [doc]. */
export const YUKI_NAMESPACE = 'http://www.theyukicompany.com/';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

const ENVELOPE_OPEN =
	'<?xml version="1.0" encoding="utf-8"?>' +
	`<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
	'<soap:Body>';
const ENVELOPE_CLOSE = '</soap:Body></soap:Envelope>';

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
 * The answer of an operation. `result` is the inner XML of `<OpResult>`; `undefined` means a
 * void operation (`<OpResponse />`).
 */
export function resultEnvelope(operation: string, result: string | undefined): string {
	const body =
		result === undefined
			? `<${operation}Response xmlns="${YUKI_NAMESPACE}" />`
			: `<${operation}Response xmlns="${YUKI_NAMESPACE}"><${operation}Result>${result}</${operation}Result></${operation}Response>`;
	return ENVELOPE_OPEN + body + ENVELOPE_CLOSE;
}

export function faultEnvelope(fault: Pick<SoapFault, 'code' | 'message' | 'detail'>): string {
	return (
		ENVELOPE_OPEN +
		'<soap:Fault>' +
		`<faultcode>${fault.code}</faultcode>` +
		`<faultstring>${escapeXml(fault.message)}</faultstring>` +
		(fault.detail ? `<detail>${escapeXml(fault.detail)}</detail>` : '<detail />') +
		'</soap:Fault>' +
		ENVELOPE_CLOSE
	);
}
