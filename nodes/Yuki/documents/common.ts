/** Field descriptions that more than one Yuki document uses. */
import type { EnumField, TextField } from './fields';

export const YUKI_NAMESPACE = 'http://www.theyukicompany.com/';

/** Payment methods both invoice documents accept (the seed's list). */
export const PAYMENT_METHODS = [
	'Unspecified',
	'ElectronicTransfer',
	'DirectCollection',
	'Cash',
	'DebitCard',
	'CreditCard',
	'ReceivedElectronically',
	'ReceivedCash',
	'ToSettle',
] as const;

/** Newer Yuki domains also accept these on sales invoices [lib]. */
export const SALES_ONLY_PAYMENT_METHODS = ['iDeal', 'Online'] as const;

export const GENDERS = ['Male', 'Female', 'Unknown'] as const;
export const CONTACT_TYPES = ['Person', 'Company'] as const;

/** Short free text such as names and codes; Yuki's XSD limits are not public, so this is a guess. */
export const SHORT_TEXT = 255;
/** Long free text such as remarks and descriptions [guess]. */
export const LONG_TEXT = 4000;

export const currencyField: TextField = {
	xml: 'Currency',
	kind: 'text',
	label: 'Currency',
	description: 'ISO 4217 code of the invoice currency; Yuki assumes EUR when it is left out',
	pattern: { regex: /^[A-Z]{3}$/, allowed: 'a three-letter ISO currency code such as EUR' },
	confidence: 'doc',
};

export function paymentMethodField(values: readonly string[]): EnumField {
	return {
		xml: 'PaymentMethod',
		kind: 'enum',
		label: 'Payment Method',
		description: 'How the invoice is paid',
		values,
		confidence: 'lib',
	};
}

export function text(xml: string, label: string, description: string, extra: Partial<TextField> = {}): TextField {
	return { xml, kind: 'text', label, description, maxLength: SHORT_TEXT, ...extra };
}

export const countryCodeField = text('CountryCode', 'Country Code', 'ISO 3166 two-letter country code, e.g. NL or BE', {
	pattern: { regex: /^[A-Z]{2}$/, allowed: 'a two-letter ISO country code such as NL' },
});

export const emailField = text('EmailAddress', 'Email Address', 'One e-mail address', {
	pattern: { regex: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, allowed: 'one e-mail address such as name@example.com' },
});
