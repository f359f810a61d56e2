/** The Administration field's "From List" mode: the administrations the key reaches, filterable. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { createRunContext, toNodeError } from '../shared/runContext';

export async function searchAdministrations(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	let administrations;
	try {
		administrations = await (await createRunContext.call(this)).yuki.administrations();
	} catch (error) {
		throw toNodeError.call(this, error);
	}
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = administrations
		.filter((administration) =>
			!needle || [administration.name, administration.id, administration.city].some((text) => text?.toLowerCase().includes(needle)),
		)
		.map((administration) => ({
			name: administration.city ? `${administration.name ?? administration.id} (${administration.city})` : (administration.name ?? administration.id),
			value: administration.id,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
