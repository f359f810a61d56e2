/** Calls of Yuki's Vat service (Vat.asmx). */
import { vatCodeRecord } from '../responses';
import { readTypedRecords } from '../results';
import type { VatCode } from '../types';
import { declareCall } from './declaration';

/** The VAT codes active in an administration (typed, lower-camel elements) [doc]. */
export const activeVatCodesList = declareCall({
	service: 'Vat',
	operation: 'ActiveVATCodesList',
	session: 'key',
	effect: 'read',
	parameters: ({ administrationId }: { administrationId: string }) => ({ administrationID: administrationId }),
	read: (result) => readTypedRecords<VatCode>(result, vatCodeRecord, ['type', 'percentage'], 'VATCode'),
});
