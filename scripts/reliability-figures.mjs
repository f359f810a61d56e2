// `npm run reliability:figures`: runs the reliability suite and writes its figures to
// docs/reliability.md. `npm test` runs the same suite without writing anything (tests do not
// modify tracked files); this is the one way to refresh the published figures.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const result = spawnSync(
	process.execPath,
	['--import', 'tsx', '--test', '--test-force-exit', 'test/reliability/reliability.test.ts'],
	{ cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', YUKI_RELIABILITY_FIGURES: 'write' } },
);
process.exit(result.status ?? 1);
