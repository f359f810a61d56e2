/**
 * Calls the Yuki node's `methods` the way n8n's editor backend does: load options and list
 * search through n8n-core's real `LoadOptionsContext` on a temporary node holding the
 * editor's current parameters, and the credential test through n8n-core's `CredentialTestContext`
 * with the decrypted credential (defaults applied).
 */
import { CredentialTestContext, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import type { LogLine } from '../../scripts/harness/engine';
import { clearLogLines, createAdditionalData, setUpN8nServices, takeLogLines, withCredentialDefaults } from '../../scripts/harness/engine';
import { YUKI_NODE_TYPE, nodeTypesFor } from '../../scripts/harness/nodeTypes';
import type { YukiCredentialData } from '../../scripts/harness/runWorkflow';

export interface MethodOptions {
	credentials: YukiCredentialData;
	/** The node's parameters as currently set in the editor. */
	parameters?: INodeParameters;
	/** Path of the parameter whose options are loaded, e.g. `parameters.vatType`. */
	path?: string;
}

/** Lines logged by the last `loadOptions` / `listSearch` / `testCredential` call. */
export let lastMethodLogs: LogLine[] = [];

function editorContext(options: MethodOptions): { context: LoadOptionsContext; nodeType: INodeType } {
	setUpN8nServices();
	clearLogLines();
	const nodeTypes = nodeTypesFor([YUKI_NODE_TYPE]);
	const node: INode = {
		id: 'temp-node',
		name: 'Temp-Node',
		type: YUKI_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: { yukiApi: { id: 'test-credential', name: 'Yuki account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = createAdditionalData({
		credentials: { yukiApi: options.credentials as ICredentialDataDecryptedObject },
		mode: 'internal',
		workflowData: { id: 'temp', name: 'Temp', nodes: [node], connections: {}, active: false } as never,
		currentNodeParameters: options.parameters ?? {},
	});
	const workflowNode = workflow.getNode('Temp-Node') as INode;
	const context = new LoadOptionsContext(workflow, workflowNode, additionalData, options.path ?? 'parameters');
	return { context, nodeType: nodeTypes.getByNameAndVersion(YUKI_NODE_TYPE) };
}

/** Runs `methods.loadOptions[method]` as the editor does when a dropdown opens. */
export async function loadOptions(method: string, options: MethodOptions): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = editorContext(options);
	const loader = nodeType.methods?.loadOptions?.[method];
	if (!loader) throw new Error(`The Yuki node has no loadOptions method "${method}"`);
	try {
		return await loader.call(context);
	} finally {
		lastMethodLogs = takeLogLines();
	}
}

/** Runs `methods.listSearch[method]` as the editor does for a resource locator's list mode. */
export async function listSearch(
	method: string,
	options: MethodOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { context, nodeType } = editorContext(options);
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`The Yuki node has no listSearch method "${method}"`);
	try {
		return await search.call(context, options.filter, options.paginationToken);
	} finally {
		lastMethodLogs = takeLogLines();
	}
}

/** Runs the credential's test (the node's `credentialTest.yukiApiTest`) as n8n's "Test" button does. */
export async function testCredential(credentials: YukiCredentialData): Promise<INodeCredentialTestResult> {
	setUpN8nServices();
	clearLogLines();
	const nodeType = nodeTypesFor([YUKI_NODE_TYPE]).getByNameAndVersion(YUKI_NODE_TYPE);
	const test = nodeType.methods?.credentialTest?.yukiApiTest;
	if (!test) throw new Error('The Yuki node has no credentialTest method "yukiApiTest"');
	try {
		return await test.call(new CredentialTestContext(), {
			id: 'test-credential',
			name: 'Yuki account',
			type: 'yukiApi',
			data: withCredentialDefaults('yukiApi', credentials as ICredentialDataDecryptedObject),
		});
	} finally {
		lastMethodLogs = takeLogLines();
	}
}
