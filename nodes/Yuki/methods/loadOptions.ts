/**
 * Dropdown choices read from Yuki for the administration chosen on the node (or the
 * credential's default), so users pick VAT types, GL accounts and folders that exist.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { RunContext } from '../helpers/runContext';
import { chosenAdministration, createRunContext, toNodeError } from '../helpers/runContext';
import { getProjects } from '../transport/calls/accountingInfo';
import type { YukiProject } from '../transport/calls/accountingInfo';
import { costCategories, paymentMethods } from '../transport/calls/archive';
import type { VatCode } from '../transport/types';
import { credentialScope, remembered } from './cache';
import { isPurchaseVatCode, vatTypeOptions } from './vatCodes';

/** The administration the editor currently shows on the node, else the credential's default. */
function editorAdministration(this: ILoadOptionsFunctions, context: RunContext): string {
	const administrationId = chosenAdministration(this.getCurrentNodeParameter('administrationId', { extractValue: true }), context.credentials);
	if (!administrationId) {
		throw new NodeOperationError(
			this.getNode(),
			'Pick an administration on the node first, or set a Default Administration ID in the Yuki credential',
		);
	}
	return administrationId;
}

async function withYuki<T>(functions: ILoadOptionsFunctions, read: (context: RunContext) => Promise<T>): Promise<T> {
	try {
		return await read(await createRunContext.call(functions));
	} catch (error) {
		throw toNodeError.call(functions, error);
	}
}

/** A list of the editor's administration, read once per few minutes (methods/cache.ts). */
async function administrationList<T>(
	functions: ILoadOptionsFunctions,
	list: string,
	read: (context: RunContext, administrationId: string) => Promise<T>,
): Promise<T> {
	return await withYuki(functions, async (context) => {
		const administrationId = editorAdministration.call(functions, context);
		const key = `${credentialScope(context.credentials)}:${list}:${administrationId.toLowerCase()}`;
		return await remembered(key, async () => await read(context, administrationId));
	});
}

async function activeVatCodes(this: ILoadOptionsFunctions): Promise<VatCode[]> {
	return await administrationList(this, 'vatCodes', async (context, administrationId) => await context.yuki.activeVatCodes(administrationId));
}

export async function getAdministrations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const administrations = await withYuki(this, async (context) => await context.yuki.administrations());
	return administrations
		.map((administration) => ({
			name: administration.name ?? administration.id,
			value: administration.id,
			description: [administration.city, administration.active === false ? 'inactive' : undefined].filter(Boolean).join(' · ') || undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Sales VAT types of the administration. */
export async function getVatTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return vatTypeOptions((await activeVatCodes.call(this)).filter((code) => !isPurchaseVatCode(code)));
}

/** Purchase VAT types of the administration. */
export async function getPurchaseVatTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return vatTypeOptions((await activeVatCodes.call(this)).filter(isPurchaseVatCode));
}

/** Enabled GL accounts of the administration ("4500 – Kantoorkosten"). */
export async function getGlAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = await administrationList(this, 'glAccounts', async (context, administrationId) => await context.yuki.glAccounts(administrationId));
	return accounts
		.filter((account) => account.isEnabled !== false)
		.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))
		.map((account) => ({ name: account.description ? `${account.code} – ${account.description}` : account.code, value: account.code }));
}

/** Archive folders, with "All Folders" (-1) first, for searching. */
export async function getArchiveFoldersOrAll(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: 'All Folders', value: -1 }, ...(await getArchiveFolders.call(this))];
}

/** Archive folders of the domain ("8 – Onkostendeclaraties"). */
export async function getArchiveFolders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const folders = await withYuki(this, async (context) =>
		await remembered(`${credentialScope(context.credentials)}:documentFolders`, async () => await context.yuki.documentFolders()),
	);
	return folders
		.sort((a, b) => a.id - b.id)
		.map((folder) => ({ name: folder.description ? `${folder.id} – ${folder.description}` : String(folder.id), value: folder.id }));
}

/** The administration's projects, read once per few minutes (GetProjects, all of them). */
async function projects(this: ILoadOptionsFunctions): Promise<YukiProject[]> {
	const list = await administrationList(this, 'projects', async (context, administrationId) =>
		await context.yuki.call(getProjects, { administrationId, searchOption: 'All', searchValue: '' }),
	);
	return [...list].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '', undefined, { numeric: true }));
}

const projectName = (project: YukiProject) => [project.code, project.description].filter(Boolean).join(' – ') || (project.id ?? '');

/** Projects by code ("KORENAAR-WEB – Nieuwe website"), for ProjectCode fields and expense claims. */
export async function getProjectCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await projects.call(this))
		.filter((project) => project.code)
		.map((project) => ({ name: projectName(project), value: project.code as string, description: project.endDate && !project.endDate.startsWith('0001') ? `ends ${project.endDate.slice(0, 10)}` : undefined }));
}

/** Projects by Yuki ID, for ProjectID fields. */
export async function getProjectIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await projects.call(this))
		.filter((project) => project.id)
		.map((project) => ({ name: projectName(project), value: project.id as string }));
}

/** Payment methods of expense claims (Archive.PaymentMethods, per domain), with 0 = unspecified first. */
export async function getExpensePaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const methods = await withYuki(this, async (context) =>
		await remembered(`${credentialScope(context.credentials)}:paymentMethods`, async () => await context.yuki.call(paymentMethods, {})),
	);
	return [
		{ name: 'Unspecified', value: 0 },
		...[...methods].sort((a, b) => a.id - b.id).filter((method) => method.id !== 0).map((method) => ({ name: method.description ? `${method.description} (${method.id})` : String(method.id), value: method.id })),
	];
}

/** Cost categories of expense claims (Archive.CostCategories, per domain). */
export async function getCostCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await withYuki(this, async (context) =>
		await remembered(`${credentialScope(context.credentials)}:costCategories`, async () => await context.yuki.call(costCategories, {})),
	);
	return [...categories]
		.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }))
		.map((category) => ({ name: category.description ? `${category.id} – ${category.description}` : category.id, value: category.id }));
}
