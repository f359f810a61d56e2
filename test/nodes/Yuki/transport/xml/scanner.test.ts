import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createYukiClient } from '../../../../helpers/n8nRequest';
import { resetTransportCaches } from '../../../../../nodes/Yuki/transport/client';
import { parseXml, textInOrder, XmlSyntaxError } from '../../../../../nodes/Yuki/transport/xml/scanner';
import type { YukiError } from '../../../../../nodes/Yuki/transport/types';
import type { FakeYuki } from '../fakeYuki';
import { startFakeYuki, uniqueAccessKey } from '../fakeYuki';

describe('parseXml', () => {
	it('reads elements by local name, attributes, entities, character references, CDATA and comments', () => {
		const root = parseXml(
			'\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- before --><s:Envelope xmlns:s="urn:s" xmlns="urn:d">' +
				'<s:Body a:ID=\'7\' plain="x &amp; y &#39;z&#x27;" xmlns:a="urn:a">' +
				'<Text>Koffie &amp; thee &lt;extra&gt; &quot;vers&quot; &apos;nu&apos; &#8364; &#x1F600;</Text>' +
				'<Data><![CDATA[<not> & parsed]]></Data><!-- comment <x> --><Empty/><Spaced   /></s:Body></s:Envelope>',
		);
		assert.equal(root.name, 'Envelope');
		const body = root.children[0];
		assert.equal(body.name, 'Body');
		assert.deepEqual(body.attributes, { ID: '7', plain: "x & y 'z'" });
		assert.deepEqual(
			body.children.map((child) => [child.name, child.text]),
			[
				['Text', 'Koffie & thee <extra> "vers" \'nu\' € 😀'],
				['Data', '<not> & parsed'],
				['Empty', ''],
				['Spaced', ''],
			],
		);
	});

	it('normalises line ends in text and line breaks in attribute values, as XML requires', () => {
		const root = parseXml('<r a="x\r\ny\tz"><v>line 1\r\nline 2\rline 3&#13;</v></r>');
		assert.equal(root.children[0].text, 'line 1\nline 2\nline 3\r');
		assert.equal(root.attributes.a, 'x y z');
	});

	it('reads each name exactly where records repeat their children in one order and then differ', () => {
		// The reader first tries the name that followed the previous tag last time: a longer name,
		// a prefixed one, or a name cut short by "<" must still be read as written.
		const record = '<Item><p>1</p><Code>2</Code><Name>a</Name></Item>';
		const odd = '<Item><p:Code xmlns:p="u">3</p:Code><CodeX>4</CodeX><Code/><Name\n>b</Name ></Item>';
		const root = parseXml(`<List>${record}${record}${odd}${record}</List>`);
		assert.deepEqual(
			root.children.map((item) => item.children.map((child) => `${child.name}=${child.text}`).join(' ')),
			['p=1 Code=2 Name=a', 'p=1 Code=2 Name=a', 'Code=3 CodeX=4 Code= Name=b', 'p=1 Code=2 Name=a'],
		);
		assert.throws(() => parseXml(`<List>${record}${record}<Item><p<x/></p></Item></List>`), /Invalid start tag/);
		assert.throws(() => parseXml(`<List>${record}${record}<Item><p>1</p><Code`), /truncated/);
	});

	it('refuses what is not well-formed, and says so for a truncated document', () => {
		const bad = ['<a><b></a>', '<a>', '<a></a><b/>', 'text', '<a x=1/>', '<a>&unknown;</a>', '<a>&#0;</a>', '<a>R&D</a>', ''];
		for (const xml of bad) assert.throws(() => parseXml(xml), XmlSyntaxError, xml);
		assert.throws(() => parseXml('<Envelope><Body><Result>12'), /truncated/);
	});

	it('refuses a DOCTYPE, so no entity (internal or external) is ever expanded', () => {
		const secretFile = join(mkdtempSync(join(tmpdir(), 'yuki-xxe-')), 'secret.txt');
		writeFileSync(secretFile, 'TOP-SECRET-CONTENT');
		const payloads = [
			`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://${secretFile}">]><r>&x;</r>`,
			'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>',
			'<!doctype r SYSTEM "http://127.0.0.1:1/evil.dtd"><r/>',
		];
		for (const payload of payloads) assert.throws(() => parseXml(payload), /DOCTYPE declarations are not accepted/);
	});
});

describe('textInOrder', () => {
	it('reads a message written as mixed content as it is written, entities decoded and blanks folded', () => {
		assert.equal(textInOrder(parseXml('<Error>Schema <b>validation</b> failed</Error>')), 'Schema validation failed');
		assert.equal(textInOrder(parseXml('<detail><a>x</a>y<b><c>z &amp; w</c></b>\n  end</detail>')), 'x y z & w end');
		assert.equal(textInOrder(parseXml('<Error/>')), '');
	});

	it('reads an element built by hand (no source text) as its own text, then its children’s', () => {
		const child = { name: 'b', attributes: {}, children: [], text: 'validation' };
		assert.equal(textInOrder({ name: 'Error', attributes: {}, children: [child], text: 'Schema failed' }), 'Schema failed validation');
	});
});

describe('hostile answers through the client', () => {
	let yuki: FakeYuki;
	before(async () => {
		yuki = await startFakeYuki();
	});
	after(() => yuki.close());

	it('treats an XXE answer as malformed and never shows the file', async () => {
		resetTransportCaches();
		const secretFile = join(mkdtempSync(join(tmpdir(), 'yuki-xxe-')), 'secret.txt');
		writeFileSync(secretFile, 'TOP-SECRET-CONTENT');
		yuki.reply('Administrations', {
			body: `<?xml version="1.0"?><!DOCTYPE soap:Envelope [<!ENTITY x SYSTEM "file://${secretFile}">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><AdministrationsResponse xmlns="http://www.theyukicompany.com/"><AdministrationsResult><Administrations xmlns=""><Administration ID="1"><Name>&x;</Name></Administration></Administrations></AdministrationsResult></AdministrationsResponse></soap:Body></soap:Envelope>`,
		});
		const client = createYukiClient({ region: 'custom', customBaseUrl: yuki.baseUrl, accessKey: uniqueAccessKey() });
		await assert.rejects(client.administrations(), (error: YukiError) => {
			assert.equal(error.kind, 'malformed');
			assert.match(error.message, /DOCTYPE/);
			assert.ok(!JSON.stringify({ ...error, message: error.message }).includes('TOP-SECRET'));
			return true;
		});
	});
});

describe('parseXml with any text', () => {
	// Characters XML 1.0 can carry (no control characters other than tab, newline, return; no lone surrogates).
	const xmlChar = fc
		.oneof(
			fc.constantFrom('<', '>', '&', '"', "'", ';', '#', ']]>', '\t', '\n', ' ', 'é', '€', '😀', '&amp;', '&#60;'),
			fc.string({ unit: 'grapheme', maxLength: 3 }),
		)
		.filter((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text));
	const xmlText = fc.array(xmlChar, { maxLength: 20 }).map((parts) => parts.join(''));

	const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
	const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

	it('reads back exactly the text and attribute values that were written (escaped or as CDATA)', () => {
		fc.assert(
			fc.property(xmlText, xmlText, (value, attribute) => {
				const escaped = parseXml(`<r a="${escapeAttribute(attribute)}"><v>${escapeText(value)}</v></r>`);
				assert.equal(escaped.children[0].text, value.trim() === '' ? '' : value);
				assert.equal(escaped.attributes.a, attribute);
				if (!value.includes(']]>')) {
					const cdata = parseXml(`<r><v><![CDATA[${value}]]></v></r>`);
					assert.equal(cdata.children[0].text, value);
				}
			}),
			{ numRuns: 500 },
		);
	});
});
