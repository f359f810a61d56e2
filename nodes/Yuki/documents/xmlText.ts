/** What XML 1.0 text can and cannot carry, shared by validation, the writer and the reader. */

/**
 * Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab, line
 * feed and carriage return, U+FFFE/U+FFFF and unpaired surrogates. (With the `u` flag a
 * well-formed surrogate pair is one code point, so the surrogate range only matches unpaired ones;
 * C1 controls U+007F–U+009F are legal XML 1.0 and excluded from `\p{Cc}`.)
 */
export const ILLEGAL_XML_CHARACTER = /(?![\t\n\r\u007F-\u009F])\p{Cc}|[\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** Every text `ILLEGAL_XML_CHARACTER` matches, and text with well-formed surrogate pairs: a plain class, quick to test. */
// eslint-disable-next-line no-control-regex -- the C0 controls XML cannot carry are what this looks for
const MAYBE_ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Whether `text` holds a character XML cannot carry; the Unicode test runs only on text that may (e.g. with emoji). */
export function hasIllegalXmlCharacter(text: string): boolean {
	return MAYBE_ILLEGAL.test(text) && ILLEGAL_XML_CHARACTER.test(text);
}

/** Every XML parser turns CR LF and lone CR into LF, so that is what Yuki receives anyway. */
export function normaliseLineEnds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
