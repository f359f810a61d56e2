/**
 * The n8n editor in a real browser (Debian's chromium, driven headless by playwright-core):
 * the example flows on the canvas, the Yuki node in the node panel with its icon and operations,
 * and the Yuki credential form. Saves screenshots of each.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); skipped without it.
 * Screenshots go to .cache/screenshots, or to SCREENSHOTS_DIR (the README's are made with
 * SCREENSHOTS_DIR=docs/screenshots npm test -- e2e/editor).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { INodeType } from 'n8n-workflow';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { RunningSandbox } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import type { ExampleName } from '../../scripts/n8n/examples';
import { EXAMPLE_FILES, demoCredential, exampleCredentials, readExample } from '../../scripts/n8n/examples';
import { CACHE_DIR, N8n, OWNER, PROJECT_ROOT } from '../../scripts/n8n/instance';

import { YukiApi } from '../../credentials/YukiApi.credentials';

// With the extension: "Yuki.node" alone would resolve to the codex file Yuki.node.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Yuki } = require('../../nodes/Yuki/Yuki.node.ts') as { Yuki: new () => INodeType };

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = resolve(PROJECT_ROOT, process.env.SCREENSHOTS_DIR || join(CACHE_DIR, 'screenshots'));
const UI_TIMEOUT = 60_000;

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
			n8n.importCredentials(exampleCredentials(demoCredential(sandbox.url), 'browser-test-token'));
			n8n.importWorkflows(EXAMPLE_FILES.map((name) => n8n.workflow(readExample(name))));
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
			await page.screenshot({ path: join(SCREENSHOTS, `canvas-${name}.png`) });
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
		await page.waitForTimeout(1000); // the dialog's opening animation, for the screenshot
		await page.screenshot({ path: join(SCREENSHOTS, 'credential-form.png') });
	});
});

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
