// The package as npm publishes it: `npm pack` of the built dist/, checked the way n8n checks a
// community package before it is verified. @n8n/scan-community-package only scans packages already
// on the registry (it downloads the tarball and the source its provenance names); its analysis of
// those two folders is an exported function, called here on our own tarball and source.
// Needs dist/ (npm test builds it first; alone: `npm run build`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { errorsIn, listProblems, stylishProblems } from './lintReport';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const scanner = join(root, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');

// eslint-plugin-n8n-nodes-base treats every file as every kind of node file when NODE_ENV is "test".
const { NODE_ENV: _testMode, ...toolEnv } = process.env;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = toolEnv) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
	assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
	return result.stdout;
}

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

/**
 * The scanner's two legs, as its analyzePackageByName runs them on a downloaded package
 * (scanner/scanner.mjs): the tarball's compiled .js and package.json, and the source checkout.
 */
function scan(packageDir: string, sourceDir: string, tempDir: string): { tarball: ScanResult; source: ScanResult } {
	const driver = `
		import { pathToFileURL } from 'node:url';
		const [scanner, packageDir, sourceDir] = process.argv.slice(1);
		const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scanner).href);
		const summary = ({ passed, message, details }) => ({ passed, message, details });
		const tarball = summary(await analyzePackage(packageDir, ['**/*.js', 'package.json']));
		const source = summary(await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS));
		process.stdout.write(JSON.stringify({ tarball, source }));
	`;
	// The scanner makes a download folder on import and leaves it behind: keep it in ours.
	const output = run(process.execPath, ['--input-type=module', '-e', driver, scanner, packageDir, sourceDir], root, { ...toolEnv, TMPDIR: tempDir });
	return JSON.parse(output);
}

function scanReport(result: ScanResult, scannedFolder: string): string {
	const errors = errorsIn(stylishProblems(result.details ?? '', scannedFolder));
	return [`@n8n/scan-community-package: ${result.message ?? 'failed'}`, listProblems(errors) || (result.details ?? '')].join('\n');
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

describe('the published package', () => {
	let workDir: string;
	let packageDir: string;
	let packedFiles: string[];

	before(() => {
		const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter((file: string) => !existsSync(join(root, file)));
		assert.deepEqual(missing, [], 'dist/ is not built: run `npm run build` first (npm test does)');
		workDir = mkdtempSync(join(tmpdir(), 'yuki-package-'));
		const [packed] = JSON.parse(run('npm', ['pack', '--json', '--silent', '--pack-destination', workDir], root));
		packedFiles = packed.files.map((file: { path: string }) => file.path).sort();
		packageDir = join(workDir, 'package');
		mkdirSync(packageDir);
		run('tar', ['-xzf', join(workDir, packed.filename), '-C', packageDir, '--strip-components=1'], workDir);
	});

	after(() => rmSync(workDir, { recursive: true, force: true }));

	it('holds only dist/, package.json, README.md and LICENSE.md', () => {
		const unexpected = packedFiles.filter((path) => !path.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE.md'].includes(path));
		assert.deepEqual(unexpected, []);
		for (const file of ['package.json', 'README.md', 'LICENSE.md', ...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			assert.ok(packedFiles.includes(file), `${file} is in the package`);
		}
		assert.ok(!packedFiles.some((path) => path.endsWith('.ts') && !path.endsWith('.d.ts')), 'no TypeScript sources');
		assert.ok(packedFiles.includes('dist/nodes/Yuki/yuki.dark.svg') && packedFiles.includes('dist/credentials/yuki.dark.svg'), 'dark icons');
	});

	it('has no runtime dependencies; n8n-workflow is its only peer', () => {
		const shipped = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
		assert.equal(shipped.dependencies, undefined);
		assert.deepEqual(shipped.peerDependencies, { 'n8n-workflow': '*' });
	});

	it('requires at run time only packages that install with it: its peer and what the peer depends on', () => {
		const installedWithIt = new Set<string>(Object.keys(manifest.peerDependencies));
		for (const peer of Object.keys(manifest.peerDependencies)) {
			const peerManifest = JSON.parse(readFileSync(join(root, 'node_modules', peer, 'package.json'), 'utf8'));
			for (const name of Object.keys(peerManifest.dependencies ?? {})) installedWithIt.add(name);
		}
		const missing: string[] = [];
		for (const file of filesUnder(join(packageDir, 'dist')).filter((path) => path.endsWith('.js'))) {
			for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
				if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
				const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
				if (!installedWithIt.has(name)) missing.push(`${relative(packageDir, file)} requires ${specifier}`);
			}
		}
		assert.deepEqual(missing, [], `not installed alongside the package in n8n:\n${missing.join('\n')}`);
	});

	describe('@n8n/scan-community-package', () => {
		let results: ReturnType<typeof scan>;

		before(() => {
			results = scan(packageDir, root, workDir);
		});

		it('passes on the tarball (compiled .js and package.json)', () => {
			assert.ok(results.tarball.passed, scanReport(results.tarball, packageDir));
		});

		it('passes on the source the tarball is built from (nodes/, credentials/, package.json)', () => {
			assert.ok(results.source.passed, scanReport(results.source, root));
		});
	});
});
