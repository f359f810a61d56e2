/**
 * The sandbox's demo domain: fixed credentials and IDs (so flows and tests can hard-code them),
 * VAT codes, GL accounts, archive folders, contacts and a few open invoices. The shape follows
 * the seeds: an organisation with a department that has its own administration, in one domain.
 */
import type {
	ContactState,
	FolderState,
	GlAccountState,
	ListEntryState,
	OpenItemState,
	ProjectState,
	SandboxState,
	VatCodeState,
} from './state';

const ORGANISATION_ID = '3f1c9a52-7d4e-4b8a-9c61-0a5e2d7b8c11';
const DEPARTMENT_ID = '8b2e4d71-1c3a-4f5e-a9d8-6e7f0b1c2d33';
const DOMAIN_ID = 'c0ffee00-5a4d-4b0c-8e11-d0a1b2c3d4e5';

export const DEMO = {
	/** Reaches the whole demo domain (both administrations). */
	accessKey: '5a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
	/** Reaches only the department's administration. */
	departmentAccessKey: 'd3a4b5c6-7d8e-4f90-a1b2-c3d4e5f6a7b8',
	/** For AuthenticateClient (Purchase service), bound to `accessKey`. */
	clientId: 'demo-client-4711',
	clientSecret: 'demo-secret-2f9c7e1a',
	domainId: DOMAIN_ID,
	domainName: 'demo-bv.yukiworks.nl',
	organisation: { id: ORGANISATION_ID, name: 'Demo Advies B.V.' },
	department: { id: DEPARTMENT_ID, name: 'Demo Advies B.V. - Afdeling Training' },
	/** The administration a demo credential uses by default (the organisation's). */
	administrationId: ORGANISATION_ID,
	/** The archive folder a demo credential uploads expense claims to (Onkostendeclaraties). */
	archiveFolderId: 8,
	/** Sales VAT codes: type → percentage. */
	salesVat: { 1: '21.00', 2: '9.00', 3: '0.00', 17: '0.00' } as Record<number, string>,
	/** Purchase VAT codes from the seed (type → the percentages configured for it). */
	purchaseVat: {
		5: ['21.00', '9.00'],
		10: ['19.60', '19.00'],
		11: ['21.00', '9.00'],
		12: ['21.00'],
		13: ['21.00'],
		16: ['0.00'],
		18: ['0.00'],
	} as Record<number, string[]>,
	/** Archive folder for expense claims [guess for the ID; the name is Yuki's Dutch folder]. */
	expenseClaimFolder: 8,
	/** Open sales invoices in the organisation; DEMO-2025-002 is partly paid. */
	openSalesReferences: ['DEMO-2025-001', 'DEMO-2025-002', 'DEMO-2025-003'],
	/** Two open items with this reference (different contacts), as Yuki allows. */
	duplicateReference: 'DEMO-DUP-1',
	openPurchaseReferences: ['INK-88231', 'INK-88232'],
} as const;

const SALES_VAT_TEXT: Record<number, [string, string]> = {
	1: ['BTW hoog 21%', 'VAT high, sales'],
	2: ['BTW laag 9%', 'VAT low, sales'],
	3: ['BTW 0%', 'VAT zero, sales'],
	17: ['BTW verlegd', 'VAT reverse-charged, sales'],
};

const PURCHASE_VAT_TEXT: Record<number, string> = {
	5: 'VAT reverse-charged, purchases',
	10: 'VAT to reclaim in France or Germany',
	11: 'Input VAT (voorbelasting)',
	12: 'Import from outside the EU, reverse-charged',
	13: 'Intra-EU acquisitions',
	16: 'VAT not deductible',
	18: 'VAT 0%',
};

function vatCodes(administrationId: string, withReverseCharge: boolean): VatCodeState[] {
	const sales = Object.entries(DEMO.salesVat)
		.filter(([type]) => withReverseCharge || type !== '17')
		.map(([type, percentage]) => ({
			administrationId,
			side: 'sales' as const,
			type: Number(type),
			percentage,
			description: SALES_VAT_TEXT[Number(type)][0],
			typeDescription: SALES_VAT_TEXT[Number(type)][1],
		}));
	const purchase = Object.entries(DEMO.purchaseVat).flatMap(([type, percentages]) =>
		percentages.map((percentage) => ({
			administrationId,
			side: 'purchase' as const,
			type: Number(type),
			percentage,
			description: `Inkoop ${percentage.replace(/\.00$/, '')}%`,
			typeDescription: PURCHASE_VAT_TEXT[Number(type)],
			...(type === '10' ? { country: percentage === '19.60' ? 'FR' : 'DE' } : {}),
		})),
	);
	return [...sales, ...purchase];
}

/** Code, description (Dutch, as in a Dutch Yuki domain), type, subtype, enabled. */
const GL_ACCOUNTS: Array<[string, string, number, number, boolean]> = [
	['1100', 'Bank', 1, 10, true],
	['1300', 'Debiteuren', 1, 13, true],
	['1600', 'Crediteuren', 2, 16, true],
	['4000', 'Personeelskosten', 4, 40, true],
	['4300', 'Huisvestingskosten', 4, 43, true],
	['4500', 'Kantoorkosten', 4, 45, true],
	['4600', 'Reis- en verblijfkosten', 4, 46, true],
	['4700', 'Algemene kosten', 4, 47, true],
	['4990', 'Oude kostenrekening (niet meer gebruiken)', 4, 49, false],
	['8000', 'Omzet', 8, 80, true],
	['8010', 'Omzet laag tarief', 8, 80, true],
	['8020', 'Omzet vrijgesteld / 0%', 8, 80, true],
];

function glAccounts(administrationId: string): GlAccountState[] {
	return GL_ACCOUNTS.map(([code, description, type, subType, isEnabled]) => ({
		administrationId,
		code,
		description,
		type,
		subType,
		isEnabled,
	}));
}

/**
 * Yuki's archive folders of a Dutch domain: 1 purchase, 2 sales and 7 "to be handled by Yuki"
 * with their icons as in Yuki's Postman example [doc]; the other IDs, names and icons [guess].
 */
const FOLDERS: Array<[number, string, string, boolean]> = [
	[7, 'Nog door Yuki te verwerken', 'DocumentFolder_yellow_label.png', true],
	[1, 'Inkoop', 'DocumentFolder_red_label.png', true],
	[2, 'Verkoop', 'DocumentFolder_red_label.png', true],
	[3, 'Bank', 'DocumentFolder_red_label.png', true],
	[4, 'Personeel', 'DocumentFolder_blue_label.png', true],
	[5, 'Belastingen', 'DocumentFolder_blue_label.png', true],
	[DEMO.expenseClaimFolder, 'Onkostendeclaraties', 'DocumentFolder_red_label.png', true],
	[6, 'Overig', 'DocumentFolder_grey_label.png', false],
];

function folders(): FolderState[] {
	return FOLDERS.map(([id, description, icon, processedByYuki]) => ({ domainId: DOMAIN_ID, id, description, icon, processedByYuki }));
}

/** Archive.PaymentMethods of the domain: how an expense claim was paid [doc: shape; guess: the Dutch entries]. */
const ARCHIVE_PAYMENT_METHODS: Array<[string, string]> = [
	['1', 'Contant betaald'],
	['2', 'Privé betaald (declaratie)'],
	['4', 'Zakelijke pinpas'],
	['5', 'Zakelijke creditcard'],
];

/** Archive.CostCategories of the domain; Yuki's IDs look like GL account codes [doc: Postman example]. */
const COST_CATEGORIES: Array<[string, string]> = [
	['4300', 'Huisvestingskosten'],
	['4500', 'Kantoorkosten'],
	['4600', 'Reis- en verblijfkosten'],
	['4700', 'Algemene kosten'],
];

/** AccountingInfo.GetCustomPaymentMethods per administration [lib: the values of dedene/yuki-cli's fixture]. */
const CUSTOM_PAYMENT_METHODS: Array<[string, string]> = [
	['5', 'Creditcard'],
	['10', 'Privé betaald'],
];

function listEntries(ownerId: string, entries: Array<[string, string]>): ListEntryState[] {
	return entries.map(([id, description]) => ({ ownerId, id, description }));
}

/** Projects: code, description, start, end ('' = open-ended), customer index or none, budgets. */
function projects(): ProjectState[] {
	return [
		{ administrationId: ORGANISATION_ID, id: 'f1a00000-0000-4000-8000-000000000001', hid: 1, code: 'KORENAAR-WEB', description: 'Nieuwe website Bakkerij De Korenaar', startDate: '2025-03-01', endDate: '', contactId: CONTACTS[0].id, tags: 'Web', budgetSales: '12000.00', budgetPurchase: '1500.00' },
		{ administrationId: ORGANISATION_ID, id: 'f1a00000-0000-4000-8000-000000000002', hid: 2, code: 'INTERN', description: 'Interne uren', startDate: '2020-01-01', endDate: '', budgetSales: '0', budgetPurchase: '0' },
		{ administrationId: ORGANISATION_ID, id: 'f1a00000-0000-4000-8000-000000000003', hid: 3, code: 'JANSEN-2024', description: 'Adviestraject Jansen 2024', startDate: '2024-01-15', endDate: '2024-12-31', contactId: CONTACTS[1].id, budgetSales: '8000.00', budgetPurchase: '0' },
		{ administrationId: DEPARTMENT_ID, id: 'f1a00000-0000-4000-8000-000000000004', hid: 1, code: 'TRAINING-OOST', description: 'Trainingen Opleidingscentrum Oost', startDate: '2025-01-01', endDate: '', contactId: CONTACTS[4].id, budgetSales: '20000.00', budgetPurchase: '2500.00' },
	];
}

let nextHid = 0;

function contact(
	id: string,
	administrationId: string,
	code: string,
	fullName: string,
	fields: Record<string, string>,
	extra: Partial<ContactState> = {},
): ContactState {
	nextHid += 1;
	return { id, administrationId, code, fullName, fields, hid: nextHid, createdAt: '2024-02-01T09:00:00.000Z', modifiedAt: '2025-06-01T09:00:00.000Z', active: true, ...extra };
}

const CONTACTS: ContactState[] = [
	contact('6a1f0e2d-0001-4c3b-9a8d-1e2f3a4b5c01', ORGANISATION_ID, 'K1001', 'Bakkerij De Korenaar', {
		AddressLine_1: 'Molenstraat 12',
		Zipcode: '3511 AB',
		City: 'Utrecht',
		CountryCode: 'NL',
		EmailAddress: 'administratie@korenaar.example',
		VATNumber: 'NL001234567B01',
		CoCNumber: '30123456',
		ContactType: 'Company',
	}),
	contact('6a1f0e2d-0002-4c3b-9a8d-1e2f3a4b5c02', ORGANISATION_ID, 'K1002', 'Jansen Installatietechniek', {
		AddressLine_1: 'Industrieweg 4',
		Zipcode: '6541 CD',
		City: 'Nijmegen',
		CountryCode: 'NL',
		EmailAddress: 'info@jansen-installatie.example',
		ContactType: 'Company',
	}),
	contact('6a1f0e2d-0003-4c3b-9a8d-1e2f3a4b5c03', ORGANISATION_ID, 'K1003', 'Sanne de Vries', {
		AddressLine_1: 'Kerkplein 3',
		Zipcode: '2011 EF',
		City: 'Haarlem',
		CountryCode: 'NL',
		EmailAddress: 'sanne@devries.example',
		ContactType: 'Person',
	}),
	contact('6a1f0e2d-0004-4c3b-9a8d-1e2f3a4b5c04', ORGANISATION_ID, 'L2001', 'Kantoorhuis Nederland B.V.', {
		AddressLine_1: 'Papierweg 88',
		Zipcode: '1033 GH',
		City: 'Amsterdam',
		CountryCode: 'NL',
		BankAccount: 'NL91ABNA0417164300',
		ContactType: 'Company',
	}, { tags: 'Leverancier' }),
	contact('6a1f0e2d-0005-4c3b-9a8d-1e2f3a4b5c05', DEPARTMENT_ID, 'T3001', 'Opleidingscentrum Oost', {
		AddressLine_1: 'Stationsplein 1',
		Zipcode: '7511 JK',
		City: 'Enschede',
		CountryCode: 'NL',
		ContactType: 'Company',
	}),
	contact('6a1f0e2d-0006-4c3b-9a8d-1e2f3a4b5c06', ORGANISATION_ID, 'K1004', 'Drukkerij Het Oosten (opgeheven)', {
		AddressLine_1: 'Havenweg 7',
		Zipcode: '8011 LM',
		City: 'Zwolle',
		CountryCode: 'NL',
		ContactType: 'Company',
	}, { active: false, modifiedAt: '2024-11-30T16:00:00.000Z' }),
];

function openItem(
	id: string,
	contactIndex: number,
	side: 'debtor' | 'creditor',
	reference: string,
	date: string,
	dueDate: string,
	original: string,
	open: string,
	description: string,
): OpenItemState {
	const sales = side === 'debtor';
	return {
		id,
		administrationId: CONTACTS[contactIndex].administrationId,
		side,
		typeId: sales ? 6 : 2,
		typeText: sales ? 'Verkoopfactuur' : 'Aankoopfactuur',
		date,
		dueDate,
		description,
		contactId: CONTACTS[contactIndex].id,
		reference,
		paymentReference: '',
		paymentMethod: 'Overschrijving',
		// Distinct per item: the archived PDF of the invoice (see itemDocuments).
		documentId: id.replace(/^.{4}/, (prefix) => `d0c${prefix[0]}`),
		originalAmount: original,
		openAmount: open,
	};
}

const OPEN_ITEMS: OpenItemState[] = [
	openItem('a1000000-0000-4000-8000-000000000001', 0, 'debtor', 'DEMO-2025-001', '2025-10-01', '2025-10-31', '1210.00', '1210.00', 'Factuur voor Bakkerij De Korenaar'),
	openItem('a1000000-0000-4000-8000-000000000002', 1, 'debtor', 'DEMO-2025-002', '2025-10-15', '2025-11-14', '605.00', '305.00', 'Factuur voor Jansen Installatietechniek'),
	openItem('a1000000-0000-4000-8000-000000000003', 2, 'debtor', 'DEMO-2025-003', '2025-11-01', '2025-12-01', '99.95', '99.95', 'Factuur voor Sanne de Vries'),
	openItem('a1000000-0000-4000-8000-000000000004', 0, 'debtor', 'DEMO-DUP-1', '2025-09-01', '2025-10-01', '242.00', '242.00', 'Factuur voor Bakkerij De Korenaar'),
	openItem('a1000000-0000-4000-8000-000000000005', 2, 'debtor', 'DEMO-DUP-1', '2025-09-02', '2025-10-02', '48.40', '48.40', 'Factuur voor Sanne de Vries'),
	openItem('a1000000-0000-4000-8000-000000000006', 4, 'debtor', 'TRN-2025-001', '2025-10-20', '2025-11-19', '1815.00', '1815.00', 'Factuur voor Opleidingscentrum Oost'),
	openItem('b2000000-0000-4000-8000-000000000001', 3, 'creditor', 'INK-88231', '2025-10-05', '2025-11-04', '181.50', '181.50', 'Factuur van Kantoorhuis Nederland B.V., kantoorartikelen'),
	openItem('b2000000-0000-4000-8000-000000000002', 3, 'creditor', 'INK-88232', '2025-10-25', '2025-11-24', '72.60', '72.60', 'Factuur van Kantoorhuis Nederland B.V., printerpapier'),
];

/** A fresh state: the demo domain, with (`demo`) or without (`empty`) contacts and open items. */
export function seedState(seed: 'demo' | 'empty'): SandboxState {
	const demo = seed === 'demo';
	const state: SandboxState = {
		version: 1,
		domains: [{ id: DOMAIN_ID, name: DEMO.domainName }],
		accessKeys: [
			{ key: DEMO.accessKey, domainId: DOMAIN_ID, label: 'domain key' },
			{ key: DEMO.departmentAccessKey, domainId: DOMAIN_ID, administrationIds: [DEPARTMENT_ID], label: 'department key' },
		],
		clients: [{ clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, accessKey: DEMO.accessKey }],
		administrations: [
			{
				id: ORGANISATION_ID,
				name: DEMO.organisation.name,
				addressLine: 'Oudegracht 100',
				postcode: '3511 AX',
				city: 'Utrecht',
				country: 'NL',
				cocNumber: '12345678',
				vatNumber: 'NL123456789B01',
				startDate: '2020-01-01',
				domainId: DOMAIN_ID,
				active: true,
				invoicingEmail: true,
				lockedBefore: '2024-01-01',
			},
			{
				id: DEPARTMENT_ID,
				name: DEMO.department.name,
				addressLine: 'Oudegracht 100',
				postcode: '3511 AX',
				city: 'Utrecht',
				country: 'NL',
				cocNumber: '12345678',
				vatNumber: 'NL123456789B02',
				startDate: '2022-01-01',
				domainId: DOMAIN_ID,
				active: true,
				invoicingEmail: false,
			},
		],
		vatCodes: [...vatCodes(ORGANISATION_ID, true), ...vatCodes(DEPARTMENT_ID, false)],
		glAccounts: [...glAccounts(ORGANISATION_ID), ...glAccounts(DEPARTMENT_ID)],
		folders: folders(),
		projects: projects(),
		archivePaymentMethods: listEntries(DOMAIN_ID, ARCHIVE_PAYMENT_METHODS),
		costCategories: listEntries(DOMAIN_ID, COST_CATEGORIES),
		customPaymentMethods: [...listEntries(ORGANISATION_ID, CUSTOM_PAYMENT_METHODS), ...listEntries(DEPARTMENT_ID, CUSTOM_PAYMENT_METHODS)],
		journals: [],
		contacts: demo ? CONTACTS.map((record) => ({ ...record, fields: { ...record.fields } })) : [],
		invoices: [],
		items: demo ? OPEN_ITEMS.map((item) => ({ ...item })) : [],
		// The open items' own documents are rendered on request (archive.ts), like Yuki renders an invoice.
		documents: [],
		payments: demo
			? [
					{
						id: 'e3000000-0000-4000-8000-000000000001',
						itemId: 'a1000000-0000-4000-8000-000000000002',
						administrationId: ORGANISATION_ID,
						side: 'debtor',
						reference: 'DEMO-2025-002',
						amount: '300.00',
						at: '2025-10-28T09:00:00.000Z',
					},
				]
			: [],
		sessions: [],
		quota: {},
		counters: { bulk: 0, salesNumber: 0, contactHid: demo ? CONTACTS.length : 0 },
	};
	return state;
}
