/**
 * Journal → Create: one general journal (memorial) per item, for bookings that are not invoices.
 * The journal is validated (fields, and the balance: debit = credit, per entry date too) before
 * anything is sent; one Yuki call per item. Yuki cannot recognise a journal it already has, so a
 * journal whose call may have reached Yuki is never sent again by the node.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { formatDecimal } from '../../documents/decimal';
import { journalDocument, journalTotals } from '../../documents/journal';
import { resultItem } from '../../helpers/items';
import { logAnswer, logSent } from '../../helpers/logging';
import { documentInput, documentSourceProperties } from '../../helpers/documentInput';
import { administrationField, optionsCollection } from '../../helpers/parameters';
import type { RunContext } from '../../helpers/runContext';
import { administrationFor } from '../../helpers/runContext';
import { eachItem } from '../../helpers/eachItem';

const displayOptions = { show: { resource: ['journal'], operation: ['create'] } };
const fromAdministration = (method: string) => ({ method, dependsOn: ['administrationId'] });

const properties: INodeProperties[] = [
	administrationField(displayOptions),
	...documentSourceProperties(journalDocument, {
		exclude: ['AdministrationID'],
		loadOptions: { GLAccount: fromAdministration('getGlAccounts'), ProjectID: fromAdministration('getProjectIds'), ProjectCode: fromAdministration('getProjectCodes') },
	}),
	optionsCollection([
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only check the journal and return its XML, without calling Yuki',
		},
	]),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Refuses the run when n8n would repeat it: a journal sent twice is booked twice. */
function refuseRetryOnFail(this: IExecuteFunctions): void {
	if (this.getNode().retryOnFail !== true) return;
	throw new NodeOperationError(
		this.getNode(),
		'Journal → Create does not run with "Retry On Fail": Yuki cannot recognise a journal it already has, so a repeated run may book it twice',
		{ description: 'Turn off Settings › Retry On Fail for this node. The node never repeats a journal call by itself.' },
	);
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]> {
	// Run-time modules: loaded on first run, not at every n8n start (docs/adding-an-operation.md).
	const { describeIssues, validateRecord } = await import('../../documents/validate');
	const { buildDocument } = await import('../../documents/xml');
	const { processJournal } = await import('../../transport/calls/accounting');
	const { xmlElements } = await import('../../transport/envelope');
	const { dryRun } = this.getNodeParameter('options', 0, {}) as { dryRun?: boolean };
	if (!dryRun) refuseRetryOnFail.call(this);
	return await eachItem(this, items, async (itemIndex, output) => {
		const administrationId = administrationFor.call(this, context, itemIndex);
		const input = documentInput.call(this, journalDocument, items[itemIndex], itemIndex);
		const given = typeof input.administrationId === 'string' ? input.administrationId.trim() : '';
		if (given && given.toLowerCase() !== administrationId.toLowerCase()) {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${itemIndex}: administrationId (Administration ID) is ${given}, but the node books in ${administrationId} (allowed: leave it out, or the same administration)`,
				{ itemIndex },
			);
		}
		const validation = validateRecord(journalDocument, { journalType: 'GeneralJournal', ...input, administrationId }, { timeZone: this.getTimezone() });
		if (!validation.ok) {
			throw new NodeOperationError(this.getNode(), describeIssues(validation.issues, itemIndex), {
				itemIndex,
				description: 'The journal was not sent to Yuki. Correct the fields named above and run the node again.',
			});
		}
		const record = validation.record;
		const xml = buildDocument(journalDocument, [record]);
		const { debit, credit } = journalTotals(record);
		const entries = Array.isArray(record.journalEntry) ? record.journalEntry.length : 0;
		const json: IDataObject = {
			administrationId,
			subject: record.documentSubject ?? null,
			entries,
			totalDebit: formatDecimal(debit),
			totalCredit: formatDecimal(credit),
		};
		if (dryRun) {
			output.push(resultItem({ ...json, dryRun: true, xml }, itemIndex));
			return;
		}
		logSent(this, `journal "${String(record.documentSubject)}" (${entries} entries, ${formatDecimal(debit)} debit/credit)`, { itemIndex, administrationId });
		const documentId = await context.yuki.call(processJournal, { administrationId, xmlDoc: xmlElements(xml) });
		logAnswer(this, `booked journal as document ${documentId}`, { itemIndex });
		output.push(resultItem({ status: 'booked', documentId, ...json, yuki: { operation: 'Accounting.ProcessJournal', result: documentId } }, itemIndex));
	});
}
