import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XmlParseError, childElements, escapeAttribute, escapeText, parseXml, textOf } from '../../sandbox/xml';

describe('sandbox XML reader', () => {
	it('resolves default and prefixed namespaces, entities and CDATA', () => {
		const root = parseXml(
			'<?xml version="1.0"?><!-- c --><a:Root xmlns:a="urn:a" xmlns="urn:d"><Child x=\'1 &amp; 2\'>Tom &amp; Jerry &#x20AC;<![CDATA[<raw>]]></Child><inner xmlns=""><leaf/></inner></a:Root>',
		);
		assert.equal(root.local, 'Root');
		assert.equal(root.ns, 'urn:a');
		const [child, inner] = childElements(root);
		assert.equal(child.ns, 'urn:d');
		assert.equal(child.attrs.x, '1 & 2');
		assert.equal(textOf(child), 'Tom & Jerry €<raw>');
		assert.equal(inner.ns, '');
		assert.equal(childElements(inner)[0].ns, '');
	});

	it('resolves a prefixed element to its own prefix even when a default namespace is declared beside it', () => {
		// xmlbuilder2 alone would put <a:Root xmlns="urn:d" xmlns:a="urn:a"> in urn:d.
		const root = parseXml('<a:Root xmlns="urn:d" xmlns:a="urn:a"><Child/></a:Root>');
		assert.equal(root.ns, 'urn:a');
		assert.equal(childElements(root)[0].ns, 'urn:d');
	});

	it('reads an escaped ampersand once (no double decoding of "&amp;#60;")', () => {
		assert.equal(textOf(parseXml('<a>&amp;#60; &amp;lt;</a>')), '&#60; &lt;');
		assert.equal(parseXml('<a x="&amp;#60;"/>').attrs.x, '&#60;');
	});

	it('keeps whitespace-only text and element order', () => {
		const root = parseXml('<a><b/> <c/>  </a>');
		assert.deepEqual(root.children.map((child) => (typeof child === 'string' ? child : child.name)), ['b', ' ', 'c', '  ']);
	});

	it('refuses what is not well-formed, and any DTD', () => {
		for (const bad of [
			'<a><b></a>',
			'<a>&nbsp;</a>',
			'<a>fish & chips</a>',
			'<a></a><b/>',
			'<p:a/>',
			'<a x="1" x="2"/>',
			'<a',
			'text',
			'<a><?xml version="1.0"?><b/></a>',
			'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
			'<!DOCTYPE a><a/>',
			'<a><b>',
			'<a>]]></a>',
			'<a x="<"/>',
			'<a x="1"y="2"/>',
			'<a p:x="1"/>',
			'<a>&#0;</a>',
			'<a x="&e;"/>',
			'',
			'<a/>trailing',
		]) {
			assert.throws(() => parseXml(bad), XmlParseError, bad);
		}
	});

	it('escapes text and attributes of the open items as xmlbuilder2 does', () => {
		assert.equal(escapeText(`<a href="x">'&'</a>`), `&lt;a href="x"&gt;'&amp;'&lt;/a&gt;`);
		assert.equal(escapeAttribute(`<a href="x">'&'</a>`), `&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;`);
	});
});
