/**
 * The package as users get it: `npm pack` of the built project, installed into n8n's community
 * package folder the way n8n's own installer does it (Settings › Community Nodes › Install), not a
 * copy of dist/ next to the project's node_modules. What ships is what the tests load, and the
 * runtime dependencies come from the npm registry as a user's n8n would fetch them.
 *
 * n8n's installer (CommunityPackagesService.downloadPackage in
 * packages/cli/src/modules/community-packages/community-packages.service.ts; read in n8n 2.40.7's
 * dist and in n8n's current source): `npm pack <name>@<version>` in `~/.n8n/nodes`, untar into
 * `nodes/node_modules/<name>` (--strip-components=1), drop devDependencies, peerDependencies and
 * optionalDependencies from the unpacked package.json, then in that folder `npm install` with the
 * flags below, and record `<name>: <version>` in `nodes/package.json`. We do the same with our own
 * tarball instead of the registry's. (Earlier n8n releases ran `npm install <name>@<version>`
 * in `~/.n8n/nodes`; the folder n8n loads at start is the same.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, PROJECT_ROOT } from './paths';

/** The flags n8n's community package installer passes to `npm install` (n8n 2.40.7). */
export const N8N_COMMUNITY_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
] as const;

/** The dependency kinds n8n removes from a community package before installing it. */
const STRIPPED_DEPENDENCY_KINDS = ['devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

interface PackageJson {
	name: string;
	version: string;
	[key: string]: unknown;
}

/**
 * npm's own settings from `npm test` (npm_config_*: the project's ignore-scripts, its prefix …)
 * must not leak into an install that stands for a user's n8n.
 */
function cleanNpmEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')));
}

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, env: cleanNpmEnv(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed (exit ${result.status ?? result.signal}):\n${result.stderr}\n${result.stdout}`.slice(0, 4000));
	}
	return result.stdout;
}

let packed: string | undefined;

/**
 * `npm pack` of the built project (dist/ must exist: `npm run build`), once per process; returns
 * the tarball's path. It holds exactly what `files` and npm's rules ship.
 */
export function packPackage(): string {
	if (packed && existsSync(packed)) return packed;
	if (!existsSync(join(PROJECT_ROOT, 'dist', 'nodes', 'Yuki', 'Yuki.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const destination = join(CACHE_DIR, 'packs');
	mkdirSync(destination, { recursive: true });
	const folder = mkdtempSync(join(destination, `${process.pid}-`));
	const stdout = run('npm', ['pack', '--json', '--quiet', `--pack-destination=${folder}`], PROJECT_ROOT);
	const [result] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	packed = join(folder, result.filename);
	process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	return packed;
}

/** The package's name and version, read from the tarball as n8n would have asked the registry. */
function packageJsonOf(tarball: string): PackageJson {
	return JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], CACHE_DIR)) as PackageJson;
}

/**
 * Unpacks `tarball` into `packageDir` and installs its runtime dependencies there, with the
 * dependency kinds and flags of n8n's installer.
 */
export function unpackAndInstall(tarball: string, packageDir: string): PackageJson {
	const packageJson = packageJsonOf(tarball);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], packageDir);
	for (const kind of STRIPPED_DEPENDENCY_KINDS) delete packageJson[kind];
	writeFileSync(join(packageDir, 'package.json'), JSON.stringify(packageJson, null, 2));
	run('npm', ['install', ...N8N_COMMUNITY_INSTALL_FLAGS, '--loglevel=error'], packageDir);
	return packageJson;
}

/**
 * Installs `tarball` as a community package into `nodesDir` (n8n's `~/.n8n/nodes`): the package
 * in `node_modules/<name>`, recorded in the folder's package.json. Returns the package's folder.
 */
export function installCommunityPackage(tarball: string, nodesDir: string): string {
	mkdirSync(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest)) {
		writeFileSync(manifest, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	}
	const packageDir = join(nodesDir, 'node_modules', packageJsonOf(tarball).name);
	const { name, version } = unpackAndInstall(tarball, packageDir);
	const installed = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
	installed.dependencies = { ...installed.dependencies, [name]: version };
	writeFileSync(manifest, JSON.stringify(installed, null, 2));
	return packageDir;
}
