/**
 * Dropdown choices read from Yuki for the administration chosen on the node (or the
 * credential's default), so users pick VAT types, GL accounts and folders that exist.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { RunContext } from '../shared/runContext';
import { administrationValue, createRunContext, toNodeError } from '../shared/runContext';
import type { VatCode } from '../transport/types';
import { credentialScope, remembered } from './cache';
import { isPurchaseVatCode, vatTypeOptions } from './vatCodes';

/** The administration the editor currently shows on the node, else the credential's default. */
function editorAdministration(this: ILoadOptionsFunctions, context: RunContext): string {
	const fromNode = administrationValue(this.getCurrentNodeParameter('administrationId', { extractValue: true }));
	const administrationId = fromNode || context.credentials.administrationId?.trim() || '';
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
