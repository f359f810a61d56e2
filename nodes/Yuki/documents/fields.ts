/**
 * The vocabulary in which every Yuki document is described once.
 *
 * A description lists the XML elements in the order Yuki requires, with their type, whether they
 * are required, how many decimals they keep and what values they allow. Everything else is
 * derived from it: the node's fields, the validation of input items, the XML order, the
 * sandbox's checks and the field tables in docs/. This module does no I/O.
 */

/** How sure we are of a fact about Yuki (see docs/yuki-facts.md). */
export type Confidence = 'doc' | 'lib' | 'guess';

interface FieldBase {
	/** Element name in Yuki's XML, case-sensitive. */
	xml: string;
	/** camelCase key in the JSON shape the node accepts (derived from `xml` unless given). */
	key?: string;
	/** Human label for the node's field and the docs. */
	label: string;
	description: string;
	required?: boolean;
	confidence?: Confidence;
	/** A realistic value for the docs' JSON example (a generic one is derived when absent). */
	example?: string;
}

export interface TextField extends FieldBase {
	kind: 'text';
	/** Longest accepted value in characters. */
	maxLength?: number;
	/** A stricter shape, with the words that tell a user what is allowed. */
	pattern?: { regex: RegExp; allowed: string };
}

export interface DecimalField extends FieldBase {
	kind: 'decimal';
	/** Most decimals Yuki accepts; values are written with exactly this many. */
	decimals: number;
	min?: number;
	max?: number;
}

export interface IntegerField extends FieldBase {
	kind: 'integer';
	min?: number;
	max?: number;
}

export interface BooleanField extends FieldBase {
	kind: 'boolean';
}

export interface DateField extends FieldBase {
	kind: 'date';
}

export interface EnumField extends FieldBase {
	kind: 'enum';
	values: readonly string[];
}

/** File content, base64-encoded in the document. */
export interface Base64Field extends FieldBase {
	kind: 'base64';
}

/** A nested element with children of its own, such as `Contact` or `Product`. */
export interface GroupField extends FieldBase {
	kind: 'group';
	fields: readonly Field[];
}

/** A wrapper element holding 1..n records, such as `InvoiceLines/InvoiceLine`. */
export interface ListField extends FieldBase {
	kind: 'list';
	/** Element name of each record inside the wrapper. */
	itemXml: string;
	/**
	 * The records repeat directly under the parent, without a wrapper element (Yuki's journal:
	 * `Journal/JournalEntry`); `xml` then equals `itemXml`.
	 */
	repeated?: boolean;
	minItems?: number;
	maxItems?: number;
	fields: readonly Field[];
}

export type ScalarField =
	| TextField
	| DecimalField
	| IntegerField
	| BooleanField
	| DateField
	| EnumField
	| Base64Field;

export type Field = ScalarField | GroupField | ListField;

/** One problem a rule found, at a JSON path such as `invoiceLines[2].lineAmount`. */
export interface RuleFinding {
	path: string;
	message: string;
}

/** A check across fields (e.g. "Reference is required when Process is true"). */
export interface DocumentRule {
	/** Sentence for the docs and the error message. */
	description: string;
	/** Dotted key path of the field the error names. */
	field: string;
	/**
	 * Returns an error text, or undefined when the record passes. Works on normalised values.
	 * Rules about list entries name the entry in the text, e.g. "invoiceLines[2].lineAmount: …".
	 */
	check(record: NormalisedRecord): string | undefined;
	/** Every finding with its exact path; rules about list entries give it, others rely on `check`. */
	findAll?(record: NormalisedRecord): RuleFinding[];
}

/** Every finding of a rule, whichever of `check` / `findAll` it implements. */
export function ruleFindings(rule: DocumentRule, record: NormalisedRecord): RuleFinding[] {
	if (rule.findAll) return rule.findAll(record);
	const message = rule.check(record);
	return message === undefined ? [] : [{ path: rule.field, message }];
}

/** A record after validation: scalars are canonical strings, groups objects, lists arrays. */
export interface NormalisedRecord {
	[key: string]: string | NormalisedRecord | NormalisedRecord[] | undefined;
}

export interface DocumentSpec {
	/** Short name used in messages, e.g. "sales invoice". */
	name: string;
	/** Root element, e.g. `SalesInvoices`. */
	root: string;
	/** Default namespace of the root; Yuki rejects a document without it. */
	namespace: string;
	/** Element of one record under the root, e.g. `SalesInvoice`; the root itself when `singleRecord`. */
	record: string;
	/** The root is the one record of the document (Yuki's journal: `Journal` holds its fields itself). */
	singleRecord?: boolean;
	/** How sure we are of fields that state no confidence of their own (nor inherit one from a group or list). */
	confidence?: Confidence;
	fields: readonly Field[];
	rules: readonly DocumentRule[];
	/** The smallest valid input for the docs, when the required fields' examples alone do not pass the rules. */
	example?: Record<string, unknown>;
}

const ACRONYMS: Record<string, string> = { CoC: 'coc', VAT: 'vat', GL: 'gl', ID: 'id', BIC: 'bic' };

/**
 * The JSON key of a field: `PaymentID` → `paymentId`, `VATNumber` → `vatNumber`,
 * `AddressLine_1` → `addressLine1`, `CoCNumber` → `cocNumber`.
 */
export function fieldKey(field: Pick<FieldBase, 'xml' | 'key'>): string {
	if (field.key) return field.key;
	const words = field.xml.match(/CoC|[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+|\d+/g) ?? [field.xml];
	return words
		.map((word, index) => {
			const lower = ACRONYMS[word] ?? word.toLowerCase();
			return index === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
		})
		.join('');
}
