/**
 * What every operation of one node run shares: the Yuki client (one session, one call count),
 * the credential's defaults, and the conversion of transport errors into n8n errors.
 */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { createYukiClient } from '../transport/client';
import type { YukiApi, YukiConnectionSettings, YukiRegion } from '../transport/types';
import { YukiError } from '../transport/types';

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
}

export interface RunContext {
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
		timeoutMs,
	};
}

/** One client per run: the session and the day's call count are shared with later runs. */
export async function createRunContext(this: AnyFunctions, timeoutSeconds?: number): Promise<RunContext> {
	const credentials = (await this.getCredentials('yukiApi')) as unknown as YukiCredentials;
	const yuki = createYukiClient(
		connectionSettings(credentials, timeoutSeconds ? timeoutSeconds * 1000 : undefined),
		{ logger: this.logger },
	);
	return { yuki, credentials };
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
	const fromNode = String(this.getNodeParameter(parameterName, itemIndex, '') ?? '').trim();
	const administrationId = fromNode || context.credentials.administrationId?.trim() || '';
	if (!administrationId) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: no administration ID. Set "Administration ID" on the node or a default administration in the Yuki credential.`,
			{ itemIndex },
		);
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
export function runSummary(context: RunContext): IDataObject {
	const count = context.yuki.callCount();
	return {
		calls: count.total,
		callsByOperation: count.byOperation,
		callsToday: count.today,
		dailyLimit: count.dailyLimit,
		day: count.day,
	};
}
