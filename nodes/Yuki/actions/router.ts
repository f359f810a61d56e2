import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { presentOutput } from '../helpers/presentation';
import { createRunContext, runCallsHint } from '../helpers/runContext';
import { runLogItem } from '../helpers/runLog';
import type { YukiOperation } from './operation';
import type { YukiResource } from './resources';
import { resources } from './resources';

/** "Sales Invoice › Process": the run log's category, in the words of the node's own lists. */
function categoryOf(resource: YukiResource, operationName: string): string {
	const selector = resource.description.find((property) => property.name === 'operation');
	const option = (selector?.options as INodePropertyOptions[] | undefined)?.find((candidate) => candidate.value === operationName);
	return `${resource.displayName} › ${option?.name ?? operationName}`;
}

/**
 * Sends the run to the chosen operation. The run's Yuki call count is said once, as an execution
 * hint above the output, not repeated on every item; when the operation's Options ask for it, the
 * run log item after the results carries it for expressions and sheets. Every result says which
 * administration it used; Simplify makes it compact where offered.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const startedAt = new Date();
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = (resources[resource]?.operations as Record<string, YukiOperation> | undefined)?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not known`);
	}
	const options = this.getNodeParameter('options', 0, {}) as { timeout?: number; runLog?: boolean };
	const context = await createRunContext.call(this, options.timeout);
	try {
		const output = await operation.execute.call(this, items, context);
		const hasAdministration = operation.description.some((property) => property.name === 'administrationId');
		const presented = presentOutput.call(this, output, context, { hasAdministration, simplify: operation.simplify, freshOutput: operation.freshOutput });
		if (options.runLog === true) {
			const count = context.yuki.callCount();
			presented.push(
				runLogItem({
					category: categoryOf(resources[resource], operationName),
					startedAt,
					finishedAt: new Date(),
					inputItems: items.length,
					output: presented,
					calls: count.total,
					callsToday: count.today,
					dailyLimit: count.dailyLimit,
				}),
			);
		}
		return [presented];
	} finally {
		this.addExecutionHints(runCallsHint(context));
	}
}
