/**
 * The expense claim flow the end-to-end tests run in a real n8n (flows.test.ts with binary data on
 * the filesystem, queue.test.ts with binary data in the database), and the receipt they post.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowFile } from '../../scripts/n8n/examples';
import { WEBHOOK_CREDENTIAL, WEBHOOK_HEADER, YUKI_CREDENTIAL } from '../../scripts/n8n/examples';

export const EXPENSE_CLAIM_PATH = 'yuki/expense-claim';

/**
 * An expense claim flow as a user builds it: a receipt POSTed as a PDF to a webhook (the amount in
 * the query), uploaded to Yuki's archive, Yuki's answer returned.
 */
export function expenseClaimFlow(): WorkflowFile {
	return {
		id: 'e2eExpenseClaim1',
		name: 'Yuki: expense claim from a receipt (e2e)',
		versionId: randomUUID(),
		nodes: [
			{
				id: 'a1c0e2d4-0000-4000-8000-000000000001',
				name: 'Receipt',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'a1c0e2d4-0000-4000-8000-0000000000aa',
				parameters: { httpMethod: 'POST', path: EXPENSE_CLAIM_PATH, authentication: 'headerAuth', responseMode: 'lastNode', options: {} },
				credentials: { httpHeaderAuth: { ...WEBHOOK_CREDENTIAL } },
			},
			{
				id: 'a1c0e2d4-0000-4000-8000-000000000002',
				name: 'Yuki: Upload Expense Claim',
				type: 'n8n-nodes-yuki.yuki',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'expenseClaim',
					operation: 'upload',
					binaryPropertyName: 'data',
					amount: '={{ $json.query.amount }}',
					currency: 'EUR',
					additionalFields: { remarks: 'Train ticket Utrecht–Amsterdam' },
				},
				credentials: { yukiApi: { ...YUKI_CREDENTIAL } },
			},
		],
		connections: { Receipt: { main: [[{ node: 'Yuki: Upload Expense Claim', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1', timezone: 'Europe/Amsterdam' },
	};
}

/** A receipt PDF of some 300 KB: the fixture's header padded with PDF comment lines. */
export function receiptPdf(): Buffer {
	const head = readFileSync(join(__dirname, '..', 'fixtures', 'expenseClaim', 'receipt.pdf'));
	const padding = Buffer.from(`%${'receipt padding '.repeat(8)}\n`.repeat(2500), 'latin1');
	return Buffer.concat([head, padding]);
}

/** Posts `pdf` as the receipt of `amount` to the flow's webhook, as a scanning app or mail hook would. */
export async function postReceipt(n8nUrl: string, pdf: Buffer, amount: string, token: string): Promise<Response> {
	return await fetch(`${n8nUrl}/webhook/${EXPENSE_CLAIM_PATH}?amount=${amount}`, {
		method: 'POST',
		headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="train-ticket.pdf"', [WEBHOOK_HEADER]: token },
		body: pdf,
	});
}

/**
 * Files under `dir` (an n8n user folder; installed community packages left out) holding exactly
 * `bytes`. n8n moves and deletes its temporary binary files while executions finish, so an entry
 * that is gone by the time it is read is skipped, not an error.
 */
export function filesHolding(dir: string, bytes: Buffer): string[] {
	return (ignoringGone(() => readdirSync(dir)) ?? []).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'nodes') return [];
		const stat = statSync(path, { throwIfNoEntry: false });
		if (!stat) return [];
		if (stat.isDirectory()) return filesHolding(path, bytes);
		return stat.size === bytes.length && ignoringGone(() => readFileSync(path))?.equals(bytes) ? [path] : [];
	});
}

function ignoringGone<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}
