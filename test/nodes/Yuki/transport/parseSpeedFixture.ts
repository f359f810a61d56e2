/** A synthetic open-items answer of about `targetBytes`, shaped like Yuki's (see the fixtures). */
export function openItemsAnswer(targetBytes: number): { xml: string; count: number } {
	const items: string[] = [];
	let size = 0;
	for (let index = 0; size < targetBytes; index++) {
		const amount = `${(index % 9000) + 10}.${String(index % 100).padStart(2, '0')}`;
		const entry =
			`<Item ID="${index.toString(16).padStart(8, '0')}-b010-4f78-876c-46b113249096"><Date>2026-10-${String((index % 28) + 1).padStart(2, '0')}</Date>` +
			`<Description>Factuur ${index} voor Bakkerij &amp; Zonen</Description><Contact>Klant ${index % 500}</Contact>` +
			`<ContactID>a79d3806-829e-48ea-833e-469dd282c109</ContactID><OpenAmount>${amount}</OpenAmount><OriginalAmount>${amount}</OriginalAmount>` +
			`<Type ID="6">Verkoopfactuur</Type><Reference>VF-${index}</Reference><DueDate>2026-11-30</DueDate><PaymentMethod>Overschrijving</PaymentMethod>` +
			`<ContactCode /><CoCNumber /><VATNumber>NL820471616B01</VATNumber><AddressLine_1>Papendorpseweg 100</AddressLine_1><AddressLine_2 />` +
			`<Postcode>3528 BJ</Postcode><City>UTRECHT</City><MailAddressLine_1 /><MailAddressLine_2 /><MailPostcode /><MailCity /><Country>NL</Country>` +
			`<RecipientEmail /><PhoneHome /><PhoneWork /><EmailHome /><EmailWork>info@example.nl</EmailWork></Item>\n`;
		items.push(entry);
		size += entry.length;
	}
	const xml =
		'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		'<OutstandingDebtorItemsResponse xmlns="http://www.theyukicompany.com/"><OutstandingDebtorItemsResult><OutstandingDebtorItems xmlns="">\n' +
		items.join('') +
		'</OutstandingDebtorItems></OutstandingDebtorItemsResult></OutstandingDebtorItemsResponse></soap:Body></soap:Envelope>';
	return { xml, count: items.length };
}
