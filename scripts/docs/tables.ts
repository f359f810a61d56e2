/**
 * The reference tables of docs/invoice-fields.md, derived from the document descriptions: one Markdown table per
 * level (the invoice, then each group and list), the minimal JSON shape and the cross-field
 * rules. Pure: `scripts/document-tables.ts` writes the result into docs/invoice-fields.md.
 */
import { fieldKey } from '../../nodes/Yuki/documents/fields';
import type { Confidence, DocumentSpec, Field } from '../../nodes/Yuki/documents/fields';

const CONFIDENCE_TEXT: Record<Confidence, string> = {
	doc: 'doc',
	lib: 'lib',
	guess: 'guess',
};

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function typeText(field: Field): string {
	switch (field.kind) {
		case 'decimal':
			return `decimal (${field.decimals} decimals)`;
		case 'date':
			return 'date (YYYY-MM-DD)';
		case 'enum':
			return 'choice';
		case 'base64':
			return 'base64 file content';
		case 'group':
			return 'object';
		case 'list':
			return `list of \`${field.itemXml}\``;
		default:
			return field.kind;
	}
}

function rangeText(min: number | undefined, max: number | undefined): string {
	if (min !== undefined && max !== undefined) return `${min} to ${max}`;
	if (min !== undefined) return `at least ${min}`;
	if (max !== undefined) return `at most ${max}`;
	return '';
}

function allowedText(field: Field): string {
	switch (field.kind) {
		case 'text':
			return [field.pattern?.allowed, field.maxLength !== undefined ? `up to ${field.maxLength} characters` : undefined]
				.filter(Boolean)
				.join('; ');
		case 'decimal':
		case 'integer':
			return rangeText(field.min, field.max);
		case 'enum':
			return field.values.map((value) => `\`${value}\``).join(', ');
		case 'boolean':
			return '`true`, `false`';
		case 'list':
			return `${rangeText(field.minItems, field.maxItems)} entries, see below`;
		case 'group':
			return 'see below';
		default:
			return '';
	}
}

interface Level {
	title: string;
	fields: readonly Field[];
	/** Confidence of the enclosing element, for fields that state none of their own. */
	confidence?: Confidence;
}

function tableOf(level: Level): string {
	const rows = level.fields.map((field) => {
		const confidence = field.confidence ?? level.confidence;
		return `| \`${field.xml}\` | \`${fieldKey(field)}\` | ${typeText(field)} | ${field.required ? 'yes' : ''} | ${cell(allowedText(field))} | ${cell(field.description)} | ${confidence ? CONFIDENCE_TEXT[confidence] : ''} |`;
	});
	return [
		level.title,
		'',
		'| XML element | JSON key | Type | Required | Allowed values / limits | Description | Confidence |',
		'|---|---|---|---|---|---|---|',
		...rows,
	].join('\n');
}

/** Every level of a description, depth first: the record, then each group and list inside it. */
function levels(fields: readonly Field[], xmlPath: string, jsonPath: string, confidence: Confidence | undefined, title: string): Level[] {
	const nested = fields.flatMap((field) => {
		if (field.kind === 'group') {
			return levels(field.fields, `${xmlPath}/${field.xml}`, `${jsonPath}.${fieldKey(field)}`, field.confidence ?? confidence, field.label);
		}
		if (field.kind === 'list') {
			const entryPath = field.repeated ? `${xmlPath}/${field.itemXml}` : `${xmlPath}/${field.xml}/${field.itemXml}`;
			return levels(field.fields, entryPath, `${jsonPath}.${fieldKey(field)}[]`, field.confidence ?? confidence, field.label);
		}
		return [];
	});
	const heading = `**${title}**: \`${xmlPath}\`${jsonPath ? `, JSON \`${jsonPath.replace(/^\./, '')}\`` : ''}`;
	return [{ title: heading, fields, confidence }, ...nested];
}

/** Markdown tables of one document: the record's fields, then one table per group and list. */
export function documentTable(spec: DocumentSpec): string {
	return levels(spec.fields, spec.singleRecord ? spec.root : `${spec.root}/${spec.record}`, '', spec.confidence, spec.name.charAt(0).toUpperCase() + spec.name.slice(1))
		.map(tableOf)
		.join('\n\n');
}

function exampleValue(field: Field): unknown {
	switch (field.kind) {
		case 'group':
			return exampleOf(field.fields);
		case 'list':
			return [exampleOf(field.fields)];
		case 'integer':
			return Number(field.example ?? field.min ?? 1);
		case 'boolean':
			return field.example ? field.example === 'true' : false;
		case 'decimal':
			return field.example ?? (0).toFixed(field.decimals);
		case 'date':
			return field.example ?? '2024-03-31';
		case 'enum':
			return field.example ?? field.values[0];
		default:
			return field.example ?? field.label;
	}
}

function exampleOf(fields: readonly Field[]): Record<string, unknown> {
	return Object.fromEntries(fields.filter((field) => field.required).map((field) => [fieldKey(field), exampleValue(field)]));
}

/** The smallest valid JSON input of a document: every required field, with its example value. */
export function documentExample(spec: DocumentSpec): Record<string, unknown> {
	return spec.example ?? exampleOf(spec.fields);
}

function rulesText(spec: DocumentSpec): string {
	return spec.rules.length ? spec.rules.map((rule) => `- ${rule.description}.`).join('\n') : '- none';
}

function documentSection(spec: DocumentSpec): string {
	const title = spec.name.charAt(0).toUpperCase() + spec.name.slice(1);
	return [
		`### ${title} (\`${spec.root}\`, namespace \`${spec.namespace}\`)`,
		'',
		'The smallest valid input (required fields only; every other key is in the tables):',
		'',
		'```json',
		JSON.stringify(documentExample(spec), null, '\t'),
		'```',
		'',
		documentTable(spec),
		'',
		'Checks across fields:',
		'',
		rulesText(spec),
	].join('\n');
}

/** The whole generated field-tables section (without its markers) for the given documents. */
export function documentTablesSection(specs: readonly DocumentSpec[]): string {
	return [
		'## Documents sent to Yuki (invoices, journal, contact): fields and JSON shape',
		'',
		'Generated by `npm run docs:tables` from `nodes/Yuki/documents/`; do not edit by hand.',
		'',
		'Each invoice is one JSON object (the "From Input JSON" source, e.g. a webhook body); the mapped',
		'fields use the same names. Keys are the camelCase form of Yuki\'s XML elements, groups are',
		'objects and the invoice lines a list (a single object counts as one line). `null`, `undefined`',
		'and `""` count as not given. Decimals are numbers or, better, strings with a dot as decimal',
		'separator and no thousands separators ("1234.50"); they are sent with exactly the decimals shown.',
		'Dates are `YYYY-MM-DD`; an ISO date-time is turned into its date in the workflow\'s time zone.',
		'Choices also match in other letter case and are sent in Yuki\'s spelling. The XML is built in',
		'the order of the tables, whatever the order of the keys in the input.',
		'',
		'Confidence: **doc** = Yuki\'s own documentation, **lib** = seen in several client libraries,',
		'**guess** = our inference (Yuki\'s XSDs are not public); empty = not rated. The text limits (255',
		'and 4000 characters) are our guess for every field. `documentBase64` (the PDF) can also come from',
		'a binary property of the item instead of the JSON.',
		'',
		specs.map(documentSection).join('\n\n'),
	].join('\n');
}

const SECTION_START = /<!-- section:document-tables\b[^>]*-->/;
const SECTION_END = '<!-- /section:document-tables -->';

/** Markdown text with the document-tables section's content replaced; throws when the markers are missing. */
export function replaceDocumentTablesSection(readme: string, content: string): string {
	const start = SECTION_START.exec(readme);
	const end = readme.indexOf(SECTION_END);
	if (!start || end < start.index) throw new Error('the document has no <!-- section:document-tables --> … <!-- /section:document-tables --> markers');
	const contentStart = start.index + start[0].length;
	return `${readme.slice(0, contentStart)}\n${content}\n${readme.slice(end)}`;
}
