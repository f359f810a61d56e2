/**
 * The sandbox keeps its own parameter lists (it must not share the client's SOAP code), so they
 * are held against the WSDL files the package ships for the transport: every operation a shipped
 * WSDL declares must be played by the sandbox on that service with exactly the WSDL's parameter
 * names, casing and order. Operations the sandbox plays that no shipped WSDL declares yet are
 * listed as a diagnostic (the transport adds them when it needs them).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS, SERVICES, findOperation } from '../../sandbox/operations';
import type { ServiceName } from '../../sandbox/operations';
import { childElements, parseXml } from '../../sandbox/xml';
import type { XmlElement } from '../../sandbox/xml';

const WSDL_DIRECTORY = join(__dirname, '../../nodes/Yuki/transport/wsdl');
const XSD = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';

function descendants(element: XmlElement, local: string, ns: string): XmlElement[] {
	return childElements(element).flatMap((child) => [...(child.local === local && child.ns === ns ? [child] : []), ...descendants(child, local, ns)]);
}

/** Operation → parameter names in order, from the SOAP 1.1 port type and the schema's request elements. */
function declaredOperations(file: string): Map<string, string[]> {
	const definitions = parseXml(readFileSync(file, 'utf8'));
	const [schema] = descendants(definitions, 'schema', XSD);
	const requests = new Map(childElements(schema).filter((child) => child.local === 'element').map((element) => [element.attrs.name, element]));
	const operations = new Map<string, string[]>();
	for (const portType of descendants(definitions, 'portType', WSDL)) {
		for (const operation of childElements(portType).filter((child) => child.local === 'operation')) {
			const request = requests.get(operation.attrs.name);
			const [sequence] = request ? descendants(request, 'sequence', XSD) : [];
			operations.set(operation.attrs.name, sequence ? childElements(sequence).map((parameter) => parameter.attrs.name) : []);
		}
	}
	return operations;
}

const shipped = (service: string) => join(WSDL_DIRECTORY, `${service}.wsdl`);

describe('sandbox parameters against the shipped WSDL files', () => {
	it('has a WSDL for the services it plays, where the package ships one', () => {
		const files = readdirSync(WSDL_DIRECTORY).filter((name) => name.endsWith('.wsdl'));
		for (const file of files) assert.ok((SERVICES as readonly string[]).includes(file.replace(/\.wsdl$/, '')), `the sandbox does not play ${file}`);
	});

	for (const service of SERVICES) {
		it(`${service}: every declared operation, same parameters in the same order`, (t) => {
			if (!existsSync(shipped(service))) {
				t.diagnostic(`no ${service}.wsdl shipped yet`);
				return;
			}
			const declared = declaredOperations(shipped(service));
			assert.ok(declared.size > 0);
			for (const [operation, parameters] of declared) {
				const played = findOperation(service as ServiceName, operation);
				assert.ok(played, `${service}.wsdl declares ${operation}, which the sandbox does not play on ${service}.asmx`);
				assert.deepEqual([...played.params], parameters, `${service}.${operation}`);
			}
			const undeclared = Object.entries(OPERATIONS)
				.filter(([name, operation]) => (operation.service === undefined || operation.service === service) && !declared.has(name))
				.map(([name]) => name);
			if (undeclared.length) t.diagnostic(`played but not in ${service}.wsdl: ${undeclared.join(', ')}`);
		});
	}
});
