/**
 * The fake Yuki every transport test file runs against: started once per file, with the request
 * log and the transport's caches (sessions, quota counts) cleared before each test so that no
 * test sees another's calls, and every request checked after each test against soap's own
 * serialisation of the same call (soapOracle.ts).
 */
import { once } from 'node:events';
import * as net from 'node:net';
import { after, afterEach, before, beforeEach } from 'node:test';
import { resetTransportCaches } from '../../../../nodes/Yuki/transport/client';
import type { YukiConnectionSettings } from '../../../../nodes/Yuki/transport/types';
import type { FakeYuki } from './fakeYuki';
import { startFakeYuki, uniqueAccessKey } from './fakeYuki';
import { assertRequestIsSoaps } from './soapOracle';

export interface FakeYukiSuite {
	/** The running fake; usable from the tests and hooks on (it is started in `before`). */
	yuki: FakeYuki;
	/** Connection settings for the fake with an access key of its own (no shared session or count). */
	settings(extra?: Partial<YukiConnectionSettings>): YukiConnectionSettings;
}

export function useFakeYuki(): FakeYukiSuite {
	let server: FakeYuki | undefined;
	before(async () => {
		server = await startFakeYuki();
	});
	after(() => server?.close());
	beforeEach(() => {
		running().requests.length = 0;
		resetTransportCaches();
	});
	// Every envelope the node sent in the test equals, as XML, the one soap's client writes for the same call.
	afterEach(async () => {
		for (const request of running().requests) await assertRequestIsSoaps(request);
	});

	function running(): FakeYuki {
		if (!server) throw new Error('the fake Yuki is only running from the before() hook on');
		return server;
	}

	// The test files hold on to this object at load time, before the server exists.
	const yuki: FakeYuki = {
		get baseUrl() {
			return running().baseUrl;
		},
		get requests() {
			return running().requests;
		},
		reply: (operation, ...replies) => running().reply(operation, ...replies),
		always: (operation, reply) => running().always(operation, reply),
		operations: () => running().operations(),
		close: () => running().close(),
	};
	return {
		yuki,
		settings: (extra = {}) => ({ region: 'custom', customBaseUrl: yuki.baseUrl, accessKey: uniqueAccessKey(), ...extra }),
	};
}

/** A loopback port that was free a moment ago and is closed again: connecting to it is refused. */
export async function closedPort(): Promise<number> {
	const server = net.createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
