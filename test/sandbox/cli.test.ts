import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { isLoopback } from '../../sandbox/network';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'sandbox/cli.ts');

/**
 * Starts the CLI and resolves with its first output lines once it printed the demo credentials.
 * One process (node with tsx's loader), not the `tsx` binary: that one runs the CLI in a child and,
 * on a SIGINT sent to it alone, waits only 30 ms for the child to confirm it got the relayed
 * signal before it exits with 130 itself; on a busy machine that confirmation comes later.
 */
function startCli(args: string[]): Promise<{ child: ChildProcess; lines: string[] }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		let errors = '';
		child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Record a payment')) resolve({ child, lines: output.split('\n') });
		});
		child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${errors}`)));
	});
}

function stop(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		child.removeAllListeners('exit');
		child.on('exit', (code) => resolve(code));
		child.kill('SIGINT');
	});
}

describe('sandbox CLI', () => {
	// The CLI warns loudly for any other address; tests never bind one (loopback only here).
	it('knows which listen addresses are loopback', () => {
		for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) assert.equal(isLoopback(host), true, host);
		for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) assert.equal(isLoopback(host), false, host);
	});

	it('starts on a free port with --port 0, prints the URL and demo credentials, records payments, stops on Ctrl-C', async () => {
		const { child, lines } = await startCli(['--port', '0', '--quota', '50']);
		try {
			const url = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(lines[0]);
			assert.ok(url, lines[0]);
			assert.notEqual(url[2], '0');
			const text = lines.join('\n');
			for (const value of [DEMO.accessKey, DEMO.clientId, DEMO.clientSecret, DEMO.organisation.id, DEMO.department.id]) assert.ok(text.includes(value), value);

			const pay = spawnSync(TSX, [CLI, 'pay', 'DEMO-2025-002', '5.00', '--url', url[1]], { cwd: ROOT, encoding: 'utf8' });
			assert.equal(pay.status, 0, pay.stderr);
			assert.equal(JSON.parse(pay.stdout).openAmount, '300.00');
			const tooMuch = spawnSync(TSX, [CLI, 'pay', 'DEMO-2025-002', '9999', '--url', url[1]], { cwd: ROOT, encoding: 'utf8' });
			assert.equal(tooMuch.status, 1);
			assert.match(tooMuch.stderr, /more than the open amount/);
			const state = spawnSync(TSX, [CLI, 'state', '--url', url[1]], { cwd: ROOT, encoding: 'utf8' });
			assert.equal(JSON.parse(state.stdout).payments.length, 2);
		} finally {
			assert.equal(await stop(child), 0);
		}
	});
});
