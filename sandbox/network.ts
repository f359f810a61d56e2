/** Whether a listen address only accepts connections from this machine. */
import { isIP } from 'node:net';

export function isLoopback(host: string): boolean {
	if (host === 'localhost' || host === '::1') return true;
	return isIP(host) === 4 && host.startsWith('127.');
}
