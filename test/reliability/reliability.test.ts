/**
 * The reliability suite (runs in CI with `npm test`): fault injection through the sandbox, the
 * bad-input catalogue, property-based tests of the XML builders, and security checks. It runs
 * in one process so that the final scan sees everything captured by every section, then prints
 * its figures and writes docs/reliability.md.
 */
import { after } from 'node:test';
import { join } from 'node:path';
import { captureConsole, releaseConsole } from './capture';
import { closeAllSandboxes, stopN8nTimers } from './env';
import { figuresText, writeReliabilityDoc } from './figures';
import { describeBadInputs } from './badInputTests';
import { describeFaults } from './faults';
import { describePaymentScenarios } from './payments';
import { describeProperties } from './properties';
import { describeSecretScan, describeSecurity } from './security';

captureConsole();

describeFaults();
describePaymentScenarios();
describeBadInputs();
describeProperties();
describeSecurity();
// Last: scans what every section above captured.
describeSecretScan();

after(async () => {
	await closeAllSandboxes();
	stopN8nTimers();
	releaseConsole();
	console.log(`\n${figuresText()}\n`);
	writeReliabilityDoc(join(__dirname, '..', '..'));
});
