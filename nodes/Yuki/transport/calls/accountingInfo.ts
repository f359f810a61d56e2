/** Calls of Yuki's AccountingInfo service (AccountingInfo.asmx). */
import { glAccountRecord } from '../responses';
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
