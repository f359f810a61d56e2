/**
 * Request envelopes, written by the `soap` package from the WSDL files this package ships
 * (`transport/wsdl/<Service>.wsdl`, read from disk once per process; nothing is fetched from Yuki).
 * The WSDL is the one place that knows each operation's parameter names, their casing and their
 * order: arguments are put in WSDL order here, and a name the WSDL does not know is refused, so a
 * casing slip (`sessionId` vs `sessionID`) fails in tests instead of reaching Yuki as "no value".
 */
import { join } from 'node:path';
import { createClientAsync } from 'soap';
import type { Client } from 'soap';
import type { YukiService } from './types';

/** Works from `nodes/` (tsx, tests) and from `dist/nodes/` (the gulp build copies the WSDL files). */
export const WSDL_DIRECTORY = join(__dirname, 'wsdl');

const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

interface SoapMethod {
	soapAction?: string;
	input: { $name: string; targetNSAlias: string; targetNamespace: string; $type?: string; $lookupType?: string };
}

export interface OperationEnvelope {
	soapAction: string;
	/** Complete SOAP 1.1 envelope. */
	xml: string;
}

const loadedServices = new Map<YukiService, Promise<Client>>();

function serviceClient(service: YukiService): Promise<Client> {
	let client = loadedServices.get(service);
	if (!client) {
		client = createClientAsync(join(WSDL_DIRECTORY, `${service}.wsdl`));
		// A failed load must not be cached forever: the next call tries again.
		client.catch(() => loadedServices.delete(service));
		loadedServices.set(service, client);
	}
	return client;
}

function soapMethod(client: Client, service: YukiService, operation: string): SoapMethod {
	const definitions = client.wsdl.definitions as unknown as {
		services: Record<string, { ports: Record<string, { binding: { methods: Record<string, SoapMethod> } }> }>;
	};
	const method = definitions.services[service]?.ports[`${service}Soap`]?.binding.methods[operation];
	if (!method) throw new Error(`${service}.wsdl has no SOAP 1.1 operation ${operation}`);
	return method;
}

const parameterLists = new Map<string, string[]>();

/** Parameter names of an operation, in WSDL order. */
export async function operationParameters(service: YukiService, operation: string): Promise<string[]> {
	const cacheKey = `${service}.${operation}`;
	const cached = parameterLists.get(cacheKey);
	if (cached) return cached;
	const client = await serviceClient(service);
	const description = client.describe() as Record<string, Record<string, Record<string, { input: Record<string, unknown> }>>>;
	const input = description[service]?.[`${service}Soap`]?.[operation]?.input;
	if (!input) throw new Error(`${service}.wsdl has no SOAP 1.1 operation ${operation}`);
	const parameters = Object.keys(input);
	parameterLists.set(cacheKey, parameters);
	return parameters;
}

/**
 * Builds the envelope of one call. `args` values are text (escaped by soap) or `{ $xml }` for an
 * `any` parameter that takes an XML document as elements; `undefined` leaves a parameter out.
 */
export async function buildEnvelope(
	service: YukiService,
	operation: string,
	args: Record<string, string | { $xml: string } | undefined>,
): Promise<OperationEnvelope> {
	const client = await serviceClient(service);
	const method = soapMethod(client, service, operation);
	const parameters = await operationParameters(service, operation);
	const unknown = Object.keys(args).filter((name) => !parameters.includes(name));
	if (unknown.length > 0) {
		throw new Error(`${service}.${operation} has no parameter ${unknown.join(', ')} (expected ${parameters.join(', ')})`);
	}
	const ordered: Record<string, unknown> = {};
	for (const name of parameters) if (args[name] !== undefined) ordered[name] = args[name];

	const input = method.input;
	const message = client.wsdl.objectToDocumentXML(
		input.$name,
		ordered,
		input.targetNSAlias,
		input.targetNamespace,
		input.$type ?? input.$lookupType,
	) as string;
	return {
		soapAction: method.soapAction ?? `http://www.theyukicompany.com/${operation}`,
		xml:
			'<?xml version="1.0" encoding="utf-8"?>' +
			`<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
			`<soap:Body>${message}</soap:Body></soap:Envelope>`,
	};
}

/** An XML document as the elements of an `any` parameter: no `<?xml?>` declaration, no BOM. */
export function asXmlElements(document: string): { $xml: string } {
	return { $xml: document.replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, '').trim() };
}
