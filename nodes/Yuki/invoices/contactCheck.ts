/**
 * Options › Check Contact Codes: before anything is sent, each distinct contact code of the run is
 * looked up in Yuki (1 SearchContacts call per distinct code and domain, plus 1 Administrations
 * call when the credential has no Domain ID). Without a known code Yuki matches the customer by
 * name and address and may create a second contact. A code that could not be checked counts as
 * "not known to exist": in Fail mode such an invoice is not sent.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { domainIdFor } from '../contacts/domain';
import { findContacts } from '../contacts/search';
import { logAnswer } from '../helpers/logging';
import type { RunContext } from '../helpers/runContext';
import type { ContactCheck } from './options';
import type { PreparedItem } from './prepare';


type Verdict = { known: true } | { known: false; reason: string };

function contactCodeOf(item: PreparedItem): string | undefined {
	const code = item.invoices[0]?.contactCode;
	return typeof code === 'string' && code.trim() ? code.trim() : undefined;
}

async function verdictFor(context: RunContext, administrationId: string, code: string): Promise<Verdict> {
	try {
		const domainId = await domainIdFor(context, administrationId);
		const { contacts } = await findContacts(context, { domainId, searchOption: 'Code', searchValue: code, limit: 100 });
		// Yuki's matching (exact or partial) is not documented: only an exact match counts [guess].
		const exact = contacts.filter((contact) => String(contact.code ?? '').toLowerCase() === code.toLowerCase());
		return exact.length > 0 ? { known: true } : { known: false, reason: `contact code "${code}" is not in Yuki: Yuki will match the customer by name and address, or create a new contact` };
	} catch (error) {
		return { known: false, reason: `contact code "${code}" could not be checked in Yuki (${(error as Error).message})` };
	}
}

/**
 * Checks the run's contact codes; returns the items that must not be sent (Fail mode) with their
 * error, and adds a warning to the others (Warn mode). XML input and invoices without a code are
 * left alone (the missing-code option covers the latter).
 */
export async function checkContactCodes(
	this: IExecuteFunctions,
	mode: ContactCheck,
	prepared: PreparedItem[],
	context: RunContext,
): Promise<Map<PreparedItem, NodeOperationError>> {
	const failures = new Map<PreparedItem, NodeOperationError>();
	if (mode === 'off') return failures;
	const verdicts = new Map<string, Promise<Verdict>>();
	for (const item of prepared) {
		const code = item.document === undefined ? contactCodeOf(item) : undefined;
		if (!code) continue;
		const key = `${item.administrationId.toLowerCase()}\u0000${code.toLowerCase()}`;
		if (!verdicts.has(key)) verdicts.set(key, verdictFor(context, item.administrationId, code));
		const verdict = await (verdicts.get(key) as Promise<Verdict>);
		if (verdict.known) continue;
		if (mode === 'warn') {
			item.warnings.push(verdict.reason);
			continue;
		}
		const label = item.entry === undefined ? `Item ${item.itemIndex}` : `Item ${item.itemIndex}, invoice ${item.entry}`;
		failures.set(
			item,
			new NodeOperationError(this.getNode(), `${label}: ${verdict.reason}; the invoice was not sent`, {
				itemIndex: item.itemIndex,
				description: 'Create the contact first (Contact › Create or Update), correct the code, or set Options › Check Contact Codes to Warn.',
			}),
		);
	}
	if (verdicts.size > 0) logAnswer(this, `checked ${verdicts.size} contact code(s) in Yuki`);
	return failures;
}
