/**
 * A harness node that changes files n8n keeps (filesystem binary data) after the Yuki node's
 * input was made: for tests of a file that is no longer what was checked when it is sent.
 */
import { truncateSync } from 'node:fs';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { harnessNodeDescription } from '../../scripts/harness/nodeTypes';

export const TRUNCATE_NODE_TYPE = 'harness.truncate';

/** Cuts the stored file of the items at `indexes` to `bytes` (n8n's record of its size stays). */
export function truncatingNode(indexes: number[], bytes: number): INodeType {
	return {
		description: harnessNodeDescription(TRUNCATE_NODE_TYPE, 'Truncate'),
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			for (const index of indexes) truncateSync(this.helpers.getBinaryPath(String(items[index].binary?.data.id)), bytes);
			return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
		},
	};
}
