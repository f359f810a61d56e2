/** Calls of Yuki's Purchase service (Purchase.asmx): a client session from `AuthenticateClient` [doc]. */
import type { XmlArgument } from '../envelope';
import { importResponseStream, readImportResponse } from '../results';
import { declareCall } from './declaration';

/** Books purchase invoices; `disableAutoCorrect` is sent as text, `false` unless asked [doc]. */
export const processPurchaseInvoices = declareCall({
	service: 'Purchase',
	operation: 'ProcessPurchaseInvoices',
	session: 'client',
	effect: 'write',
	parameters: ({ administrationId, xmlDoc, disableAutoCorrect }: { administrationId: string; xmlDoc: XmlArgument; disableAutoCorrect: boolean }) => ({
		administrationId,
		disableAutoCorrect: String(disableAutoCorrect),
		xmlDoc,
	}),
	read: (result) => readImportResponse(result, 'purchase'),
	// Read in the envelope's own pass: a large answer (one entry per invoice sent) is read once.
	stream: () => importResponseStream('purchase'),
});
