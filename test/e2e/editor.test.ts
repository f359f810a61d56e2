/**
 * The n8n editor in a real browser (Debian's chromium, driven headless by playwright-core), as a
 * user meets the package: the example flows on the canvas with friendly subtitles and their output
 * panels (compact items, the run's Yuki call count said once as a hint), every operation's
 * parameter panel, the Yuki node and trigger in the node panel, and the credential form.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`) and a built dist/ (`npm run build`);
 * skipped without the browser. Screenshots go to .cache/screenshots (untracked); the README's
 * (docs/screenshots/) are rewritten only when asked: WRITE_SCREENSHOTS=1 npm test -- e2e/editor.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { RunningSandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import type { ExampleName, WorkflowFile, WorkflowNode } from '../../scripts/n8n/examples';
import { EXAMPLES_DIR, EXAMPLE_FILES, WEBHOOK_HEADER, YUKI_CREDENTIAL, demoCredential, exampleCredentials, readExample } from '../../scripts/n8n/examples';
import { CACHE_DIR, N8n, OWNER, PROJECT_ROOT } from '../../scripts/n8n/instance';

import { YukiApi } from '../../credentials/YukiApi.credentials';

// With the extension: "Yuki.node" alone would resolve to the codex file Yuki.node.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Yuki } = require('../../nodes/Yuki/Yuki.node.ts') as { Yuki: new () => INodeType };

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Tracked files change only when asked: `npm test` leaves docs/screenshots alone.
const SCREENSHOTS = resolve(
	PROJECT_ROOT,
	process.env.SCREENSHOTS_DIR || (process.env.WRITE_SCREENSHOTS === '1' ? join('docs', 'screenshots') : join(CACHE_DIR, 'screenshots')),
);
const UI_TIMEOUT = 60_000;
const WEBHOOK_TOKEN = 'browser-test-token';
const OPERATIONS_WORKFLOW_ID = 'yukiOperations01';
/** The examples the end-to-end tests run against the sandbox (test/e2e/flows.test.ts): their outputs are shown here. */
const RUN_IN_BROWSER: readonly string[] = ['payment-status-schedule', 'sales-invoice-webhook', 'payment-trigger'];

describe('the Yuki node in the n8n editor', { skip: existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}` }, () => {
	let sandbox: RunningSandbox;
	let n8n: N8n;
	let context: BrowserContext;
	let page: Page;
	let profile: string;

	before(
		async () => {
			mkdirSync(SCREENSHOTS, { recursive: true });
			sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
			n8n = await N8n.create({ version: process.env.N8N_E2E_VERSION || undefined });
			n8n.importCredentials(exampleCredentials(demoCredential(sandbox.url), WEBHOOK_TOKEN));
			n8n.importWorkflows([...EXAMPLE_FILES.map((name) => readExample(name)), operationsWorkflow()].map((workflow) => n8n.workflow(workflow)));
			await n8n.start();
			await n8n.signIn();

			profile = mkdtempSync(join(tmpdir(), 'n8n-yuki-chromium-'));
			context = await chromium.launchPersistentContext(profile, {
				executablePath: CHROMIUM,
				headless: true,
				viewport: { width: 1440, height: 900 },
				args: [
					'--headless',
					'--no-sandbox',
					'--disable-gpu',
					'--disable-quic',
					'--no-first-run',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync',
				],
			});
			page = context.pages()[0] ?? (await context.newPage());
			page.setDefaultTimeout(UI_TIMEOUT);
			// Leaving a workflow the test changed (a line added to look at it) must not stop at "leave page?".
			page.on('dialog', (dialog) => void dialog.accept());
			await signIn(page, n8n.url);
		},
		{ timeout: 30 * 60_000 },
	);

	after(async () => {
		await context?.close();
		await n8n?.stop();
		await sandbox?.close();
		if (profile) rmSync(profile, { recursive: true, force: true });
		if (n8n && !process.env.KEEP_N8N_E2E) rmSync(n8n.userFolder, { recursive: true, force: true });
	});

	for (const name of EXAMPLE_FILES) {
		test(`shows the "${name}" example on the canvas`, async () => {
			const workflow = readExample(name as ExampleName);
			await page.goto(`${n8n.url}/workflow/${workflow.id}`);
			for (const node of workflow.nodes) {
				await page.locator('[data-test-id="canvas-node"]').filter({ hasText: node.name }).first().waitFor();
			}
			await fitView(page);
			for (const node of workflow.nodes.filter(isYukiNode)) {
				const text = await canvasNode(page, node.name).innerText();
				assert.ok(text.includes(subtitleOf(node)), `"${node.name}" shows "${subtitleOf(node)}" on the canvas, not: ${text}`);
				assert.doesNotMatch(text, /\b(process|getStatus|listOpenItems|getMany|upload): /, 'no internal ids on the canvas');
			}
			await page.screenshot({ path: join(SCREENSHOTS, `canvas-${name}.png`) });
		});

		test(`shows the "${name}" example's Yuki output as a user reads it`, async (t) => {
			const workflow = readExample(name as ExampleName);
			const yukiNode = workflow.nodes.find(isYukiNode);
			if (!yukiNode) return t.skip('this example has no Yuki node');
			// The others need their own credentials, request bodies (a multipart form with a PDF) or a failing
			// run: test/e2e/flows.test.ts runs each of them in n8n.
			if (!RUN_IN_BROWSER.includes(name)) return t.skip('this example is not run in the browser');
			await page.goto(`${n8n.url}/workflow/${workflow.id}`);
			await canvasNode(page, yukiNode.name).waitFor();
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
			if (webhook) await sendTestWebhook(n8n.url, String(webhook.parameters.path));
			// The Yuki node the run went through (an example may branch to one of several).
			const yukiNames = workflow.nodes.filter(isYukiNode).map((node) => node.name);
			const ran = page
				.locator('[data-test-id="canvas-node"]')
				.filter({ has: page.locator('[data-test-id="canvas-node-status-success"]') })
				.filter({ hasText: new RegExp(yukiNames.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) });
			await ran.first().waitFor({ timeout: 120_000 });
			const ranText = await ran.first().innerText();
			const shown = workflow.nodes.filter(isYukiNode).find((node) => ranText.includes(node.name)) ?? yukiNode;
			await openNode(page, shown.name);
			const output = page.locator('[data-test-id="output-panel"]');
			await showAsTable(output);
			await page.screenshot({ path: join(SCREENSHOTS, `output-${name}.png`) });
			const columns = (await output.locator('th').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
			assert.ok(columns.includes('status'), `a status column: ${columns.join(', ')}`);
			assert.ok(!columns.includes('yukiRun'), 'the run summary is not repeated on every item');
			if (shown.type.endsWith('.yuki')) {
				// The node (not the trigger): no Yuki ids, the administration it used, and the run's call count once.
				assert.ok(!columns.some((column) => /^(yukiItemId|typeId|contactId)$/.test(column)), `no internal columns: ${columns.join(', ')}`);
				assert.ok(columns.includes('administration'), `an administration column: ${columns.join(', ')}`);
				const hints = output.locator('[data-test-id="node-hint"]').filter({ hasText: /Yuki call/ });
				assert.equal(await hints.count(), 1, `the call count is said once, in: ${(await output.innerText()).slice(0, 600)}`);
				assert.match(await hints.first().innerText(), /This run used \d+ Yuki calls?/);
			}
			if (shown.parameters.operation === 'getStatus') {
				assert.ok(columns.length <= 16, `compact by default, not ${columns.length} columns`);
				for (const column of ['reference', 'openAmount', 'paidAmount', 'dueDate', 'message']) assert.ok(columns.includes(column), column);
			}
			await closeNode(page);
		});
	}

	for (const operation of yukiOperations()) {
		test(`opens the parameter panel of ${operation.resourceName} → ${operation.operationName}`, async () => {
			// A fresh page per operation: one panel's failure must not leave the next one covered.
			await page.goto(`${n8n.url}/workflow/${OPERATIONS_WORKFLOW_ID}`);
			const node = canvasNode(page, operation.nodeName);
			await node.waitFor();
			assert.ok((await node.innerText()).includes(operation.action), `the canvas says "${operation.action}"`);
			await openNode(page, operation.nodeName);
			const panel = page.locator('[data-test-id="ndv"]');
			const administration = panel.locator('[data-test-id="parameter-input-administrationId"]');
			if (operation.hasAdministration) {
				await administration.first().waitFor();
				await panel.getByText(/Default Administration ID from the Yuki credential/).first().waitFor();
			}
			await page.screenshot({ path: join(SCREENSHOTS, `operation-${operation.resource}-${operation.operation}.png`) });
			await checkOperationPanel(page, operation.key);
			await closeNode(page);
		});
	}

	test('adds the Yuki node from the node panel, with its icon and operations', async () => {
		await page.goto(`${n8n.url}/workflow/new`);
		await page.locator('[data-test-id="node-creator-plus-button"], [data-test-id="canvas-add-button"]').first().click();
		const panel = page.locator('[data-test-id="node-creator"]');
		await panel.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder*="Search"]').first().fill('Yuki');
		const entry = panel.locator('[data-test-id="item-iterator-item"]').filter({ hasText: 'Yuki' }).first();
		const icon = entry.locator('img').first();
		await icon.waitFor();
		assert.match(String(await icon.getAttribute('src')), /yuki/i, 'the node shows the Yuki icon');
		await page.screenshot({ path: join(SCREENSHOTS, 'node-panel-search.png') });

		await entry.click();
		// On an empty canvas the panel opens with the triggers; the actions are one click away.
		// The trigger is listed by what it reports, not as "On new Yuki event".
		for (const event of ['On sales invoice paid', 'On purchase invoice paid']) await panel.getByText(event, { exact: true }).first().waitFor();
		assert.equal(await panel.getByText(/On new Yuki event/i).count(), 0);
		const actionsCategory = panel.locator('[data-test-id="node-creator-category-item"]').filter({ hasText: 'Actions' });
		if (!(await panel.getByText(yukiActions()[0], { exact: true }).isVisible())) await actionsCategory.click();
		for (const action of yukiActions()) {
			await panel.getByText(action, { exact: true }).first().waitFor();
		}
		await page.screenshot({ path: join(SCREENSHOTS, 'node-panel-operations.png') });
	});

	test('opens the Yuki credential form', async () => {
		const panel = page.locator('[data-test-id="node-creator"]');
		const getStatus = yukiActions().find((action) => /payment status/i.test(action)) ?? yukiActions()[0];
		await panel.getByText(getStatus, { exact: true }).first().click();
		await page.locator('[data-test-id="ndv"]').first().waitFor();
		const setUp = page.locator('[data-test-id="setup-credential-button"]');
		if (await setUp.isVisible()) {
			await setUp.click();
		} else {
			// A Yuki credential exists already (the examples'): ask for a new one from the list.
			await page.locator('[data-test-id="node-credentials-select"]').first().click();
			await page.getByText(/create new credential/i).first().click();
		}
		const modal = page.locator('[data-test-id="editCredential-modal"]');
		await modal.waitFor();
		// Every field the credential always shows (Base URL only appears for the custom region).
		const alwaysShown = new YukiApi().properties.filter((property) => !property.displayOptions);
		for (const field of alwaysShown) {
			await modal.locator(`[data-test-id="parameter-input-${field.name}"]`).first().waitFor();
		}
		// The form says where the administration ID comes from (a hint under the box, not only a tooltip).
		await modal.getByText(/Administration → Get Many lists them/).first().waitFor();
		await page.waitForTimeout(1000); // the dialog's opening animation, for the screenshot
		await page.screenshot({ path: join(SCREENSHOTS, 'credential-form.png') });
	});
});

interface OperationEntry {
	key: string;
	resource: string;
	operation: string;
	resourceName: string;
	operationName: string;
	action: string;
	nodeName: string;
	hasAdministration: boolean;
}

/** Every operation the Yuki node offers, with the texts a user sees for it. */
function yukiOperations(): OperationEntry[] {
	const { properties } = new Yuki().description;
	const resourceSelector = properties.find((property) => property.name === 'resource')!;
	return (resourceSelector.options as INodePropertyOptions[]).flatMap((resource) => {
		const selector = properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		);
		return ((selector?.options ?? []) as INodePropertyOptions[]).map((option) => ({
			key: `${String(resource.value)}:${String(option.value)}`,
			resource: String(resource.value),
			operation: String(option.value),
			resourceName: resource.name,
			operationName: option.name,
			action: option.action ?? option.name,
			nodeName: `${resource.name} › ${option.name}`,
			hasAdministration: properties.some(
				(property: INodeProperties) =>
					property.name === 'administrationId' &&
					property.displayOptions?.show?.resource?.includes(resource.value) === true &&
					property.displayOptions?.show?.operation?.includes(option.value) === true,
			),
		}));
	});
}

/** One Yuki node per operation, as a user adds it (defaults only), on one canvas. */
function operationsWorkflow(): WorkflowFile {
	const nodes: WorkflowNode[] = yukiOperations().map((operation, index) => ({
		id: `0b7d6c1e-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
		name: operation.nodeName,
		type: 'n8n-nodes-yuki.yuki',
		typeVersion: 1,
		position: [(index % 4) * 320, Math.floor(index / 4) * 240],
		parameters: { resource: operation.resource, operation: operation.operation },
		credentials: { yukiApi: { ...YUKI_CREDENTIAL } },
	}));
	return { id: OPERATIONS_WORKFLOW_ID, name: 'Yuki operations (browser test)', nodes, connections: {}, settings: { executionOrder: 'v1' }, active: false };
}

function isYukiNode(node: WorkflowNode): boolean {
	return /\.yuki(Trigger)?$/.test(node.type);
}

/** What the canvas shows under a Yuki node's name: the operation as a user says it. */
function subtitleOf(node: WorkflowNode): string {
	if (node.type.endsWith('.yukiTrigger')) return node.parameters.side === 'creditor' ? 'Purchase invoices paid' : 'Sales invoices paid';
	const operation = yukiOperations().find((entry) => entry.key === `${String(node.parameters.resource)}:${String(node.parameters.operation)}`);
	assert.ok(operation, `an operation for ${node.name}`);
	return operation.action;
}

function canvasNode(page: Page, name: string) {
	return page.locator('[data-test-id="canvas-node"]').filter({ hasText: name }).first();
}

async function openNode(page: Page, name: string): Promise<void> {
	await canvasNode(page, name).dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor();
	await page.waitForTimeout(500); // the panel's opening animation, for the screenshot
}

async function closeNode(page: Page): Promise<void> {
	await page.keyboard.press('Escape'); // an open dropdown first
	const close = page.locator('[data-test-id="ndv-close-button"]').first();
	if (await close.isVisible().catch(() => false)) await close.click();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden' });
}

/** The output as a table (n8n may open it as JSON or schema, depending on what it showed last). */
async function showAsTable(output: ReturnType<Page['locator']>): Promise<void> {
	const table = output.locator('table').first();
	if (!(await table.isVisible().catch(() => false))) {
		const mode = output.locator('[data-test-id="ndv-run-data-display-mode"]').first();
		if (await mode.isVisible().catch(() => false)) await mode.getByText('Table', { exact: true }).first().click();
	}
	await table.waitFor();
}

/** Sends the example invoice to the test URL of a webhook waiting in the editor ("Listen for test event"). */
async function sendTestWebhook(url: string, path: string): Promise<void> {
	const body = readFileSync(join(EXAMPLES_DIR, 'sales-invoice-body.json'), 'utf8');
	for (let attempt = 0; attempt < 30; attempt++) {
		const response = await fetch(`${url}/webhook-test/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', [WEBHOOK_HEADER]: WEBHOOK_TOKEN },
			body,
		});
		if (response.status !== 404) return;
		await new Promise((resolve) => setTimeout(resolve, 1000)); // the editor is still registering the test webhook
	}
	throw new Error(`the test webhook ${path} was never registered`);
}

/** Above: a's input is higher on the page than b's. */
async function isAbove(page: Page, a: string, b: string): Promise<boolean> {
	const first = await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${a}"]`).first().boundingBox();
	const second = await page.locator(`[data-test-id="ndv"] [data-test-id="parameter-input-${b}"]`).first().boundingBox();
	assert.ok(first && second, `both ${a} and ${b} are shown`);
	return first.y < second.y;
}

/** What each operation's panel must show a user, beyond the Administration every one has. */
async function checkOperationPanel(page: Page, key: string): Promise<void> {
	const panel = page.locator('[data-test-id="ndv"]');
	const parameters = panel.locator('[data-test-id="node-parameters"]').first();
	if (key === 'salesInvoice:process' || key === 'purchaseInvoice:process') {
		await parameters.getByText('Additional Invoice Fields', { exact: true }).first().waitFor();
		// An existing Yuki contact can be picked, just above the Contact fields it fills in.
		const picker = parameters.locator('[data-test-id="parameter-input-existingContact"]').first();
		await picker.waitFor();
		await picker.locator('input').last().click();
		await page.getByText('Bakkerij De Korenaar', { exact: true }).first().waitFor();
		await page.screenshot({ path: join(SCREENSHOTS, `operation-${key.replace(':', '-')}-existing-contact.png`) });
		await page.keyboard.press('Escape');
		const listOpen = page.getByText('Bakkerij De Korenaar', { exact: true }).first();
		if (await listOpen.isVisible().catch(() => false)) await panel.getByText('Parameters', { exact: true }).first().click();
		await listOpen.waitFor({ state: 'hidden' });
		if (key === 'salesInvoice:process') {
			// The invoice number protects against booking twice: the first mapped field.
			assert.ok(await isAbove(page, 'reference', 'date'), 'Reference is above Date in the mapped fields');
		}
		// A new line asks for what it needs without a warning per empty field.
		const issues = parameters.locator('.parameter-issues, [data-test-id="parameter-issues"]');
		const before = await issues.count();
		await parameters.getByText('Add Invoice Line', { exact: true }).first().click();
		await parameters.getByText('Additional Line Fields', { exact: true }).first().waitFor();
		// One snapshot of the marks (the editor may still be drawing the new line: read again until
		// it settles, up to 15 s). A dropdown whose choices could not be loaded carries its own issue
		// mark, and the line's VAT type is chosen from Yuki's own list: until it is, n8n marks the
		// empty choice as not in the list. Neither is a required-field warning.
		const marks = async () => {
			const where = await issues.evaluateAll((elements) =>
				elements.map((element) => {
					const holder = element.closest('[data-test-id^="parameter-input-"], [data-test-id="parameter-item"], .parameter-item');
					return `${holder?.getAttribute('data-test-id') ?? '?'}: ${(element.getAttribute('title') ?? element.textContent ?? '').trim().slice(0, 120)}`;
				}),
			);
			const unloaded = await parameters.getByPlaceholder(/Error fetching options/).count();
			const vatChoice = where.filter((entry) => /^parameter-input-(product|line)VatType:/.test(entry)).length;
			return { warnings: where.length - unloaded - vatChoice, where, unloaded };
		};
		let seen = await marks();
		for (const settleBy = Date.now() + 15_000; seen.warnings !== before && Date.now() < settleBy; seen = await marks()) await page.waitForTimeout(250);
		assert.equal(seen.warnings, before, `adding a line adds no required-field warnings (issues now: ${seen.where.join(' | ')}; unloaded dropdowns: ${seen.unloaded})`);
		await parameters.getByPlaceholder(/^Required/).first().waitFor();
		// "Unknown JSON Keys" only concerns the JSON source, not Mapped Fields.
		await parameters.locator('[data-test-id="collection-parameter-add"], [data-test-id="collection-parameter-add-header"]').last().click();
		await page.getByText('Batch Size', { exact: true }).first().waitFor();
		assert.equal(await page.getByText('Unknown JSON Keys', { exact: true }).count(), 0, 'Unknown JSON Keys is not offered for Mapped Fields');
		await page.keyboard.press('Escape');
	}
	if (key === 'payment:getStatus' || key === 'payment:listOpenItems') {
		const simplify = parameters.locator('[data-test-id="parameter-input-simplify"]').first();
		await simplify.waitFor();
		assert.ok((await simplify.locator('.is-checked, [aria-checked="true"], :checked').count()) > 0, 'Simplify is on by default');
	}
}

/** The actions n8n lists for the Yuki node: the `action` text of every operation it describes. */
function yukiActions(): string[] {
	return new Yuki().description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => (property.options ?? []).map((option) => String((option as { action?: string }).action ?? '')))
		.filter(Boolean);
}

async function signIn(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/signin`);
	const email = page.locator('input[name="emailOrLdapLoginId"], input[name="email"], input[type="email"]').first();
	await email.fill(OWNER.email);
	await page.locator('input[name="password"]').first().fill(OWNER.password);
	await page.locator('button[type="submit"], [data-test-id="form-submit-button"]').first().click();
	await page.waitForURL((target) => !target.pathname.startsWith('/signin'), { timeout: UI_TIMEOUT });
}

/** Zooms the canvas to show the whole flow (the canvas's own "zoom to fit" button) and lets it settle. */
async function fitView(page: Page): Promise<void> {
	await page.locator('[data-test-id="zoom-to-fit"]').first().click();
	await page.waitForTimeout(1000);
}
