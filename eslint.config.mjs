// n8n's own rule set for verified (n8n Cloud) community nodes: the config `n8n-node lint` applies
// in strict mode, so `npm run lint` here reports what n8n's verification reports. Only the shipped
// code is linted (nodes/, credentials/, package.json); tests, sandbox and scripts are not shipped.
// test/quality/n8nNodeLint.test.ts runs `n8n-node lint` itself on a copy of exactly those files.
import { config } from '@n8n/node-cli/eslint';

export default [{ ignores: ['test/**', 'sandbox/**', 'scripts/**', 'examples/**', 'docs/**', '.cache/**', 'gulpfile.js', 'eslint.config.mjs'] }, ...config];
