/**
 * What every operation of one node run shares: the Yuki client (one session, one call count),
 * the credential's defaults, and the conversion of transport errors into n8n errors.
 */
import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeExecutionHint,
	JsonObject,
	Logger,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { YukiRequestFunction } from '../transport/http';
import type { YukiApi } from '../transport/api';
import type { YukiConnectionSettings, YukiRegion } from '../transport/types';
import { YukiError } from '../transport/types';
import { yukiLogger } from './logging';

type AnyFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface YukiCredentials {
	accessKey: string;
	region: YukiRegion;
	customBaseUrl?: string;
	administrationId?: string;
	domainId?: string;
	clientId?: string;
	clientSecret?: string;
	archiveFolderId?: number;
	/** Plain http:// to a host that is not loopback (off by default: the key would travel unencrypted). */
	allowInsecureHttp?: boolean;
}

export interface RunContext {
	/** The node's Yuki calls; `yuki.call(declaration, args)` makes any call declared in transport/calls/. */
	yuki: YukiApi;
	credentials: YukiCredentials;
}

export function connectionSettings(credentials: YukiCredentials, timeoutMs?: number): YukiConnectionSettings {
	return {
		region: credentials.region,
		customBaseUrl: credentials.customBaseUrl || undefined,
		accessKey: credentials.accessKey,
		domainId: credentials.domainId || undefined,
		clientId: credentials.clientId || undefined,
		clientSecret: credentials.clientSecret || undefined,
		allowInsecureHttp: credentials.allowInsecureHttp === true,
		timeoutMs,
	};
}

/**
 * The transport's request function: n8n's own HTTP helper, so n8n's proxy settings, SSRF
 * protection and request settings apply to every Yuki call.
 */
export function n8nRequestFunction(functions: AnyFunctions): YukiRequestFunction {
	return async (request) => await functions.helpers.httpRequest(request as IHttpRequestOptions);
}

/**
 * A Yuki client for these credentials, sending through `request` and logging through n8n's logger
 * without secrets. The transport is loaded on the first run, not when n8n loads the node.
 */
let clientModule: Promise<typeof import('../transport/client')> | undefined;

export async function clientFor(
	credentials: YukiCredentials,
	logger: Logger,
	request: YukiRequestFunction,
	timeoutSeconds?: number,
): Promise<YukiApi> {
	const { createYukiClient } = await (clientModule ??= import('../transport/client'));
	return createYukiClient(connectionSettings(credentials, timeoutSeconds ? timeoutSeconds * 1000 : undefined), {
		request,
		logger: yukiLogger({ logger }),
	});
}

/** One client per run: the session and the day's call count are shared with later runs. */
export async function createRunContext(this: AnyFunctions, timeoutSeconds?: number): Promise<RunContext> {
	const credentials = (await this.getCredentials('yukiApi')) as unknown as YukiCredentials;
	return { yuki: await clientFor(credentials, this.logger, n8nRequestFunction(this), timeoutSeconds), credentials };
}

/** The value of an Administration field: a resource locator (list or ID mode) or a plain string. */
export function administrationValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value ?? '').trim();
	return String(value ?? '').trim();
}

/** The administration a node's field asks for, else the credential's Default Administration ID ('' when neither). */
export function chosenAdministration(nodeValue: unknown, credentials: YukiCredentials): string {
	return administrationValue(nodeValue) || credentials.administrationId?.trim() || '';
}

/**
 * The administration of one item: the node's parameter (which may be an expression per item,
 * for departments with their own administration) or else the credential's default.
 */
export function administrationFor(
	this: IExecuteFunctions,
	context: RunContext,
	itemIndex: number,
	parameterName = 'administrationId',
): string {
	const administrationId = chosenAdministration(this.getNodeParameter(parameterName, itemIndex, '', { extractValue: true }), context.credentials);
	if (!administrationId) {
		const error = new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: no administration. Pick one in "Administration" or set a Default Administration ID in the Yuki credential.`,
			{
				itemIndex,
				description:
					'Allowed: an administration ID (a GUID, shown next to the key in Yuki under Domain › Settings › Web services), or empty when the credential has a default.',
			},
		);
		error.context.field = parameterName;
		throw error;
	}
	return administrationId;
}

/** A transport error as n8n shows it: Yuki's own text, the operation, and a hint where known. */
export function toNodeError(this: AnyFunctions, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof YukiError) {
		const description = [
			error.faultString ? `Yuki said: ${error.faultString}` : undefined,
			`Operation: ${error.service}.${error.operation}`,
			error.hint,
			error.mayHaveReachedYuki ? 'The request may have reached Yuki: check Yuki before sending it again.' : undefined,
		]
			.filter(Boolean)
			.join('\n');
		return new NodeApiError(
			this.getNode(),
			{ message: error.message, kind: error.kind, operation: error.operation } as JsonObject,
			{
				message: error.message,
				description,
				httpCode: error.httpStatus ? String(error.httpStatus) : undefined,
				itemIndex,
			},
		);
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** The run summary every output item carries: how much of Yuki's daily quota this run used. */
/** "This run used 2 Yuki calls (18 today of 1,000)": shown once above the node's output. */
export function runCallsHint(context: RunContext): NodeExecutionHint {
	const count = context.yuki.callCount();
	const calls = `${count.total} Yuki call${count.total === 1 ? '' : 's'}`;
	return {
		message: `This run used ${calls} (${count.today.toLocaleString('en-US')} today of ${count.dailyLimit.toLocaleString('en-US')} for this credential in this n8n process; Yuki counts per domain)`,
		type: count.today >= count.dailyLimit * 0.9 ? 'warning' : 'info',
		location: 'outputPane',
	};
}
