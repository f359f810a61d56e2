import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/demoData';
import { childText, findAll, param, soapCall } from './soapHelpers';
import type { SoapAnswer } from './soapHelpers';
import { customPaymentMethods, getProjects } from './serviceCalls';
import { withSandbox } from './support';

const codes = (answer: SoapAnswer) => {
	assert.equal(answer.status, 200, answer.fault ?? answer.body);
	return findAll(answer.result!, 'Project').map((project) => childText(project, 'code'));
};

describe('sandbox AccountingInfo projects and payment methods', () => {
	it('lists the projects of an administration as typed Project records', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await getProjects(sandbox.url, session);
			assert.deepEqual(codes(answer), ['KORENAAR-WEB', 'INTERN', 'JANSEN-2024']);
			const [website] = findAll(answer.result!, 'Project');
			assert.equal(website.ns, 'http://www.theyukicompany.com/');
			assert.equal(childText(website, 'HID'), '1');
			assert.equal(childText(website, 'startDate'), '2025-03-01T00:00:00');
			assert.equal(childText(website, 'endDate'), '0001-01-01T00:00:00');
			assert.equal(childText(website, 'company'), DEMO.organisation.name);
			assert.equal(childText(website, 'contact'), 'Bakkerij De Korenaar');
			assert.equal(childText(website, 'contactID'), '6a1f0e2d-0001-4c3b-9a8d-1e2f3a4b5c01');
			assert.equal(childText(website, 'budgetSales'), '12000.00');
			// Typed results leave out null strings: the internal project has no contact.
			const internal = findAll(answer.result!, 'Project')[1];
			assert.equal(childText(internal, 'contact'), undefined);
			assert.deepEqual(codes(await getProjects(sandbox.url, session, { administrationID: DEMO.department.id })), ['TRAINING-OOST']);
		}));

	it('searches projects by code, description or company', () =>
		withSandbox(async (sandbox, session) => {
			assert.deepEqual(codes(await getProjects(sandbox.url, session, { searchOption: 'Code', searchValue: 'jansen' })), ['JANSEN-2024']);
			assert.deepEqual(codes(await getProjects(sandbox.url, session, { searchOption: 'Description', searchValue: 'website' })), ['KORENAAR-WEB']);
			assert.equal(codes(await getProjects(sandbox.url, session, { searchOption: 'Company', searchValue: 'Demo Advies' })).length, 3);
			assert.deepEqual(codes(await getProjects(sandbox.url, session, { searchOption: 'Company', searchValue: 'Elders' })), []);
			assert.match((await getProjects(sandbox.url, session, { searchOption: 'Naam' })).fault!, /Instance validation error/);
		}));

	it('lists the custom payment methods with the ID as an element', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await customPaymentMethods(sandbox.url, session);
			const methods = findAll(answer.result!, 'PaymentMethod').map((method) => [childText(method, 'ID'), childText(method, 'Description')]);
			assert.deepEqual(methods, [
				['5', 'Creditcard'],
				['10', 'Privé betaald'],
			]);
			assert.doesNotMatch(answer.body, /PaymentMethod ID=/);
		}));

	it('keeps the administration parameter strict: wrong casing reads as no administration', () =>
		withSandbox(async (sandbox, session) => {
			const answer = await soapCall(sandbox.url, 'AccountingInfo', 'GetCustomPaymentMethods', param('sessionID', session) + param('administrationId', DEMO.organisation.id));
			assert.match(answer.fault!, /session/i);
			const archive = await soapCall(sandbox.url, 'Archive', 'GetProjects', param('sessionID', session));
			assert.match(archive.fault!, /did not recognize the value of HTTP Header SOAPAction/);
		}));
});
