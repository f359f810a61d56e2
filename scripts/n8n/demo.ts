/**
 * The demo session behind `npm run demo` (scripts/demo.mjs installs and builds first): the Yuki
 * sandbox (its CLI, state kept in .cache/sandbox-state.json) and a real n8n with the package and
 * the example flows, until Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { EXAMPLE_FILES, WEBHOOK_HEADER, demoCredential, exampleCredentials, readExample } from './examples';
import { CACHE_DIR, N8n, OWNER, PROJECT_ROOT, freePort, sleep } from './instance';

const DEMO_DIR = join(CACHE_DIR, 'demo');
const WEBHOOK_TOKEN = 'demo-webhook-token';

/** The usual port when it is free (so bookmarks keep working), otherwise any free one. */
async function preferredPort(port: number): Promise<number> {
	const free = await new Promise<boolean>((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	return free ? port : await freePort();
}

async function startSandbox(port: number): Promise<ChildProcess> {
	const sandbox = spawn(
		process.execPath,
		['--import', 'tsx', join(PROJECT_ROOT, 'sandbox', 'cli.ts'), '--port', String(port), '--state', join(CACHE_DIR, 'sandbox-state.json')],
		{ cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
	);
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 120; attempt++) {
		if (sandbox.exitCode !== null) throw new Error(`the sandbox exited (code ${sandbox.exitCode})`);
		try {
			await fetch(`${url}/sandbox/state`);
			return sandbox;
		} catch {
			await sleep(250);
		}
	}
	throw new Error('the sandbox did not start within 30 s');
}

async function main(): Promise<void> {
	mkdirSync(DEMO_DIR, { recursive: true });
	const sandboxPort = await preferredPort(8089);
	const n8nPort = await preferredPort(5678);
	const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

	console.log('Starting the Yuki sandbox…');
	const sandbox = await startSandbox(sandboxPort);
	const n8n = await N8n.create({
		version: process.env.N8N_VERSION || undefined,
		userFolder: join(DEMO_DIR, 'n8n'),
		port: n8nPort,
		logFile: join(DEMO_DIR, 'n8n.log'),
	});

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the Yuki sandbox…');
		await n8n.stop();
		if (sandbox.exitCode === null) {
			sandbox.kill('SIGINT');
			await new Promise((resolve) => sandbox.once('exit', resolve));
		}
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		// The credential always points at this run's sandbox; the examples are imported once, so
		// that changes made to them in the editor survive the next demo.
		n8n.importCredentials(exampleCredentials(demoCredential(sandboxUrl), WEBHOOK_TOKEN));
		const imported = join(DEMO_DIR, 'examples-imported');
		if (!existsSync(imported)) {
			n8n.importWorkflows(EXAMPLE_FILES.map((name) => n8n.workflow(readExample(name))));
			writeFileSync(imported, `${new Date().toISOString()}\n`);
		}
		console.log(`Starting n8n ${n8n.version} (log: ${n8n.logFile})…`);
		await n8n.start();
		await n8n.signIn();
		for (const name of ['sales-invoice-webhook', 'purchase-invoice-webhook'] as const) {
			const webhook = readExample(name);
			await n8n.activate(webhook.id).catch((error: Error) => console.warn(`Could not activate the ${name} flow: ${error.message}`));
		}
	} catch (error) {
		console.error(`\nThe demo could not start: ${(error as Error).message}`);
		await stop(1);
		return;
	}

	const line = (label: string, value: string) => console.log(`  ${label.padEnd(24)}${value}`);
	console.log('\n──────────────── n8n-nodes-yuki demo ────────────────');
	line('n8n editor:', n8n.url);
	line('n8n login:', `${OWNER.email} / ${OWNER.password}`);
	line('Yuki sandbox:', sandboxUrl);
	line('Sandbox access key:', DEMO.accessKey);
	line('Administration ID:', `${DEMO.organisation.id} (${DEMO.organisation.name})`);
	line('Client ID / secret:', `${DEMO.clientId} / ${DEMO.clientSecret}`);
	console.log('\n  Example flows (Overview): payment status at 07:00/14:00, sales and purchase invoice webhooks (active), Yuki Trigger.');
	console.log('  Book an invoice through the webhook, as an invoicing tool would:');
	console.log(
		`    curl -X POST ${n8n.url}/webhook/yuki/sales-invoice -H '${WEBHOOK_HEADER}: ${WEBHOOK_TOKEN}' -H 'Content-Type: application/json' -d @examples/sales-invoice-body.json`,
	);
	console.log('  Book a purchase invoice with its PDF, as a scanning tool would:');
	console.log(
		`    curl -X POST ${n8n.url}/webhook/yuki/purchase-invoice -H '${WEBHOOK_HEADER}: ${WEBHOOK_TOKEN}' -F 'invoice=<examples/purchase-invoice-body.json' -F 'pdf=@test/fixtures/invoices/invoice.pdf'`,
	);
	console.log(`  Record a payment:  npm run sandbox -- pay DEMO-2025-001 1210.00 --url ${sandboxUrl}`);
	console.log('\n  Ctrl-C stops n8n and the sandbox.');
}

void main();
