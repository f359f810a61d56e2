import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { operationParameters } from '../../../../nodes/Yuki/transport/envelope';
import type { YukiService } from '../../../../nodes/Yuki/transport/types';
import type { XmlElement } from '../../../../nodes/Yuki/transport/xml/scanner';
import { parseXml } from '../../../../nodes/Yuki/transport/xml/scanner';
import { WSDL_DIRECTORY } from '../../../../scripts/build/wsdl';

const SERVICES: YukiService[] = ['Accounting', 'AccountingInfo', 'Archive', 'Contact', 'Purchase', 'Sales', 'Vat'];
const NAMESPACE = 'http://www.theyukicompany.com/';

function all(element: XmlElement, name: string): XmlElement[] {
	return element.children.flatMap((child) => (child.name === name ? [child] : all(child, name)));
}

describe('shipped WSDL files', () => {
	it('has one file per service and nothing else', () => {
		assert.deepEqual(readdirSync(WSDL_DIRECTORY).sort(), SERVICES.map((service) => `${service}.wsdl`));
	});

	for (const service of SERVICES) {
		it(`${service}: document/literal SOAP 1.1 in Yuki's namespace, a SOAPAction per operation, the session operations`, () => {
			const definitions = parseXml(readFileSync(join(WSDL_DIRECTORY, `${service}.wsdl`), 'utf8'));
			assert.equal(definitions.attributes.targetNamespace, NAMESPACE);
			const [binding] = all(definitions, 'binding').filter((element) => element.attributes.name === `${service}Soap`);
			assert.ok(binding, 'a SOAP 1.1 binding');
			const operations = binding.children.filter((child) => child.name === 'operation');
			for (const operation of operations) {
				const [soapOperation] = all(operation, 'operation');
				assert.equal(soapOperation.attributes.soapAction, `${NAMESPACE}${operation.attributes.name}`);
				assert.equal(soapOperation.attributes.style, 'document');
				assert.ok(all(operation, 'body').every((body) => body.attributes.use === 'literal'));
			}
			const names = operations.map((operation) => operation.attributes.name);
			for (const sessionOperation of ['Authenticate', 'AuthenticateClient', 'SetCurrentDomain']) assert.ok(names.includes(sessionOperation));
			assert.deepEqual(operationParameters(service, 'AuthenticateClient'), ['clientID', 'clientSecret', 'accessKey']);
			assert.deepEqual(operationParameters(service, 'SetCurrentDomain'), ['sessionID', 'domainID']);
		});
	}

	it('declares the import and upload operations with the parameters of the contract', () => {
		assert.deepEqual(operationParameters('Sales', 'ProcessSalesInvoices'), ['sessionId', 'administrationId', 'xmlDoc']);
		assert.deepEqual(operationParameters('Purchase', 'ProcessPurchaseInvoices'), ['sessionId', 'administrationId', 'disableAutoCorrect', 'xmlDoc']);
		assert.deepEqual(operationParameters('Archive', 'UploadDocumentWithData'), [
			'sessionID',
			'fileName',
			'data',
			'folder',
			'administrationID',
			'currency',
			'amount',
			'costCategory',
			'paymentMethod',
			'project',
			'remarks',
		]);
		assert.deepEqual(operationParameters('Accounting', 'AdministrationID'), ['sessionID', 'administrationName']);
		assert.deepEqual(operationParameters('Accounting', 'CheckOutstandingItem'), ['sessionID', 'Reference']);
	});
});
