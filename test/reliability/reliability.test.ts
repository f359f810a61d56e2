/**
 * The reliability suite (runs in CI with `npm test`): fault injection through the sandbox, the
 * bad-input catalogue, property-based tests of the XML builders, security checks, and the trust
 * scenarios of test/reliability/scenarios/ (each file exports `describeScenarios()`; every file
 * there is loaded, so an area adds its scenarios without editing this file). It runs in one
 * process so that the final scan sees everything captured by every section, then prints its
 * figures. It writes docs/reliability.md only when asked (`npm run reliability:figures`, which
 * sets YUKI_RELIABILITY_FIGURES=write): `npm test` never modifies tracked files.
 */
import { readdirSync } from 'node:fs';
import { after } from 'node:test';
import { join } from 'node:path';
import { captureConsole, releaseConsole } from './capture';
import { closeAllSandboxes, stopN8nTimers } from './env';
import { figuresText, writeReliabilityDoc } from './figures';
import { describeBadInputs } from './badInputTests';
import { describeFaults } from './faults';
import { describeProperties } from './properties';
import { describeSecretScan, describeSecurity } from './security';

captureConsole();

describeFaults();
describeBadInputs();
describeProperties();
describeSecurity();
const scenarios = join(__dirname, 'scenarios');
for (const file of readdirSync(scenarios).filter((name) => name.endsWith('.ts')).sort()) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(scenarios, file)) as { describeScenarios?: () => void };
	if (typeof module.describeScenarios !== 'function') throw new Error(`test/reliability/scenarios/${file} exports no describeScenarios()`);
	module.describeScenarios();
}
// Last: scans what every section above captured.
describeSecretScan();

after(async () => {
	await closeAllSandboxes();
	stopN8nTimers();
	releaseConsole();
	console.log(`\n${figuresText()}\n`);
	if (process.env.YUKI_RELIABILITY_FIGURES === 'write') writeReliabilityDoc(join(__dirname, '..', '..'));
});
