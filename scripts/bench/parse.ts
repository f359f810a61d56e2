/**
 * Parsing a 10 MB outstanding-items answer (a list call returns every open item in one answer).
 * The answer is the sandbox's own, fetched once; the package's reader (transport/results.ts,
 * the same functions the client uses) is timed against the `soap` package's parser, which is
 * what a client built on `soap` alone would run on it.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createClientAsync } from 'soap';
import { outstandingItemRecord } from '../../nodes/Yuki/transport/responses';
import { operationResult, readEnvelope, readRecords } from '../../nodes/Yuki/transport/results';
import type { BenchRow, BenchSection } from './report';
import { formatCount, formatMb, formatMs } from './report';
import { outstandingEnvelope, rawSoapPost } from './rawPost';
import type { RunningSandbox } from './sandboxRuns';

const TARGET_BYTES = 10 * 2 ** 20;
const TARGET_MS = 500;
const ROUNDS = 7;

/** Seeds open items in the department's administration until its debtor list is at least 10 MB. */
async function tenMegabyteAnswer(sandbox: RunningSandbox): Promise<string> {
	const administrationId = sandbox.demo.department.id;
	const authentication = await rawSoapPost(
		sandbox.url,
		'Accounting',
		'Authenticate',
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
			`<Authenticate xmlns="http://www.theyukicompany.com/"><accessKey>${sandbox.demo.accessKey}</accessKey></Authenticate></soap:Body></soap:Envelope>`,
	);
	const sessionId = /<AuthenticateResult>([^<]+)<\/AuthenticateResult>/.exec(authentication.body)?.[1];
	if (!sessionId) throw new Error(`the sandbox gave no session: ${authentication.body.slice(0, 200)}`);
	const fetchList = async () => {
		const answer = await rawSoapPost(sandbox.url, 'Accounting', 'OutstandingDebtorItems', outstandingEnvelope(sessionId, administrationId));
		if (answer.status !== 200) throw new Error(`OutstandingDebtorItems failed: HTTP ${answer.status}`);
		return answer.body;
	};
	// A sample first tells how many bytes one item takes, so the answer ends just above 10 MB.
	const sampleCount = 1000;
	sandbox.seedOpenItems(sampleCount, { administrationId });
	let body = await fetchList();
	const bytesPerItem = Buffer.byteLength(body) / sampleCount;
	for (let round = 0; round < 5 && Buffer.byteLength(body) < TARGET_BYTES; round++) {
		sandbox.seedOpenItems(Math.ceil((TARGET_BYTES - Buffer.byteLength(body)) / bytesPerItem) + 10, { administrationId });
		body = await fetchList();
	}
	return body;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function timed<T>(work: () => T): { ms: number; result: T } {
	const started = performance.now();
	const result = work();
	return { ms: performance.now() - started, result };
}

export async function parseScenario(sandbox: RunningSandbox): Promise<BenchSection> {
	const body = await tenMegabyteAnswer(sandbox);
	const bytes = Buffer.byteLength(body);

	const ours = () => {
		const answer = readEnvelope(body);
		if (answer.fault) throw new Error(answer.fault.faultString);
		return readRecords(operationResult(answer.body, 'OutstandingDebtorItems'), outstandingItemRecord);
	};
	const soapClient = await createClientAsync(join(__dirname, '..', '..', 'nodes', 'Yuki', 'transport', 'wsdl', 'Accounting.wsdl'));
	const naive = () => soapClient.wsdl.xmlToObject(body) as unknown;

	ours();
	naive();
	const oursTimes: number[] = [];
	const naiveTimes: number[] = [];
	let records = 0;
	for (let round = 0; round < ROUNDS; round++) {
		const run = timed(ours);
		records = run.result.length;
		oursTimes.push(run.ms);
		naiveTimes.push(timed(naive).ms);
	}
	const ms = median(oursTimes);
	const rows: BenchRow[] = [
		{
			scenario: `Parse a ${formatMb(bytes)} outstanding-items answer (${formatCount(records)} items, median of ${ROUNDS})`,
			measured: formatMs(ms),
			naive: `soap package's parser: ${formatMs(median(naiveTimes))}`,
			target: `< ${TARGET_MS} ms`,
			pass: ms < TARGET_MS && records > 0,
		},
	];
	return {
		title: 'Parsing a large answer',
		method: [
			`The sandbox's OutstandingDebtorItems answer for an administration seeded with open invoices until the answer is at least 10 MB, fetched once.`,
			'Timed: the transport\'s own reader from the SOAP text to the JSON records the node outputs (envelope, result, every Item with its fields).',
			"Naive: the `soap` package's `xmlToObject` on the same text with the package's Accounting WSDL, which builds a generic object tree (still short of the node's records).",
		].join(' '),
		rows,
	};
}
