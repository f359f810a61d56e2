/** Where each Yuki service lives: `<base>/ws/<Service>.asmx`, base by region or a custom URL (sandbox). */
import type { YukiConnectionSettings, YukiService } from './types';

export const REGION_BASE_URLS = {
	nl: 'https://api.yukiworks.nl',
	be: 'https://api.yukiworks.be',
} as const;

export type BaseUrlResolution = { baseUrl: string; problem?: undefined } | { baseUrl?: undefined; problem: string };

/** Loopback: the only place plain http:// is accepted without the credential's explicit consent. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '::1';
}

export function resolveBaseUrl(
	settings: Pick<YukiConnectionSettings, 'region' | 'customBaseUrl' | 'allowInsecureHttp'>,
): BaseUrlResolution {
	if (settings.region === 'nl' || settings.region === 'be') return { baseUrl: REGION_BASE_URLS[settings.region] };
	if (settings.region !== 'custom') {
		return { problem: `The Yuki credential has no usable region ("${String(settings.region)}"): choose Netherlands, Belgium or Custom.` };
	}
	const raw = settings.customBaseUrl?.trim() ?? '';
	if (!raw) return { problem: 'The Yuki credential uses a custom base URL but none is set: enter one such as http://127.0.0.1:8080.' };
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { problem: `The custom base URL "${raw}" is not a URL: enter one such as https://api.yukiworks.nl.` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return { problem: `The custom base URL "${raw}" must start with http:// or https://.` };
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && settings.allowInsecureHttp !== true) {
		return {
			problem: `The custom base URL "${raw}" uses plain http:// to ${url.hostname}: the access key would travel unencrypted. Use https://, or turn on "Allow Insecure HTTP" in the Yuki credential if this is intended (e.g. a test server in a private network).`,
		};
	}
	if (url.username || url.password) {
		// Not echoed: the URL holds a password.
		return { problem: 'The custom base URL must not carry a user name or password: Yuki signs in with the access key.' };
	}
	if (url.search || url.hash) {
		return { problem: `The custom base URL "${raw}" must not carry a query or fragment.` };
	}
	// Accept `…/ws` and `…/ws/` too: the service path is added here.
	const path = url.pathname.replace(/\/+$/, '').replace(/\/ws$/i, '');
	return { baseUrl: `${url.protocol}//${url.host}${path}` };
}

export function serviceUrl(baseUrl: string, service: YukiService): URL {
	return new URL(`${baseUrl}/ws/${service}.asmx`);
}
