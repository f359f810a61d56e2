/**
 * The reliability suite's surroundings: sandboxes on loopback whose session IDs are all
 * remembered (the final secret scan looks for every one), the credential that reaches them, and
 * node runs whose outputs, errors and log lines are all captured.
 */
import { after, before } from 'node:test';
import { Container } from '@n8n/di';
import type { INodeExecutionData } from 'n8n-workflow';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { resetTransportCaches } from '../../nodes/Yuki/transport/client';
import { DEMO, startSandbox } from '../../sandbox/server';
import type { RunningSandbox } from '../../sandbox/server';
import { runYukiNode, sandboxCredentials } from '../helpers';
import type { NodeRun, RunYukiNodeOptions } from '../helpers';
import type { TestItem } from '../helpers';
import { capture } from './capture';
import { figures } from './figures';
import { doubleBookingsIn, duplicateUploadsIn } from './scenario';

const sessionIds = new Set<string>();
const open = new Set<RunningSandbox>();

/** Remembers the sessions a sandbox has issued so far (expired ones vanish from its state). */
export function harvestSessions(sandbox: RunningSandbox): void {
	for (const session of sandbox.state.sessions) sessionIds.add(session.id);
}

export function issuedSessionIds(): string[] {
	return [...sessionIds];
}

/** A fresh sandbox on a free loopback port, and fresh transport caches (no session carried over). */
export async function openSandbox(options: { dailyQuota?: number } = {}): Promise<RunningSandbox> {
	resetTransportCaches();
	const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', dailyQuota: options.dailyQuota ?? 100_000 });
	open.add(sandbox);
	return sandbox;
}

export async function closeSandbox(sandbox: RunningSandbox): Promise<void> {
	harvestSessions(sandbox);
	// Whatever a section did with it: nothing may be booked or stored twice.
	figures.doubleBookings += doubleBookingsIn(sandbox);
	figures.duplicateUploads += duplicateUploadsIn(sandbox);
	open.delete(sandbox);
	await sandbox.close();
}

export async function closeAllSandboxes(): Promise<void> {
	for (const sandbox of [...open]) await closeSandbox(sandbox);
}

/**
 * A sandbox for the enclosing describe: opened before its tests, closed (its sessions harvested)
 * after them. `use` receives it once open, as the tests run later than they are declared.
 */
export function sandboxPerSuite(use: (sandbox: RunningSandbox) => void): void {
	let sandbox: RunningSandbox;
	before(async () => {
		sandbox = await openSandbox();
		use(sandbox);
	});
	after(async () => {
		await closeSandbox(sandbox);
	});
}

/**
 * n8n-core's SSH tunnel manager, created with the first node execution context, keeps a
 * 60-second cleanup interval that would hold the test process open; n8n stops it on shutdown.
 */
export function stopN8nTimers(): void {
	Container.get(SSHClientsManager).onShutdown();
}

/** The credential a user would enter for the sandbox's demo domain (organisation administration). */
export const credentialsFor = sandboxCredentials;

/** The demo domain's secrets plus every session ID any sandbox of the suite issued. */
export function allSecrets(): Record<string, string[]> {
	for (const sandbox of open) harvestSessions(sandbox);
	// Every form: as issued, and without the dashes of a GUID (the scan ignores case).
	const withForms = (values: string[]) => [...new Set(values.flatMap((value) => [value, value.replace(/-/g, '')]))];
	return {
		'access key': withForms([DEMO.accessKey, DEMO.departmentAccessKey]),
		'client secret': withForms([DEMO.clientSecret]),
		'session ID': withForms(issuedSessionIds()),
	};
}

export interface CapturedRun extends NodeRun {
	/** `pairedItem.item` of every output item, in output order. */
	paired: number[];
	/** Output items that are errors (Continue On Fail), by input index. */
	errorsByItem: Map<number, string>;
}

function pairedIndexes(items: INodeExecutionData[]): number[] {
	return items.map((item) => {
		const paired = item.pairedItem;
		if (typeof paired === 'number') return paired;
		if (Array.isArray(paired)) return paired[0]?.item ?? -1;
		return paired?.item ?? -1;
	});
}

/** One node run through n8n's real engine; everything it produced is captured for the secret scan. */
export async function runNode(
	label: string,
	sandbox: RunningSandbox | undefined,
	options: Pick<RunYukiNodeOptions, 'parameters' | 'credentials' | 'continueOnFail' | 'nodeSettings' | 'staticData'> & { items: TestItem[] },
): Promise<CapturedRun> {
	const run = await runYukiNode(options);
	if (sandbox) harvestSessions(sandbox);
	capture(`${label}: output`, run.items);
	if (run.error) capture(`${label}: error`, run.error);
	for (const line of run.logs) capture(`${label}: log`, line);
	const paired = pairedIndexes(run.items);
	const errorsByItem = new Map<number, string>();
	run.items.forEach((item, position) => {
		const error = item.json.error;
		if (error === undefined) return;
		if (typeof error === 'object' && error !== null) {
			// The error-output shape: `{ error: { message, description, … } }`.
			const { message, description } = error as { message?: string; description?: string };
			errorsByItem.set(paired[position], `${message ?? ''}${description ? ` — ${description}` : ''}`);
			return;
		}
		// What the user reads: the message, and the description n8n shows under it.
		const description = typeof item.json.description === 'string' ? ` — ${item.json.description}` : '';
		errorsByItem.set(paired[position], `${typeof error === 'string' ? error : JSON.stringify(error)}${description}`);
	});
	return { ...run, paired, errorsByItem };
}
