import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { presentOutput } from '../shared/presentation';
import { createRunContext, runCallsHint } from '../shared/runContext';
import type { YukiOperation } from './operation';
import { resources } from './resources';

/**
 * Sends the run to the chosen operation. The run's Yuki call count is said once, as an execution
 * hint above the output, not repeated on every item (the run log item carries it for expressions).
 * Every result says which administration it used; Simplify makes it compact where offered.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = (resources[resource]?.operations as Record<string, YukiOperation> | undefined)?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not known`);
	}
	const options = this.getNodeParameter('options', 0, {}) as { timeout?: number };
	const context = await createRunContext.call(this, options.timeout);
	try {
		const output = await operation.execute.call(this, items, context);
		const hasAdministration = operation.description.some((property) => property.name === 'administrationId');
		return [presentOutput.call(this, output, context, { hasAdministration, simplify: operation.simplify })];
	} finally {
		this.addExecutionHints(runCallsHint(context));
	}
}
