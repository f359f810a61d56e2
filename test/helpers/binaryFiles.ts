/**
 * Files that change after the Yuki node's input was made (n8n filesystem binary data): for tests
 * of a file that is no longer what was checked when it is sent.
 */
import { truncateSync } from 'node:fs';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { harnessNodeDescription, START_NODE_TYPE, YUKI_NODE_TYPE } from '../../scripts/harness/nodeTypes';
import type { TestItem } from '../../scripts/harness/nodeTypes';
import type { YukiCredentialData } from '../../scripts/harness/runWorkflow';
import { runWorkflow } from '../../scripts/harness/runWorkflow';

const TRUNCATE_NODE_TYPE = 'harness.truncate';

/** Cuts the stored file of the items at `indexes` to `bytes` (n8n's record of its size stays). */
function truncatingNode(indexes: number[], bytes: number): INodeType {
	return {
		description: harnessNodeDescription(TRUNCATE_NODE_TYPE, 'Truncate'),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			for (const index of indexes) truncateSync(this.helpers.getBinaryPath(String(items[index].binary?.data.id)), bytes);
			return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
		},
	};
}

/**
 * Start (`items`) → Truncate (the files of the items at `indexes` cut to `bytes`) → the Yuki node
 * with `parameters`, its errors on the regular output; returns the Yuki node's output JSON. The
 * files are still of the checked type by their first bytes, but shorter than n8n recorded.
 */
export async function runWithTruncatedFiles(
	parameters: INodeParameters,
	items: TestItem[],
	credentials: YukiCredentialData,
	truncate: { indexes: number[]; bytes: number },
): Promise<IDataObject[]> {
	const run = await runWorkflow(
		{
			nodes: [
				{ name: 'Start', type: START_NODE_TYPE, parameters: {} },
				{ name: 'Truncate', type: TRUNCATE_NODE_TYPE, parameters: {} },
				{ name: 'Yuki', type: YUKI_NODE_TYPE, parameters, onError: 'continueRegularOutput' },
			],
			connections: {
				Start: { main: [[{ node: 'Truncate', type: 'main', index: 0 }]] },
				Truncate: { main: [[{ node: 'Yuki', type: 'main', index: 0 }]] },
			},
		},
		{ credentials, startItems: items, extraTypes: { [TRUNCATE_NODE_TYPE]: truncatingNode(truncate.indexes, truncate.bytes) } },
	);
	return run.outputOf('Yuki').map((item) => item.json);
}
