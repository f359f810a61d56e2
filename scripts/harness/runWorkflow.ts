/**
 * Runs workflows with n8n-core's real `WorkflowExecute`, the way n8n runs a manual execution:
 * real `Workflow` (parameter defaults applied, expressions resolved), real node execution
 * contexts (`this.getNodeParameter`, `this.helpers.*`, `this.continueOnFail()`), real
 * error handling and paired-item bookkeeping.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	IWorkflowSettings,
	NodeExecutionHint,
} from 'n8n-workflow';
import { ApplicationError, Workflow } from 'n8n-workflow';
import type { LogLine } from './engine';
import { clearLogLines, createAdditionalData, setUpN8nServices, takeLogLines } from './engine';
import type { TestItem } from './nodeTypes';
import { START_NODE_TYPE, YUKI_NODE_TYPE, YUKI_TRIGGER_NODE_TYPE, nodeTypesFor } from './nodeTypes';

/** The data of the package's credential, as a test gives it (missing fields get the credential's defaults). */
export type YukiCredentialData = Record<string, unknown>;

export interface WorkflowDefinition {
	/** Nodes as in workflow JSON; `id`, `typeVersion` and `position` may be left out. */
	nodes: Array<Partial<INode> & Pick<INode, 'name' | 'type' | 'parameters'>>;
	connections: IConnections;
	settings?: IWorkflowSettings;
}

export interface RunWorkflowOptions {
	/** Data of the `yukiApi` credential; every Yuki node without credentials gets it. */
	credentials?: YukiCredentialData;
	/** Items the `harness.start` node emits (default: one empty item, like a Manual Trigger). */
	startItems?: TestItem[];
	/** Additional node types, e.g. a trivial node for testing the harness itself. */
	extraTypes?: Record<string, INodeType>;
	/** The workflow's static data from an earlier run (`WorkflowRun.staticData`), as n8n would have persisted it. */
	staticData?: IDataObject;
}

export interface WorkflowRun {
	/** n8n's full run data, as stored for an execution. */
	run: IRun;
	runData: IRunData;
	/** The error that stopped the workflow (a node failed with Continue On Fail off). */
	error?: ExecutionError;
	/** First output of a node's first run ([] when it did not run or produced nothing). */
	outputOf(nodeName: string): INodeExecutionData[];
	/** Lines the nodes logged through `this.logger` during the run. */
	logs: LogLine[];
	/** The workflow's static data after the run, as plain JSON (what n8n persists after a production run). */
	staticData: IDataObject;
}

const CREDENTIAL_REFERENCE = { yukiApi: { id: 'test-credential', name: 'Yuki account' } };

function completeNode(node: WorkflowDefinition['nodes'][number], index: number): INode {
	const isYukiNode = node.type === YUKI_NODE_TYPE || node.type === YUKI_TRIGGER_NODE_TYPE;
	return {
		id: `node-${index}`,
		typeVersion: 1,
		position: [index * 200, 0],
		...(isYukiNode && !node.credentials ? { credentials: CREDENTIAL_REFERENCE } : {}),
		...node,
	} as INode;
}

/** Runs a workflow from its `harness.start` node (or n8n's choice of start node) to the end. */
export async function runWorkflow(definition: WorkflowDefinition, options: RunWorkflowOptions = {}): Promise<WorkflowRun> {
	setUpN8nServices();
	clearLogLines();
	const nodes = definition.nodes.map(completeNode);
	const nodeTypes = nodeTypesFor(
		nodes.map((node) => node.type),
		{ startItems: options.startItems, extraTypes: options.extraTypes },
	);
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...definition.settings };
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes,
		connections: definition.connections,
		active: false,
		nodeTypes,
		settings,
		staticData: structuredClone(options.staticData ?? {}),
	});
	const credentials: Record<string, ICredentialDataDecryptedObject> = options.credentials
		? { yukiApi: options.credentials as ICredentialDataDecryptedObject }
		: {};
	const additionalData = createAdditionalData({
		credentials,
		mode: 'manual',
		workflowData: {
			id: 'test-workflow',
			name: 'Test workflow',
			nodes,
			connections: definition.connections,
			active: false,
			settings,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never,
	});
	const startNode = nodes.find((node) => node.type === START_NODE_TYPE);
	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	// n8n refuses such a workflow too, but only says "has issues": name them for the test's reader.
	const issues = workflowExecute.checkReadyForExecution(workflow, { startNode: startNode?.name });
	if (issues !== null) {
		throw new ApplicationError(`n8n would not run this workflow, its nodes have issues: ${JSON.stringify(issues)}`);
	}
	const run = await workflowExecute.run(workflow, startNode);
	const runData = run.data.resultData.runData;
	return {
		run,
		runData,
		error: run.data.resultData.error,
		outputOf: (nodeName) => runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		logs: takeLogLines(),
		staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
	};
}

export interface RunYukiNodeOptions {
	parameters: INodeParameters;
	/** Input items (default: one empty item). Binary may be given as `{ data: Buffer, fileName, mimeType }`. */
	items?: TestItem[];
	/** Data of the `yukiApi` credential. */
	credentials: YukiCredentialData;
	/** The node's "On Error: Continue" setting. */
	continueOnFail?: boolean;
	/** The workflow's time zone setting (n8n's default otherwise). */
	timezone?: string;
	nodeTypeName?: 'yuki';
	/** Node settings as in workflow JSON, e.g. `{ retryOnFail: true, maxTries: 2, waitBetweenTries: 0 }` or `{ onError: 'continueErrorOutput' }`. */
	nodeSettings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'onError' | 'alwaysOutputData'>;
	/** Run another node type in place of the Yuki node (for testing the harness itself). */
	nodeType?: INodeType;
	/** The workflow's static data from an earlier run (`NodeRun.staticData`). */
	staticData?: IDataObject;
}

export interface NodeRun {
	/** The Yuki node's output items, with `pairedItem` as n8n recorded it. */
	items: INodeExecutionData[];
	/** Set when the node failed and Continue On Fail was off. */
	error?: ExecutionError;
	runData: IRunData;
	/** Lines the node logged through `this.logger`. */
	logs: LogLine[];
	/** Execution hints n8n shows above the node's output (e.g. the run's Yuki call count). */
	hints: NodeExecutionHint[];
	/** The workflow's static data after the run (pass it to the next run to simulate n8n persisting it). */
	staticData: IDataObject;
}

export const YUKI_NODE_NAME = 'Yuki';

/** Runs [Start emitting `items`] → [Yuki node with `parameters`] and returns the Yuki node's output. */
export async function runYukiNode(options: RunYukiNodeOptions): Promise<NodeRun> {
	const result = await runWorkflow(
		{
			nodes: [
				{ name: 'Start', type: START_NODE_TYPE, parameters: {} },
				{
					name: YUKI_NODE_NAME,
					type: YUKI_NODE_TYPE,
					parameters: options.parameters,
					...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
					...options.nodeSettings,
				},
			],
			connections: { Start: { main: [[{ node: YUKI_NODE_NAME, type: 'main', index: 0 }]] } },
			settings: options.timezone ? { timezone: options.timezone } : undefined,
		},
		{
			credentials: options.credentials,
			startItems: options.items ?? [{ json: {} }],
			extraTypes: options.nodeType ? { [YUKI_NODE_TYPE]: options.nodeType } : undefined,
			staticData: options.staticData,
		},
	);
	return {
		items: result.outputOf(YUKI_NODE_NAME),
		error: result.error,
		runData: result.runData,
		logs: result.logs,
		hints: result.runData[YUKI_NODE_NAME]?.[0]?.hints ?? [],
		staticData: result.staticData,
	};
}
