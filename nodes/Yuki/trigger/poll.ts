/**
 * One poll of the Yuki Trigger: read the open items once, compare them with the previous poll's
 * snapshot (payments/snapshot.ts) and emit each payment once, a reversed one as `reopened`.
 * Loaded on the first poll, not when n8n loads the trigger.
 *
 * An answer that cannot be read fails the poll with no events (the transport never turns it into
 * an empty list); a sudden disappearance of all or most open items is confirmed before it is
 * reported (payments/confirm.ts: at most 4 extra calls, only then).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { chosenAdministration, createRunContext, toNodeError } from '../helpers/runContext';
import { confirmDisappearance, isSuspicious, UnconfirmedDisappearanceError } from '../payments/confirm';
import { clockIn } from '../payments/dates';
import { paymentEvent } from '../payments/events';
import { messageStyle } from '../payments/messages';
import { readSide } from '../payments/parameters';
import type { PaymentInputError } from '../payments/references';
import { sampleEvents } from '../payments/samples';
import { detectChanges, isCurrentForm, readSnapshot, snapshotKey, storedChanged, storeSnapshot, vanishedItems } from '../payments/snapshot';

interface TriggerOptions {
	emitOnFirstPoll?: boolean;
	emitOverdue?: boolean;
	timeout?: number;
	messageLanguage?: string;
	messageDateFormat?: string;
}

export async function pollPayments(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
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
