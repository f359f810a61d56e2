import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveBaseUrl, serviceUrl } from '../../../../nodes/Yuki/transport/endpoints';

describe('where the services live', () => {
	it('uses Yuki\'s Dutch and Belgian hosts by region', () => {
		assert.equal(serviceUrl(resolveBaseUrl({ region: 'nl' }).baseUrl ?? '', 'Sales').href, 'https://api.yukiworks.nl/ws/Sales.asmx');
		assert.equal(serviceUrl(resolveBaseUrl({ region: 'be' }).baseUrl ?? '', 'Accounting').href, 'https://api.yukiworks.be/ws/Accounting.asmx');
	});

	it('takes a custom base URL with or without a trailing slash, /ws or a path prefix', () => {
		for (const [given, expected] of [
			['http://127.0.0.1:8089', 'http://127.0.0.1:8089'],
			['http://127.0.0.1:8089/', 'http://127.0.0.1:8089'],
			['  https://proxy.example.nl/yuki/ws/ ', 'https://proxy.example.nl/yuki'],
			['HTTPS://API.YUKIWORKS.NL', 'https://api.yukiworks.nl'],
		]) {
			assert.deepEqual(resolveBaseUrl({ region: 'custom', customBaseUrl: given }), { baseUrl: expected }, given);
		}
	});

	it('explains what is wrong with an unusable custom base URL', () => {
		for (const [given, problem] of [
			[undefined, /none is set/],
			['api.yukiworks.nl', /not a URL/],
			['ftp://api.yukiworks.nl', /http:\/\/ or https:\/\//],
			['https://user:pw@api.yukiworks.nl', /must not carry a user name or password: Yuki/],
			['https://api.yukiworks.nl/?x=1', /must not carry/],
		] as const) {
			const resolution = resolveBaseUrl({ region: 'custom', customBaseUrl: given });
			assert.match(resolution.problem ?? '', problem, String(given));
		}
	});
});

it('does not repeat a password given in a custom base URL', () => {
	const resolution = resolveBaseUrl({ region: 'custom', customBaseUrl: 'https://admin:hunter22@api.yukiworks.nl' });
	assert.ok(resolution.problem && !resolution.problem.includes('hunter22'));
});

describe('plain http:// to a host that is not this machine', () => {
	it('is refused unless the credential allows insecure HTTP, so the access key never travels unencrypted by accident', () => {
		for (const given of ['http://yuki-proxy.example.nl', 'http://10.0.0.5:8089', 'http://localhost.example.com', 'http://127.0.0.1.example.com']) {
			const refused = resolveBaseUrl({ region: 'custom', customBaseUrl: given });
			assert.match(refused.problem ?? '', /plain http:\/\/ .* unencrypted.*Allow Insecure HTTP/, given);
			assert.ok(resolveBaseUrl({ region: 'custom', customBaseUrl: given, allowInsecureHttp: true }).baseUrl, given);
		}
	});

	it('is accepted for loopback (the local sandbox), and https:// always', () => {
		for (const given of ['http://127.0.0.1:8089', 'http://127.5.6.7', 'http://localhost:5678', 'http://[::1]:8089', 'https://yuki-proxy.example.nl']) {
			assert.ok(resolveBaseUrl({ region: 'custom', customBaseUrl: given }).baseUrl, given);
		}
	});
});
