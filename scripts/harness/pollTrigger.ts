/**
 * Runs one poll of the package's polling trigger through n8n-core's real poll context
 * (`getExecutePollFunctions` → `PollContext`, run by n8n-core's `TriggersAndPollers`), as n8n's
 * active-workflow manager does on every poll time, and hands back the workflow static data as n8n
 * would persist it: n8n saves static data only when a node changed it (its `__dataChanged` mark).
 */
import { getExecutePollFunctions } from 'n8n-core';
// Not re-exported by n8n-core's index: the class n8n's ActiveWorkflows uses to run each poll.
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import type { LogLine } from './engine';
import { clearLogLines, createAdditionalData, setUpN8nServices, takeLogLines } from './engine';
import { YUKI_TRIGGER_NODE_TYPE, nodeTypesFor } from './nodeTypes';
import type { YukiCredentialData } from './runWorkflow';

export interface PollTriggerOptions {
	parameters: INodeParameters;
	credentials: YukiCredentialData;
	/**
	 * The workflow's static data from a previous poll (`PollRun.staticData`), e.g. to simulate
	 * n8n restarting between polls. Default: a workflow that never polled.
	 */
	staticData?: IDataObject;
	/** `trigger`: an active workflow polling on schedule; `manual`: "Fetch Test Event" in the editor. */
	mode?: 'manual' | 'trigger';
	timezone?: string;
	/** Poll another node type in place of the Yuki Trigger (for testing the harness itself). */
	triggerNodeType?: INodeType;
}

export interface PollRun {
	/** What `poll()` emitted (first output), or null when it reported nothing new. */
	items: INodeExecutionData[] | null;
	/** The workflow's static data as n8n would persist it after this poll (pass it to the next poll). */
	staticData: IDataObject;
	/** This node's part of it (`getWorkflowStaticData('node')`). */
	nodeStaticData: IDataObject;
	/** Whether the poll changed static data (n8n writes it to the database only then). */
	staticDataChanged: boolean;
	logs: LogLine[];
}

export const YUKI_TRIGGER_NODE_NAME = 'Yuki Trigger';

export async function pollTrigger(options: PollTriggerOptions): Promise<PollRun> {
	setUpN8nServices();
	clearLogLines();
	const mode = options.mode ?? 'trigger';
	const node: INode = {
		id: 'yuki-trigger',
		name: YUKI_TRIGGER_NODE_NAME,
		type: YUKI_TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { yukiApi: { id: 'test-credential', name: 'Yuki account' } },
	};
	const staticDataIn = structuredClone(options.staticData ?? {});
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: mode === 'trigger',
		nodeTypes: nodeTypesFor(
			options.triggerNodeType ? [] : [YUKI_TRIGGER_NODE_TYPE],
			options.triggerNodeType ? { extraTypes: { [YUKI_TRIGGER_NODE_TYPE]: options.triggerNodeType } } : {},
		),
		staticData: staticDataIn,
		settings: { executionOrder: 'v1', ...(options.timezone ? { timezone: options.timezone } : {}) },
	});
	const workflowNode = workflow.getNode(YUKI_TRIGGER_NODE_NAME) as INode;
	const additionalData = createAdditionalData({
		credentials: { yukiApi: options.credentials as ICredentialDataDecryptedObject },
		mode,
		workflowData: { id: 'test-workflow', name: 'Test workflow', nodes: [node], connections: {}, active: mode === 'trigger' } as never,
	});
	const pollFunctions = getExecutePollFunctions(
		workflow,
		workflowNode,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const output = await new TriggersAndPollers().runPoll(workflow, workflowNode, pollFunctions);
	const staticDataChanged = (workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true;
	// The persisted form: what JSON serialisation of the observed object keeps (n8n stores JSON).
	const staticData = staticDataChanged
		? (JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject)
		: structuredClone(options.staticData ?? {});
	return {
		items: output ? (output[0] ?? []) : null,
		staticData,
		nodeStaticData: (staticData[`node:${YUKI_TRIGGER_NODE_NAME}`] as IDataObject | undefined) ?? {},
		staticDataChanged,
		logs: takeLogLines(),
	};
}
