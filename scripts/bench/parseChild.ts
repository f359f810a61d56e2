/**
 * One reader on one answer in a process of its own (spawned by parse.ts with --expose-gc), so
 * that its peak memory is its own. Prints one JSON line: baseline, peak, time, records.
 * `records` keeps the result alive until the peak is read, as a caller of the reader would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClientAsync } from 'soap';
import { operationResult, readEnvelope, readOutstandingItems } from '../../nodes/Yuki/transport/results';

async function main(): Promise<void> {
	const [file, reader] = process.argv.slice(2);
	const body = readFileSync(file, 'utf8');
	const soapClient = reader === 'soap' ? await createClientAsync(join(__dirname, '..', '..', 'nodes', 'Yuki', 'transport', 'wsdl', 'Accounting.wsdl')) : undefined;
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	const baseline = process.memoryUsage().rss;
	const maxBefore = process.resourceUsage().maxRSS * 1024;
	const started = performance.now();
	let kept: unknown;
	let records: number;
	if (soapClient) {
		kept = soapClient.wsdl.xmlToObject(body) as unknown;
		records = kept ? 1 : 0;
	} else {
		const answer = readEnvelope(body);
		if (answer.fault) throw new Error(answer.fault.faultString);
		const items = readOutstandingItems(operationResult(answer.body, 'OutstandingDebtorItems'), 'OutstandingDebtorItems', 'OutstandingDebtorItems');
		kept = items;
		records = items.length;
	}
	const ms = performance.now() - started;
	// The reader runs synchronously, so no timer can sample during it: the kernel's high-water
	// mark tells the peak whenever the read set a new one (the usual case; otherwise the peak
	// was below the mark reading the file left, and the current size is the best figure).
	const maxAfter = process.resourceUsage().maxRSS * 1024;
	const peak = Math.max(process.memoryUsage().rss, maxAfter > maxBefore ? maxAfter : 0);
	console.log(JSON.stringify({ baseline, peak, ms, records, kept: kept !== undefined }));
}

main().catch((error: unknown) => {
	console.log(JSON.stringify({ error: (error as Error).message }));
	process.exitCode = 1;
});
