/**
 * The example flows (examples/*.json) and the credentials they refer to, for the demo, the
 * end-to-end tests and the browser test (N8n.workflow() adapts them to how n8n loads the package).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../../sandbox/demoData';
import { PROJECT_ROOT } from './instance';

export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

/** The shipped example flows, by file name (without .json). */
export const EXAMPLE_FILES = [
	'payment-status-schedule',
	'sales-invoice-webhook',
	'purchase-invoice-webhook',
	'payment-trigger',
	'two-keys-departments',
	'error-workflow',
] as const;
export type ExampleName = (typeof EXAMPLE_FILES)[number];

/** Credential IDs the examples reference; an import into another n8n asks the user to pick their own. */
export const YUKI_CREDENTIAL = { id: 'yukiSandboxCred1', name: 'Yuki sandbox' } as const;
export const WEBHOOK_CREDENTIAL = { id: 'yukiWebhookAuth1', name: 'Invoicing tool webhook token' } as const;
/** The two-keys example's other Yuki credentials: a department's own key, and a key for payments only. */
export const YUKI_DEPARTMENT_CREDENTIAL = { id: 'yukiDepartmentCred1', name: 'Yuki department key (Training)' } as const;
export const YUKI_PAYMENTS_CREDENTIAL = { id: 'yukiPaymentsCred1', name: 'Yuki payments key' } as const;

/** The header the invoicing tool sends to the webhook example (n8n's Header Auth credential). */
export const WEBHOOK_HEADER = 'X-Invoicing-Token';

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowFile {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings: Record<string, unknown>;
	[key: string]: unknown;
}

/** An example exactly as shipped (community-package node types). */
export function readExample(name: ExampleName): WorkflowFile {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as WorkflowFile;
}

export function nodeNamed(workflow: WorkflowFile, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`workflow "${workflow.name}" has no node "${name}"`);
	return node;
}

export interface YukiCredentialData {
	accessKey: string;
	region: 'custom';
	customBaseUrl: string;
	administrationId: string;
	clientId: string;
	clientSecret: string;
	archiveFolderId: number;
	domainId?: string;
}

/**
 * The credential for the sandbox's demo domain (organisation administration) at `url`: every
 * sandbox serves the same demo domain, only its address changes from run to run.
 */
export function demoCredential(url: string): YukiCredentialData {
	return {
		accessKey: DEMO.accessKey,
		region: 'custom',
		customBaseUrl: url,
		administrationId: DEMO.organisation.id,
		clientId: DEMO.clientId,
		clientSecret: DEMO.clientSecret,
		archiveFolderId: DEMO.expenseClaimFolder,
	};
}

/** The credential entries `n8n import:credentials` takes for the examples. */
export function exampleCredentials(yuki: YukiCredentialData, webhookToken: string) {
	return [
		{ ...YUKI_CREDENTIAL, type: 'yukiApi', data: { ...yuki } },
		// The sandbox's department key reaches only the department's administration; its main key stands in for the payments key.
		{ ...YUKI_DEPARTMENT_CREDENTIAL, type: 'yukiApi', data: { ...yuki, accessKey: DEMO.departmentAccessKey, administrationId: DEMO.department.id } },
		{ ...YUKI_PAYMENTS_CREDENTIAL, type: 'yukiApi', data: { ...yuki } },
		{ ...WEBHOOK_CREDENTIAL, type: 'httpHeaderAuth', data: { name: WEBHOOK_HEADER, value: webhookToken } },
	];
}
