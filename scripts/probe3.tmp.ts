import { openItemsAnswer } from '../test/nodes/Yuki/transport/parseSpeedFixture';
import { operationResult, readEnvelope, readOutstandingItems } from '../nodes/Yuki/transport/results';
const { xml } = openItemsAnswer(70 * 1024 * 1024);
for (let r = 0; r < 3; r++) {
let c = process.cpuUsage(); let s = performance.now();
const a = readEnvelope(xml) as any;
let u = process.cpuUsage(c);
console.log('envelope', (performance.now() - s).toFixed(0), 'cpu', ((u.user + u.system) / 1000).toFixed(0));
c = process.cpuUsage(); s = performance.now();
const items = readOutstandingItems(operationResult(a.body, 'OutstandingDebtorItems'));
u = process.cpuUsage(c);
console.log('records', (performance.now() - s).toFixed(0), 'cpu', ((u.user + u.system) / 1000).toFixed(0), items.length);
}
