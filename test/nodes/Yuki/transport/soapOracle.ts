/**
 * The oracle for request envelopes: the `soap` package's own client, loaded from the shipped WSDL
 * files, serialises the same call, with the parameters in the order soap reads from the WSDL
 * (not the order the node chose). The node's envelope must equal it as XML: same elements in the
 * same namespaces and order, same attributes, same text. Prefixes, declarations and namespace
 * declarations that do not change the meaning are ignored.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Client } from 'soap';
import { createClientAsync } from 'soap';
import { create } from 'xmlbuilder2';
import { WSDL_DIRECTORY } from '../../../../scripts/build/wsdl';

const clients = new Map<string, Promise<Client>>();

function clientOf(service: string): Promise<Client> {
	let client = clients.get(service);
	if (!client) {
		client = createClientAsync(join(WSDL_DIRECTORY, `${service}.wsdl`));
		clients.set(service, client);
	}
	return client;
}

/** A parameter value as soap takes it: text, or `{ $xml }` for an element holding an XML document. */
export type OracleValue = string | { $xml: string };

export interface OracleRequest {
	soapAction: string;
	body: string;
}

/** What soap's client sends for `service.operation` with these parameters. */
export async function soapRequest(service: string, operation: string, parameters: Record<string, OracleValue>): Promise<OracleRequest> {
	const client = await clientOf(service);
	const description = client.describe() as Record<string, Record<string, Record<string, { input: Record<string, unknown> }>>>;
	const input = description[service]?.[`${service}Soap`]?.[operation]?.input;
	if (!input) throw new Error(`soap finds no operation ${service}.${operation} in ${service}.wsdl`);
	const unknown = Object.keys(parameters).filter((name) => !(name in input));
	if (unknown.length > 0) throw new Error(`soap finds no parameter ${unknown.join(', ')} in ${service}.${operation} (it has ${Object.keys(input).join(', ')})`);
	const ordered: Record<string, OracleValue> = {};
	for (const name of Object.keys(input)) if (parameters[name] !== undefined) ordered[name] = parameters[name];

	let captured: OracleRequest | undefined;
	const capturing = client as unknown as { httpClient: unknown } & Record<string, (args: unknown) => Promise<unknown>>;
	const original = capturing.httpClient;
	capturing.httpClient = {
		request(_url: string, data: string, callback: (error: Error) => void, headers: Record<string, string>) {
			captured = { soapAction: headers.SOAPAction, body: data };
			callback(new Error('captured'));
		},
	};
	try {
		await capturing[`${operation}Async`](ordered).catch(() => undefined);
	} finally {
		capturing.httpClient = original;
	}
	if (!captured) throw new Error(`soap sent nothing for ${service}.${operation}`);
	return captured;
}

interface CanonicalElement {
	element: string;
	attributes: string[];
	content: Array<CanonicalElement | string>;
}

interface DomNode {
	nodeType: number;
	namespaceURI: string | null;
	localName: string;
	nodeValue: string | null;
	attributes?: { length: number; item(index: number): { namespaceURI: string | null; localName: string; value: string } | null };
	childNodes: { length: number; item(index: number): DomNode | null };
	documentElement?: DomNode;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

function canonical(node: DomNode): CanonicalElement {
	const attributes: string[] = [];
	for (let index = 0; index < (node.attributes?.length ?? 0); index++) {
		const attribute = node.attributes?.item(index);
		if (attribute && attribute.namespaceURI !== XMLNS) attributes.push(`{${attribute.namespaceURI ?? ''}}${attribute.localName}=${attribute.value}`);
	}
	const content: Array<CanonicalElement | string> = [];
	let text = '';
	const flush = () => {
		if (text.trim() !== '') content.push(text);
		text = '';
	};
	for (let index = 0; index < node.childNodes.length; index++) {
		const child = node.childNodes.item(index);
		if (!child) continue;
		if (child.nodeType === 1) {
			flush();
			content.push(canonical(child));
		} else if (child.nodeType === 3 || child.nodeType === 4) {
			text += child.nodeValue ?? '';
		}
	}
	flush();
	return { element: `{${node.namespaceURI ?? ''}}${node.localName}`, attributes: attributes.sort(), content };
}

/** The document as namespaced elements, attributes and text, for comparison. */
export function canonicalXml(xml: string): CanonicalElement {
	const document = create(xml).node as unknown as DomNode;
	if (!document.documentElement) throw new Error('not an XML document');
	return canonical(document.documentElement);
}

/** Asserts that the node's request equals soap's for the same call, as XML and in its SOAPAction. */
export async function assertSameAsSoap(
	service: string,
	operation: string,
	parameters: Record<string, OracleValue>,
	sent: { body: string; soapAction: string },
): Promise<void> {
	const expected = await soapRequest(service, operation, parameters);
	assert.equal(sent.soapAction, expected.soapAction, `${service}.${operation}: SOAPAction`);
	assert.deepEqual(canonicalXml(sent.body), canonicalXml(expected.body), `${service}.${operation}: the envelope differs from soap's`);
}

/** A request the fake Yuki received, checked against soap's envelope for the same parameters. */
export async function assertRequestIsSoaps(request: { path: string; operation: string; soapAction: string; body: string; parameters: Array<[string, string]> }): Promise<void> {
	const service = /\/ws\/([A-Za-z]+)\.asmx$/.exec(request.path)?.[1];
	assert.ok(service, `request to ${request.path} names no service`);
	const parameters: Record<string, OracleValue> = {};
	for (const [name, text] of request.parameters) {
		// An element holding a document: its inner XML exactly as sent.
		const inner = new RegExp(`<${name}>([\\s\\S]*)</${name}>`).exec(request.body)?.[1];
		parameters[name] = inner !== undefined && inner.trimStart().startsWith('<') ? { $xml: inner } : text;
	}
	await assertSameAsSoap(service, request.operation, parameters, { body: request.body, soapAction: request.soapAction });
}
