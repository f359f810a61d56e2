/**
 * Request envelopes, written here (SOAP 1.1, document/literal) from the operation table that the
 * build compiles from the shipped WSDL files (wsdl.generated.ts, scripts/build/wsdl.ts). The table
 * is the one place that knows each operation's parameter names, their case and their order:
 * arguments are put in WSDL order here, and a name the WSDL does not know is refused, so a casing
 * slip (`sessionId` vs `sessionID`) fails in tests instead of reaching Yuki as "no value".
 * Tests compare every envelope with the one the `soap` package writes for the same call.
 */
import type { FileSource, XmlPart } from '../documents/xml';
import type { StreamedBody } from './streamedBody';
import { requestBody } from './streamedBody';
import type { YukiService } from './types';
import { WSDL_OPERATIONS } from './wsdl.generated';

type Table = typeof WSDL_OPERATIONS;

export type OperationOf<S extends YukiService> = keyof Table[S] & string;

interface WsdlParameter {
	readonly name: string;
	/** XSD type without prefix (`string`, `int`, `dateTime`, …) or `xml` for an element holding an XML document. */
	readonly xsd: string;
	readonly values?: readonly string[];
}

interface WsdlOperation {
	readonly soapAction: string;
	readonly element: string;
	readonly namespace: string;
	readonly parameters: readonly WsdlParameter[];
}

type ParametersOf<S extends YukiService, O extends OperationOf<S>> = Table[S][O] extends { parameters: ReadonlyArray<{ name: infer N }> }
	? N & string
	: never;

/**
 * An XML document sent as the child elements of an `any` parameter (e.g. `xmlDoc`): one string,
 * or text parts with files between them, each file written as its base64: a Buffer (so a batch
 * of PDFs goes from their bytes into the request body without a base64 string in between) or a
 * FileSource read while the body is sent (so the PDFs are not held at all).
 */
export interface XmlArgument {
	xml: string | readonly XmlPart[];
}

/**
 * Bytes sent as base64 text (e.g. `data` of an upload), encoded while the body is written: a
 * Buffer, or a FileSource read while the body is sent (the file is then not held at all).
 */
export interface BinaryArgument {
	base64: Buffer | FileSource;
}

export type ArgumentValue = string | number | boolean | XmlArgument | BinaryArgument | undefined;

/** The arguments of one operation, keyed by the WSDL's own parameter names (case included). */
export type WsdlArguments<S extends YukiService, O extends OperationOf<S>> = { [P in ParametersOf<S, O>]?: ArgumentValue };

export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Arguments the envelope cannot carry (unknown name, wrong type, a character XML forbids). Nothing was sent. */
export class EnvelopeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EnvelopeError';
	}
}

export function wsdlOperation(service: YukiService, operation: string): WsdlOperation {
	const found = (WSDL_OPERATIONS[service] as Record<string, WsdlOperation> | undefined)?.[operation];
	if (!found) throw new EnvelopeError(`${service}.wsdl has no SOAP 1.1 operation ${operation}`);
	return found;
}

/** Parameter names of an operation, in WSDL order. */
export function operationParameters(service: YukiService, operation: string): string[] {
	return wsdlOperation(service, operation).parameters.map((parameter) => parameter.name);
}

/** The parameter that carries the session (`sessionID` or `sessionId`, by operation), if any. */
export function sessionParameter(service: YukiService, operation: string): string | undefined {
	return writer(wsdlOperation(service, operation)).sessionParameter;
}

/** What every envelope of one operation shares, worked out on its first call rather than on every call. */
interface EnvelopeWriter {
	known: ReadonlySet<string>;
	sessionParameter: string | undefined;
	/** From the XML declaration to the operation element's start tag. */
	head: string;
	tail: string;
}

const writers = new WeakMap<WsdlOperation, EnvelopeWriter>();

function writer(wsdl: WsdlOperation): EnvelopeWriter {
	let found = writers.get(wsdl);
	if (!found) {
		const names = wsdl.parameters.map((parameter) => parameter.name);
		found = {
			known: new Set(names),
			sessionParameter: names.find((name) => name.toLowerCase() === 'sessionid'),
			head:
				'<?xml version="1.0" encoding="utf-8"?>' +
				`<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
				`<soap:Body><${wsdl.element} xmlns="${wsdl.namespace}">`,
			tail: `</${wsdl.element}></soap:Body></soap:Envelope>`,
		};
		writers.set(wsdl, found);
	}
	return found;
}

export interface OperationEnvelope {
	soapAction: string;
	/** Complete SOAP 1.1 envelope, UTF-8: in memory, or written while it is sent when it holds a FileSource. */
	body: Buffer | StreamedBody;
}

export const ENVELOPE_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** Characters XML 1.0 cannot carry at all (not even escaped): controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function escapeXmlText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const SIMPLE_TYPES: Record<string, RegExp> = {
	int: /^[-+]?\d+$/,
	long: /^[-+]?\d+$/,
	decimal: /^[-+]?(\d+\.?\d*|\.\d+)$/,
	boolean: /^(true|false)$/,
	dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[-+]\d{2}:\d{2})?$/,
};

function textArgument(where: string, parameter: WsdlParameter, value: string | number | boolean): string {
	const text = String(value);
	const match = FORBIDDEN_CHARACTER.exec(text);
	if (match) {
		const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		throw new EnvelopeError(`${where} holds the character U+${code}, which XML cannot carry`);
	}
	const pattern = SIMPLE_TYPES[parameter.xsd];
	if (pattern && !pattern.test(text)) throw new EnvelopeError(`${where} must be an xs:${parameter.xsd}, got "${text}"`);
	if (parameter.values && !parameter.values.includes(text)) {
		throw new EnvelopeError(`${where} must be one of ${parameter.values.join(', ')}, got "${text}"`);
	}
	return escapeXmlText(text);
}

const XML_DECLARATION = /^\uFEFF?\s*<\?xml[^?]*\?>\s*/;

/**
 * An XML document as the elements of an `any` parameter: no `<?xml?>` declaration, no BOM.
 * Parts (our own writer's, documents/xml.ts) carry no declaration and are passed on as they are.
 */
export function xmlElements(document: string | readonly XmlPart[]): XmlArgument {
	if (typeof document !== 'string') return { xml: document };
	return { xml: XML_DECLARATION.test(document) ? document.replace(XML_DECLARATION, '').trim() : document.trim() };
}

/**
 * The envelope of one call. Text values are escaped and checked against the parameter's XSD
 * type; `undefined` leaves a parameter out; the order is the WSDL's, whatever the order of `args`.
 */
export function writeEnvelope(service: YukiService, operation: string, args: Record<string, ArgumentValue>): OperationEnvelope {
	const wsdl = wsdlOperation(service, operation);
	const { known, head, tail } = writer(wsdl);
	const unknown = Object.keys(args).filter((name) => !known.has(name));
	if (unknown.length > 0) {
		throw new EnvelopeError(
			`${service}.${operation} has no parameter ${unknown.join(', ')} (expected ${[...known].join(', ')})`,
		);
	}
	const parts: XmlPart[] = [head];
	for (const parameter of wsdl.parameters) {
		const value = args[parameter.name];
		if (value === undefined) continue;
		const where = `${service}.${operation} parameter ${parameter.name}`;
		if (typeof value === 'object' && 'xml' in value) {
			if (parameter.xsd !== 'xml') throw new EnvelopeError(`${where} takes text, not an XML document`);
			// Separate parts: the document is copied once, into the body, never into a longer string first.
			parts.push(`<${parameter.name}>`);
			if (typeof value.xml === 'string') parts.push(value.xml);
			else for (const part of value.xml) parts.push(part);
			parts.push(`</${parameter.name}>`);
		} else if (typeof value === 'object' && 'base64' in value) {
			if (parameter.xsd !== 'base64Binary') throw new EnvelopeError(`${where} is not base64 data`);
			parts.push(`<${parameter.name}>`, value.base64, `</${parameter.name}>`);
		} else {
			if (parameter.xsd === 'xml') throw new EnvelopeError(`${where} takes an XML document`);
			parts.push(`<${parameter.name}>${textArgument(where, parameter, value)}</${parameter.name}>`);
		}
	}
	parts.push(tail);
	return { soapAction: wsdl.soapAction, body: requestBody(parts, ENVELOPE_CONTENT_TYPE) };
}
