/** Calls of Yuki's Sales service (Sales.asmx). Note its lower-case `sessionId`/`administrationId` [doc]. */
import type { XmlArgument } from '../envelope';
import { importResponseStream, readImportResponse } from '../results';
import { declareCall } from './declaration';

/** Books sales invoices; one result per invoice, in order [doc]. */
export const processSalesInvoices = declareCall({
	service: 'Sales',
	operation: 'ProcessSalesInvoices',
	session: 'key',
	effect: 'write',
	parameters: ({ administrationId, xmlDoc }: { administrationId: string; xmlDoc: XmlArgument }) => ({ administrationId, xmlDoc }),
	read: (result) => readImportResponse(result, 'sales'),
	// Read in the envelope's own pass: a large answer (one entry per invoice sent) is read once.
	stream: () => importResponseStream('sales'),
});
