/**
 * The request function the Yuki node hands its transport in n8n is `this.helpers.httpRequest`;
 * tests that use the transport directly get n8n-core's own implementation of that helper (axios
 * with n8n's agents and proxy handling), so they exercise the same HTTP path a real run takes.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { YukiClientOptions } from '../../nodes/Yuki/transport/client';
import { createYukiClient as createClient } from '../../nodes/Yuki/transport/client';
import type { YukiRequestFunction } from '../../nodes/Yuki/transport/http';
import type { YukiConnectionSettings } from '../../nodes/Yuki/transport/types';

export const n8nHttpRequest: YukiRequestFunction = (request) => httpRequest(request as unknown as IHttpRequestOptions);

/** A Yuki client whose HTTP goes through n8n-core's real `httpRequest` helper. */
export function createYukiClient(settings: YukiConnectionSettings, options: Partial<YukiClientOptions> = {}) {
	return createClient(settings, { request: n8nHttpRequest, ...options });
}
