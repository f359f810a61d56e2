/**
 * A real n8n process for end-to-end tests, the browser test and the demo: the package loaded as a
 * custom extension, its own user folder, a free port, offline settings, and helpers that speak
 * n8n's own CLI and REST API. Nothing here knows about Yuki's protocol.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { installCommunityPackage, packPackage, unpackAndInstall } from './package';
import { CACHE_DIR, PROJECT_ROOT } from './paths';

export { CACHE_DIR, PROJECT_ROOT } from './paths';

/** The owner account the test/demo instances create (local, loopback only). */
export const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Yuki-demo-2025',
} as const;

export interface InstalledN8n {
	version: string;
	dir: string;
	n8nBin: string;
	nodeExecutable: string;
	nodeBinDir: string | null;
}

/** Runs scripts/n8n/ensure-n8n.mjs (installs n8n once per version) and returns where it lives. */
export function ensureN8n(version?: string): InstalledN8n {
	const args = [join(PROJECT_ROOT, 'scripts', 'n8n', 'ensure-n8n.mjs'), '--json'];
	if (version) args.push('--version', version);
	const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) throw new Error(`ensure-n8n failed (exit ${result.status ?? result.signal})`);
	const lines = result.stdout.trim().split('\n');
	return JSON.parse(lines[lines.length - 1]) as InstalledN8n;
}

/**
 * How n8n loads the package (always `npm pack`ed and installed as n8n's installer does, see
 * ./package.ts):
 * - `package` (default): installed into `<user folder>/.n8n/nodes/node_modules/n8n-nodes-yuki`,
 *   where n8n keeps community packages installed from its UI. Node types are
 *   `n8n-nodes-yuki.<name>` as for users, and n8n finds the credential test the node defines.
 * - `customExtension`: a folder named by N8N_CUSTOM_EXTENSIONS. Node types are `CUSTOM.<name>`, and
 *   n8n does not look for node-defined credential tests there (its custom-directory loader records
 *   no "supported nodes" for credentials).
 * Either way the package's runtime dependencies (soap, luxon, xmlbuilder2) come from the npm
 * registry into the package's own node_modules, never from the project's.
 */
export type LoadAs = 'package' | 'customExtension';

/** Example workflows use the community-package type names; a custom extension is typed CUSTOM.<name>. */
export function asCustomExtension<T>(workflow: T): T {
	return JSON.parse(JSON.stringify(workflow).replaceAll('"n8n-nodes-yuki.', '"CUSTOM.')) as T;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface N8nOptions {
	version?: string;
	/** Kept between runs when given (the demo); a fresh folder per instance otherwise. */
	userFolder?: string;
	port?: number;
	/** Extra environment, e.g. GENERIC_TIMEZONE. */
	env?: Record<string, string>;
	/** How n8n loads the built package (see LoadAs); default: N8N_E2E_LOAD_AS or `package`. */
	loadAs?: LoadAs;
	/** Where n8n's own log goes (default: a file in the user folder). */
	logFile?: string;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
}

/** Run data of one execution: node name → that node's output items (first output, last run). */
export type NodeOutputs = Record<string, Array<{ json: Record<string, unknown> }>>;

export class N8n {
	readonly url: string;

	/** The main process first, then any queue-mode workers. */
	private processes: ChildProcess[] = [];

	private workerCount = 0;

	private cookie = '';

	private constructor(
		readonly installed: InstalledN8n,
		readonly userFolder: string,
		readonly port: number,
		private readonly env: NodeJS.ProcessEnv,
		readonly logFile: string,
		readonly loadAs: LoadAs,
	) {
		this.url = `http://127.0.0.1:${port}`;
	}

	/** Prepares (but does not start) an n8n with the package; import workflows/credentials, then start(). */
	static async create(options: N8nOptions = {}): Promise<N8n> {
		const installed = ensureN8n(options.version);
		const userFolder =
			options.userFolder ?? join(CACHE_DIR, 'e2e', `n8n-${installed.version}-${process.pid}-${Date.now()}`);
		mkdirSync(userFolder, { recursive: true });
		const loadAs: LoadAs = options.loadAs ?? (process.env.N8N_E2E_LOAD_AS === 'customExtension' ? 'customExtension' : 'package');
		const extensions = join(userFolder, 'custom');
		const tarball = packPackage();
		if (loadAs === 'package') installCommunityPackage(tarball, join(userFolder, '.n8n', 'nodes'));
		else unpackAndInstall(tarball, join(extensions, 'n8n-nodes-yuki'));
		const port = options.port ?? (await freePort());
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PATH: installed.nodeBinDir ? `${installed.nodeBinDir}${delimiter}${process.env.PATH ?? ''}` : process.env.PATH,
			N8N_USER_FOLDER: userFolder,
			...(loadAs === 'customExtension' ? { N8N_CUSTOM_EXTENSIONS: extensions } : {}),
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_RUNNERS_ENABLED: 'false',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			DB_SQLITE_POOL_SIZE: '1',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			NODE_ENV: 'production',
			NODE_OPTIONS: '',
			...options.env,
		};
		delete env.NODE_TEST_CONTEXT;
		return new N8n(installed, userFolder, port, env, options.logFile ?? join(userFolder, 'n8n.log'), loadAs);
	}

	get version(): string {
		return this.installed.version;
	}

	/** A workflow as this instance needs it: community type names, or CUSTOM.<name> for a custom extension. */
	workflow<T>(workflow: T): T {
		return this.loadAs === 'customExtension' ? asCustomExtension(workflow) : workflow;
	}

	/** Runs an n8n CLI command against this instance's database; returns stdout. */
	cli(args: string[]): string {
		const result = spawnSync(this.installed.nodeExecutable, [this.installed.n8nBin, ...args], {
			env: this.env,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		if (result.status !== 0) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stderr}\n${result.stdout}`.slice(0, 4000));
		}
		return result.stdout;
	}

	private writeInput(name: string, content: unknown): string {
		const path = join(this.userFolder, `import-${name}.json`);
		writeFileSync(path, JSON.stringify(content, null, 2));
		return path;
	}

	/** Imports credentials (plain `data`: n8n encrypts it on import). */
	importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>): void {
		this.cli(['import:credentials', `--input=${this.writeInput('credentials', credentials)}`]);
	}

	/** Imports workflows (each needs an `id`). */
	importWorkflows(workflows: Array<Record<string, unknown>>): void {
		this.cli(['import:workflow', `--input=${this.writeInput('workflows', workflows)}`]);
	}

	/** Starts `n8n start` and waits until it serves requests. */
	async start(timeoutMs = 180_000): Promise<void> {
		const child = this.spawnN8n(['start'], this.env, this.logFile);
		// /rest/settings rather than /healthz: n8n 1.x answers health checks before its REST API is mounted.
		await this.waitUntilServing(child, `${this.url}/rest/settings`, this.logFile, timeoutMs);
	}

	/**
	 * Starts one `n8n worker` (queue mode: the instance's env must set EXECUTIONS_MODE=queue, the
	 * database, Redis and N8N_ENCRYPTION_KEY) and waits until its readiness check passes. The worker
	 * has its own user folder holding the same installed package, as a second machine would.
	 */
	async startWorker(concurrency = 10, timeoutMs = 180_000): Promise<{ name: string; logFile: string }> {
		const name = `worker-${++this.workerCount}`;
		const folder = join(this.userFolder, name);
		cpSync(join(this.userFolder, '.n8n', 'nodes'), join(folder, '.n8n', 'nodes'), { recursive: true });
		const healthPort = await freePort();
		const env: NodeJS.ProcessEnv = {
			...this.env,
			N8N_USER_FOLDER: folder,
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
		const logFile = join(this.userFolder, `n8n-${name}.log`);
		const child = this.spawnN8n(['worker', `--concurrency=${concurrency}`], env, logFile);
		await this.waitUntilServing(child, `http://127.0.0.1:${healthPort}/healthz/readiness`, logFile, timeoutMs);
		return { name, logFile };
	}

	private spawnN8n(args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
		const log = openLog(logFile);
		const child = spawn(this.installed.nodeExecutable, [this.installed.n8nBin, ...args], {
			env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.on('data', log);
		child.stderr?.on('data', log);
		this.processes.push(child);
		return child;
	}

	private async waitUntilServing(child: ChildProcess, url: string, logFile: string, timeoutMs: number): Promise<void> {
		let onExit: ((code: number | null) => void) | undefined;
		const exited = new Promise<never>((_, reject) => {
			onExit = (code) => reject(new Error(`n8n exited early (code ${code}); log: ${logFile}\n${tail(logFile)}`));
			child.once('exit', onExit);
		});
		const ready = (async () => {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				try {
					const response = await fetch(url);
					if (response.ok) return;
				} catch {
					// not listening yet
				}
				await sleep(500);
			}
			throw new Error(`n8n did not become ready within ${timeoutMs / 1000}s; log: ${logFile}\n${tail(logFile)}`);
		})();
		try {
			await Promise.race([ready, exited]);
		} finally {
			if (onExit) child.off('exit', onExit);
		}
	}

	/** Stops n8n and everything it started (each process group: the main and any workers). */
	async stop(): Promise<void> {
		const children = this.processes;
		this.processes = [];
		await Promise.all(children.map(async (child) => await stopProcessGroup(child)));
	}

	/**
	 * Creates the owner account (first start) or logs in as the owner; keeps the session cookie.
	 * Retried for a while: right after start-up n8n may answer before its user service is ready.
	 */
	async signIn(timeoutMs = 60_000): Promise<void> {
		const post = async (path: string, body: unknown) =>
			await fetch(`${this.url}/rest${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
				body: JSON.stringify(body),
			});
		const deadline = Date.now() + timeoutMs;
		let last = '';
		while (Date.now() < deadline) {
			for (const [path, body] of [
				['/owner/setup', OWNER],
				['/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }],
			] as const) {
				const response = await post(path, body);
				const cookie = sessionCookie(response);
				if (response.ok && cookie) {
					this.cookie = cookie;
					return;
				}
				last = `${path}: ${response.status} ${(await response.text()).slice(0, 300)}`;
			}
			await sleep(1000);
		}
		throw new Error(`could not sign in to n8n as the owner (${last})`);
	}

	/** The cookie a browser needs to be signed in as the owner. */
	get sessionCookieValue(): string {
		return this.cookie.replace(/^n8n-auth=/, '');
	}

	/** Calls n8n's internal REST API (/rest/...) as the owner; returns `data` of the answer. */
	async rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie, 'browser-id': BROWSER_ID },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: ${response.status} ${text.slice(0, 1000)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	}

	/**
	 * Publishes (activates) a workflow, so that its webhooks, schedules and polls run. Saved once
	 * first, as the editor does: an imported workflow has no saved version yet, which n8n 1.123
	 * needs before it publishes.
	 */
	async activate(workflowId: string): Promise<void> {
		const current = await this.rest<{ name: string; versionId: string; nodes: unknown; connections: unknown }>('GET', `/workflows/${workflowId}`);
		const saved = await this.rest<{ versionId: string }>('PATCH', `/workflows/${workflowId}`, {
			name: current.name,
			nodes: current.nodes,
			connections: current.connections,
			versionId: current.versionId,
		});
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: saved.versionId });
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	/** Finished executions of a workflow, newest first (or, with `unfinished`, those queued or running). */
	async executions(workflowId: string, { unfinished = false } = {}): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const answer = await this.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100`);
		const isUnfinished = (execution: ExecutionSummary) => ['new', 'running', 'waiting'].includes(execution.status);
		return answer.results.filter((execution) => isUnfinished(execution) === unfinished);
	}

	/** Waits until a workflow has at least `count` finished executions. */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 120_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await this.executions(workflowId);
			if (executions.length >= count) return executions;
			if (Date.now() > deadline) {
				throw new Error(`workflow ${workflowId}: ${executions.length} of ${count} executions after ${timeoutMs / 1000}s\n${tail(this.logFile)}`);
			}
			await sleep(500);
		}
	}

	/** The output items of every node of one execution, read from n8n's stored run data. */
	async executionOutputs(executionId: string): Promise<{ status: string; outputs: NodeOutputs; hints: Record<string, string[]>; error?: string }> {
		const execution = await this.rest<{ status: string; data: string }>('GET', `/executions/${executionId}`);
		const { parse } = this.requireFromN8n('flatted') as { parse(text: string): unknown };
		const data = parse(execution.data) as {
			resultData: {
				error?: { message?: string };
				runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; hints?: Array<{ message: string }> }>>;
			};
		};
		const outputs: NodeOutputs = {};
		// Execution hints: what n8n shows above a node's output (the Yuki node's call count of the run).
		const hints: Record<string, string[]> = {};
		for (const [node, runs] of Object.entries(data.resultData.runData)) {
			const last = runs[runs.length - 1];
			outputs[node] = (last?.data?.main ?? []).flatMap((output) => output ?? []);
			hints[node] = (last?.hints ?? []).map((hint) => hint.message);
		}
		return { status: execution.status, outputs, hints, error: data.resultData.error?.message };
	}

	/** Runs a saved workflow from its Manual Trigger with `n8n execute` (a separate process); returns run data. */
	executeFromCli(workflowId: string): NodeOutputs {
		const stdout = this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const start = stdout.indexOf('{');
		const data = JSON.parse(stdout.slice(start)) as {
			data: { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>> } };
		};
		const outputs: NodeOutputs = {};
		for (const [node, runs] of Object.entries(data.data.resultData.runData)) {
			const last = runs[runs.length - 1];
			outputs[node] = (last?.data?.main ?? []).flatMap((output) => output ?? []);
		}
		return outputs;
	}

	/** Loads a module from the installed n8n's own node_modules (e.g. flatted, for stored run data). */
	requireFromN8n(name: string): unknown {
		return createRequire(join(this.installed.dir, 'node_modules', 'n8n', 'package.json'))(name);
	}
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
	if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
	const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		return;
	}
	const stopped = await Promise.race([gone.then(() => true), sleep(15_000).then(() => false)]);
	if (!stopped) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
}

/** n8n binds the session cookie to a browser ID header; any fixed value works for API calls. */
const BROWSER_ID = 'n8n-nodes-yuki-e2e';

function sessionCookie(response: Response): string | undefined {
	const auth = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
	return auth?.split(';')[0];
}

function openLog(path: string): (chunk: Buffer) => void {
	writeFileSync(path, '');
	return (chunk) => writeFileSync(path, chunk, { flag: 'a' });
}

function tail(path: string, lines = 40): string {
	try {
		return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** Polls `condition` every half second until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 150_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		await sleep(500);
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
