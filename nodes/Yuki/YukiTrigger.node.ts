import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { administrationField, optionsCollection } from './helpers/parameters';
import { messageStyle } from './payments/messages';
import { messageOptions, readSide, sideField } from './payments/parameters';
import type { PaymentInputError } from './payments/references';
import { chosenAdministration, createRunContext, toNodeError } from './helpers/runContext';
import { lazyNodeMethods } from './methods/lazy';

interface TriggerOptions {
	emitOnFirstPoll?: boolean;
	emitOverdue?: boolean;
	timeout?: number;
	messageLanguage?: string;
	messageDateFormat?: string;
}

/**
 * Starts a workflow when Yuki shows a payment on an invoice. Yuki has no list of payments, so
 * each poll reads the open items once and compares them with the previous poll's snapshot
 * (payments/snapshot.ts): each payment is emitted once, a reversed one as `reopened`.
 *
 * An answer that cannot be read fails the poll with no events (the transport never turns it into
 * an empty list); a sudden disappearance of all or most open items is confirmed before it is
 * reported (payments/confirm.ts: at most 4 extra calls, only then).
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
		// Run-time modules: loaded on the first poll, not at every n8n start (docs/adding-an-operation.md).
		const { confirmDisappearance, isSuspicious, UnconfirmedDisappearanceError } = await import('./payments/confirm');
		const { clockIn } = await import('./payments/dates');
		const { paymentEvent } = await import('./payments/events');
		const { sampleEvents } = await import('./payments/samples');
		const { detectChanges, isCurrentForm, readSnapshot, snapshotKey, storedChanged, storeSnapshot, vanishedItems } = await import('./payments/snapshot');
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		let side;
		try {
			side = readSide(this.getNodeParameter('side'));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as PaymentInputError).message);
		}
		const context = await createRunContext.call(this, options.timeout);
		const administrationId = chosenAdministration(this.getNodeParameter('administrationId', '', { extractValue: true }), context.credentials);
		if (!administrationId) {
			throw new NodeOperationError(
				this.getNode(),
				'No administration. Pick one in "Administration" or set a Default Administration ID in the Yuki credential.',
			);
		}

		let openItems;
		try {
			openItems = await context.yuki.outstandingItems(side, administrationId, { includeBankTransactions: false, sortOrder: 'DateAsc' });
		} catch (error) {
			throw toNodeError.call(this, error);
		}

		const clock = clockIn(this.getTimezone());
		const style = messageStyle(options);
		const staticData = this.getWorkflowStaticData('node');
		const key = snapshotKey(administrationId, side);
		const previous = readSnapshot(staticData[key]);

		// Compared first (nothing is stored or emitted yet): its snapshot, keyed, also says what vanished.
		const { changes, next, unchanged } = detectChanges(previous, openItems, {
			clock,
			emitOverdue: options.emitOverdue === true,
			emitOnFirstPoll: options.emitOnFirstPoll === true,
		});

		// All or most open items gone at once: confirm before a single one is reported as paid.
		let confirmation: string | undefined;
		const { vanished, openBefore } = vanishedItems(previous, next);
		if (this.getMode() !== 'manual' && isSuspicious(vanished.length, openBefore, openItems.length)) {
			try {
				({ note: confirmation } = await confirmDisappearance(context.yuki, {
					administrationId,
					side,
					firstRead: openItems,
					reread: () => context.yuki.outstandingItems(side, administrationId, { includeBankTransactions: false, sortOrder: 'DateAsc' }),
					vanishedReferences: vanished.map((entry) => entry[2]),
					vanishedCount: vanished.length,
				}));
			} catch (error) {
				if (error instanceof UnconfirmedDisappearanceError) {
					throw new NodeOperationError(this.getNode(), error.message, {
						description: 'No event was emitted and the previous state is kept, so nothing is lost: the next poll compares again.',
					});
				}
				throw toNodeError.call(this, error);
			}
		}

		const eventContext = { administrationId, side, clock, style, previousStateRecordedAt: previous?.takenAt, confirmation };
		const events = changes.map((change) => paymentEvent(change, eventContext));

		if (this.getMode() === 'manual') {
			const samples = sampleEvents(events, openItems, eventContext);
			if (samples.length === 0) {
				throw new NodeOperationError(this.getNode(), `Administration ${administrationId} has no open ${side} items to show a sample from`, {
					description: 'Book an invoice in Yuki (or pick the other side) and fetch a test event again.',
				});
			}
			return [this.helpers.returnJsonArray(samples)];
		}

		// Unchanged and stored in this version's text form: nothing to write (n8n then leaves static data alone).
		const stored = unchanged && isCurrentForm(staticData[key]) ? undefined : storeSnapshot(next);
		if (stored && storedChanged(staticData[key], stored)) {
			// Only this administration and side is tracked: another key is left over from earlier settings.
			for (const other of Object.keys(staticData)) if (other !== key) delete staticData[other];
			staticData[key] = stored as unknown as IDataObject;
		}
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	}
}
