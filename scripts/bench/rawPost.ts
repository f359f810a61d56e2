/**
 * The floor the node is measured against: a SOAP envelope built beforehand, POSTed with node's
 * http and nothing else (no validation, no XML building, no parsing, no n8n).
 */
import { request } from 'node:http';

export interface RawAnswer {
	status: number;
	body: string;
}

/** POSTs `envelope` to `<baseUrl>/ws/<service>.asmx` as a SOAP 1.1 call of `operation`. */
export function rawSoapPost(baseUrl: string, service: string, operation: string, envelope: string): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const body = Buffer.from(envelope, 'utf8');
		const call = request(
			`${baseUrl}/ws/${service}.asmx`,
			{
				method: 'POST',
				agent: false,
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					SOAPAction: `"http://www.theyukicompany.com/${operation}"`,
					'Content-Length': body.length,
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				response.on('error', reject);
			},
		);
		call.on('error', reject);
		call.end(body);
	});
}

/** A ProcessSalesInvoices envelope around a ready document, parameters in WSDL order. */
export function salesEnvelope(sessionId: string, administrationId: string, document: string): string {
	return (
		'<?xml version="1.0" encoding="utf-8"?>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		'<ProcessSalesInvoices xmlns="http://www.theyukicompany.com/">' +
		`<sessionId>${sessionId}</sessionId><administrationId>${administrationId}</administrationId>` +
		`<xmlDoc>${document}</xmlDoc>` +
		'</ProcessSalesInvoices></soap:Body></soap:Envelope>'
	);
}

/** An OutstandingDebtorItems envelope (for fetching a large answer once). */
export function outstandingEnvelope(sessionId: string, administrationId: string): string {
	return (
		'<?xml version="1.0" encoding="utf-8"?>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		'<OutstandingDebtorItems xmlns="http://www.theyukicompany.com/">' +
		`<sessionID>${sessionId}</sessionID><administrationID>${administrationId}</administrationID>` +
		'<includeBankTransactions>false</includeBankTransactions><sortOrder>DateAsc</sortOrder>' +
		'</OutstandingDebtorItems></soap:Body></soap:Envelope>'
	);
}
