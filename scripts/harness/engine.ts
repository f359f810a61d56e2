/**
 * The pieces of n8n's runtime the harness needs around n8n-core's real execution engine
 * (`WorkflowExecute`, the real node execution contexts): node types, a credentials helper,
 * the execution's additional data, and the few services n8n-core takes from its DI container.
 *
 * Modelled on n8n's own `packages/core/nodes-testing` harness, without jest: the services a
 * node run touches are registered once with in-memory stand-ins (no ~/.n8n folder, no
 * database, binary data kept inline as base64 exactly as n8n's "default" binary mode does).
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, InstanceSettings } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ApplicationError, ICredentialsHelper, NodeHelpers } from 'n8n-workflow';
import { YukiApi } from '../../credentials/YukiApi.credentials';

/** One line the node wrote through `this.logger`, kept so tests can check what is (not) logged. */
export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: Record<string, unknown>;
}

const logLines: LogLine[] = [];

/** Stands in for n8n's winston logger: records every line instead of printing it. */
class RecordingLogger {
	scoped() {
		return this;
	}

	error(message: string, meta?: Record<string, unknown>) {
		logLines.push({ level: 'error', message, meta });
	}

	warn(message: string, meta?: Record<string, unknown>) {
		logLines.push({ level: 'warn', message, meta });
	}

	info(message: string, meta?: Record<string, unknown>) {
		logLines.push({ level: 'info', message, meta });
	}

	debug(message: string, meta?: Record<string, unknown>) {
		logLines.push({ level: 'debug', message, meta });
	}
}

/** Log lines written since the last `clearLogLines()` (the harness clears them before each run). */
export function takeLogLines(): LogLine[] {
	return logLines.splice(0, logLines.length);
}

export function clearLogLines(): void {
	logLines.length = 0;
}

let servicesReady = false;

/**
 * Registers the services n8n-core's node contexts take from the container. Binary data: a
 * BinaryDataService without managers is n8n's in-memory ("default") mode, where
 * `prepareBinaryData` stores base64 in the item and `getBinaryDataBuffer` decodes it.
 */
export function setUpN8nServices(): void {
	if (servicesReady) return;
	Container.set(Logger, new RecordingLogger() as unknown as Logger);
	Container.set(InstanceSettings, {
		instanceId: 'yuki-test-instance',
		hmacSignatureSecret: 'yuki-test-hmac',
		instanceRole: 'main',
		isLeader: true,
		n8nFolder: '/nonexistent',
	} as unknown as InstanceSettings);
	servicesReady = true;
	useInMemoryBinaryData();
}

/** Switches binary data (back) to n8n's in-memory ("default") mode: the harness's default. */
export function useInMemoryBinaryData(): void {
	setUpN8nServices();
	const binaryDataConfig = { mode: 'default', availableModes: ['default'], signingSecret: 'yuki-test' };
	Container.set(
		BinaryDataService,
		new BinaryDataService(
			binaryDataConfig as unknown as ConstructorParameters<typeof BinaryDataService>[0],
			{ error() {}, warn() {}, info() {} } as unknown as ConstructorParameters<typeof BinaryDataService>[1],
			new RecordingLogger() as unknown as Logger,
		),
	);
}

/**
 * Switches binary data to n8n's filesystem mode (the default of n8n 2.x/3.x, which removes the
 * in-memory mode): `prepareBinaryData` writes the file under `folder` and items carry only an ID.
 */
export async function useFilesystemBinaryData(folder: string): Promise<void> {
	setUpN8nServices();
	const config = { mode: 'filesystem', availableModes: ['filesystem'], localStoragePath: folder, signingSecret: 'yuki-test' };
	const service = new BinaryDataService(
		config as unknown as ConstructorParameters<typeof BinaryDataService>[0],
		{ error() {}, warn() {}, info() {} } as unknown as ConstructorParameters<typeof BinaryDataService>[1],
		new RecordingLogger() as unknown as Logger,
	);
	await service.init();
	Container.set(BinaryDataService, service);
}

/** A registry of node types by the names workflows use. */
export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = this.types[nodeType];
		if (!type) {
			throw new ApplicationError(`The test harness does not know the node type "${nodeType}"`, {
				extra: { known: Object.keys(this.types), version },
			});
		}
		return type;
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(Object.keys(this.types).map((name) => [name, { type: name }]));
	}
}

const credentialTypes: Record<string, ICredentialType> = { yukiApi: new YukiApi() };

/**
 * Resolves credentials the way n8n's CredentialsHelper does once decrypted: the stored data
 * completed with the credential type's defaults (so a test may omit e.g. `archiveFolderId`).
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(_credentials: ICredentialDataDecryptedObject, _typeName: string, requestOptions: IHttpRequestOptions) {
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new ApplicationError(`Encrypted credentials of type "${type}" are not available in tests`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new ApplicationError(`No test credentials of type "${type}" were given`);
		return withCredentialDefaults(type, data);
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}

/** The credential data completed with the credential type's defaults, as n8n hands it to a node. */
export function withCredentialDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const credentialType = credentialTypes[type];
	if (!credentialType) return { ...data };
	const withDefaults = NodeHelpers.getNodeParameters(credentialType.properties, data as never, true, false, null, null);
	return { ...(withDefaults as ICredentialDataDecryptedObject), ...data };
}

export interface AdditionalDataOptions {
	credentials: Record<string, ICredentialDataDecryptedObject>;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
	executionId?: string;
	currentNodeParameters?: IWorkflowExecuteAdditionalData['currentNodeParameters'];
}

/** What n8n hands WorkflowExecute and every node context besides the workflow itself. */
export function createAdditionalData(options: AdditionalDataOptions): IWorkflowExecuteAdditionalData {
	const executionId = options.executionId ?? 'test-execution';
	const notAvailable = (what: string) => async () => {
		throw new ApplicationError(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		hooks: new ExecutionLifecycleHooks(options.mode, executionId, options.workflowData),
		executionId,
		currentNodeExecutionIndex: 0,
		currentNodeParameters: options.currentNodeParameters,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		executeWorkflow: notAvailable('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notAvailable('The task runner'),
	} as unknown as IWorkflowExecuteAdditionalData;
}
