/**
 * Answers of the Contact service [doc: Postman examples, copied into dedene/yuki-cli
 * internal/api/contacts_test.go]. Both searches answer `Contacts/Contact[@ID]` in no
 * namespace, each with its own element list; dates as a US-culture .NET `DateTime.ToString()`.
 */
import type { AnswerRecord } from './shape';

/** The fields both contact lists open with, in Yuki's order [doc: Postman examples of both]. */
const CONTACT_HEAD: AnswerRecord['fields'] = [
		{ xml: 'ID', attribute: true },
		{ xml: 'Type' },
		{ xml: 'HID' },
		{ xml: 'Code' },
		{ xml: 'Name' },
		{ xml: 'AddressLine_1' },
		{ xml: 'AddressLine_2' },
		{ xml: 'Postcode' },
		{ xml: 'City' },
];

/**
 * `SearchContacts` → `Contacts/Contact[@ID]`. The example writes empty strings as `<X />` and
 * leaves out phone and e-mail fields that are not set: the ones it shows are always written,
 * the others (`PhoneWork`, `MobileHome`, `MobileWork`, `EMailHome`) only when set [guess].
 * Note Yuki's `EMailWork` (capital M) here, unlike the open items' `EmailWork`.
 */
export const searchContactAnswer: AnswerRecord = {
	record: 'Contact',
	fields: [
		...CONTACT_HEAD,
		{ xml: 'MailAddressLine_1' },
		{ xml: 'MailAddressLine_2' },
		{ xml: 'MailPostcode' },
		{ xml: 'MailCity' },
		{ xml: 'Country' },
		{ xml: 'PhoneHome' },
		{ xml: 'PhoneWork', whenEmpty: 'omit' },
		{ xml: 'MobileHome', whenEmpty: 'omit' },
		{ xml: 'MobileWork', whenEmpty: 'omit' },
		{ xml: 'EMailHome', whenEmpty: 'omit' },
		{ xml: 'EMailWork' },
		{ xml: 'Website' },
		{ xml: 'VATNumber' },
		{ xml: 'CoCNumber' },
		{ xml: 'IncomeTaxNumber' },
		{ xml: 'Created' },
		{ xml: 'Modified' },
		{ xml: 'MainContactPerson', whenEmpty: 'omit' },
		{ xml: 'Tags' },
		{ xml: 'BackofficeStatus' },
	],
	source: '[doc] Postman example of Contact.SearchContacts',
};

/** `GetSuppliersAndCustomers` → `Contacts/Contact[@ID]` with `IsSupplier` / `IsCustomer` (True/False) [doc: Postman example]. */
export const supplierCustomerAnswer: AnswerRecord = {
	record: 'Contact',
	fields: [
		...CONTACT_HEAD,
		{ xml: 'Country' },
		{ xml: 'Created' },
		{ xml: 'Modified' },
		{ xml: 'IsSupplier' },
		{ xml: 'IsCustomer' },
		{ xml: 'Tags' },
		{ xml: 'BackofficeStatus' },
	],
	source: '[doc] Postman example of Contact.GetSuppliersAndCustomers',
};

/**
 * `UpdateContact` → `ContactResponse` in its own namespace with `TimeStamp` (a day) and
 * `Succeeded` ("Succesfully updated Contact <ID>", Yuki's spelling) in no namespace [doc:
 * Postman example]. A refused contact gives `Failed` instead [lib: DatrixFinances' client reads
 * `Failed` elements; the text is a guess]. "Succesfully created Contact <ID>" for a new contact
 * is a [guess] modelled on the update text.
 */
export const CONTACT_RESPONSE = {
	root: 'ContactResponse',
	namespace: 'urn:xmlns:http://www.theyukicompany.com:contactResponse',
	children: ['TimeStamp', 'Succeeded', 'Failed'],
} as const;

/** Contacts per page of SearchContacts / GetSuppliersAndCustomers [doc: WSDL documentation "max 100 records per page"]. */
export const CONTACTS_PER_PAGE = 100;
