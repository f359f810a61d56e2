/**
 * Yuki's purchase invoice document (`Purchase.ProcessPurchaseInvoices`), fields and order from
 * Yuki's functional description of the purchase invoice XML; the XSD itself is not public.
 */
import { CONTACT_TYPES, LONG_TEXT, PAYMENT_METHODS, countryCodeField, currencyField, emailField, paymentMethodField, text } from './common';
import type { DocumentSpec, Field } from './fields';

const contactFields: Field[] = [
	text('ContactCode', 'Contact Code', 'Supplier code; a contact found by it has its address data overwritten'),
	text('FullName', 'Full Name', 'Supplier name; a contact found by it only gets its empty fields filled', { required: true, example: 'Kantoorartikelen Jansen B.V.' }),
	countryCodeField,
	text('City', 'City', 'City', { confidence: 'guess' }),
	text('Zipcode', 'Zipcode', 'Postcode', { confidence: 'guess' }),
	text('AddressLine_1', 'Address Line 1', 'Street and number', { confidence: 'guess' }),
	text('AddressLine_2', 'Address Line 2', 'Second address line', { confidence: 'guess' }),
	emailField,
	text('CoCNumber', 'CoC Number', 'Chamber of Commerce (KvK) number', { confidence: 'guess' }),
	text('VATNumber', 'VAT Number', 'VAT number', { confidence: 'guess' }),
	{ xml: 'ContactType', kind: 'enum', label: 'Contact Type', description: 'Person or company', values: CONTACT_TYPES, confidence: 'doc' },
	text('BankAccount', 'Bank Account', 'IBAN the invoice is paid to; stored with the supplier', { required: true, confidence: 'doc', example: 'NL91ABNA0417164300' }),
	text('BIC', 'BIC', 'BIC of the bank account, for foreign accounts', {
		pattern: { regex: /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, allowed: 'an 8 or 11 character BIC such as INGBNL2A' },
		confidence: 'doc',
	}),
];

const invoiceLineFields: Field[] = [
	text('Description', 'Line Description', 'Text of the invoice line', { maxLength: LONG_TEXT, confidence: 'doc' }),
	text('GLAccountCode', 'GL Account Code', 'General ledger account code; Yuki picks a default when empty or unknown', { confidence: 'doc' }),
	{ xml: 'LineAmount', kind: 'decimal', decimals: 2, label: 'Line Amount', description: 'Amount of the line excluding VAT', required: true, confidence: 'doc', example: '100.00' },
	{ xml: 'LineVATPercentage', kind: 'decimal', decimals: 2, min: 0, max: 100, label: 'Line VAT Percentage', description: 'VAT percentage of the line; Yuki discourages it except for invoices with several VAT rates', confidence: 'doc' },
	{ xml: 'LineVATType', kind: 'integer', min: 0, label: 'Line VAT Type', description: 'Yuki purchase VAT type number, e.g. 11 = input VAT (voorbelasting)', required: true, confidence: 'doc', example: '11' },
	text('LineVATDescription', 'Line VAT Description', 'Description of the VAT code as set up in the domain', { confidence: 'doc' }),
	{ xml: 'VATDeductibilityPercentage', kind: 'integer', min: 0, max: 100, label: 'VAT Deductibility Percentage', description: 'Deductible part of the VAT in percent; Yuki uses its default when empty', confidence: 'doc' },
];

export const purchaseInvoiceDocument: DocumentSpec = {
	name: 'purchase invoice',
	root: 'PurchaseInvoices',
	namespace: 'urn:xmlns:http://www.theyukicompany.com:purchaseinvoices',
	record: 'PurchaseInvoice',
	fields: [
		{ xml: 'Process', kind: 'boolean', label: 'Process', description: 'Whether to book the invoice without approval (it then needs a Reference); Yuki assumes false when left out', confidence: 'doc' },
		text('Reference', 'Reference', "The supplier's invoice number", { confidence: 'doc' }),
		{ xml: 'Date', kind: 'date', label: 'Date', description: 'Invoice date', confidence: 'doc' },
		{ xml: 'DueDate', kind: 'date', label: 'Due Date', description: 'Date the invoice is due', confidence: 'doc' },
		{ xml: 'InvoiceAmount', kind: 'decimal', decimals: 2, label: 'Invoice Amount', description: 'Total amount of the invoice including VAT', required: true, confidence: 'doc', example: '121.00' },
		{ xml: 'InvoiceVATAmount', kind: 'decimal', decimals: 2, label: 'Invoice VAT Amount', description: 'Total VAT amount of the invoice', required: true, confidence: 'doc', example: '21.00' },
		currencyField,
		paymentMethodField(PAYMENT_METHODS),
		text('PaymentReference', 'Payment Reference', 'Unstructured payment reference', { confidence: 'doc' }),
		text('PaymentID', 'Payment ID', 'Structured payment ID', { confidence: 'doc' }),
		text('ProjectID', 'Project ID', 'ID of a Yuki project', { confidence: 'doc' }),
		text('ProjectCode', 'Project Code', 'Code of a Yuki project; used when no Project ID is given', { confidence: 'doc' }),
		text('Remarks', 'Remarks', 'Note stored with the purchase invoice (not printed on it)', { maxLength: LONG_TEXT, confidence: 'doc' }),
		text('DocumentFileName', 'Document File Name', 'File name of the PDF, ending in .pdf', {
			required: true,
			pattern: { regex: /^[^\\/:*?"<>|]+\.pdf$/i, allowed: 'a file name ending in .pdf' },
			confidence: 'doc',
			example: 'invoice-2024-0042.pdf',
		}),
		{ xml: 'DocumentBase64', kind: 'base64', label: 'Document', description: 'The PDF of the invoice, base64-encoded (taken from a binary property)', required: true, confidence: 'doc', example: 'JVBERi0xLjQK' },
		{ xml: 'Contact', kind: 'group', label: 'Contact', description: 'The supplier', required: true, fields: contactFields, confidence: 'doc' },
		{ xml: 'InvoiceLines', kind: 'list', itemXml: 'InvoiceLine', minItems: 1, maxItems: 1000, label: 'Invoice Lines', description: 'The lines of the invoice', required: true, fields: invoiceLineFields, confidence: 'doc' },
	],
	rules: [
		{
			description: 'Reference is required when Process is true',
			field: 'reference',
			check: (record) =>
				record.process === 'true' && !record.reference ? 'is required when Process is true' : undefined,
		},
	],
};
