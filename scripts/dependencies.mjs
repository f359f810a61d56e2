// The project's own dependencies for `npm test` and `npm run demo` (plain Node: it runs before they
// exist). The install is stale when package-lock.json's content differs from the one installed (a hash
// kept in node_modules). Content, not mtimes: a fresh checkout or a git worktree gives every file a new
// mtime, and an `npm ci` through a worktree's node_modules symlink would empty the shared install.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function lockHash(root) {
	return createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
}

/** Runs `npm ci` (through `run(command, args)`) when node_modules is missing or from another lockfile; says whether it did. */
export function ensureDependencies(root, run) {
	const installedLockHash = join(root, 'node_modules', '.yuki-package-lock.sha256');
	const current =
		existsSync(join(root, 'node_modules', '.package-lock.json')) &&
		existsSync(installedLockHash) &&
		readFileSync(installedLockHash, 'utf8').trim() === lockHash(root);
	if (current) return false;
	run('npm', ['ci', '--no-audit', '--no-fund']);
	writeFileSync(installedLockHash, lockHash(root) + '\n');
	return true;
}
