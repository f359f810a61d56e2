/**
 * What every operation the sandbox plays works with: the call context, the shared steps
 * (session, quota, administration, domain) and parameter readers that fail the way ASMX's
 * XmlSerializer does. Texts Yuki is not known to use are marked [guess].
 */
import { DateTime } from 'luxon';
import { SoapFault } from './soap';
import type { AdministrationState, SandboxState, SessionState } from './state';
import { textOf } from './xml';
import type { XmlElement } from './xml';

export const SERVICES = ['Accounting', 'AccountingInfo', 'Archive', 'Contact', 'Purchase', 'Sales', 'Vat'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Texts of faults the sandbox raises itself. */
export const FAULT_TEXT = {
	invalidAccessKey: 'Invalid access key', // [lib]
	invalidSession: 'Invalid session ID: the session does not exist or has expired', // [guess]
	invalidDomain: 'Webservice calls have to be made on a valid domain', // [lib]
	clientAuthenticationRequired:
		'The Purchase service requires client authentication: authenticate with AuthenticateClient (client ID, client secret and access key)', // [guess]
	invalidClient: 'Invalid client ID or client secret', // [guess]
	dailyLimit: (limit: number) => `Daily limit exceeded: this domain has used its ${limit} webservice calls for today`, // [guess]
} as const;

export interface CallContext {
	state: SandboxState;
	now: Date;
	service: ServiceName;
	dailyQuota: number;
	sessionTtlMs: number;
	paidItemLookup: 'absent' | 'zero';
	/** Parameters found in WSDL order (a misnamed or out-of-order one is absent). */
	params: Record<string, XmlElement | undefined>;
	/** Set by the operation for the call log. */
	administrationId?: string;
	/** Set when the operation changed the state (it is saved afterwards). */
	changed: boolean;
	/** Set once the call has been counted against a domain's daily quota. */
	charged: boolean;
}

export interface OperationSpec {
	/** Services offering it; undefined = every service (the session operations). */
	service?: ServiceName;
	params: readonly string[];
	run(context: CallContext): string | undefined;
}

// ---- shared steps -------------------------------------------------------------------------

export function text(context: CallContext, name: string): string | undefined {
	const element = context.params[name];
	return element === undefined ? undefined : textOf(element);
}

/** Counts the call against the domain's daily quota (Europe/Amsterdam day). */
export function quotaDay(now: Date): string {
	return DateTime.fromJSDate(now).setZone('Europe/Amsterdam').toISODate() ?? now.toISOString().slice(0, 10);
}

export function charge(context: CallContext, domainId: string): void {
	if (context.charged) return;
	const day = quotaDay(context.now);
	const usage = context.state.quota[domainId];
	const count = usage && usage.day === day ? usage.count : 0;
	if (count >= context.dailyQuota) {
		throw new SoapFault(FAULT_TEXT.dailyLimit(context.dailyQuota), 'soap:Client', `Every domain has ${context.dailyQuota} webservice calls a day.`);
	}
	context.state.quota[domainId] = { day, count: count + 1 };
	context.charged = true;
	context.changed = true;
}

export function session(context: CallContext, param: 'sessionID' | 'sessionId'): SessionState {
	const id = text(context, param)?.trim();
	const found = id ? context.state.sessions.find((candidate) => candidate.id === id) : undefined;
	if (!found || context.now.getTime() - found.createdAt > context.sessionTtlMs) {
		throw new SoapFault(FAULT_TEXT.invalidSession);
	}
	charge(context, found.domainId);
	return found;
}

export function reachableAdministrations(context: CallContext, current: SessionState): AdministrationState[] {
	const key = context.state.accessKeys.find((candidate) => candidate.key === current.accessKey);
	return context.state.administrations.filter(
		(admin) => admin.domainId === current.domainId && (!key?.administrationIds || key.administrationIds.includes(admin.id)),
	);
}

export function administration(context: CallContext, current: SessionState, param: 'administrationID' | 'administrationId'): AdministrationState {
	const id = text(context, param)?.trim();
	// Like Yuki, a missing administration (often a misspelt parameter) looks like a session problem.
	if (!id) throw new SoapFault(FAULT_TEXT.invalidSession);
	const admin = reachableAdministrations(context, current).find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
	if (!admin) throw new SoapFault(`Administration ${id} does not exist or cannot be reached with this access key`); // [guess]
	context.administrationId = admin.id;
	return admin;
}

/** Parameter read errors as ASMX's XmlSerializer words them. */
export function readFault(detail: string): SoapFault {
	return new SoapFault(`Server was unable to read request. ---> There is an error in XML document. ---> ${detail}`, 'soap:Client');
}

export function booleanParam(context: CallContext, name: string): boolean {
	const value = text(context, name)?.trim();
	if (value === undefined) return false;
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	throw readFault(`The string '${value}' is not a valid Boolean value.`);
}

export function dateParam(context: CallContext, name: string): string {
	const value = text(context, name)?.trim() ?? '';
	const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.exec(value);
	if (!match) throw new SoapFault(`${name} is missing or not a date: expected YYYY-MM-DD`, 'soap:Client'); // [guess]
	return match[1];
}

/** The session's domain, checked against a `domainID` parameter (the Contact service works per domain [lib]). */
export function domain(context: CallContext, current: SessionState): string {
	const id = text(context, 'domainID')?.trim();
	// As with a misspelt administration parameter, a missing domain reads as a session problem [guess].
	if (!id) throw new SoapFault(FAULT_TEXT.invalidSession);
	if (id.toLowerCase() !== current.domainId.toLowerCase()) throw new SoapFault(FAULT_TEXT.invalidDomain);
	return current.domainId;
}

/**
 * A WSDL enumeration parameter. XmlSerializer reads an absent one (minOccurs=1, often a misspelt
 * name) as the type's first value, and refuses an unknown value with its instance validation error.
 */
export function enumParam<T extends string>(context: CallContext, name: string, typeName: string, values: readonly T[]): T {
	const value = text(context, name)?.trim();
	if (value === undefined) return values[0];
	if (!(values as readonly string[]).includes(value)) throw readFault(`Instance validation error: '${value}' is not a valid value for ${typeName}.`);
	return value as T;
}

/** An `s:int` parameter; absent reads as 0, like XmlSerializer's default. */
export function intParam(context: CallContext, name: string): number {
	const value = text(context, name)?.trim();
	if (value === undefined) return 0;
	if (!/^[+-]?\d+$/.test(value) || Math.abs(Number(value)) > 2147483647) throw readFault(`Input string '${value}' was not in a correct format.`);
	return Number(value);
}
