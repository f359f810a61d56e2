/**
 * The Contact service works per domain, not per administration [lib]. The domain is the
 * credential's Domain ID when set, else the domain of the administration (as `Administrations`
 * lists it: one call per run, shared by every item and by the contact check of the invoices).
 */
import type { Administration } from '../transport/types';
import type { RunContext } from '../helpers/runContext';

const administrationLists = new WeakMap<RunContext, Promise<Administration[]>>();

/** The administrations the key reaches, read once per run. */
export async function runAdministrations(context: RunContext): Promise<Administration[]> {
	let list = administrationLists.get(context);
	if (!list) {
		list = context.yuki.administrations();
		administrationLists.set(context, list);
		list.catch(() => administrationLists.delete(context));
	}
	return await list;
}

export class DomainUnknownError extends Error {}

/** The domain ID for the Contact service; `administrationId` empty = the credential's default. */
export async function domainIdFor(context: RunContext, administrationId: string): Promise<string> {
	const configured = context.credentials.domainId?.trim();
	if (configured) return configured;
	const administrations = await runAdministrations(context);
	const wanted = administrationId.trim().toLowerCase();
	if (wanted) {
		const match = administrations.find((administration) => administration.id.toLowerCase() === wanted);
		if (!match) throw new DomainUnknownError(`the administration ${administrationId} is not among the ${administrations.length} the key reaches`);
		if (!match.domainId) throw new DomainUnknownError(`Yuki lists no domain for the administration ${administrationId}; set Domain ID in the credential`);
		return match.domainId;
	}
	const domains = [...new Set(administrations.map((administration) => administration.domainId).filter((id): id is string => Boolean(id)))];
	if (domains.length === 1) return domains[0];
	throw new DomainUnknownError(
		domains.length === 0
			? 'Yuki lists no domain for the administrations the key reaches; set Domain ID in the credential'
			: `the key reaches ${domains.length} domains; pick an administration or set Domain ID in the credential`,
	);
}
