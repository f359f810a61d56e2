/**
 * The bad-input catalogue: malformed input across the node's operations. Each entry is one input
 * item (or parameter set) and the field its error must name. Every entry must give an error
 * naming the item and the field, never crash the node, and never send anything to Yuki.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { TestItem } from '../helpers';
import { purchaseInvoiceInput, salesInvoiceInput, samplePdf } from './samples';

export interface BadInput {
	title: string;
	item: TestItem;
	/** What the error must name: the field's key or label. */
	field: RegExp;
	/** Parameters that differ from the operation's usual ones. */
	parameters?: INodeParameters;
}

export interface BadInputGroup {
	operation: string;
	parameters: INodeParameters;
	inputs: BadInput[];
	/** A good item: sent among the bad ones, it must still go through (bad input holds nothing up). */
	valid?: (reference: string) => TestItem;
}

type Mutation = (invoice: IDataObject) => void;

const line = (invoice: IDataObject) => (invoice.invoiceLines as IDataObject[])[0];
const product = (invoice: IDataObject) => line(invoice).product as IDataObject;
const contact = (invoice: IDataObject) => invoice.contact as IDataObject;

function sales(title: string, field: RegExp, mutate: Mutation, parameters?: INodeParameters): BadInput {
	const json = salesInvoiceInput.json(`BAD-S-${title.replace(/\W+/g, '-').slice(0, 30)}`);
	mutate(json);
	return { title, field, item: { json }, parameters };
}

const pdfBinary = { data: { data: samplePdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' } };

function purchase(title: string, field: RegExp, mutate: Mutation, binary: TestItem['binary'] = pdfBinary): BadInput {
	const json = purchaseInvoiceInput.json(`BAD-P-${title.replace(/\W+/g, '-').slice(0, 30)}`);
	mutate(json);
	return { title, field, item: { json, binary } };
}

const HUGE = 'Lorem ipsum '.repeat(100_000);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

const salesInputs: BadInput[] = [
	sales('missing contact', /contact/i, (invoice) => delete invoice.contact),
	sales('missing date', /date/i, (invoice) => delete invoice.date),
	sales('missing invoice lines', /invoiceLines|Invoice Lines/i, (invoice) => delete invoice.invoiceLines),
	sales('empty invoice lines', /invoiceLines|Invoice Lines/i, (invoice) => (invoice.invoiceLines = [])),
	sales('line without product', /product/i, (invoice) => delete line(invoice).product),
	sales('product without description', /description/i, (invoice) => delete product(invoice).description),
	sales('sales price is a word', /salesPrice|Sales Price/i, (invoice) => (product(invoice).salesPrice = 'fifty')),
	sales('sales price over-precise', /salesPrice|Sales Price/i, (invoice) => (product(invoice).salesPrice = '50.00001')),
	sales('sales price not a finite number', /salesPrice|Sales Price/i, (invoice) => (product(invoice).salesPrice = Number.POSITIVE_INFINITY)),
	sales('negative VAT percentage', /vatPercentage|VAT Percentage/i, (invoice) => (product(invoice).vatPercentage = -21)),
	sales('VAT percentage above 100', /vatPercentage|VAT Percentage/i, (invoice) => (product(invoice).vatPercentage = '121.00')),
	sales('line amount over-precise', /lineAmount|Line Amount/i, (invoice) => (line(invoice).lineAmount = '100.001')),
	sales('line amount with a comma', /lineAmount|Line Amount/i, (invoice) => (line(invoice).lineAmount = '1.000,00')),
	sales('VAT type a fraction', /vatType|VAT Type/i, (invoice) => (product(invoice).vatType = 1.5)),
	sales('VAT type a word', /vatType|VAT Type/i, (invoice) => (product(invoice).vatType = 'high')),
	sales('quantity is an object', /productQuantity|Quantity/i, (invoice) => (line(invoice).productQuantity = { value: 2 })),
	sales('date that does not exist', /date/i, (invoice) => (invoice.date = '2025-02-30')),
	sales('date in Dutch order', /date/i, (invoice) => (invoice.date = '30-06-2025')),
	sales('due date a word', /dueDate|Due Date/i, (invoice) => (invoice.dueDate = 'next month')),
	sales('payment method typo', /paymentMethod|Payment Method/i, (invoice) => (invoice.paymentMethod = 'ElectronicTransfr')),
	sales('payment method with XML markup', /paymentMethod|Payment Method/i, (invoice) => (invoice.paymentMethod = '<Cash/>')),
	sales('gender abbreviation', /gender/i, (invoice) => (contact(invoice).gender = 'M')),
	sales('contact type in Dutch', /contactType|Contact Type/i, (invoice) => (contact(invoice).contactType = 'Bedrijf')),
	sales('currency word', /currency/i, (invoice) => (invoice.currency = 'euro')),
	sales('country name instead of code', /countryCode|Country Code/i, (invoice) => (contact(invoice).countryCode = 'Netherlands')),
	sales('e-mail without domain', /emailAddress|Email Address/i, (invoice) => (contact(invoice).emailAddress = 'info@bakkerij')),
	sales('huge reference', /reference/i, (invoice) => (invoice.reference = HUGE)),
	sales('reference of only spaces', /reference/i, (invoice) => (invoice.reference = '   ')),
	sales('no reference (required unless explicitly allowed)', /reference/i, (invoice) => delete invoice.reference),
	sales('over-precise line amount as a number', /lineAmount|Line Amount/i, (invoice) => (line(invoice).lineAmount = 12345678901.00004)),
	sales('remarks over 4000 characters', /remarks/i, (invoice) => (invoice.remarks = 'x'.repeat(4001))),
	sales('control character in subject', /subject/i, (invoice) => (invoice.subject = 'Advies\u0007juni')),
	sales('NUL character in contact name', /fullName|Full Name/i, (invoice) => (contact(invoice).fullName = 'Bakkerij\u0000')),
	sales('process a yes/no word', /process/i, (invoice) => (invoice.process = 'ja')),
	sales('contact as text', /contact/i, (invoice) => (invoice.contact = 'Bakkerij De Korenaar')),
	sales('invoice lines as text', /invoiceLines|Invoice Lines/i, (invoice) => (invoice.invoiceLines = 'two hours advice')),
	sales('unknown key (typo of reference)', /referense/i, (invoice) => (invoice.referense = 'F-1')),
	sales('expression resolved to null for a required name', /fullName|Full Name/i, (invoice) => (contact(invoice).fullName = null)),
	sales('accrual periods zero', /accrualPeriods|Accrual Periods/i, (invoice) => (line(invoice).accrualPeriods = 0)),
	sales('no contact code while the node requires one', /contactCode|Contact Code/i, (invoice) => delete contact(invoice).contactCode),
	sales('invoice property missing from the item', /invoice/i, (invoice) => delete invoice.reference, { jsonProperty: 'invoice' }),
	sales('invoice property resolved to null', /body/i, () => undefined, { jsonProperty: 'body' }),
];
// The last entry reads `body`, which must hold null rather than be absent.
salesInputs[salesInputs.length - 1].item = { json: { body: null } };

const purchaseInputs: BadInput[] = [
	purchase('no PDF binary', /data|binary|PDF/i, () => undefined, {}),
	purchase('a PNG instead of a PDF', /PDF/i, () => undefined, { data: { data: PNG, fileName: 'invoice.png', mimeType: 'image/png' } }),
	purchase('an empty file', /PDF/i, () => undefined, { data: { data: Buffer.alloc(0), fileName: 'invoice.pdf', mimeType: 'application/pdf' } }),
	purchase('a text file named .pdf', /PDF/i, () => undefined, { data: { data: Buffer.from('not really a pdf'), fileName: 'invoice.pdf', mimeType: 'application/pdf' } }),
	purchase('missing invoice amount', /invoiceAmount|Invoice Amount/i, (invoice) => delete invoice.invoiceAmount),
	purchase('VAT amount with a comma', /invoiceVatAmount|Invoice VAT Amount/i, (invoice) => (invoice.invoiceVatAmount = '31,50')),
	purchase('missing bank account', /bankAccount|Bank Account/i, (invoice) => delete contact(invoice).bankAccount),
	purchase('missing VAT type on a line', /lineVatType|Line VAT Type/i, (invoice) => delete line(invoice).lineVatType),
	purchase('line VAT percentage 200', /lineVatPercentage|Line VAT Percentage/i, (invoice) => (line(invoice).lineVatPercentage = 200)),
	purchase('deductibility above 100 %', /vatDeductibilityPercentage|VAT Deductibility/i, (invoice) => (line(invoice).vatDeductibilityPercentage = 150)),
	purchase('process without reference', /reference/i, (invoice) => {
		invoice.process = true;
		delete invoice.reference;
	}),
	purchase('BIC malformed', /bic/i, (invoice) => (contact(invoice).bic = 'ING')),
	purchase('line amount over-precise', /lineAmount|Line Amount/i, (invoice) => (line(invoice).lineAmount = '150.005')),
	purchase('month 13', /date/i, (invoice) => (invoice.date = '2025-13-01')),
	purchase('remarks holding ]]> and a control character', /remarks/i, (invoice) => (invoice.remarks = 'see ]]> here \u001b')),
];

const xmlInputs: BadInput[] = [
	{ title: 'XML not well-formed', field: /XML|well-formed/i, item: { json: {} }, parameters: { xmlDocument: '<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice>' } },
	{
		title: 'XML with an external entity (XXE)',
		field: /XML|DTD|DOCTYPE|entity/i,
		item: { json: {} },
		parameters: {
			xmlDocument:
				'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice><Reference>&e;</Reference></SalesInvoice></SalesInvoices>',
		},
	},
	{ title: 'XML with the wrong root', field: /SalesInvoices|root/i, item: { json: {} }, parameters: { xmlDocument: '<PurchaseInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:purchaseinvoices"><PurchaseInvoice/></PurchaseInvoices>' } },
	{ title: 'XML without the namespace', field: /namespace|xmlns/i, item: { json: {} }, parameters: { xmlDocument: '<SalesInvoices><SalesInvoice><Reference>F-1</Reference></SalesInvoice></SalesInvoices>' } },
	{ title: 'XML with ]]> in text', field: /XML|well-formed|\]\]>/i, item: { json: {} }, parameters: { xmlDocument: '<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice><Reference>a]]>b</Reference></SalesInvoice></SalesInvoices>' } },
	{ title: 'XML document of blanks only', field: /XML|document/i, item: { json: {} }, parameters: { xmlDocument: '  \n\t ' } },
];

const paymentInputs: BadInput[] = [
	{ title: 'reference empty', field: /reference/i, item: { json: { invoiceNumber: '' } } },
	{ title: 'reference expression resolved to null', field: /reference/i, item: { json: { invoiceNumber: null } } },
	{ title: 'reference expression resolved to nothing', field: /reference/i, item: { json: {} } },
	{ title: 'reference an object', field: /reference/i, item: { json: { invoiceNumber: { id: 5 } } } },
	{ title: 'invoice total a word', field: /total/i, item: { json: { invoiceNumber: 'DEMO-2025-001', total: 'twelve' } } },
	{ title: 'previously paid with a comma', field: /previouslyPaid|Previously Paid|paid/i, item: { json: { invoiceNumber: 'DEMO-2025-001', paid: '1.210,00' } } },
	{ title: 'side misspelt', field: /side/i, item: { json: { invoiceNumber: 'DEMO-2025-001' } }, parameters: { side: 'debitor' } },
];

const listInputs: BadInput[] = [
	{ title: 'from date a word', field: /startDate|From Date/i, item: { json: {} }, parameters: { filters: { startDate: 'last week' } } },
	{ title: 'to date before from date', field: /endDate|To Date/i, item: { json: {} }, parameters: { filters: { startDate: '2025-06-30', endDate: '2025-01-01' } } },
	{ title: 'sort order typo', field: /sortOrder/i, item: { json: {} }, parameters: { sortOrder: 'DateAscending' } },
];

const receipt = (json: IDataObject, binary: TestItem['binary'] = pdfBinary): TestItem => ({ json, binary });

const expenseInputs: BadInput[] = [
	{ title: 'amount a word', field: /amount/i, item: receipt({ amount: 'twenty', currency: 'EUR' }) },
	{ title: 'amount expression resolved to null', field: /amount/i, item: receipt({ amount: null, currency: 'EUR' }) },
	{ title: 'negative amount', field: /amount/i, item: receipt({ amount: '-26.40', currency: 'EUR' }) },
	{ title: 'amount over-precise', field: /amount/i, item: receipt({ amount: '26.405', currency: 'EUR' }) },
	{ title: 'amount over-precise as a large number', field: /amount/i, item: receipt({ amount: 12345678901.00004, currency: 'EUR' }) },
	...(['\u0000', '\u0007', '\uFFFE'] as const).map((character) => ({
		title: `control character U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in remarks`,
		field: /Remarks/,
		item: receipt({ amount: '26.40', currency: 'EUR', remarks: `note${character}` }),
		parameters: { additionalFields: { remarks: '={{ $json.remarks }}' } },
	})),
	{ title: 'project of only spaces', field: /Project/, item: receipt({ amount: '26.40', currency: 'EUR' }), parameters: { additionalFields: { project: '   ' } } },
	{ title: 'amount with a comma', field: /amount/i, item: receipt({ amount: '26,40', currency: 'EUR' }) },
	{ title: 'currency a word', field: /currency/i, item: receipt({ amount: '26.40', currency: 'euros' }) },
	{ title: 'no receipt binary', field: /data|binary/i, item: receipt({ amount: '26.40', currency: 'EUR' }, {}) },
	{ title: 'a text file as receipt', field: /PDF|image/i, item: receipt({ amount: '26.40', currency: 'EUR' }, { data: { data: Buffer.from('just text'), fileName: 'receipt.pdf', mimeType: 'application/pdf' } }) },
	{ title: 'an empty receipt file', field: /PDF|image|empty/i, item: receipt({ amount: '26.40', currency: 'EUR' }, { data: { data: Buffer.alloc(0), fileName: 'receipt.pdf', mimeType: 'application/pdf' } }) },
	{ title: 'folder a name instead of an ID', field: /folder/i, item: receipt({ amount: '26.40', currency: 'EUR' }), parameters: { folderId: 'Bonnetjes' } },
	{ title: 'payment method negative', field: /payment method/i, item: receipt({ amount: '26.40', currency: 'EUR' }), parameters: { additionalFields: { paymentMethod: -1 } } },
];

export const BAD_INPUT_GROUPS: BadInputGroup[] = [
	{
		operation: 'Sales Invoice › Process (From Input JSON)',
		parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' },
		inputs: salesInputs,
		valid: (reference) => ({ json: salesInvoiceInput.json(reference) }),
	},
	{
		operation: 'Purchase Invoice › Process (From Input JSON + PDF)',
		parameters: { resource: 'purchaseInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '', binaryPropertyName: 'data' },
		inputs: purchaseInputs,
		valid: (reference) => ({ json: purchaseInvoiceInput.json(reference), binary: pdfBinary }),
	},
	{
		operation: 'Sales Invoice › Process (XML Document)',
		parameters: {
			resource: 'salesInvoice',
			operation: 'process',
			invoiceSource: 'xml',
			xmlDocument: '<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices"><SalesInvoice><Reference>F-1</Reference></SalesInvoice></SalesInvoices>',
		},
		inputs: xmlInputs,
	},
	{
		operation: 'Expense Claim › Upload',
		parameters: {
			resource: 'expenseClaim',
			operation: 'upload',
			binaryPropertyName: 'data',
			amount: '={{ $json.amount }}',
			currency: '={{ $json.currency }}',
			folderId: 8,
		},
		inputs: expenseInputs,
		valid: () => receipt({ amount: '26.40', currency: 'EUR' }),
	},
	{
		operation: 'Payment › Get Status',
		parameters: {
			resource: 'payment',
			operation: 'getStatus',
			side: 'debtor',
			referenceSource: 'perItem',
			reference: '={{ $json.invoiceNumber }}',
			total: '={{ $json.total }}',
			previouslyPaid: '={{ $json.paid }}',
		},
		inputs: paymentInputs,
	},
	{
		operation: 'Payment › List Open Items',
		parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: true },
		inputs: listInputs,
	},
];

export function badInputCount(): number {
	return BAD_INPUT_GROUPS.reduce((sum, group) => sum + group.inputs.length, 0);
}
