import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { DecimalField, DocumentSpec } from '../../../../nodes/Yuki/documents/fields';
import { purchaseInvoiceDocument } from '../../../../nodes/Yuki/documents/purchaseInvoice';
import { salesInvoiceDocument } from '../../../../nodes/Yuki/documents/salesInvoice';
import { describeIssues, validateRecord } from '../../../../nodes/Yuki/documents/validate';
import type { ValidateOptions } from '../../../../nodes/Yuki/documents/validate';
import { purchaseInput, salesInput } from './samples';

/** The one-line message a user sees for item 3 (n8n's 0-based index) of this input. */
function errorFor(input: unknown, spec: DocumentSpec = salesInvoiceDocument, options?: ValidateOptions): string {
	const result = validateRecord(spec, input, options);
	assert.equal(result.ok, false, 'expected the input to be refused');
	return describeIssues(result.ok ? [] : result.issues, 3);
}

function normalised(input: unknown, spec: DocumentSpec = salesInvoiceDocument, options?: ValidateOptions) {
	const result = validateRecord(spec, input, options);
	if (!result.ok) assert.fail(describeIssues(result.issues, 0));
	return result.record;
}

function withLine(change: (line: Record<string, any>) => void): Record<string, any> {
	const input = salesInput();
	change(input.invoiceLines[0]);
	return input;
}

describe('validateRecord: valid input', () => {
	it('accepts both sample invoices and writes every value in canonical form', () => {
		const sales = normalised(salesInput());
		assert.equal(sales.process, 'true');
		const [first, second] = sales.invoiceLines as any[];
		assert.deepEqual(first.product, { description: 'Consultancy', salesPrice: '95.0000', vatPercentage: '21.00', vatType: '1', glAccountCode: '8000' });
		assert.equal(first.productQuantity, '12.0000');
		assert.equal(second.product.salesPrice, '26.4000');
		const purchase = normalised(purchaseInput(), purchaseInvoiceDocument);
		assert.equal(purchase.invoiceAmount, '121.00');
		assert.equal((purchase.invoiceLines as any[])[0].lineVatType, '11');
	});

	it('treats null, undefined and empty text as not given', () => {
		const input = salesInput();
		Object.assign(input, { subject: null, dueDate: undefined, remarks: '', contactPerson: {} });
		input.contact.firstName = '';
		const record = normalised(input);
		for (const key of ['subject', 'dueDate', 'remarks', 'contactPerson']) assert.equal(key in record, false, key);
		assert.equal('firstName' in (record.contact as any), false);
	});

	it('accepts one line object where a list is expected', () => {
		const input = salesInput();
		input.invoiceLines = input.invoiceLines[0];
		assert.equal((normalised(input).invoiceLines as any[]).length, 1);
	});

	it('converts numbers and booleans in text fields to text', () => {
		const input = salesInput();
		input.reference = 20240042;
		input.subject = true;
		const record = normalised(input);
		assert.equal(record.reference, '20240042');
		assert.equal(record.subject, 'true');
	});

	it('normalises booleans, integers and choices to what Yuki expects', () => {
		const input = salesInput();
		Object.assign(input, { process: 'TRUE', emailToCustomer: 'False', paymentMethod: 'electronictransfer' });
		input.invoiceLines[0].product.vatType = '007';
		input.invoiceLines[0].accrualPeriods = '+12';
		input.contact.gender = 'female';
		const record = normalised(input);
		assert.equal(record.process, 'true');
		assert.equal(record.emailToCustomer, 'false');
		assert.equal(record.paymentMethod, 'ElectronicTransfer');
		assert.equal((record.contact as any).gender, 'Female');
		assert.equal((record.invoiceLines as any[])[0].product.vatType, '7');
		assert.equal((record.invoiceLines as any[])[0].accrualPeriods, '12');
	});

	it('turns float noise into exact amounts', () => {
		const record = normalised(withLine((line) => {
			line.productQuantity = 1;
			line.product.salesPrice = 0.1 + 0.2;
			line.lineAmount = 0.1 + 0.2;
			line.lineVatAmount = undefined;
		}));
		assert.equal((record.invoiceLines as any[])[0].lineAmount, '0.30');
		assert.equal((record.invoiceLines as any[])[0].product.salesPrice, '0.3000');
	});

	it('reads dates from ISO date-times, luxon DateTimes and JS Dates in the given time zone', () => {
		const late = '2024-03-31T22:30:00Z'; // 00:30 on 1 April in Amsterdam (summer time)
		assert.equal(normalised({ ...salesInput(), date: late }).date, '2024-04-01');
		assert.equal(normalised({ ...salesInput(), date: late }, salesInvoiceDocument, { timeZone: 'UTC' }).date, '2024-03-31');
		assert.equal(normalised({ ...salesInput(), date: new Date(late) }).date, '2024-04-01');
		const dateTime = DateTime.fromISO('2024-03-31T00:15:00', { zone: 'Europe/Amsterdam' });
		assert.equal(normalised({ ...salesInput(), date: dateTime }).date, '2024-03-31');
		assert.equal(normalised({ ...salesInput(), date: ' 2024-02-29 ' }).date, '2024-02-29');
		assert.equal(normalised({ ...salesInput(), date: '2024-03-31 23:30:00' }).date, '2024-03-31', 'SQL style, read in the zone');
		assert.equal(normalised({ ...salesInput(), date: '2024-03-31 23:30:00+00:00' }).date, '2024-04-01');
	});

	it('strips line breaks from base64 content and joins CR LF to LF in text', () => {
		const input = purchaseInput();
		input.documentBase64 = 'JVBE\r\nRi0x\nLjQK';
		input.remarks = 'first\r\nsecond\rthird';
		const record = normalised(input, purchaseInvoiceDocument);
		assert.equal(record.documentBase64, 'JVBERi0xLjQK');
		assert.equal(record.remarks, 'first\nsecond\nthird');
	});

	it('ignores unknown keys when asked to', () => {
		const record = normalised({ ...salesInput(), id: 17, customerNote: 'x' }, salesInvoiceDocument, { unknownKeys: 'ignore' });
		assert.equal('id' in record, false);
	});
});

describe('validateRecord: messages name the item, the path, the label and what is allowed', () => {
	it('required fields', () => {
		const input = salesInput();
		delete input.date;
		input.contact.fullName = null;
		assert.equal(errorFor(input), 'Item 3: date (Date) is required; contact.fullName (Full Name) is required');
		assert.equal(errorFor({ ...salesInput(), contact: {} }), 'Item 3: contact (Contact) is required');
		assert.equal(errorFor({ ...salesInput(), invoiceLines: [] }), 'Item 3: invoiceLines (Invoice Lines) is required (allowed: 1 to 1000 entries)');
		assert.equal(errorFor(withLine((line) => delete line.product.salesPrice)), 'Item 3: invoiceLines[0].product.salesPrice (Sales Price) is required');
	});

	it('text: objects, control characters, length and pattern', () => {
		assert.equal(errorFor({ ...salesInput(), subject: { a: 1 } }), 'Item 3: subject (Subject) must be text, not an object (allowed: text, numbers are converted to text)');
		assert.equal(
			errorFor({ ...salesInput(), subject: 'Bad\u0007bell' }),
			'Item 3: subject (Subject) contains the control character U+0007 at position 4, which XML cannot carry (allowed: any text; of the control characters only tab, line feed and carriage return)',
		);
		assert.equal(normalised({ ...salesInput(), subject: 'tab\there\nnew line' }).subject, 'tab\there\nnew line');
		assert.equal(errorFor({ ...salesInput(), subject: 'x'.repeat(256) }), 'Item 3: subject (Subject) is 256 characters long (allowed: at most 255 characters)');
		assert.equal(errorFor({ ...salesInput(), currency: 'euro' }), 'Item 3: currency (Currency) is "euro", which is not allowed (allowed: a three-letter ISO currency code such as EUR)');
	});

	it('decimals: over-precision, separators, type and range', () => {
		assert.equal(
			errorFor(withLine((line) => (line.product.salesPrice = '95.12345'))),
			'Item 3: invoiceLines[0].product.salesPrice (Sales Price) has more than 4 decimals (allowed: a number with at most 4 decimals, a dot as the decimal separator and no thousands separators, e.g. 1234.5000)',
		);
		assert.equal(
			errorFor({ ...purchaseInput(), invoiceAmount: '1.210,00' }, purchaseInvoiceDocument),
			'Item 3: invoiceAmount (Invoice Amount) is ambiguous: use a dot as the decimal separator and no thousands separators, e.g. 1234.50 (allowed: a number with at most 2 decimals, a dot as the decimal separator and no thousands separators, e.g. 1234.50)',
		);
		assert.match(errorFor({ ...purchaseInput(), invoiceAmount: true }, purchaseInvoiceDocument), /^Item 3: invoiceAmount \(Invoice Amount\) must be a number or a numeric string \(allowed: a number with at most 2 decimals/);
		assert.equal(
			errorFor(withLine((line) => (line.product.vatPercentage = '121'))),
			'Item 3: invoiceLines[0].product.vatPercentage (VAT Percentage) is 121.00, which is out of range (allowed: a number from 0 to 100 with at most 2 decimals, a dot as the decimal separator and no thousands separators, e.g. 1234.50)',
		);
	});

	it('integers: type and range', () => {
		assert.equal(errorFor(withLine((line) => (line.product.vatType = '1.5'))), 'Item 3: invoiceLines[0].product.vatType (VAT Type) is "1.5", which is not a whole number (allowed: a whole number of at least 0)');
		assert.equal(errorFor(withLine((line) => (line.accrualPeriods = 1000))), 'Item 3: invoiceLines[0].accrualPeriods (Accrual Periods) is 1000, which is out of range (allowed: a whole number from 1 to 999)');
		assert.equal(errorFor(withLine((line) => (line.product.vatType = [1]))), 'Item 3: invoiceLines[0].product.vatType (VAT Type) must be a whole number, not a list (allowed: a whole number of at least 0)');
	});

	it('booleans', () => {
		assert.equal(errorFor({ ...salesInput(), process: 'yes' }), 'Item 3: process (Process) is "yes" (allowed: true or false)');
		assert.equal(errorFor({ ...salesInput(), process: 1 }), 'Item 3: process (Process) is "1" (allowed: true or false)');
	});

	it('dates: impossible dates and other formats', () => {
		assert.equal(errorFor({ ...salesInput(), date: '2024-02-30' }), 'Item 3: date (Date) is "2024-02-30", a date that does not exist (use YYYY-MM-DD, e.g. 2024-03-31)');
		assert.equal(errorFor({ ...salesInput(), date: '31-03-2024' }), 'Item 3: date (Date) is "31-03-2024", which is not a date (use YYYY-MM-DD, e.g. 2024-03-31)');
		assert.equal(errorFor({ ...salesInput(), date: '2024-13-01T10:00:00Z' }), 'Item 3: date (Date) is "2024-13-01T10:00:00Z", which is not a valid date (use YYYY-MM-DD, e.g. 2024-03-31)');
		assert.equal(errorFor({ ...salesInput(), date: 20240331 }), 'Item 3: date (Date) must be a date, not a number (use YYYY-MM-DD, e.g. 2024-03-31)');
		assert.equal(errorFor({ ...salesInput(), date: new Date('nonsense') }), 'Item 3: date (Date) is an invalid date, which is not a valid date (use YYYY-MM-DD, e.g. 2024-03-31)');
	});

	it('choices: the allowed values, with a suggestion when one is close', () => {
		assert.equal(
			errorFor({ ...salesInput(), paymentMethod: 'ElectronicTransfr' }),
			'Item 3: paymentMethod (Payment Method) is "ElectronicTransfr", which is not allowed (allowed: Unspecified, ElectronicTransfer, DirectCollection, Cash, DebitCard, CreditCard, ReceivedElectronically, ReceivedCash, ToSettle, iDeal, Online). Did you mean "ElectronicTransfer"?',
		);
		assert.equal(
			errorFor({ ...salesInput(), contact: { fullName: 'A', contactType: 'Bedrijf' } }),
			'Item 3: contact.contactType (Contact Type) is "Bedrijf", which is not allowed (allowed: Person, Company)',
		);
	});

	it('base64: alphabet, padding and emptiness', () => {
		assert.equal(
			errorFor({ ...purchaseInput(), documentBase64: 'JVBERi0x*jQK' }, purchaseInvoiceDocument),
			'Item 3: documentBase64 (Document) contains "*", which is not base64 (allowed: base64 text, the letters A–Z and a–z, digits, + and /, with = padding at the end)',
		);
		assert.equal(
			errorFor({ ...purchaseInput(), documentBase64: 'JVBERi0=xLjQ' }, purchaseInvoiceDocument),
			'Item 3: documentBase64 (Document) is not complete base64: its length or = padding is wrong (allowed: base64 text, the letters A–Z and a–z, digits, + and /, with = padding at the end)',
		);
		assert.match(errorFor({ ...purchaseInput(), documentBase64: ' \n ' }, purchaseInvoiceDocument), /^Item 3: documentBase64 \(Document\) is empty \(allowed: base64/);
	});

	it('groups and lists: shape and number of entries', () => {
		assert.equal(
			errorFor({ ...salesInput(), contact: 'Bakkerij' }),
			'Item 3: contact (Contact) must be an object, not a string (allowed keys: contactCode, fullName, firstName, middleName, lastName, gender, countryCode, city, zipcode, addressLine1, addressLine2, emailAddress, website, cocNumber, vatNumber, contactType, bankAccount, phoneHome, mobileHome)',
		);
		assert.match(errorFor({ ...salesInput(), invoiceLines: 'one line' }), /^Item 3: invoiceLines \(Invoice Lines\) must be a list of objects, not a string \(allowed: a list of entries with the keys description, remarks, productQuantity/);
		assert.match(errorFor({ ...salesInput(), invoiceLines: [salesInput().invoiceLines[0], 7] }), /^Item 3: invoiceLines\[1\] \(Invoice Lines\) must be an object, not a number \(allowed keys: description, /);
		const tooMany = Array.from({ length: 1001 }, () => salesInput().invoiceLines[1]);
		assert.equal(errorFor({ ...salesInput(), invoiceLines: tooMany }), 'Item 3: invoiceLines (Invoice Lines) has 1001 entries (allowed: 1 to 1000 entries)');
	});

	it('unknown keys: named, with the allowed keys and a suggestion', () => {
		assert.equal(
			errorFor({ ...salesInput(), Reference: 'x', colour: 'red' }),
			'Item 3: sales invoice has unknown keys "Reference", "colour" (allowed keys: reference, subject, paymentMethod, paymentId, process, emailToCustomer, layout, date, dueDate, priceList, currency, projectId, projectCode, remarks, documentFileName, documentBase64, contact, contactPerson, invoiceLines). Did you mean "reference" for "Reference"?',
		);
		assert.equal(
			errorFor(withLine((line) => (line.product.price = 95))),
			'Item 3: invoiceLines[0].product (Product) has unknown key "price" (allowed keys: description, reference, category, salesPrice, vatPercentage, vatIncluded, vatType, vatDescription, glAccountCode, remarks)',
		);
	});

	it('a record that is not an object', () => {
		assert.match(errorFor([salesInput()]), /^Item 3: sales invoice must be an object, not a list \(allowed keys: reference, /);
	});

	it('reports every problem of an item at once', () => {
		const input = salesInput();
		input.date = '2024-02-30';
		input.invoiceLines[1].product.salesPrice = '1,5';
		const result = validateRecord(salesInvoiceDocument, input);
		assert.equal(result.ok, false);
		assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path), ['date', 'invoiceLines[1].product.salesPrice']);
	});
});

describe('describeIssues', () => {
	it('lists at most 25 issues and counts the rest', () => {
		const input = salesInput();
		input.invoiceLines = Array.from({ length: 30 }, () => ({ productQuantity: 'x', product: { description: 'p', salesPrice: 1, vatPercentage: 21, vatType: 1 } }));
		const result = validateRecord(salesInvoiceDocument, input);
		const message = describeIssues(result.ok ? [] : result.issues, 0);
		assert.ok(message.includes('invoiceLines[24].productQuantity (Quantity) is not a number'));
		assert.ok(!message.includes('invoiceLines[25]'));
		assert.ok(message.endsWith('; and 5 more issues'));
	});
});

describe('validateRecord: cross-field rules', () => {
	it('purchase: Reference is required when Process is true', () => {
		const input = purchaseInput();
		delete input.reference;
		assert.equal(errorFor(input, purchaseInvoiceDocument), 'Item 3: reference (Reference) is required when Process is true');
		normalised({ ...input, process: false }, purchaseInvoiceDocument);
	});

	it('sales: a custom PDF needs its file name and the other way round', () => {
		assert.equal(errorFor({ ...salesInput(), documentFileName: 'f.pdf' }), 'Item 3: documentFileName (Document File Name) give both the PDF and its file name, or neither');
	});

	it('sales line totals: Line Amount must be quantity × price, to the cent', () => {
		assert.equal(
			errorFor(withLine((line) => Object.assign(line, { lineAmount: '1150.00', lineVatAmount: undefined }))),
			'Item 3: invoiceLines[0].lineAmount (Line Amount) is 1150.00 but Quantity × Sales Price is 1140.00 (12.0000 × 95.0000 rounded to cents, a difference of at most 0.01 is allowed)',
		);
		// 3 × 3.3333 = 9.9999 → 10.00; one cent off is rounding, not a mistake.
		normalised(withLine((line) => Object.assign(line, { productQuantity: 3, lineAmount: '9.99', lineVatAmount: undefined, product: { ...line.product, salesPrice: '3.3333' } })));
		normalised(withLine((line) => Object.assign(line, { productQuantity: 3, lineAmount: '10.01', lineVatAmount: undefined, product: { ...line.product, salesPrice: '3.3333' } })));
		assert.match(errorFor(withLine((line) => Object.assign(line, { productQuantity: 3, lineAmount: '10.02', lineVatAmount: undefined, product: { ...line.product, salesPrice: '3.3333' } }))), /lineAmount \(Line Amount\) is 10.02 but Quantity × Sales Price is 10.00/);
	});

	it('sales line totals: Line VAT Amount must be Line Amount × VAT % / 100, to the cent', () => {
		assert.equal(
			errorFor(withLine((line) => (line.lineVatAmount = '240.00'))),
			'Item 3: invoiceLines[0].lineVatAmount (Line VAT Amount) is 240.00 but Line Amount × VAT Percentage / 100 is 239.40 (1140.00 × 21.00 / 100 rounded to cents, a difference of at most 0.01 is allowed)',
		);
		normalised(withLine((line) => (line.lineVatAmount = '239.41')));
	});

	it('sales line totals: credit lines, prices including VAT and lines without amounts', () => {
		normalised(withLine((line) => Object.assign(line, { productQuantity: '-2', lineAmount: '-190.00', lineVatAmount: '-39.90' })));
		normalised(withLine((line) => Object.assign(line, { lineAmount: '1', product: { ...line.product, vatIncluded: true } })));
		normalised(withLine((line) => Object.assign(line, { lineAmount: undefined, lineVatAmount: '1.00' })));
	});

	it('names the right line when several are wrong', () => {
		const input = salesInput();
		input.invoiceLines[1].lineAmount = '30.00';
		input.invoiceLines.push({ ...input.invoiceLines[0], lineVatAmount: '1.00' });
		const result = validateRecord(salesInvoiceDocument, input);
		assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path), ['invoiceLines[1].lineAmount', 'invoiceLines[2].lineVatAmount']);
	});

	it('runs the rules only on records whose fields are valid', () => {
		const input = purchaseInput();
		delete input.reference;
		input.date = 'tomorrow';
		const result = validateRecord(purchaseInvoiceDocument, input);
		assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path), ['date']);
	});

	it('the rule keeps a plain check() for callers that only read one message', () => {
		const input = normalised(salesInput());
		(input.invoiceLines as any[])[1].lineAmount = '99.00';
		const rule = salesInvoiceDocument.rules.find((candidate) => candidate.findAll)!;
		assert.match(rule.check(input)!, /^invoiceLines\[1\]\.lineAmount: is 99.00 but Quantity × Sales Price is 26.40/);
	});
});

describe('validateRecord: objects from elsewhere', () => {
	it('accepts objects made in another realm, as a sandboxed expression may return them', async () => {
		const { runInNewContext } = await import('node:vm');
		const foreign = runInNewContext('({ fullName: "Vreemd B.V." })');
		assert.notEqual(Object.getPrototypeOf(foreign), Object.prototype);
		assert.deepEqual(normalised({ ...salesInput(), contact: foreign }).contact, { fullName: 'Vreemd B.V.' });
	});

	it('does not take dates for objects', () => {
		assert.match(errorFor({ ...salesInput(), contact: DateTime.now() }), /^Item 3: contact \(Contact\) must be an object, not a date/);
	});
});

/** A fixed pseudo-random sequence (the same values on every run). */
function seeded(seed: number): (below: number) => number {
	let state = seed;
	return (below) => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state % below;
	};
}

describe('validateRecord: quick paths agree with the exact ones', () => {
	const random = seeded(13);
	const amount = (digits: number, scale: number) => {
		const units = String(random(10 ** Math.min(digits, 9))).padStart(scale + 1, '0') + (digits > 9 ? String(random(1e6)) : '');
		const sign = random(5) === 0 ? '-' : '';
		return sign + (scale > 0 ? `${units.slice(0, units.length - scale)}.${units.slice(units.length - scale)}` : units);
	};
	const decimal = (xml: string, decimals: number, limits: { min?: number; max?: number } = {}): DecimalField => ({ xml, kind: 'decimal', decimals, label: xml, description: xml, ...limits });
	const fields = [decimal('A', 2), decimal('B', 4, { min: 0 }), decimal('C', 2, { min: 0, max: 100 }), decimal('D', 0), decimal('E', 2, { min: 0.01 })];
	const spec = (field: DecimalField): DocumentSpec => ({ name: 'test', root: 'R', namespace: 'urn:t', record: 'X', rules: [], fields: [field] });
	const canonical = (field: DecimalField, value: unknown): string => {
		const result = validateRecord(spec(field), { [field.xml.toLowerCase()]: value });
		return result.ok ? String(result.record[field.xml.toLowerCase()]) : 'refused';
	};

	it('writes every decimal as the exact reading does: plain text, leading zeros, signs, extra zeros, limits', () => {
		const cases: Array<[number, unknown, string]> = [
			[0, '100', '100.00'],
			[0, '007.5', '7.50'],
			[0, '-0.00', '0.00'],
			[0, '-0', '0.00'],
			[0, '1.500', '1.50'],
			[0, '1.505', 'refused'],
			[0, '+5', '5.00'],
			[0, ' 5 ', '5.00'],
			[0, '5.', 'refused'],
			[0, '.5', 'refused'],
			[0, '1,5', 'refused'],
			[0, -5, '-5.00'],
			[0, -0, '0.00'],
			[0, 26.4, '26.40'],
			[0, 999999999999999, '999999999999999.00'],
			[0, '123456789012345678.12', '123456789012345678.12'],
			[1, '50', '50.0000'],
			[1, '-0.0001', 'refused'],
			[2, '100.00', '100.00'],
			[2, '100.01', 'refused'],
			[2, 100, '100.00'],
			[2, 101, 'refused'],
			[3, '12', '12'],
			[3, '12.0', '12'],
			[3, '12.5', 'refused'],
			[4, '0.01', '0.01'],
			[4, '0.00', 'refused'],
			[4, 1, '1.00'],
		];
		for (const [field, value, expected] of cases) assert.equal(canonical(fields[field], value), expected, `${fields[field].xml} ${JSON.stringify(value)}`);
	});

	it('agrees with the line totals rule worked out exactly, for lines that pass and lines that do not', () => {
		const failing = { description: 'x', productQuantity: '1', lineAmount: '1.00', product: { description: 'x', salesPrice: '9', vatPercentage: '0', vatType: 1 } };
		for (let round = 0; round < 2000; round++) {
			const quantity = amount(1 + random(6), 4).replace('-', '');
			const price = amount(1 + random(11), 4);
			const percentage = amount(1 + random(3), 2).replace('-', '');
			const near = (value: number) => ((Math.round(value * 100) + random(5) - 2) / 100).toFixed(2);
			const lineAmount = random(3) === 0 ? amount(1 + random(14), 2) : near(Number(quantity) * Number(price));
			const lineVatAmount = random(3) === 0 ? amount(1 + random(10), 2) : near((Number(lineAmount) * Number(percentage)) / 100);
			const line = { description: 'x', productQuantity: quantity, lineAmount, lineVatAmount, product: { description: 'x', salesPrice: price, vatPercentage: percentage, vatType: 1 } };
			const alone = validateRecord(salesInvoiceDocument, { ...salesInput(), invoiceLines: [line] });
			// With a failing line beside it, every line is checked the exact way.
			const exact = validateRecord(salesInvoiceDocument, { ...salesInput(), invoiceLines: [line, failing] });
			const issuesOf = (result: ReturnType<typeof validateRecord>) => (result.ok ? [] : result.issues.filter((issue) => issue.path.startsWith('invoiceLines[0]')));
			assert.deepEqual(issuesOf(alone), issuesOf(exact), JSON.stringify(line));
		}
	});
});
