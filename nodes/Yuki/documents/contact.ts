/**
 * Yuki's contact document (`Contact.UpdateContact`, schema `Contact.xsd`, not public): creates a
 * contact, or updates the one whose `ID` is given. Root `Contact` in its own namespace, one contact
 * per document. Elements and order as public clients send them [lib: a C# client sends
 * `ID, Type, Code, FirstName, MiddleName, LastName, FullName, AddressLine_1, AddressLine_2,
 * PostCode, City, MailAddressLine_1, MailAddressLine_2, MailPostCode, MailCity, Country,
 * WorkAddressLine_1, …, PhoneHome, PhoneWork, MobileHome, MobileWork, EmailHome, EmailWork,
 * VATNumber, CoCNumber`; dedene/yuki-cli's example sends `ID, Type, Code, FirstName, MiddleName,
 * LastName, FullName, EmailHome`].
 */
import { text } from './common';
import type { DocumentSpec, Field } from './fields';

const GUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const EMAIL = { regex: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, allowed: 'one e-mail address such as name@example.com' };

/** `Type` is a number in the document [lib: 0 = person, 2 = company in one client; 0 in another's example]. */
export const CONTACT_TYPE_NUMBERS = ['0', '2'] as const;

const address = (prefix: string, label: string, postCode: string): Field[] => [
	text(`${prefix}AddressLine_1`, `${label}Address Line 1`, `${label || 'Visiting '}address: street and number`),
	text(`${prefix}AddressLine_2`, `${label}Address Line 2`, `${label || 'Visiting '}address: second line`),
	text(postCode, `${label}Postcode`, `${label || 'Visiting '}address: postcode`),
	text(`${prefix}City`, `${label}City`, `${label || 'Visiting '}address: city`),
];

export const contactDocument: DocumentSpec = {
	name: 'contact',
	root: 'Contact',
	namespace: 'urn:xmlns:http://www.theyukicompany.com:contact',
	record: 'Contact',
	singleRecord: true,
	confidence: 'lib',
	fields: [
		text('ID', 'Contact ID', "Yuki's ID of the contact to update (a GUID, as Search returns it); empty creates a new contact", {
			pattern: { regex: GUID, allowed: "Yuki's contact ID, a GUID" },
		}),
		{
			xml: 'Type',
			kind: 'enum',
			label: 'Type',
			description: 'Kind of contact: 0 = person, 2 = company',
			values: CONTACT_TYPE_NUMBERS,
			required: true,
			example: '2',
			confidence: 'guess',
		},
		text('Code', 'Contact Code', 'Relation number in the invoicing tool; the invoices find the contact by it', { example: 'C-1001' }),
		text('FirstName', 'First Name', 'First name of a person'),
		text('MiddleName', 'Middle Name', 'Middle name or prefix of a person, e.g. "van der"'),
		text('LastName', 'Last Name', 'Last name of a person'),
		text('FullName', 'Full Name', 'Name of the person or company as Yuki shows it', { required: true, example: 'Bakkerij De Vries B.V.' }),
		...address('', '', 'PostCode'),
		...address('Mail', 'Mail ', 'MailPostCode'),
		text('Country', 'Country Code', 'ISO 3166 two-letter country code, e.g. NL or BE', {
			pattern: { regex: /^[A-Z]{2}$/, allowed: 'a two-letter ISO country code such as NL' },
		}),
		text('PhoneHome', 'Phone', 'Phone number'),
		text('PhoneWork', 'Phone Work', 'Work phone number'),
		text('MobileHome', 'Mobile', 'Mobile phone number'),
		text('MobileWork', 'Mobile Work', 'Work mobile phone number'),
		text('EmailHome', 'Email', 'E-mail address', { pattern: EMAIL }),
		text('EmailWork', 'Email Work', 'Work e-mail address', { pattern: EMAIL }),
		text('VATNumber', 'VAT Number', 'VAT number'),
		text('CoCNumber', 'CoC Number', 'Chamber of Commerce (KvK) number'),
	],
	rules: [],
};
