/**
 * `npm run sandbox` — starts the local Yuki sandbox, or talks to a running one:
 *   npm run sandbox [-- --port 8089 --host 127.0.0.1 --state file.json --quota 1000 --seed demo|empty --paid-lookup absent|zero]
 *   npm run sandbox -- pay <reference> <amount> [--creditor] [--admin <administrationId>] [--url http://127.0.0.1:8089]
 *   npm run sandbox -- state [--url …]
 *   npm run sandbox -- fault <kind> [--operation <Op>] [--times n] [--delay ms] [--status n] [--message text] [--url …]
 *   npm run sandbox -- clear-faults [--url …]
 */
import { FAULT_KINDS } from './faults';
import { isLoopback } from './network';
import { startSandbox } from './server';

const DEFAULT_URL = 'http://127.0.0.1:8089';

interface Parsed {
	positional: string[];
	flags: Record<string, string | true>;
}

function parseArgs(argv: string[]): Parsed {
	const parsed: Parsed = { positional: [], flags: {} };
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		if (!arg.startsWith('--')) {
			parsed.positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split('=', 2);
		const next = argv[index + 1];
		if (inline !== undefined) parsed.flags[name] = inline;
		else if (next !== undefined && !next.startsWith('--') && name !== 'creditor') {
			parsed.flags[name] = next;
			index++;
		} else parsed.flags[name] = true;
	}
	return parsed;
}

function flag(parsed: Parsed, name: string): string | undefined {
	const value = parsed.flags[name];
	if (value === true) throw new Error(`--${name} needs a value`);
	return value;
}

function integerFlag(parsed: Parsed, name: string): number | undefined {
	const value = flag(parsed, name);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got ${value}`);
	return Number(value);
}

async function admin(parsed: Parsed, method: string, path: string, body?: unknown): Promise<unknown> {
	const url = (flag(parsed, 'url') ?? DEFAULT_URL).replace(/\/$/, '');
	const response = await fetch(`${url}${path}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const answer = (await response.json()) as unknown;
	if (!response.ok) throw new Error((answer as { error?: string }).error ?? `HTTP ${response.status}`);
	return answer;
}

async function serve(parsed: Parsed): Promise<void> {
	const host = flag(parsed, 'host') ?? '127.0.0.1';
	if (!isLoopback(host)) {
		console.error(
			`\n!!! WARNING: the sandbox listens on ${host}, which is NOT a loopback address.\n` +
				'!!! Anyone who can reach this machine can use the demo credentials and change the sandbox state.\n',
		);
	}
	const seed = flag(parsed, 'seed');
	if (seed !== undefined && seed !== 'demo' && seed !== 'empty') throw new Error('--seed must be demo or empty');
	const paidLookup = flag(parsed, 'paid-lookup');
	if (paidLookup !== undefined && paidLookup !== 'absent' && paidLookup !== 'zero') throw new Error('--paid-lookup must be absent or zero');
	const sandbox = await startSandbox({
		port: integerFlag(parsed, 'port') ?? 8089,
		host,
		stateFile: flag(parsed, 'state'),
		dailyQuota: integerFlag(parsed, 'quota'),
		seed,
		paidItemLookup: paidLookup,
	});
	// Before anything is printed: whoever reads the output may press Ctrl-C at once.
	const stop = () => {
		console.log('Stopping the Yuki sandbox…');
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	const { demo } = sandbox;
	console.log(`Yuki sandbox listening on ${sandbox.url}`);
	console.log(`${'Services:'.padEnd(28)}${sandbox.url}/ws/<Service>.asmx (Accounting, AccountingInfo, Archive, Contact, Purchase, Sales, Vat)`);
	console.log(`${'Access key (domain):'.padEnd(28)}${demo.accessKey}`);
	console.log(`${'Access key (department):'.padEnd(28)}${demo.departmentAccessKey}`);
	console.log(`${'Client ID / secret:'.padEnd(28)}${demo.clientId} / ${demo.clientSecret}`);
	console.log(`${'Administration:'.padEnd(28)}${demo.organisation.id}  ${demo.organisation.name}`);
	console.log(`${'Department administration:'.padEnd(28)}${demo.department.id}  ${demo.department.name}`);
	console.log(`${'Domain:'.padEnd(28)}${demo.domainId}`);
	console.log(`${'State file:'.padEnd(28)}${flag(parsed, 'state') ?? '(none: state is kept in memory)'}`);
	console.log(`Record a payment:         npm run sandbox -- pay <reference> <amount> --url ${sandbox.url}`);
}

async function main(): Promise<void> {
	const parsed = parseArgs(process.argv.slice(2));
	const [command, ...rest] = parsed.positional;
	switch (command) {
		case undefined:
		case 'start':
			return serve(parsed);
		case 'pay': {
			const [reference, amount] = rest;
			if (!reference || !amount) throw new Error('Usage: npm run sandbox -- pay <reference> <amount> [--creditor] [--admin <id>] [--url <sandbox url>]');
			const result = await admin(parsed, 'POST', '/sandbox/payments', {
				reference,
				amount,
				side: parsed.flags.creditor ? 'creditor' : 'debtor',
				administrationId: flag(parsed, 'admin'),
			});
			console.log(JSON.stringify(result, null, 2));
			return;
		}
		case 'state':
			console.log(JSON.stringify(await admin(parsed, 'GET', '/sandbox/state'), null, 2));
			return;
		case 'fault': {
			const [kind] = rest;
			if (!kind) throw new Error(`Usage: npm run sandbox -- fault <kind> [--operation Op] [--times n]; kinds: ${FAULT_KINDS.join(', ')}`);
			const result = await admin(parsed, 'POST', '/sandbox/faults', {
				kind,
				operation: flag(parsed, 'operation'),
				times: integerFlag(parsed, 'times'),
				delayMs: integerFlag(parsed, 'delay'),
				status: integerFlag(parsed, 'status'),
				faultString: flag(parsed, 'message'),
			});
			console.log(JSON.stringify(result, null, 2));
			return;
		}
		case 'clear-faults':
			await admin(parsed, 'DELETE', '/sandbox/faults');
			console.log('Faults cleared');
			return;
		default:
			throw new Error(`Unknown command ${command}; use start (default), pay, state, fault or clear-faults`);
	}
}

main().catch((error: Error) => {
	console.error(`sandbox: ${error.message}`);
	process.exit(1);
});
