/** Sales Invoice › Process with Mapped Fields and an Existing Contact picked (dry run: the XML that would be sent). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { INodeParameters } from 'n8n-workflow';
import type { YukiCredentialData } from '../../../../helpers';
import { runYukiNode, sandboxPerSuite } from '../../../../helpers';

const line = { productQuantity: '2', productDescription: 'Consultancy', productSalesPrice: '95.00', productVatPercentage: '21', productVatType: 1 };

function invoice(extra: INodeParameters): INodeParameters {
	return {
		resource: 'salesInvoice',
		operation: 'process',
		invoiceSource: 'fields',
		reference: 'F-2026-0301',
		date: '2026-03-31',
		invoiceLines: { line: [line] },
		additionalFields: { reference: 'F-2026-0301' },
		options: { dryRun: true },
		...extra,
	};
}

describe('Sales Invoice › Process: Existing Contact', () => {
	let credentials: YukiCredentialData;
	sandboxPerSuite((_sandbox, credential) => {
		credentials = credential;
	});

	it('sends the picked contact’s code and name', async () => {
		const existingContact = { __rl: true, mode: 'list', value: 'K1001', cachedResultName: 'Bakkerij De Korenaar' };
		const { items } = await runYukiNode({ parameters: invoice({ existingContact }), credentials });
		const xml = String(items[0].json.xml);
		assert.match(xml, /<Contact><ContactCode>K1001<\/ContactCode><FullName>Bakkerij De Korenaar<\/FullName>/);
	});

	it('refuses a different Contact Code typed under Contact, naming the item and the field', async () => {
		const existingContact = { __rl: true, mode: 'code', value: 'K1001' };
		const run = await runYukiNode({ parameters: invoice({ existingContact, contact: { contactCode: 'K2000', fullName: 'Other' } }), credentials });
		assert.match(String(run.error?.message), /^Item 0: "Existing Contact" is K1001 but Contact › Contact Code is K2000/);
		assert.equal((run.error as { context?: { field?: string } } | undefined)?.context?.field, 'existingContact');
	});
});
