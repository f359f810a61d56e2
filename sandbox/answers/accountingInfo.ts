/**
 * Typed answers of the AccountingInfo and Vat services: records directly in `<OpResult>`, in
 * Yuki's namespace, lower-camel names, null strings left out (.NET XmlSerializer).
 */
import type { AnswerRecord } from './shape';

/** `Vat.ActiveVATCodesList` → `VATCode` [doc: Postman example; absent dates as xsi:nil, country only when set]. */
export const vatCodeAnswer: AnswerRecord = {
	record: 'VATCode',
	fields: [
		{ xml: 'description' },
		{ xml: 'type' },
		{ xml: 'typeDescription' },
		{ xml: 'percentage' },
		{ xml: 'country' },
		{ xml: 'startDate', whenEmpty: 'nil' },
		{ xml: 'endDate', whenEmpty: 'nil' },
	],
	source: '[doc] Postman example of Vat.ActiveVATCodesList (dedene/yuki-cli internal/api/vat_test.go)',
};

/**
 * `GetGLAccountScheme` → `GlAccount{code, type, subtype, isEnabled, descripton, …}`: Yuki's own
 * spelling `descripton`, `subtype` in lower case [doc: Postman example in dedene/yuki-cli;
 * [lib]: rvben/yuki-cli, DatrixFinances' C# client]. The live WSDL's `GlAccount` also has
 * `descriptionNL/FR/EN` (strings, left out when null) and the value types `isVATApplicable`,
 * `deductableVATPercentage`, `professionalPercentage`, which XmlSerializer always writes
 * [lib: maartendeblock/yuki-api-client types generated from the live WSDL; DatrixFinances reads them].
 */
export const glAccountAnswer: AnswerRecord = {
	record: 'GlAccount',
	fields: [
		{ xml: 'code' },
		{ xml: 'type' },
		{ xml: 'subtype' },
		{ xml: 'isEnabled' },
		{ xml: 'descripton' },
		{ xml: 'descriptionNL' },
		{ xml: 'descriptionFR' },
		{ xml: 'descriptionEN' },
		{ xml: 'isVATApplicable' },
		{ xml: 'deductableVATPercentage' },
		{ xml: 'professionalPercentage' },
	],
	source: '[doc] Postman example of AccountingInfo.GetGLAccountScheme; [lib] maartendeblock/yuki-api-client GlAccount type',
};

/**
 * `GetProjects` → `Project{description, HID, code, startDate, endDate, company, contact, tags,
 * budgetSales, budgetPurchase, contactID, id}` in WSDL order; `endDate` 0001-01-01T00:00:00 for
 * an open-ended project; `GetProjects` leaves `id` out (GetProjectsAndID has it) [doc: Postman
 * example in dedene/yuki-cli projects_test.go; [lib] maartendeblock's generated Project type].
 */
export const projectAnswer: AnswerRecord = {
	record: 'Project',
	fields: [
		{ xml: 'description' },
		{ xml: 'HID' },
		{ xml: 'code' },
		{ xml: 'startDate' },
		{ xml: 'endDate' },
		{ xml: 'company' },
		{ xml: 'contact' },
		{ xml: 'tags' },
		{ xml: 'budgetSales' },
		{ xml: 'budgetPurchase' },
		{ xml: 'contactID' },
	],
	source: '[doc] Postman example of AccountingInfo.GetProjects; [lib] maartendeblock/yuki-api-client Project type',
};

/**
 * `GetCustomPaymentMethods` → `PaymentMethod{ID, Description}` (ID an element here, unlike the
 * Archive list) [lib: maartendeblock's generated PaymentMethod type; dedene/yuki-cli fixture].
 * Postman labels its example `GetPaymentMethodsResponse`; the WSDL's name is used here [lib].
 */
export const customPaymentMethodAnswer: AnswerRecord = {
	record: 'PaymentMethod',
	fields: [{ xml: 'ID' }, { xml: 'Description' }],
	source: '[lib] maartendeblock/yuki-api-client PaymentMethod type; dedene/yuki-cli discovery_workflows_test.go',
};
