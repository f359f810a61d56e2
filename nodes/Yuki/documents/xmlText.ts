/** What XML 1.0 text can and cannot carry, shared by validation, the writer and the reader. */

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab, line
 * feed and carriage return, U+FFFE/U+FFFF and unpaired surrogates. (With the `u` flag a
 * well-formed surrogate pair is one code point, so the surrogate range only matches unpaired ones;
 * C1 controls U+007F–U+009F are legal XML 1.0 and excluded from `\p{Cc}`.)
 */
export const ILLEGAL_XML_CHARACTER = /(?![\t\n\r\u007F-\u009F])\p{Cc}|[\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** Every XML parser turns CR LF and lone CR into LF, so that is what Yuki receives anyway. */
export function normaliseLineEnds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
