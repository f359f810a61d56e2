/**
 * The sandbox's reading of Yuki's Contact.xsd (`UpdateContact`'s xmlDoc): root `Contact` in
 * namespace `urn:xmlns:http://www.theyukicompany.com:contact`, its fields in this order
 * [lib: DatrixFinances' C# client writes all of them in this order; dedene/yuki-cli's fixture
 * (from Yuki's Postman example) writes ID, Type, Code, FirstName, MiddleName, LastName, FullName,
 * EmailHome in the same order]. The XSD itself (yukiworks.be/schemas/contact.xsd) is not public
 * here, so lengths and further fields (website, bank account) are unknown: the sandbox refuses
 * what it cannot place, and says which elements it allows.
 */
import type { Field, TextField } from '../documents';

export const CONTACT_ROOT = 'Contact';
export const CONTACT_NAMESPACE = 'urn:xmlns:http://www.theyukicompany.com:contact';

/** `Type`: 0 = person, 2 = company [lib: DatrixFinances maps Person → 0, Company → 2; the fixture sends 0]. Other numbers [guess: refused]. */
export const CONTACT_TYPE_BY_NUMBER: Record<string, 'Person' | 'Company'> = { '0': 'Person', '2': 'Company' };

const textField = (xml: string): TextField => ({ xml, kind: 'text', label: xml, description: xml, maxLength: 255 });

export const contactFields: readonly Field[] = [
	{
		xml: 'ID',
		kind: 'text',
		label: 'ID',
		description: 'GUID of the contact to update; empty for a new contact',
		pattern: { regex: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, allowed: 'a GUID, or an empty element for a new contact' },
	},
	{ xml: 'Type', kind: 'integer', label: 'Type', description: '0 = person, 2 = company', min: 0 },
	textField('Code'),
	textField('FirstName'),
	textField('MiddleName'),
	textField('LastName'),
	textField('FullName'),
	textField('AddressLine_1'),
	textField('AddressLine_2'),
	textField('PostCode'),
	textField('City'),
	textField('MailAddressLine_1'),
	textField('MailAddressLine_2'),
	textField('MailPostCode'),
	textField('MailCity'),
	textField('Country'),
	textField('WorkAddressLine_1'),
	textField('WorkAddressLine_2'),
	textField('WorkPostCode'),
	textField('WorkCity'),
	textField('WorkCountry'),
	textField('PhoneHome'),
	textField('PhoneWork'),
	textField('MobileHome'),
	textField('MobileWork'),
	textField('EmailHome'),
	textField('EmailWork'),
	textField('VATNumber'),
	textField('CoCNumber'),
];

/**
 * Where a Contact.xsd element is kept in the sandbox's contact, which stores the invoice
 * documents' names (Zipcode, CountryCode, EmailAddress…). EmailWork is the invoices'
 * EmailAddress [guess]; everything else keeps its own name.
 */
export const STORED_NAME: Record<string, string> = {
	PostCode: 'Zipcode',
	Country: 'CountryCode',
	EmailWork: 'EmailAddress',
	MailPostCode: 'MailPostcode',
};
