/**
 * The sandbox answers in Yuki's layout: compared with example responses from Yuki's own
 * documentation (test/fixtures/sandbox/yuki-examples), element by element and namespace by
 * namespace, so a client that reads the sandbox reads Yuki.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { startSandbox } from '../../sandbox/server';
import { childElements, parseXml, textOf } from '../../sandbox/xml';
import type { XmlElement } from '../../sandbox/xml';
import { administrations, param, processSales, salesInvoiceXml, soapCall } from './soapHelpers';
import type { SoapAnswer } from './soapHelpers';
import { withSandbox } from './support';

const EXAMPLES = join(__dirname, '../fixtures/sandbox/yuki-examples');

function example(name: string): XmlElement {
	return parseXml(readFileSync(join(EXAMPLES, `${name}.response.xml`), 'utf8'));
}

/** Envelope → Body → OpResponse → OpResult, checking the names and namespaces on the way. */
function resultElement(envelope: XmlElement, operation: string): XmlElement {
	assert.equal(envelope.local, 'Envelope');
	assert.equal(envelope.ns, 'http://schemas.xmlsoap.org/soap/envelope/');
	const [body] = childElements(envelope);
	assert.equal(body.local, 'Body');
	const [response] = childElements(body);
	assert.equal(response.local, `${operation}Response`);
	assert.equal(response.ns, 'http://www.theyukicompany.com/');
	const [result] = childElements(response);
	assert.equal(result.local, `${operation}Result`);
	assert.equal(result.ns, 'http://www.theyukicompany.com/');
	return result;
}

const names = (element: XmlElement) => childElements(element).map((child) => `${child.local}{${child.ns}}`);

/** Same wrapper and record names and namespaces; the sandbox writes no element Yuki does not. */
function assertSameRecords(sandboxAnswer: SoapAnswer, exampleName: string, operation: string, extra: string[] = []): void {
	const expected = resultElement(example(exampleName), operation);
	const actual = resultElement(parseXml(sandboxAnswer.body), operation);
	assert.deepEqual(
		[...new Set(names(actual))],
		[...new Set(names(expected))],
		'the elements directly inside the result',
	);
	const expectedRecord = childElements(expected)[0];
	const actualRecord = childElements(actual)[0];
	const records = (element: XmlElement) => (childElements(element).length && childElements(childElements(element)[0]).length ? childElements(element) : [element]);
	const [expectedFirst] = records(expectedRecord);
	const [actualFirst] = records(actualRecord);
	assert.deepEqual(Object.keys(actualFirst.attrs).sort(), Object.keys(expectedFirst.attrs).sort(), 'record attributes');
	const allowed = new Set([...names(expectedFirst), ...extra]);
	for (const child of names(actualFirst)) assert.ok(allowed.has(child), `${child} is not in Yuki's ${exampleName} example`);
	const typeElement = childElements(actualFirst).find((child) => child.local === 'Type');
	if (typeElement) assert.match(typeElement.attrs.ID, /^\d+$/);
}

describe("sandbox answers in Yuki's layout", () => {
	it('matches the example responses of Yuki\'s documentation', async () => {
		const sandbox = await startSandbox();
		try {
			const auth = await soapCall(sandbox.url, 'Accounting', 'Authenticate', param('accessKey', DEMO.accessKey));
			resultElement(example('Authenticate'), 'Authenticate');
			const session = textOf(resultElement(parseXml(auth.body), 'Authenticate'));
			assert.match(session, /^[0-9a-f-]{36}$/);

			assertSameRecords(await administrations(sandbox.url, session), 'Administrations', 'Administrations');
			assertSameRecords(await soapCall(sandbox.url, 'Accounting', 'CheckOutstandingItem', param('sessionID', session) + param('Reference', 'DEMO-2025-001')), 'CheckOutstandingItem', 'CheckOutstandingItem', [
				'DocumentID{}', // present in Yuki's list examples, absent from this one
			]);
			const byDate = await soapCall(
				sandbox.url,
				'Accounting',
				'OutstandingDebtorItemsByDate',
				param('sessionID', session) + param('administrationID', DEMO.organisation.id) + param('includeBankTransactions', 'false') + param('sortOrder', 'DateAsc') + param('startDate', '2025-01-01') + param('endDate', '2025-12-31'),
			);
			assertSameRecords(byDate, 'OutstandingDebtorItemsByDate', 'OutstandingDebtorItemsByDate');
			const creditor = await soapCall(
				sandbox.url,
				'Accounting',
				'OutstandingCreditorItems',
				param('sessionID', session) + param('administrationID', DEMO.organisation.id) + param('includeBankTransactions', 'false') + param('sortOrder', 'DateAsc'),
			);
			// The creditor example is a short one; the debtor examples show the address and e-mail fields.
			assertSameRecords(creditor, 'OutstandingCreditorItems', 'OutstandingCreditorItems', names(childElements(childElements(resultElement(example('CheckOutstandingItem'), 'CheckOutstandingItem'))[0])[0]));
			assertSameRecords(await soapCall(sandbox.url, 'Vat', 'ActiveVATCodesList', param('sessionID', session) + param('administrationID', DEMO.organisation.id)), 'ActiveVATCodesList', 'ActiveVATCodesList');
		} finally {
			await sandbox.close();
		}
	});

	it('writes the import response element for element like the example', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await processSales(sandbox.url, session, salesInvoiceXml({ reference: 'LAYOUT-1' }));
			const expected = childElements(resultElement(example('ProcessSalesInvoices'), 'ProcessSalesInvoices'))[0];
			const actual = childElements(resultElement(parseXml(answer.body), 'ProcessSalesInvoices'))[0];
			assert.equal(actual.local, expected.local);
			assert.equal(actual.ns, expected.ns);
			assert.deepEqual(names(actual), names(expected));
			const invoice = (element: XmlElement) => childElements(element).find((child) => child.local === 'Invoice')!;
			assert.deepEqual(names(invoice(actual)), names(invoice(expected)));
		}));
});
