/**
 * Sales or purchase? `ActiveVATCodesList` lists both without saying which is which [doc], so the
 * side is inferred [guess]: the purchase types the Purchase service's description lists, or a
 * type description that speaks of purchases/input VAT. Everything else counts as sales.
 */
import type { INodePropertyOptions } from 'n8n-workflow';
import type { VatCode } from '../transport/types';

/** Purchase VAT types listed in Yuki's functional description of the Purchase service. */
export const PURCHASE_VAT_TYPES: ReadonlySet<number> = new Set([5, 10, 11, 12, 13, 16, 18]);

const PURCHASE_WORDS = /purchas|input|voorbelasting|inkoop|reclaim|acquisition|import|deductible|aftrekbaar/i;
const SALES_WORDS = /sales|verkoop/i;

export function isPurchaseVatCode(code: VatCode): boolean {
	const text = `${code.typeDescription ?? ''} ${code.description ?? ''}`;
	if (SALES_WORDS.test(text)) return false;
	return PURCHASE_VAT_TYPES.has(code.type) || PURCHASE_WORDS.test(text);
}

function percentageText(percentage: number): string {
	return `${Number(percentage.toFixed(2))} %`;
}

/** One option per VAT type ("21 % – BTW hoog (type 1)"); value = the type number Yuki expects. */
export function vatTypeOptions(codes: VatCode[]): INodePropertyOptions[] {
	const byType = new Map<number, VatCode[]>();
	for (const code of codes) byType.set(code.type, [...(byType.get(code.type) ?? []), code]);
	return [...byType.entries()]
		.sort(([a], [b]) => a - b)
		.map(([type, group]) => {
			const percentages = [...new Set(group.map((code) => percentageText(code.percentage)))].join(' / ');
			const label = group[0].typeDescription || group[0].description || 'VAT';
			const descriptions = group.map((code) => code.description).filter(Boolean);
			return {
				name: `${percentages} – ${label} (type ${type})`,
				value: type,
				description: descriptions.length ? descriptions.join('; ') : undefined,
			};
		});
}
