/** The run log never carries a secret, whatever a caller hands it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskSecrets, safeMeta, yukiLogger } from '../../../../nodes/Yuki/helpers/logging';

describe('run log without secrets', () => {
	it('masks access keys, session IDs and client secrets inside texts', () => {
		const text = maskSecrets('<accessKey>5a7b1c2d-3e4f</accessKey> sessionID=abc-123 clientSecret: s3cr3t');
		assert.ok(!/5a7b1c2d|abc-123|s3cr3t/.test(text), text);
	});

	it('drops secret-looking metadata keys, also nested, and keeps the rest', () => {
		const meta = safeMeta({ accessKey: 'k', operation: 'Administrations', nested: { sessionId: 's', itemIndex: 2 } });
		assert.deepEqual(meta, { operation: 'Administrations', nested: { itemIndex: 2 } });
	});

	it('writes the transport’s lines to n8n’s logger, prefixed and cleaned', () => {
		const lines: Array<[string, string, unknown]> = [];
		const logger = {
			debug: (message: string, meta?: unknown) => lines.push(['debug', message, meta]),
			warn: (message: string, meta?: unknown) => lines.push(['warn', message, meta]),
			info: () => {},
			error: () => {},
		};
		yukiLogger({ logger }).warn('call failed', { clientSecret: 'x', operation: 'Authenticate' });
		assert.deepEqual(lines, [['warn', 'Yuki: call failed', { operation: 'Authenticate' }]]);
	});
});
