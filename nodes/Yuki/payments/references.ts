/**
 * What Get Status is asked: invoice references, with the total and the amount already paid as
 * the invoicing tool knows them. Input problems are reported with the field and what is allowed.
 */
import type { Decimal } from '../documents/decimal';
import { parseDecimal } from '../documents/decimal';

export interface ReferenceRequest {
	reference: string;
	/** The invoice total the invoicing tool knows. */
	total?: Decimal;
	/** What the invoicing tool has already recorded as paid. */
	previouslyPaid?: Decimal;
}

/** Bad input on one item: the operation turns it into an item error naming index and field. */
export class PaymentInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'PaymentInputError';
	}
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A reference is text or a whole number (invoice numbers often arrive as numbers). */
export function parseReference(value: unknown, field: string): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (isBlank(value)) throw new PaymentInputError(field, `"${field}" is empty: give the invoice reference (the invoice number as booked in Yuki)`);
	throw new PaymentInputError(field, `"${field}" must be text or a number, not ${describe(value)}`);
}

/** An optional money amount: blank means "not given". */
export function parseOptionalAmount(value: unknown, field: string): Decimal | undefined {
	if (isBlank(value)) return undefined;
	const parsed = parseDecimal(value, 2);
	if (!parsed.ok) {
		throw new PaymentInputError(
			field,
			`"${field}" ${parsed.reason} (got ${describe(value)}); allowed: an amount with at most 2 decimals, e.g. 121.00, or leave it empty`,
		);
	}
	return parsed.value;
}

export function referenceRequest(reference: unknown, total: unknown, previouslyPaid: unknown, fieldPrefix = ''): ReferenceRequest {
	return {
		reference: parseReference(reference, `${fieldPrefix}reference`),
		total: parseOptionalAmount(total, `${fieldPrefix}total`),
		previouslyPaid: parseOptionalAmount(previouslyPaid, `${fieldPrefix}previouslyPaid`),
	};
}

/**
 * The "list of references" input: an array (of references, or of objects with `reference` and
 * optionally `total` / `previouslyPaid`), or text separated by commas, semicolons or new lines.
 */
export function parseReferenceList(value: unknown, field: string): ReferenceRequest[] {
	let entries: unknown[];
	if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string') entries = value.split(/[\n\r,;]+/).map((entry) => entry.trim()).filter(Boolean);
	else if (typeof value === 'number') entries = [value];
	else if (isBlank(value)) entries = [];
	else throw new PaymentInputError(field, `"${field}" must be a list of references (text or an array), not ${describe(value)}`);

	if (entries.length === 0) {
		throw new PaymentInputError(field, `"${field}" is empty: give one or more invoice references, separated by commas or new lines, or an array`);
	}
	return entries.map((entry, index) => {
		const prefix = `${field}[${index}].`;
		if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
			const record = entry as Record<string, unknown>;
			return referenceRequest(record.reference, record.total, record.previouslyPaid, prefix);
		}
		return { reference: parseReference(entry, `${field}[${index}]`) };
	});
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return String(value);
}
