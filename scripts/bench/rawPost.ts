/**
 * The floor the node is measured against: a SOAP envelope built beforehand, POSTed with node's
 * http and nothing else (no validation, no XML building, no parsing, no n8n).
 */
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/** n8n's own request helper, the function behind `this.helpers.httpRequest` (not exported by n8n-core's entry point). */
const n8nHttpRequest = (
	createRequire(__filename)(
		join(dirname(createRequire(__filename).resolve('n8n-core')), 'execution-engine/node-execution-context/utils/request-helper-functions.js'),
	) as { httpRequest: (options: Record<string, unknown>) => Promise<{ statusCode: number; body: unknown }> }
).httpRequest;

/**
 * The same POST through n8n's request helper (axios included) with the options the node's
 * transport gives it: the floor of any n8n node, which cannot use node's http directly.
 */
export async function rawSoapPostViaN8n(baseUrl: string, service: string, operation: string, envelope: string): Promise<RawAnswer> {
	const answer = await n8nHttpRequest({
		method: 'POST',
		url: `${baseUrl}/ws/${service}.asmx`,
		headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"http://www.theyukicompany.com/${operation}"` },
		body: Buffer.from(envelope, 'utf8'),
		timeout: 60_000,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		json: false,
	});
	return { status: answer.statusCode, body: String(answer.body) };
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
