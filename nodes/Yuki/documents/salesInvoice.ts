/**
 * Yuki's sales invoice document (`Sales.ProcessSalesInvoices`), element order from Yuki's
 * published example: the XSD itself is not public.
 */
import {
	CONTACT_TYPES,
	GENDERS,
	LONG_TEXT,
	PAYMENT_METHODS,
	SALES_ONLY_PAYMENT_METHODS,
	countryCodeField,
	currencyField,
	emailField,
	paymentMethodField,
	text,
} from './common';
import type { DocumentSpec, Field } from './fields';
import { salesLineTotalsRule } from './rules';

const contactFields: Field[] = [
	text('ContactCode', 'Contact Code', 'Relation number in the invoicing tool; Yuki matches an existing contact on it first'),
	text('FullName', 'Full Name', 'Name of the person or company', { required: true, example: 'Bakkerij De Vries B.V.' }),
	text('FirstName', 'First Name', 'First name of a person'),
	text('MiddleName', 'Middle Name', 'Middle name or prefix of a person, e.g. "van der"'),
	text('LastName', 'Last Name', 'Last name of a person'),
	{ xml: 'Gender', kind: 'enum', label: 'Gender', description: 'Gender of a person', values: GENDERS },
	countryCodeField,
	text('City', 'City', 'City'),
	text('Zipcode', 'Zipcode', 'Postcode'),
	text('AddressLine_1', 'Address Line 1', 'Street and number'),
	text('AddressLine_2', 'Address Line 2', 'Second address line'),
	emailField,
	text('Website', 'Website', 'Website'),
	text('CoCNumber', 'CoC Number', 'Chamber of Commerce (KvK) number'),
	text('VATNumber', 'VAT Number', 'VAT number; Yuki needs it for deliveries within the EU'),
	{ xml: 'ContactType', kind: 'enum', label: 'Contact Type', description: 'Person or company', values: CONTACT_TYPES },
	text('BankAccount', 'Bank Account', 'IBAN of the contact'),
	text('PhoneHome', 'Phone', 'Phone number'),
	text('MobileHome', 'Mobile', 'Mobile phone number'),
];

const contactPersonFields: Field[] = [
	text('FirstName', 'First Name', 'First name of the contact person'),
	text('LastName', 'Last Name', 'Last name of the contact person'),
	{ xml: 'Gender', kind: 'enum', label: 'Gender', description: 'Gender of the contact person', values: GENDERS },
	emailField,
];

const productFields: Field[] = [
	text('Description', 'Product Description', 'Product name; Yuki matches products on it and overwrites their price, VAT and GL account with these values', { required: true, example: 'Consultancy' }),
	text('Reference', 'Product Reference', 'Product code'),
	text('Category', 'Product Category', 'Product category'),
	{ xml: 'SalesPrice', kind: 'decimal', decimals: 4, label: 'Sales Price', description: 'Price per unit', required: true, confidence: 'doc', example: '95.00' },
	{ xml: 'VATPercentage', kind: 'decimal', decimals: 2, min: 0, max: 100, label: 'VAT Percentage', description: 'VAT percentage; with VAT Type it must match a VAT code configured in the Yuki domain', required: true, confidence: 'doc', example: '21' },
	{ xml: 'VATIncluded', kind: 'boolean', label: 'VAT Included', description: 'Whether the sales price includes VAT' },
	{ xml: 'VATType', kind: 'integer', min: 0, label: 'VAT Type', description: 'Yuki VAT type number, as listed by Get VAT Codes (domains differ)', required: true, confidence: 'doc', example: '1' },
	text('VATDescription', 'VAT Description', 'Description of the VAT code'),
	text('GLAccountCode', 'GL Account Code', 'General ledger (grootboek) account code in Yuki'),
	text('Remarks', 'Product Remarks', 'Remarks on the product', { maxLength: LONG_TEXT }),
];

const invoiceLineFields: Field[] = [
	text('Description', 'Line Description', 'Text of the invoice line', { maxLength: LONG_TEXT }),
	text('Remarks', 'Line Remarks', 'Remarks on the line', { maxLength: LONG_TEXT }),
	{ xml: 'ProductQuantity', kind: 'decimal', decimals: 4, label: 'Quantity', description: 'Number of units', required: true, confidence: 'doc', example: '2' },
	{ xml: 'LineAmount', kind: 'decimal', decimals: 2, label: 'Line Amount', description: 'Amount of the line excluding VAT; Yuki computes it from the product when left out', confidence: 'lib' },
	{ xml: 'LineVATAmount', kind: 'decimal', decimals: 2, label: 'Line VAT Amount', description: 'VAT amount of the line; Yuki computes it when left out', confidence: 'lib' },
	{ xml: 'Product', kind: 'group', label: 'Product', description: 'The product sold on this line', required: true, fields: productFields },
	{ xml: 'AccrualDate', kind: 'date', label: 'Accrual Date', description: 'First date the revenue is accrued to' },
	{ xml: 'AccrualPeriods', kind: 'integer', min: 1, max: 999, label: 'Accrual Periods', description: 'Number of periods the revenue is spread over' },
];

export const salesInvoiceDocument: DocumentSpec = {
	name: 'sales invoice',
	root: 'SalesInvoices',
	namespace: 'urn:xmlns:http://www.theyukicompany.com:salesinvoices',
	record: 'SalesInvoice',
	// The contract rates the whole document [doc] (Yuki's published example); exceptions are marked.
	confidence: 'doc',
	fields: [
		text('Reference', 'Reference', 'Invoice number from the invoicing tool; Yuki rejects a number it already has'),
		text('Subject', 'Subject', 'Subject of the invoice'),
		paymentMethodField([...PAYMENT_METHODS, ...SALES_ONLY_PAYMENT_METHODS]),
		text('PaymentID', 'Payment ID', 'Structured payment reference'),
		{ xml: 'Process', kind: 'boolean', label: 'Process', description: 'Whether to book the invoice (true) or leave it as a draft in Yuki (false)', confidence: 'doc' },
		{ xml: 'EmailToCustomer', kind: 'boolean', label: 'Email to Customer', description: "Whether Yuki e-mails the invoice to the customer (needs Yuki's invoicing settings)", confidence: 'doc' },
		text('Layout', 'Layout', 'Name of a Yuki invoice layout'),
		{ xml: 'Date', kind: 'date', label: 'Date', description: 'Invoice date', required: true, confidence: 'doc', example: '2024-03-31' },
		{ xml: 'DueDate', kind: 'date', label: 'Due Date', description: 'Date the invoice is due', confidence: 'doc' },
		text('PriceList', 'Price List', 'Name of a Yuki price list'),
		currencyField,
		text('ProjectID', 'Project ID', 'ID of a Yuki project'),
		text('ProjectCode', 'Project Code', 'Code of a Yuki project; used when no Project ID is given'),
		text('Remarks', 'Remarks', 'Remarks stored with the invoice', { maxLength: LONG_TEXT }),
		text('DocumentFileName', 'Document File Name', 'File name of a custom PDF of the invoice', {
			pattern: { regex: /^[^\\/:*?"<>|]+\.pdf$/i, allowed: 'a file name ending in .pdf' },
			confidence: 'guess',
		}),
		{ xml: 'DocumentBase64', kind: 'base64', label: 'Document', description: 'Custom PDF of the invoice, base64-encoded (taken from a binary property)', confidence: 'guess' },
		{ xml: 'Contact', kind: 'group', label: 'Contact', description: 'The customer', required: true, fields: contactFields, confidence: 'doc' },
		{ xml: 'ContactPerson', kind: 'group', label: 'Contact Person', description: 'Person at the customer the invoice is addressed to', fields: contactPersonFields, confidence: 'doc' },
		{ xml: 'InvoiceLines', kind: 'list', itemXml: 'InvoiceLine', minItems: 1, maxItems: 1000, label: 'Invoice Lines', description: 'The lines of the invoice', required: true, fields: invoiceLineFields, confidence: 'doc' },
	],
	rules: [
		{
			description: 'Document File Name and Document are given together or not at all',
			field: 'documentFileName',
			check: (record) =>
				(record.documentFileName === undefined) !== (record.documentBase64 === undefined)
					? 'give both the PDF and its file name, or neither'
					: undefined,
		},
		salesLineTotalsRule,
	],
};
