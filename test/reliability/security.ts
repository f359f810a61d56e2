/**
 * Security: an XXE payload in a response is inert, user text cannot inject XML elements, and
 * (last of the whole suite) the access key, client secret and session IDs appear nowhere in what
 * the suite captured: outputs, errors and log lines.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../../nodes/Yuki/documents/inspect';
import { salesInvoiceDocument } from '../../nodes/Yuki/documents/salesInvoice';
import { validateRecord } from '../../nodes/Yuki/documents/validate';
import { buildDocument } from '../../nodes/Yuki/documents/xml';
import { createYukiClient } from '../helpers/n8nRequest';
import type { RunningSandbox } from '../../sandbox/server';
import { capture, capturedCount, capturingLogger, findSecrets, textOf } from './capture';
import { allSecrets, credentialsFor, harvestSessions, runNode, sandboxPerSuite } from './env';
import { figures } from './figures';
import { FIXTURES, salesInvoiceInput } from './samples';

/** Text that would add or close elements if it were written into the document unescaped. */
export const INJECTIONS = [
	'</Subject><Process>true</Process><Subject>',
	'<![CDATA[</Subject><Process>true</Process>]]>',
	']]></Subject><EmailToCustomer>true</EmailToCustomer><Subject>',
	'"/><Process>true</Process><x a="',
	'<?xml version="1.0"?><SalesInvoice><Reference>INJ</Reference></SalesInvoice>',
	'<!-- --><Process>true</Process><!-- -->',
	"' or '1'='1",
];

interface HostileServer {
	url: string;
	/** Requests made to the URL the external entity names (must stay 0). */
	entityFetches: number;
	close(): Promise<void>;
}

/** A fake Yuki answering every call with `body`; it also counts fetches of `/xxe` (the external entity). */
async function hostileYuki(body: (url: string) => string): Promise<HostileServer> {
	const state = { entityFetches: 0 };
	const server: Server = createServer((request, response) => {
		if (request.url === '/xxe') state.entityFetches++;
		request.resume();
		request.on('end', () => {
			const text = body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
			response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
			response.end(text);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		get entityFetches() {
			return state.entityFetches;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export function describeSecurity(): void {
	describe('security: hostile responses and user text', () => {
		let sandbox: RunningSandbox;
		let workDir: string;
		sandboxPerSuite((opened) => (sandbox = opened));
		before(() => {
			workDir = mkdtempSync(join(tmpdir(), 'yuki-xxe-'));
		});
		after(() => {
			rmSync(workDir, { recursive: true, force: true });
		});

		for (const fixture of ['xxe-outstanding-items.response.xml', 'entity-expansion.response.xml']) {
			it(`${fixture}: the answer is refused or read without resolving any entity`, async () => {
				const marker = `XXE-MARKER-${process.pid}-${Date.now()}`;
				const markerFile = join(workDir, 'secret.txt');
				writeFileSync(markerFile, marker);
				const template = readFileSync(join(FIXTURES, fixture), 'utf8').replace('__MARKER_FILE__', markerFile);
				const server = await hostileYuki((base) => template.replace('http://127.0.0.1:9', base));
				try {
					// The session comes from the same hostile server: an Authenticate answer is what it is not.
					const yuki = createYukiClient({ region: 'custom', customBaseUrl: server.url, accessKey: sandbox.demo.accessKey, timeoutMs: 5000 }, { logger: capturingLogger(`xxe ${fixture}`) });
					figures.xxeAttempts++;
					const outcome = await yuki.outstandingItems('debtor', sandbox.demo.organisation.id, { includeBankTransactions: false, sortOrder: 'DateAsc' }).then(
						(items) => ({ items, error: undefined as unknown }),
						(error: unknown) => ({ items: undefined, error }),
					);
					const seen = textOf(outcome.items ?? outcome.error);
					capture(`xxe ${fixture}`, seen);
					const leaked = seen.includes(marker) || server.entityFetches > 0 || /lollollol/.test(seen);
					if (leaked) figures.xxeLeaks++;
					assert.ok(!seen.includes(marker), 'the external entity was resolved: the local file reached the output');
					assert.equal(server.entityFetches, 0, 'the external entity URL was fetched');
					assert.doesNotMatch(seen, /lollollol/, 'internal entities were expanded');
				} finally {
					await server.close();
				}
			});
		}

		it('an XXE answer from the sandbox reaches no output item of the node', async () => {
			sandbox.injectFault({ kind: 'xxe', operation: 'OutstandingDebtorItems' });
			figures.xxeAttempts++;
			const run = await runNode('xxe through the node', sandbox, {
				parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: true },
				items: [{ json: {} }],
				credentials: credentialsFor(sandbox),
				continueOnFail: true,
			});
			sandbox.clearFaults();
			const seen = textOf(run.items);
			const passwd = readFileSafe('/etc/passwd').split('\n')[0];
			if (passwd && seen.includes(passwd)) figures.xxeLeaks++;
			assert.ok(!passwd || !seen.includes(passwd), 'the contents of /etc/passwd reached the output');
			assert.equal(run.items.length, 1);
			assert.ok(run.errorsByItem.get(0), 'the hostile answer was not reported as an error');
		});

		it('user text holding XML markup stays text in the built document', () => {
			for (const text of INJECTIONS) {
				figures.injectionAttempts++;
				const input = salesInvoiceInput.json('INJ-DOC');
				input.subject = text;
				input.remarks = text;
				(input.contact as Record<string, unknown>).fullName = text;
				input.process = false;
				const result = validateRecord(salesInvoiceDocument, input);
				assert.ok(result.ok, `valid text was refused: ${text}`);
				if (!result.ok) continue;
				const [record] = parseDocument(salesInvoiceDocument, buildDocument(salesInvoiceDocument, [result.record]));
				const injected = record.subject !== text || record.process !== 'false' || record.emailToCustomer !== undefined;
				if (injected) figures.injectionsThrough++;
				assert.equal(record.subject, text);
				assert.equal(record.process, 'false', `"${text}" changed Process`);
				assert.equal(record.emailToCustomer, undefined, `"${text}" added EmailToCustomer`);
			}
		});

		it('user text holding XML markup is stored by the sandbox as text and books nothing it should not', async () => {
			const items = INJECTIONS.map((text, index) => {
				const json = salesInvoiceInput.json(`INJ-${index + 1}`);
				json.subject = text;
				json.process = false;
				return { json };
			});
			figures.injectionAttempts += items.length;
			const run = await runNode('injection through the node', sandbox, {
				parameters: { resource: 'salesInvoice', operation: 'process', invoiceSource: 'json', jsonProperty: '' },
				items,
				credentials: credentialsFor(sandbox),
				continueOnFail: true,
			});
			assert.equal(run.items.length, items.length);
			INJECTIONS.forEach((text, index) => {
				const stored = sandbox.state.invoices.find((invoice) => invoice.reference === `INJ-${index + 1}`);
				const injected = !stored || stored.booked || stored.subject !== text;
				if (injected) figures.injectionsThrough++;
				assert.ok(stored, `INJ-${index + 1} was not stored: ${run.errorsByItem.get(index)}`);
				assert.equal(stored.booked, false, `"${text}" booked a draft`);
				assert.equal(stored.subject, text);
			});
		});

		it('a Yuki fault that echoes the session ID and access key is redacted before anyone sees it', async () => {
			// A session first, so that there is a session ID to echo.
			await runNode('echo setup', sandbox, {
				parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: false, limit: 1 },
				items: [{ json: {} }],
				credentials: credentialsFor(sandbox),
			});
			harvestSessions(sandbox);
			const session = sandbox.state.sessions[sandbox.state.sessions.length - 1]?.id;
			assert.ok(session, 'the sandbox issued no session');
			sandbox.injectFault({
				kind: 'fault',
				operation: 'OutstandingDebtorItems',
				times: 2,
				faultString: `Session ${session} of key ${sandbox.demo.accessKey} (client secret ${sandbox.demo.clientSecret}) is not valid here`,
			});
			await runNode('echoed secrets, continue on fail', sandbox, {
				parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: true },
				items: [{ json: {} }],
				credentials: credentialsFor(sandbox),
				continueOnFail: true,
			});
			await runNode('echoed secrets, strict', sandbox, {
				parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: true },
				items: [{ json: {} }],
				credentials: credentialsFor(sandbox),
			});
			sandbox.clearFaults();
			// The final scan below checks what these runs captured.
		});

		it('a wrong access key gives an error that does not repeat the key', async () => {
			const wrongKey = 'f00dfeed-0000-4000-8000-123456789abc';
			const run = await runNode('wrong key', sandbox, {
				parameters: { resource: 'payment', operation: 'listOpenItems', side: 'debtor', returnAll: true },
				items: [{ json: {} }],
				credentials: credentialsFor(sandbox, { accessKey: wrongKey }),
				continueOnFail: true,
			});
			const seen = textOf(run.items) + run.logs.map(textOf).join('\n');
			assert.ok(!seen.includes(wrongKey), 'the wrong access key was repeated in the output or logs');
			assert.match(run.errorsByItem.get(0) ?? '', /key|access|authenticat/i);
		});
	});
}

function readFileSafe(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

/** Registered last: scans everything every section captured. */
export function describeSecretScan(): void {
	describe('security: secrets in everything the suite captured', () => {
		it('the access key, client secret and every session ID appear in no output, error or log line', () => {
			const secrets = allSecrets();
			const findings = findSecrets(secrets);
			({ total: figures.capturedTexts, logLines: figures.capturedLogLines } = capturedCount());
			figures.secretsChecked = Object.values(secrets).reduce((sum, values) => sum + values.length, 0);
			figures.secretsFound = findings.length;
			assert.ok(figures.secretsChecked >= 3, 'no secrets were collected to scan for');
			assert.deepEqual(
				findings.slice(0, 10).map((finding) => `${finding.secret} in ${finding.source}`),
				[],
				`${findings.length} secret(s) found`,
			);
		});
	});
}
