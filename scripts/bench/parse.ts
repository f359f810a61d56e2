/**
 * Reading open-items answers of 1,000 / 10,000 / 100,000 items (a list call returns every open
 * item in one answer; 100,000 items is about 70 MB). The answers are the sandbox's own. The
 * package's reader (transport/results.ts, what the client runs) is timed against the `soap`
 * package's parser, which a client built on `soap` would run on the same text; peak memory of
 * each is measured on the largest answer in a process of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClientAsync } from 'soap';
import { operationResult, readEnvelope, readOutstandingItems } from '../../nodes/Yuki/transport/results';
import type { BenchRow, BenchSection } from './report';
import { formatCount, formatMb, formatSpread, quick, ROUNDS, spread } from './report';
import { outstandingEnvelope, rawSoapPost } from './rawPost';
import type { RunningSandbox } from './sandboxRuns';

const SPEED_TARGET = 3;
const MEMORY_TARGET_BYTES = 250 * 2 ** 20;

async function sessionOf(sandbox: RunningSandbox): Promise<string> {
	const authentication = await rawSoapPost(
		sandbox.url,
		'Accounting',
		'Authenticate',
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
			`<Authenticate xmlns="http://www.theyukicompany.com/"><accessKey>${sandbox.demo.accessKey}</accessKey></Authenticate></soap:Body></soap:Envelope>`,
	);
	const sessionId = /<AuthenticateResult>([^<]+)<\/AuthenticateResult>/.exec(authentication.body)?.[1];
	if (!sessionId) throw new Error(`the sandbox gave no session: ${authentication.body.slice(0, 200)}`);
	return sessionId;
}

/** The sandbox's OutstandingDebtorItems answer for an administration holding `count` open items. */
async function answerWith(sandbox: RunningSandbox, count: number): Promise<string> {
	sandbox.reset();
	const administrationId = sandbox.demo.department.id;
	sandbox.seedOpenItems(count, { administrationId });
	const answer = await rawSoapPost(sandbox.url, 'Accounting', 'OutstandingDebtorItems', outstandingEnvelope(await sessionOf(sandbox), administrationId));
	if (answer.status !== 200) throw new Error(`OutstandingDebtorItems failed: HTTP ${answer.status}`);
	sandbox.reset();
	return answer.body;
}

interface ChildResult {
	baseline?: number;
	peak?: number;
	ms?: number;
	records?: number;
	error?: string;
}

function inChild(file: string, reader: 'ours' | 'soap'): Promise<ChildResult> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(__dirname, 'parseChild.ts'), file, reader], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', () => {
			try {
				resolve(JSON.parse(output.trim().split('\n').pop() ?? '') as ChildResult);
			} catch {
				resolve({ error: output.slice(0, 200) || 'no output' });
			}
		});
	});
}

const over = (result: ChildResult) => (result.peak ?? Number.NaN) - (result.baseline ?? Number.NaN);

const WARM_UP_ROUNDS = 5;

export async function parseScenario(sandbox: RunningSandbox): Promise<BenchSection> {
	const sizes = quick() ? [1000, 10_000] : [1000, 10_000, 100_000];
	const soapClient = await createClientAsync(join(__dirname, '..', '..', 'nodes', 'Yuki', 'transport', 'wsdl', 'Accounting.wsdl'));
	const rows: BenchRow[] = [];
	let largest = '';
	for (const size of sizes) {
		const body = await answerWith(sandbox, size);
		largest = body;
		let records = 0;
		const ours = () => {
			const answer = readEnvelope(body);
			if (answer.fault) throw new Error(answer.fault.faultString);
			records = readOutstandingItems(operationResult(answer.body, 'OutstandingDebtorItems'), 'OutstandingDebtorItems', 'OutstandingDebtorItems').length;
		};
		const naive = () => soapClient.wsdl.xmlToObject(body) as unknown;
		// Warm-up rounds for both: a trigger polls again and again in a long-lived process, so what
		// counts is each reader once compiled, not how fast V8 compiles it on 1,000 items.
		for (let round = 0; round < WARM_UP_ROUNDS; round++) {
			ours();
			naive();
		}
		const oursTimes: number[] = [];
		const naiveTimes: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			let started = performance.now();
			ours();
			oursTimes.push(performance.now() - started);
			started = performance.now();
			naive();
			naiveTimes.push(performance.now() - started);
		}
		const oursSpread = spread(oursTimes);
		const naiveSpread = spread(naiveTimes);
		const factor = naiveSpread.median / oursSpread.median;
		rows.push({
			scenario: `Read ${formatCount(size)} open items (${formatMb(Buffer.byteLength(body))} answer)`,
			measured: `${formatSpread(oursSpread)}; ${factor.toFixed(1)}× faster than soap`,
			naive: `soap's parser: ${formatSpread(naiveSpread)}`,
			target: `≥ ${SPEED_TARGET}× faster than soap`,
			pass: records >= size && factor >= SPEED_TARGET,
		});
	}

	const folder = mkdtempSync(join(tmpdir(), 'yuki-bench-parse-'));
	try {
		const file = join(folder, 'answer.xml');
		writeFileSync(file, largest);
		const size = sizes[sizes.length - 1];
		const ours = await inChild(file, 'ours');
		const naive = await inChild(file, 'soap');
		const oursOver = over(ours);
		const naiveOver = over(naive);
		rows.push({
			scenario: `Peak memory reading ${formatCount(size)} open items (${formatMb(Buffer.byteLength(largest))} answer), over baseline`,
			measured: ours.error ? `failed: ${ours.error}` : `+${formatMb(oursOver)} (${formatCount(ours.records ?? 0)} records)`,
			naive: naive.error ? `soap failed: ${naive.error}` : `soap's parser: +${formatMb(naiveOver)}`,
			target: `≤ ${formatMb(MEMORY_TARGET_BYTES)} and ≤ soap's`,
			pass: !ours.error && (ours.records ?? 0) >= size && oursOver <= MEMORY_TARGET_BYTES && (naive.error !== undefined || oursOver <= naiveOver),
		});
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	return {
		title: 'Reading large open-item lists',
		method: [
			'The sandbox\'s OutstandingDebtorItems answer for an administration seeded with 1,000, 10,000 and 100,000 open items, fetched once per size.',
			'Timed: the transport\'s reader from the SOAP text to the open items the node uses (envelope checked, every Item read as it streams past, amounts converted and kept as text). Naive: the `soap` package\'s `xmlToObject` on the same text with the package\'s Accounting WSDL (a generic object tree, still short of the records).',
			`${ROUNDS} rounds each, alternating, after ${WARM_UP_ROUNDS} warm-up rounds each; median (min–max). Memory: each reader on the largest answer in a fresh process (\`--expose-gc\`), the answer already in memory; peak resident memory sampled every 5 ms, over the baseline after a garbage collection.`,
		].join(' '),
		rows,
	};
}
