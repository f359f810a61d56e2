/**
 * Raw SOAP 1.1 over HTTP for the sandbox's tests: hand-written envelopes, never the client's
 * transport, so the sandbox is checked against the contract and not against our own client.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { childElements, parseXml, textOf } from '../../sandbox/xml';
import type { XmlElement } from '../../sandbox/xml';

export const YUKI_NS = 'http://www.theyukicompany.com/';

/** The supplier-invoice PDF the document checks accept. */
export const PDF_BASE64 = readFileSync(join(__dirname, '../fixtures/sandbox/supplier-invoice.pdf')).toString('base64');

export interface SoapAnswer {
	status: number;
	body: string;
	contentType: string;
	/** faultstring when the answer is a soap:Fault. */
	fault?: string;
	/** The `<OpResult>` element of a successful answer. */
	result?: XmlElement;
}

/** `<name>value</name>` with the value escaped. */
export function param(name: string, value: string): string {
	return `<${name}>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${name}>`;
}

export function envelope(operation: string, paramsXml: string, namespace = YUKI_NS): string {
	return (
		'<?xml version="1.0" encoding="utf-8"?>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
		`<soap:Body><${operation} xmlns="${namespace}">${paramsXml}</${operation}></soap:Body></soap:Envelope>`
	);
}

export interface CallOptions {
	soapAction?: string;
	contentType?: string;
	body?: string;
}

export async function soapCall(baseUrl: string, service: string, operation: string, paramsXml: string, options: CallOptions = {}): Promise<SoapAnswer> {
	const response = await fetch(`${baseUrl}/ws/${service}.asmx`, {
		method: 'POST',
		headers: {
			'Content-Type': options.contentType ?? 'text/xml; charset=utf-8',
			SOAPAction: options.soapAction ?? `"${YUKI_NS}${operation}"`,
		},
		body: options.body ?? envelope(operation, paramsXml),
	});
	const body = await response.text();
	const answer: SoapAnswer = { status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
	if (!answer.contentType.startsWith('text/xml')) return answer;
	let root: XmlElement;
	try {
		root = parseXml(body);
	} catch {
		return answer;
	}
	const soapBody = childElements(root)[0];
	const first = soapBody ? childElements(soapBody)[0] : undefined;
	if (first?.local === 'Fault') {
		const faultString = childElements(first).find((child) => child.local === 'faultstring');
		answer.fault = faultString ? textOf(faultString) : '';
	} else if (first) {
		answer.result = childElements(first).find((child) => child.local === `${operation}Result`);
	}
	return answer;
}

/** Child elements by local name, at any depth below `element`. */
export function findAll(element: XmlElement, local: string): XmlElement[] {
	const found: XmlElement[] = [];
	for (const child of childElements(element)) {
		if (child.local === local) found.push(child);
		found.push(...findAll(child, local));
	}
	return found;
}

export function childText(element: XmlElement, local: string): string | undefined {
	const child = childElements(element).find((candidate) => candidate.local === local);
	return child ? textOf(child) : undefined;
}

export async function authenticate(baseUrl: string, accessKey: string = DEMO.accessKey): Promise<string> {
	const answer = await soapCall(baseUrl, 'Accounting', 'Authenticate', param('accessKey', accessKey));
	if (!answer.result) throw new Error(`Authenticate failed: ${answer.status} ${answer.fault ?? answer.body}`);
	return textOf(answer.result);
}

/** Administrations with a session: the plain call the session, quota and fault tests probe with. */
export function administrations(baseUrl: string, sessionId: string): Promise<SoapAnswer> {
	return soapCall(baseUrl, 'Accounting', 'Administrations', param('sessionID', sessionId));
}

export async function authenticateClient(baseUrl: string): Promise<string> {
	const answer = await soapCall(
		baseUrl,
		'Purchase',
		'AuthenticateClient',
		param('clientID', DEMO.clientId) + param('clientSecret', DEMO.clientSecret) + param('accessKey', DEMO.accessKey),
	);
	if (!answer.result) throw new Error(`AuthenticateClient failed: ${answer.fault ?? answer.body}`);
	return textOf(answer.result);
}

export interface SalesLine {
	quantity?: string;
	price?: string;
	vatPercentage?: string;
	vatType?: string;
	lineAmount?: string;
	lineVatAmount?: string;
	glAccount?: string;
	vatIncluded?: string;
}

export interface SalesInvoiceInput {
	reference?: string;
	subject?: string;
	process?: string;
	emailToCustomer?: string;
	date?: string;
	contactCode?: string;
	fullName?: string;
	lines?: SalesLine[];
}

/** One `<SalesInvoice>` in Yuki's element order, written by hand. */
export function salesInvoiceXml(input: SalesInvoiceInput = {}): string {
	const lines = (input.lines ?? [{}])
		.map(
			(line) =>
				'<InvoiceLine>' +
				`<ProductQuantity>${line.quantity ?? '2'}</ProductQuantity>` +
				(line.lineAmount ? `<LineAmount>${line.lineAmount}</LineAmount>` : '') +
				(line.lineVatAmount ? `<LineVATAmount>${line.lineVatAmount}</LineVATAmount>` : '') +
				'<Product>' +
				'<Description>Advies per uur</Description>' +
				`<SalesPrice>${line.price ?? '50.00'}</SalesPrice>` +
				`<VATPercentage>${line.vatPercentage ?? '21.00'}</VATPercentage>` +
				(line.vatIncluded ? `<VATIncluded>${line.vatIncluded}</VATIncluded>` : '') +
				`<VATType>${line.vatType ?? '1'}</VATType>` +
				`<GLAccountCode>${line.glAccount ?? '8000'}</GLAccountCode>` +
				'</Product>' +
				'</InvoiceLine>',
		)
		.join('');
	return (
		'<SalesInvoice>' +
		(input.reference === undefined ? '<Reference>F-1</Reference>' : input.reference === '' ? '' : `<Reference>${input.reference}</Reference>`) +
		`<Subject>${input.subject ?? 'Advieswerk'}</Subject>` +
		'<PaymentMethod>ElectronicTransfer</PaymentMethod>' +
		`<Process>${input.process ?? 'true'}</Process>` +
		`<EmailToCustomer>${input.emailToCustomer ?? 'false'}</EmailToCustomer>` +
		`<Date>${input.date ?? '2025-11-03'}</Date>` +
		'<DueDate>2025-12-03</DueDate>' +
		'<Contact>' +
		(input.contactCode ? `<ContactCode>${input.contactCode}</ContactCode>` : '') +
		`<FullName>${input.fullName ?? 'Nieuwe Klant B.V.'}</FullName>` +
		'<CountryCode>NL</CountryCode>' +
		'</Contact>' +
		`<InvoiceLines>${lines}</InvoiceLines>` +
		'</SalesInvoice>'
	);
}

export function salesDocument(invoicesXml: string): string {
	return `<SalesInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:salesinvoices">${invoicesXml}</SalesInvoices>`;
}

export async function processSales(baseUrl: string, sessionId: string, invoicesXml: string, administrationId: string = DEMO.organisation.id): Promise<SoapAnswer> {
	return soapCall(
		baseUrl,
		'Sales',
		'ProcessSalesInvoices',
		param('sessionId', sessionId) + param('administrationId', administrationId) + `<xmlDoc>${salesDocument(invoicesXml)}</xmlDoc>`,
	);
}

/** ProcessSalesInvoices, read as an import result (throws when the answer is a fault). */
export async function importSales(baseUrl: string, sessionId: string, invoicesXml: string, administrationId?: string): Promise<ImportResult> {
	return importResult(await processSales(baseUrl, sessionId, invoicesXml, administrationId));
}

export interface ImportResult {
	totals: { succeeded: number; failed: number; skipped: number };
	invoices: Array<Record<string, string>>;
}

export function importResult(answer: SoapAnswer): ImportResult {
	if (!answer.result) throw new Error(`No result: ${answer.status} ${answer.fault ?? answer.body}`);
	const response = childElements(answer.result)[0];
	const number = (name: string) => Number(childText(response, name));
	return {
		totals: { succeeded: number('TotalSucceeded'), failed: number('TotalFailed'), skipped: number('TotalSkipped') },
		invoices: childElements(response)
			.filter((child) => child.local === 'Invoice')
			.map((invoice) => Object.fromEntries(childElements(invoice).map((child) => [child.local, textOf(child)]))),
	};
}

/** Open items of a list or lookup answer as plain records (Type@ID as typeId). */
export function items(answer: SoapAnswer): Array<Record<string, string>> {
	if (!answer.result) throw new Error(`No result: ${answer.status} ${answer.fault ?? answer.body}`);
	return findAll(answer.result, 'Item').map((item) => ({
		ID: item.attrs.ID,
		...Object.fromEntries(childElements(item).map((child) => [child.local, textOf(child)])),
		typeId: childElements(item).find((child) => child.local === 'Type')?.attrs.ID ?? '',
	}));
}

export async function outstanding(
	baseUrl: string,
	sessionId: string,
	side: 'Debtor' | 'Creditor',
	sortOrder = 'DateAsc',
	administrationId: string = DEMO.organisation.id,
): Promise<SoapAnswer> {
	return soapCall(
		baseUrl,
		'Accounting',
		`Outstanding${side}Items`,
		param('sessionID', sessionId) + param('administrationID', administrationId) + param('includeBankTransactions', 'false') + param('sortOrder', sortOrder),
	);
}

/** One `<PurchaseInvoice>` in the seed's element order, written by hand. */
export function purchaseInvoiceXml(options: { reference?: string; process?: string; pdf?: string; bank?: string; supplier?: string; amount?: string; vatType?: string } = {}): string {
	return (
		'<PurchaseInvoice>' +
		`<Process>${options.process ?? 'true'}</Process>` +
		(options.reference === '' ? '' : `<Reference>${options.reference ?? 'INK-1'}</Reference>`) +
		'<Date>2025-11-05</Date><DueDate>2025-12-05</DueDate>' +
		`<InvoiceAmount>${options.amount ?? '121.00'}</InvoiceAmount><InvoiceVATAmount>21.00</InvoiceVATAmount>` +
		'<Currency>EUR</Currency><PaymentMethod>ElectronicTransfer</PaymentMethod>' +
		'<DocumentFileName>factuur.pdf</DocumentFileName>' +
		`<DocumentBase64>${options.pdf ?? PDF_BASE64}</DocumentBase64>` +
		`<Contact><FullName>${options.supplier ?? 'Nieuwe Leverancier B.V.'}</FullName><CountryCode>NL</CountryCode><BankAccount>${options.bank ?? 'NL02ABNA0123456789'}</BankAccount></Contact>` +
		`<InvoiceLines><InvoiceLine><Description>Kantoorartikelen</Description><GLAccountCode>4500</GLAccountCode><LineAmount>100.00</LineAmount><LineVATType>${options.vatType ?? '11'}</LineVATType></InvoiceLine></InvoiceLines>` +
		'</PurchaseInvoice>'
	);
}

export async function processPurchase(url: string, session: string, invoicesXml: string, disableAutoCorrect = 'false') {
	return soapCall(
		url,
		'Purchase',
		'ProcessPurchaseInvoices',
		param('sessionId', session) +
			param('administrationId', DEMO.organisation.id) +
			param('disableAutoCorrect', disableAutoCorrect) +
			`<xmlDoc><PurchaseInvoices xmlns="urn:xmlns:http://www.theyukicompany.com:purchaseinvoices">${invoicesXml}</PurchaseInvoices></xmlDoc>`,
	);
}
