/**
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages (`apt-get install postgresql
 * redis-server`; .ci/run installs them on CI). Each test gets its own throwaway server: a temp
 * folder, loopback only, a free port, stopped (and the folder removed) at the end. Nothing here
 * touches the system's own clusters or services.
 *
 * PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user that
 * Debian's package creates, and initdb/pg_ctl run through `runuser -u postgres`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, sleep } from './instance';

const POSTGRES_ROOT = '/usr/lib/postgresql';

/** Debian keeps PostgreSQL's server programs in /usr/lib/postgresql/<major>/bin; the newest wins. */
function postgresBinDir(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const majors = readdirSync(POSTGRES_ROOT)
		.filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(POSTGRES_ROOT, majors[0], 'bin') : undefined;
}

function redisServer(): string | undefined {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(candidate)) return candidate;
	return undefined;
}

const isRoot = () => process.getuid?.() === 0;

let exitOnSignal = false;

/**
 * The servers are stopped in `exit` handlers when a test dies halfway; a run stopped with Ctrl-C or
 * killed by a timeout must reach those handlers too (PostgreSQL runs detached from this process).
 */
function stopServersOnSignals(): void {
	if (exitOnSignal) return;
	exitOnSignal = true;
	process.once('SIGINT', () => process.exit(130));
	process.once('SIGTERM', () => process.exit(143));
}

function postgresUser(): { uid: number; gid: number } | undefined {
	const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) return undefined;
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Why queue mode cannot be tested here, or undefined when PostgreSQL and Redis are available. */
export function queueServicesMissing(): string | undefined {
	const missing = [];
	if (!postgresBinDir()) missing.push(`PostgreSQL (no ${POSTGRES_ROOT}/<version>/bin/initdb)`);
	else if (isRoot() && !postgresUser()) missing.push('the postgres user (PostgreSQL refuses to run as root)');
	if (!redisServer()) missing.push('Redis (no redis-server)');
	if (missing.length === 0) return undefined;
	return `${missing.join(' and ')} not installed: \`apt-get install -y postgresql redis-server\` (.ci/run does this on CI)`;
}

export interface RunningPostgres {
	host: string;
	port: number;
	user: string;
	database: string;
	logFile: string;
	stop(): Promise<void>;
}

export interface RunningRedis {
	host: string;
	port: number;
	stop(): Promise<void>;
}

function runChecked(command: string, args: string[], what: string): void {
	const result = spawnSync(command, args, { encoding: 'utf8', cwd: tmpdir() });
	if (result.status !== 0) {
		throw new Error(`${what} failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`.slice(0, 3000));
	}
}

/** A fresh PostgreSQL cluster on 127.0.0.1 (trust auth on loopback, user and database `postgres`). */
export async function startPostgres(): Promise<RunningPostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(queueServicesMissing());
	const dir = mkdtempSync(join(tmpdir(), 'n8n-yuki-postgres-'));
	const owner = isRoot() ? postgresUser() : undefined;
	if (owner) chownSync(dir, owner.uid, owner.gid);
	const asOwner = (program: string, args: string[]): [string, string[]] =>
		owner ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
	const data = join(dir, 'data');
	const logFile = join(dir, 'postgres.log');
	const port = await freePort();
	const pgCtl = (...args: string[]) => asOwner('pg_ctl', ['-D', data, ...args]);
	let started = false;
	const stopNow = () => {
		if (started) spawnSync(...pgCtl('-m', 'immediate', '-w', 'stop'), { stdio: 'ignore', cwd: tmpdir() });
		started = false;
		rmSync(dir, { recursive: true, force: true });
	};
	// A test run that dies halfway must not leave a server behind.
	process.once('exit', stopNow);
	stopServersOnSignals();
	try {
		runChecked(...asOwner('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']), 'initdb');
		const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		started = true;
		runChecked(...pgCtl('-l', logFile, '-o', serverOptions, '-w', '-t', '120', 'start'), 'pg_ctl start');
	} catch (error) {
		stopNow();
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database: 'postgres',
		logFile,
		async stop() {
			process.off('exit', stopNow);
			if (started) spawnSync(...pgCtl('-m', 'fast', '-w', '-t', '60', 'stop'), { stdio: 'ignore', cwd: tmpdir() });
			started = false;
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Answers true once a Redis server at host:port answers PING. */
async function redisAnswers(host: string, port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect(port, host);
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
	});
}

/** A fresh Redis on 127.0.0.1, in memory only (no snapshots, no append-only file). */
export async function startRedis(timeoutMs = 30_000): Promise<RunningRedis> {
	const server = redisServer();
	if (!server) throw new Error(queueServicesMissing());
	const dir = mkdtempSync(join(tmpdir(), 'n8n-yuki-redis-'));
	const port = await freePort();
	const child: ChildProcess = spawn(
		server,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const killNow = () => {
		child.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	};
	process.once('exit', killNow);
	stopServersOnSignals();
	const deadline = Date.now() + timeoutMs;
	while (!(await redisAnswers('127.0.0.1', port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			killNow();
			throw new Error(`redis-server did not start (exit ${child.exitCode}): ${stderr}`);
		}
		await sleep(200);
	}
	return {
		host: '127.0.0.1',
		port,
		async stop() {
			process.off('exit', killNow);
			if (child.exitCode === null && child.signalCode === null) {
				const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
				child.kill('SIGTERM');
				await Promise.race([gone, sleep(10_000).then(() => child.kill('SIGKILL'))]);
			}
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
