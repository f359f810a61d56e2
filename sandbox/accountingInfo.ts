/**
 * The AccountingInfo and Vat operations: typed answers (records in Yuki's namespace) of an
 * administration's VAT codes, GL accounts, projects and custom payment methods.
 */
import { customPaymentMethodAnswer, glAccountAnswer, projectAnswer, vatCodeAnswer } from './answers/accountingInfo';
import { typedDateTime, typedList } from './answers/shape';
import { administration, enumParam, session, text } from './context';
import type { CallContext, OperationSpec } from './context';
import type { ProjectState } from './state';

/** `GetProjects` searchOption values, in WSDL order [lib: maartendeblock's generated GetProjects]. */
/** The fields both project answers (AccountingInfo.GetProjects, Archive.Projects) open with, in Yuki's order. */
export function projectHead(project: ProjectState, company: string): Record<string, string> {
	return {
		description: project.description,
		HID: String(project.hid),
		code: project.code,
		startDate: typedDateTime(project.startDate),
		endDate: typedDateTime(project.endDate),
		company,
	};
}

export const PROJECT_SEARCH_OPTIONS = ['All', 'Company', 'Code', 'Description'] as const;

function includes(haystack: string | undefined, needle: string): boolean {
	return (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}

/** Projects matching a search: by code, description, company (administration name) or any of them [guess: substring, case-insensitive]. */
function matchesProject(project: ProjectState, company: string, option: (typeof PROJECT_SEARCH_OPTIONS)[number], value: string): boolean {
	if (!value) return true;
	switch (option) {
		case 'Code':
			return includes(project.code, value);
		case 'Description':
			return includes(project.description, value);
		case 'Company':
			return includes(company, value);
		default:
			return includes(project.code, value) || includes(project.description, value) || includes(company, value);
	}
}

/** A typed decimal as XmlSerializer writes it: the value as stored ("0", "12000.00") [doc: "0" in the Postman example]. */
function typedDecimal(value: string): string {
	return value || '0';
}

export const ACCOUNTING_INFO_OPERATIONS: Record<string, OperationSpec> = {
	ActiveVATCodesList: {
		service: 'Vat',
		params: ['sessionID', 'administrationID'],
		run(context) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			const rows = context.state.vatCodes
				.filter((code) => code.administrationId === admin.id)
				.map((code) => ({
					description: code.description,
					type: String(code.type),
					typeDescription: code.typeDescription,
					percentage: code.percentage,
					country: code.country,
					startDate: code.startDate && typedDateTime(code.startDate),
					endDate: code.endDate && typedDateTime(code.endDate),
				}));
			return typedList(vatCodeAnswer, rows);
		},
	},
	GetGLAccountScheme: {
		service: 'AccountingInfo',
		params: ['sessionID', 'administrationID'],
		run(context) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			const rows = context.state.glAccounts
				.filter((account) => account.administrationId === admin.id)
				.map((account) => ({
					code: account.code,
					type: String(account.type),
					subtype: String(account.subType),
					isEnabled: String(account.isEnabled),
					descripton: account.description,
					descriptionNL: account.description,
					// Value types are always written [lib]; the sandbox's ledger has no VAT settings per account.
					isVATApplicable: String(account.type === 4 || account.type === 8),
					deductableVATPercentage: account.type === 4 ? '100' : '0',
					professionalPercentage: '100',
				}));
			return typedList(glAccountAnswer, rows);
		},
	},
	GetProjects: {
		service: 'AccountingInfo',
		params: ['sessionID', 'administrationID', 'searchOption', 'searchValue'],
		run(context) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			const option = enumParam(context, 'searchOption', 'SearchOption', PROJECT_SEARCH_OPTIONS);
			const value = text(context, 'searchValue')?.trim() ?? '';
			const contacts = new Map(context.state.contacts.map((contact) => [contact.id, contact]));
			const rows = context.state.projects
				.filter((project) => project.administrationId === admin.id && matchesProject(project, admin.name, option, value))
				.sort((a, b) => a.hid - b.hid)
				.map((project) => ({
					...projectHead(project, admin.name),
					contact: project.contactId ? contacts.get(project.contactId)?.fullName : undefined,
					tags: project.tags,
					budgetSales: typedDecimal(project.budgetSales),
					budgetPurchase: typedDecimal(project.budgetPurchase),
					contactID: project.contactId,
				}));
			return typedList(projectAnswer, rows);
		},
	},
	GetCustomPaymentMethods: {
		service: 'AccountingInfo',
		params: ['sessionID', 'administrationID'],
		run(context: CallContext) {
			const admin = administration(context, session(context, 'sessionID'), 'administrationID');
			const rows = context.state.customPaymentMethods
				.filter((method) => method.ownerId === admin.id)
				.map((method) => ({ ID: method.id, Description: method.description }));
			return typedList(customPaymentMethodAnswer, rows);
		},
	},
};
