import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { administrationField, optionsCollection } from './helpers/parameters';
import { messageOptions, sideField } from './payments/parameters';
import { lazyNodeMethods } from './methods/lazy';

/** Loaded on the first poll and kept (a dynamic import on every poll costs a loader round trip under tsx). */
let pollModule: Promise<typeof import('./trigger/poll')> | undefined;

/**
 * Starts a workflow when Yuki shows a payment on an invoice. Yuki has no list of payments, so
 * each poll reads the open items once and compares them with the previous poll's snapshot
 * (payments/snapshot.ts): each payment is emitted once, a reversed one as `reopened`. The poll
 * itself is trigger/poll.ts.
 */
export class YukiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yuki Trigger',
		name: 'yukiTrigger',
		icon: { light: 'file:yuki.svg', dark: 'file:yuki.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["side"] === "creditor" ? "Purchase invoices paid" : "Sales invoices paid"}}',
		description: 'Starts the workflow when an invoice in Yuki is paid (in part or in full)',
		defaults: { name: 'Yuki Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yukiApi', required: true }],
		properties: [
			// "Trigger On" with an action per option: n8n's node panel lists these as the trigger's
			// events ("On sales invoice paid") instead of "On new Yuki event" (n8n editor-ui,
			// nodeCreator actions: a property named Event(s)/Trigger On). Name and values stay `side`,
			// debtor and creditor, so saved workflows keep working.
			sideField({
				displayName: 'Trigger On',
				options: [
					{
						name: 'Purchase Invoice Paid',
						value: 'creditor',
						action: 'On purchase invoice paid',
						description: 'You paid a supplier’s invoice, in part or in full',
					},
					{
						name: 'Sales Invoice Paid',
						value: 'debtor',
						action: 'On sales invoice paid',
						description: 'A customer paid an invoice of yours, in part or in full',
					},
				],
				description: 'Which invoices to watch: sales invoices your customers pay, or purchase invoices you pay',
				// Said as a hint, not a notice: a notice cannot see the Poll Times and told users to add
				// them even when they were set.
				hint: 'Yuki is checked at each Poll Time above; each check is one Yuki call. Twice a day (e.g. 07:00 and 14:00) is two Poll Times.',
			}),
			administrationField({}),
			optionsCollection([
				{
					displayName: 'Also Emit Invoices That Became Overdue',
					name: 'emitOverdue',
					type: 'boolean',
					default: false,
					description: 'Whether to also emit an item (event "overdue") once for each invoice that passes its due date unpaid',
				},
				...messageOptions(),
				{
					displayName: 'Emit Current State on First Poll',
					name: 'emitOnFirstPoll',
					type: 'boolean',
					default: false,
					description:
						'Whether the first poll emits the invoices that are already partly paid (and overdue, with that option). Off: the first poll only records what is open.',
				},
			]),
		],
	};

	methods = lazyNodeMethods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// Loaded on the first poll, not at every n8n start (docs/adding-an-operation.md).
		const { pollPayments } = await (pollModule ??= import('./trigger/poll'));
		return await pollPayments.call(this);
	}
}
