/**
 * What a field accepts, in words: shared by validation messages and the node's field hints. Kept
 * apart from validate.ts so that building the node's description (at every n8n start) does not
 * load the validation and its date library.
 */
import { formatDecimal } from './decimal';
import type { DecimalField } from './fields';

export function rangeText(min: number | undefined, max: number | undefined): string {
	if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
	if (min !== undefined) return `of at least ${min}`;
	if (max !== undefined) return `of at most ${max}`;
	return '';
}

/** What a decimal field accepts, in words, e.g. for messages and node field hints. */
export function decimalAllowed(field: DecimalField): string {
	const example = formatDecimal({ units: 1234n * 10n ** BigInt(field.decimals) + (field.decimals > 0 ? 5n * 10n ** BigInt(field.decimals - 1) : 0n), scale: field.decimals });
	const range = rangeText(field.min, field.max);
	return `a number${range ? ' ' + range : ''} with at most ${field.decimals} decimals, a dot as the decimal separator and no thousands separators, e.g. ${example}`;
}
