import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createYukiClient } from '../../../helpers/n8nRequest';
import { closedPort, useFakeYuki } from './fixtureServer';

const ADMINISTRATION = 'e5151219-a7bd-44f7-b9b2-a87d379e71f6';

const { yuki, settings } = useFakeYuki();

describe('call counting', () => {
	it('counts every call of the run by operation, Authenticate included', async () => {
		const now = () => new Date('2026-11-20T10:00:00Z');
		const client = createYukiClient(settings({ domainId: 'dom-1' }), { now });
		assert.deepEqual(client.callCount(), { byOperation: {}, total: 0, today: 0, dailyLimit: 1000, day: '2026-11-20' });
		await client.administrations();
		await client.checkOutstandingItem(ADMINISTRATION, 'A1');
		await client.checkOutstandingItem(ADMINISTRATION, 'A2');
		assert.deepEqual(client.callCount(), {
			byOperation: { Authenticate: 1, SetCurrentDomain: 1, Administrations: 1, CheckOutstandingItemAdmin: 2 },
			total: 5,
			today: 5,
			dailyLimit: 1000,
			day: '2026-11-20',
		});
		assert.equal(yuki.requests.length, 5, 'the count matches the HTTP calls made');
	});

	it('adds up the day over runs of the same credential, per credential', async () => {
		const now = () => new Date('2026-11-20T10:00:00Z');
		const connection = settings();
		await createYukiClient(connection, { now }).administrations();
		const secondRun = createYukiClient(connection, { now });
		await secondRun.documentFolders();
		assert.equal(secondRun.callCount().total, 1, 'this run made one call: the session was reused');
		assert.equal(secondRun.callCount().today, 3);
		assert.equal(createYukiClient(settings(), { now }).callCount().today, 0, 'another credential has its own count');
	});

	it('counts failed calls that reached the server, also faults', async () => {
		const now = () => new Date('2026-11-20T10:00:00Z');
		yuki.reply('Administrations', { fixture: 'Fault.NotLicensed' });
		const client = createYukiClient(settings(), { now });
		await client.administrations().catch(() => undefined);
		assert.equal(client.callCount().total, 2);
	});

	it('does not count a call whose connection was refused', async () => {
		const port = await closedPort();
		const client = createYukiClient(settings({ customBaseUrl: `http://127.0.0.1:${port}` }));
		await client.administrations().catch(() => undefined);
		assert.equal(client.callCount().total, 0);
	});

	it('counts per Dutch day: the count starts again after midnight in Amsterdam', async () => {
		let clock = new Date('2026-11-20T22:30:00Z'); // 23:30 in Amsterdam
		const now = () => clock;
		const connection = settings();
		const client = createYukiClient(connection, { now });
		await client.administrations();
		assert.equal(client.callCount().day, '2026-11-20');
		assert.equal(client.callCount().today, 2);

		clock = new Date('2026-11-20T23:10:00Z'); // 00:10 on the 21st in Amsterdam, still the 20th in UTC
		assert.equal(client.callCount().day, '2026-11-21');
		assert.equal(client.callCount().today, 0);
		await client.documentFolders();
		assert.equal(client.callCount().today, 1);
		assert.equal(client.callCount().total, 3, 'the run total is not reset');
	});

	it('counts in summer time too', async () => {
		const client = createYukiClient(settings(), { now: () => new Date('2026-07-01T22:30:00Z') }); // 00:30 CEST
		assert.equal(client.callCount().day, '2026-07-02');
	});
});
