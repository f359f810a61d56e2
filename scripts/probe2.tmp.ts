import { openItemsAnswer } from '../test/nodes/Yuki/transport/parseSpeedFixture';
import { scanXml } from '../nodes/Yuki/transport/xml/stream';
import { operationResult, readEnvelope, readOutstandingItems } from '../nodes/Yuki/transport/results';
const { xml } = openItemsAnswer(70 * 1024 * 1024);
for (let r = 0; r < 3; r++) {
let s = performance.now();
let n = 0;
scanXml(xml, { start() { n++; }, text() {}, end() {} });
console.log('scan only', (performance.now() - s).toFixed(0), n);
s = performance.now();
const a = readEnvelope(xml) as any;
console.log('envelope', (performance.now() - s).toFixed(0));
s = performance.now();
const items = readOutstandingItems(operationResult(a.body, 'OutstandingDebtorItems'));
console.log('records', (performance.now() - s).toFixed(0), items.length);
}
