#!/usr/bin/env node
// `npm run demo`: everything a fresh clone needs to try the package in a real n8n.
// Plain Node on purpose (it runs before the project's dependencies exist): installs them when
// missing, builds dist/, installs the pinned n8n once (scripts/n8n/ensure-n8n.mjs), then runs the
// demo session (scripts/n8n/demo.ts: the Yuki sandbox + n8n with the example flows) until Ctrl-C.
// N8N_VERSION=1.123.0 npm run demo runs the demo on another n8n version.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './dependencies.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function step(message) {
	console.log(`\n▶ ${message}`);
}

function run(command, args) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

ensureDependencies(root, (command, args) => {
	step('Installing the project’s dependencies (npm ci)');
	run(command, args);
});
step('Building the package (npm run build)');
run('npm', ['run', '--silent', 'build']);
step('Making sure n8n is installed (first time: a few minutes, about 1.6 GB in .cache/)');
run(process.execPath, [join(root, 'scripts', 'n8n', 'ensure-n8n.mjs')]);

step('Starting the Yuki sandbox and n8n');
const session = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'n8n', 'demo.ts')], {
	cwd: root,
	stdio: 'inherit',
});
// Ctrl-C reaches the session too (same process group); it stops n8n and the sandbox and exits.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => session.kill('SIGTERM'));
session.on('exit', (code) => process.exit(code ?? 0));
