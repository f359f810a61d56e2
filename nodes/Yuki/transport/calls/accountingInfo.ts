/** Calls of Yuki's AccountingInfo service (AccountingInfo.asmx). */
import { glAccountRecord, projectRecord } from '../responses';
import { readTypedRecords } from '../results';
import type { GlAccount } from '../types';
import { declareCall } from './declaration';

/** The GL account scheme of an administration. */
export const getGlAccountScheme = declareCall({
	service: 'AccountingInfo',
	operation: 'GetGLAccountScheme',
	session: 'key',
	effect: 'read',
	parameters: ({ administrationId }: { administrationId: string }) => ({ administrationID: administrationId }),
	read: (result) => readTypedRecords<GlAccount>(result, glAccountRecord, ['code'], 'GL account'),
});

export interface YukiProject {
	id?: string;
	hid?: number;
	code?: string;
	description?: string;
	startDate?: string;
	endDate?: string;
	company?: string;
	contact?: string;
	contactId?: string;
	tags?: string;
}

/** The projects of an administration (typed `ArrayOfProject`) [lib]. */
export const getProjects = declareCall({
	service: 'AccountingInfo',
	operation: 'GetProjects',
	session: 'key',
	effect: 'read',
	parameters: ({ administrationId, searchOption, searchValue }: { administrationId: string; searchOption: 'All' | 'Company' | 'Code' | 'Description'; searchValue: string }) => ({
		administrationID: administrationId,
		searchOption,
		searchValue,
	}),
	read: (result) => readTypedRecords<YukiProject>(result, projectRecord, [], 'Project'),
});
