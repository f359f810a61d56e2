/** What XML 1.0 text can and cannot carry, shared by validation, the writer and the reader. */

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab, line
 * feed and carriage return, U+FFFE/U+FFFF and unpaired surrogates.
 */
export const ILLEGAL_XML_CHARACTER =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every XML parser turns CR LF and lone CR into LF, so that is what Yuki receives anyway. */
export function normaliseLineEnds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
