/**
 * Runs the bad-input catalogue through the node (n8n's real engine) against a sandbox that
 * records every call: each bad input must give an error naming the item and the field, under
 * Continue On Fail as an error item and without it as the node's error; nothing reaches Yuki.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningSandbox } from '../../sandbox/server';
import type { TestItem } from '../helpers';
import { BAD_INPUT_GROUPS } from './badInputs';
import type { BadInput, BadInputGroup } from './badInputs';
import { credentialsFor, runNode, sandboxPerSuite } from './env';
import { countItems, figures } from './figures';

/** Signs of a crash rather than an error written for the user. */
const CRASH = /TypeError|ReferenceError|Cannot read propert|is not a function|undefined is not|\[object Object\]/;

function errorText(error: { message?: string; description?: string | null } | undefined): string {
	return `${error?.message ?? ''} ${error?.description ?? ''}`;
}

export function describeBadInputs(): void {
	describe('bad-input catalogue', () => {
		let sandbox: RunningSandbox;
		sandboxPerSuite((opened) => (sandbox = opened));

		const callsNow = () => sandbox.calls.length;

		async function expectStopped(group: BadInputGroup, input: BadInput, items: TestItem[], index: number): Promise<void> {
			const parameters = { ...group.parameters, ...input.parameters };
			const before = callsNow();
			const tolerant = await runNode(`bad input ${input.title}`, sandbox, { parameters, items, credentials: credentialsFor(sandbox), continueOnFail: true });
			const strict = await runNode(`bad input ${input.title} (strict)`, sandbox, { parameters, items, credentials: credentialsFor(sandbox) });
			const sent = sandbox.calls.slice(before).map((call) => call.operation);
			figures.badInputCallsSent += sent.length;
			assert.deepEqual(sent, [], `calls reached Yuki for "${input.title}"`);

			assert.equal(tolerant.error, undefined, `Continue On Fail: the node failed as a whole: ${tolerant.error?.message}`);
			const { lost, duplicated } = countItems(items.length, tolerant.paired);
			assert.equal(lost + duplicated, 0, 'items lost or duplicated');
			const itemError = tolerant.errorsByItem.get(index);
			assert.ok(itemError, `"${input.title}" gave no error item: ${JSON.stringify(tolerant.items.map((item) => item.json))}`);
			assert.match(itemError, new RegExp(`Item ${index}\\b`), `the error does not name item ${index}: ${itemError}`);
			assert.match(itemError, input.field, `the error does not name the field: ${itemError}`);
			assert.doesNotMatch(itemError, CRASH, itemError);

			assert.ok(strict.error, `without Continue On Fail "${input.title}" did not stop the node`);
			const strictText = errorText(strict.error as { message?: string; description?: string | null });
			assert.match(strictText, input.field, strictText);
			assert.doesNotMatch(strictText, CRASH, strictText);
			assert.equal(strict.error.name, 'NodeOperationError', `"${input.title}" is a ${strict.error.name}, not an input error`);
		}

		for (const group of BAD_INPUT_GROUPS) {
			describe(group.operation, () => {
				for (const input of group.inputs) {
					it(`${input.title}: an error naming the item and the field, nothing sent`, async () => {
						figures.badInputs++;
						figures.badInputOperations.add(group.operation);
						await expectStopped(group, input, [input.item], 0);
					});
				}

				const shared = group.inputs.filter((input) => !input.parameters);
				if (shared.length > 1) {
					it(`${shared.length} bad items in one run: each error names its own item`, async () => {
						const before = callsNow();
						const run = await runNode(`bad inputs ${group.operation}`, sandbox, {
							parameters: group.parameters,
							items: shared.map((input) => input.item),
							credentials: credentialsFor(sandbox),
							continueOnFail: true,
						});
						assert.deepEqual(sandbox.calls.slice(before).map((call) => call.operation), []);
						const { lost, duplicated } = countItems(shared.length, run.paired);
						assert.equal(lost + duplicated, 0);
						shared.forEach((input, index) => {
							const error = run.errorsByItem.get(index) ?? '';
							assert.match(error, new RegExp(`Item ${index}\\b`), `${input.title}: ${error}`);
							assert.match(error, input.field, `${input.title}: ${error}`);
						});
					});
				}

				const valid = group.valid;
				if (valid && shared.length > 0) {
					it('a good item among the bad ones still goes through; only the bad ones fail', async () => {
						const items = [...shared.map((input) => input.item), valid('GOOD-AMONG-BAD')];
						const goodIndex = items.length - 1;
						const run = await runNode(`good among bad ${group.operation}`, sandbox, {
							parameters: group.parameters,
							items,
							credentials: credentialsFor(sandbox),
							continueOnFail: true,
						});
						const { lost, duplicated } = countItems(items.length, run.paired);
						assert.equal(lost + duplicated, 0);
						assert.equal(run.errorsByItem.get(goodIndex), undefined, `the good item failed: ${run.errorsByItem.get(goodIndex)}`);
						assert.equal(run.errorsByItem.size, shared.length, 'every bad item, and only those, gave an error');
						if (String(group.parameters.resource).endsWith('Invoice')) {
							assert.ok(sandbox.state.invoices.some((invoice) => invoice.reference === 'GOOD-AMONG-BAD'), 'the good invoice did not reach the sandbox');
						}
					});
				}

				it('an empty run (no input items) sends nothing and does not fail', async () => {
					figures.badInputs++;
					figures.badInputOperations.add(group.operation);
					const before = callsNow();
					const run = await runNode(`empty run ${group.operation}`, sandbox, {
						parameters: group.parameters,
						items: [],
						credentials: credentialsFor(sandbox),
						continueOnFail: false,
					});
					assert.equal(run.error, undefined, run.error?.message);
					assert.deepEqual(run.items, []);
					assert.deepEqual(sandbox.calls.slice(before).map((call) => call.operation), []);
				});
			});
		}
	});
}
