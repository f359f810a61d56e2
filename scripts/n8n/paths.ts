/** Where the project and its git-ignored cache (.cache/: n8n installs, e2e folders, packs) live. */
import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');
export const CACHE_DIR = join(PROJECT_ROOT, '.cache');
