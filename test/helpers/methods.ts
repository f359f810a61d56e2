/**
 * Calls the Yuki node's `methods` the way n8n's editor backend does: load options and list
 * search through n8n-core's real `LoadOptionsContext` on a temporary node holding the
 * editor's current parameters; and the credential's declarative test request the way n8n's
 * CredentialsTester makes it (n8n-core's RoutingNode on a temporary node).
 */
import { ExecuteContext, LoadOptionsContext, RoutingNode } from 'n8n-core';
import { YukiApi } from '../../credentials/YukiApi.credentials';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IRunExecutionData,
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

/**
 * Runs the credential's "Test" button as n8n does for a credential with a declarative `test`
 * request (n8n's CredentialsTester): the request is made by n8n-core's RoutingNode through the
 * real HTTP helper on a temporary node, a non-2xx answer fails the test with the message of the
 * first matching `responseCode` rule (else the HTTP status text), a request that could not be made
 * with the error's code or message.
 */
export async function testCredential(credentials: YukiCredentialData): Promise<INodeCredentialTestResult> {
	setUpN8nServices();
	clearLogLines();
	const credentialType = new YukiApi();
	const testRequest = credentialType.test;
	const data = withCredentialDefaults('yukiApi', credentials as ICredentialDataDecryptedObject);
	const decrypted = { id: 'test-credential', name: 'Yuki account', type: 'yukiApi', data };
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'yukiApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		} as INodeType['description'],
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { yukiApi: { id: 'test-credential', name: 'Yuki account' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } });
	const additionalData = createAdditionalData({
		credentials: { yukiApi: data },
		mode: 'internal',
		workflowData: { id: 'temp', name: 'Temp', nodes: [node], connections: {}, active: false } as never,
	});
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', { resultData: { runData: {} } } as IRunExecutionData, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		// n8n's CredentialsTester, step by step.
		const failure = error as { cause?: { response?: { status: number; statusText?: string }; code?: string }; message: string };
		const response = failure.cause?.response;
		if (response) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message };
			}
			if (response.status < 199 || response.status > 299) {
				return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
			}
		} else if (failure.cause?.code) {
			return { status: 'Error', message: failure.cause.code };
		}
		return { status: 'Error', message: failure.message.toString() };
	} finally {
		lastMethodLogs = takeLogLines();
	}
}
