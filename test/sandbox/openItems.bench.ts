/**
 * Not a test: times the open-items answer at 10,000 items (or the count given), written by the
 * string writer the sandbox uses for them and by xmlbuilder2, the writer of every other answer.
 *   npx tsx test/sandbox/openItems.bench.ts [count]
 */
import { outstandingItemAnswer } from '../../sandbox/answers/accounting';
import { untypedList, untypedListStreamed } from '../../sandbox/answers/shape';
import type { AnswerRow } from '../../sandbox/answers/shape';
import { resultEnvelope } from '../../sandbox/soap';

const count = Number(process.argv[2] ?? 10_000);
const rows: AnswerRow[] = Array.from({ length: count }, (_, index) => {
	const row: AnswerRow = {};
	for (const field of outstandingItemAnswer.fields) row[field.xml] = `value ${index}`;
	return { ...row, ID: `item-${index}`, 'Type@ID': '1', PaymentReference: '' };
});

function time(label: string, write: () => string): void {
	const started = performance.now();
	const xml = write();
	console.log(`${label}: ${Math.round(performance.now() - started)} ms, ${(xml.length / 1e6).toFixed(1)} MB`);
}

time(`string writer, ${count} open items`, () => resultEnvelope('GetOutstandingItems', untypedListStreamed('OutstandingItems', outstandingItemAnswer, rows)));
time(`xmlbuilder2, ${count} open items`, () => resultEnvelope('GetOutstandingItems', untypedList('OutstandingItems', outstandingItemAnswer, rows)));
