/**
 * Side by side with what a user would build instead of this node, all against the same instant
 * replay server: a per-invoice `soap` client (the `soap` package with Yuki's WSDL, one
 * ProcessSalesInvoices call per invoice) and a per-invoice HTTP Request (an envelope written by
 * a text template per item, one POST each, as an n8n HTTP Request node would send it).
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createClientAsync } from 'soap';
import { salesInvoiceDocument } from '../../nodes/Yuki/documents/salesInvoice';
import { validateRecord } from '../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../nodes/Yuki/documents/xml';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { salesInvoiceJson } from '../fixtures/invoices';
import { sandboxCredentials } from '../harness/credentials';
import { references, salesRun } from './engineRuns';
import { rawSoapPost, salesEnvelope } from './rawPost';
import type { ReplayServer } from './replay';
import { startReplayServer, totalCalls } from './replay';
import type { BenchRow, BenchSection } from './report';
import { formatCount, formatMs, formatSpread, quick, ROUNDS, spread } from './report';
import type { RunningSandbox } from './sandboxRuns';

const YUKI_MS_PER_CALL = 150;

interface Approach {
	name: string;
	run: (invoices: readonly string[]) => Promise<void>;
}

async function authenticate(replay: ReplayServer, accessKey: string): Promise<string> {
	const envelope =
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<Authenticate xmlns="http://www.theyukicompany.com/"><accessKey>${accessKey}</accessKey></Authenticate></soap:Body></soap:Envelope>`;
	const answer = await rawSoapPost(replay.url, 'Sales', 'Authenticate', envelope);
	const session = /<AuthenticateResult>([^<]+)</.exec(answer.body)?.[1];
	if (!session) throw new Error(`no session: ${answer.body.slice(0, 200)}`);
	return session;
}

/** A user's template: the item's fields pasted into the XML as they are (no validation, no escaping). */
function templateDocument(json: ReturnType<typeof salesInvoiceJson>): string {
	const contact = json.contact as Record<string, string>;
	const line = (json.invoiceLines as Array<Record<string, unknown>>)[0];
	const product = line.product as Record<string, unknown>;
	return (
		`<SalesInvoices xmlns="${salesInvoiceDocument.namespace}"><SalesInvoice><Reference>${String(json.reference)}</Reference><Subject>${String(json.subject)}</Subject>` +
		`<PaymentMethod>${String(json.paymentMethod)}</PaymentMethod><Process>true</Process><Date>${String(json.date)}</Date><DueDate>${String(json.dueDate)}</DueDate>` +
		`<Contact><ContactCode>${contact.contactCode}</ContactCode><FullName>${contact.fullName}</FullName><CountryCode>${contact.countryCode}</CountryCode><ContactType>${contact.contactType}</ContactType></Contact>` +
		`<InvoiceLines><InvoiceLine><Description>${String(line.description)}</Description><ProductQuantity>${String(line.productQuantity)}</ProductQuantity>` +
		`<LineAmount>${String(line.lineAmount)}</LineAmount><LineVATAmount>${String(line.lineVatAmount)}</LineVATAmount><Product><Description>${String(product.description)}</Description>` +
		`<SalesPrice>${String(product.salesPrice)}</SalesPrice><VATPercentage>${String(product.vatPercentage)}</VATPercentage><VATType>${String(product.vatType)}</VATType></Product></InvoiceLine></InvoiceLines>` +
		'</SalesInvoice></SalesInvoices>'
	);
}

export async function alternativesScenario(sandbox: RunningSandbox): Promise<BenchSection> {
	const count = quick() ? 100 : 1000;
	const replay = await startReplayServer(sandbox.url);
	const credentials = sandboxCredentials({ url: replay.url, demo: sandbox.demo });
	const administrationId = String(credentials.administrationId ?? sandbox.demo.organisation.id);
	const soapClient = await createClientAsync(join(__dirname, '..', '..', 'nodes', 'Yuki', 'transport', 'wsdl', 'Sales.wsdl'), {
		endpoint: `${replay.url}/ws/Sales.asmx`,
	});
	const approaches: Approach[] = [
		{ name: 'this node (batches of 50, through n8n\'s engine)', run: async (invoices) => void (await salesRun(credentials, invoices)) },
		{
			name: 'per-invoice `soap` client (WSDL, one call per invoice)',
			run: async (invoices) => {
				const sessionId = await authenticate(replay, sandbox.demo.accessKey);
				for (const reference of invoices) {
					const validated = validateRecord(salesInvoiceDocument, salesInvoiceJson(reference));
					if (!validated.ok) throw new Error('invalid sample invoice');
					const xmlDoc = buildDocument(salesInvoiceDocument, [validated.record]);
					const [result] = (await soapClient.ProcessSalesInvoicesAsync({ sessionId, administrationId, xmlDoc: { $xml: xmlDoc } })) as [unknown];
					if (result === undefined) throw new Error('soap: no answer');
				}
			},
		},
		{
			name: 'per-invoice HTTP Request (text template, one POST per invoice)',
			run: async (invoices) => {
				const sessionId = await authenticate(replay, sandbox.demo.accessKey);
				for (const reference of invoices) {
					const answer = await rawSoapPost(replay.url, 'Sales', 'ProcessSalesInvoices', salesEnvelope(sessionId, administrationId, templateDocument(salesInvoiceJson(reference))));
					if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
				}
			},
		},
	];
	const rows: BenchRow[] = [];
	try {
		const measured: Array<{ approach: Approach; times: ReturnType<typeof spread>; calls: number }> = [];
		for (const [index, approach] of approaches.entries()) {
			const invoices = references(`ALT${index}`, count);
			replay.mode = 'record';
			resetTransportCaches();
			await approach.run(invoices);
			replay.mode = 'replay';
			await approach.run(invoices); // warm-up
			const times: number[] = [];
			let calls = 0;
			for (let round = 0; round < ROUNDS; round++) {
				replay.resetCount();
				const started = performance.now();
				await approach.run(invoices);
				times.push(performance.now() - started);
				calls = totalCalls(replay.calls);
			}
			measured.push({ approach, times: spread(times), calls });
		}
		const node = measured[0];
		for (const entry of measured) {
			const withYuki = entry.times.median + entry.calls * YUKI_MS_PER_CALL;
			rows.push({
				scenario: `${formatCount(count)} sales invoices: ${entry.approach.name}`,
				measured: `${formatSpread(entry.times)}; ${formatCount(entry.calls)} calls`,
				naive: `with ${YUKI_MS_PER_CALL} ms per Yuki call: ≈ ${formatMs(withYuki)}`,
				target: entry === node ? 'fewest calls; fastest with Yuki\'s time per call' : 'alternative',
				pass: entry !== node || measured.every((other) => other.calls >= node.calls && other.times.median + other.calls * YUKI_MS_PER_CALL >= withYuki),
			});
		}
	} finally {
		await replay.close();
	}
	return {
		title: 'Side by side with a per-invoice soap client and a per-invoice HTTP Request',
		method: [
			`${formatCount(count)} sales invoices each way, against the instant replay server (answers recorded from the sandbox for each way's own requests, then replayed from memory); ${ROUNDS} rounds after a warm-up, median (min–max), calls counted by the server.`,
			'This node: JSON items through n8n\'s real engine (validation, XML writing, batches of 50, reading the answers, output items), session cached.',
			'Per-invoice `soap` client: one Authenticate, then per invoice our validation and XML writer and `soap`\'s ProcessSalesInvoicesAsync with the shipped Sales WSDL (its envelope writing and answer parsing), outside n8n.',
			'Per-invoice HTTP Request: one Authenticate, then per invoice an envelope from a text template (no validation, no escaping) POSTed with node\'s http, outside n8n — what an HTTP Request node per item amounts to.',
			`The last column adds ${YUKI_MS_PER_CALL} ms per call for Yuki's own time (computed from the measured time and the call count).`,
		].join(' '),
		rows,
	};
}
