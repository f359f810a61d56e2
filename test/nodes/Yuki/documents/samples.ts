/** Valid inputs the document tests start from; each call returns a fresh copy to modify. */

export function salesInput(): Record<string, any> {
	return {
		reference: 'F2024-0042',
		subject: 'March consultancy',
		paymentMethod: 'ElectronicTransfer',
		process: true,
		date: '2024-03-31',
		dueDate: '2024-04-30',
		currency: 'EUR',
		contact: { contactCode: 'C-17', fullName: 'Bakkerij De Vries B.V.', countryCode: 'NL', emailAddress: 'info@devries.example', contactType: 'Company' },
		invoiceLines: [
			{
				description: 'Consultancy March',
				productQuantity: '12',
				lineAmount: '1140.00',
				lineVatAmount: '239.40',
				product: { description: 'Consultancy', salesPrice: '95.00', vatPercentage: '21', vatType: 1, glAccountCode: '8000' },
			},
			{
				description: 'Travel',
				productQuantity: 1,
				product: { description: 'Travel costs', salesPrice: 26.4, vatPercentage: 9, vatType: 2 },
			},
		],
	};
}

export function purchaseInput(): Record<string, any> {
	return {
		process: true,
		reference: 'INV-7781',
		date: '2024-03-12',
		invoiceAmount: '121.00',
		invoiceVatAmount: '21.00',
		documentFileName: 'inv-7781.pdf',
		documentBase64: 'JVBERi0xLjQK',
		contact: { fullName: 'Kantoorartikelen Jansen B.V.', bankAccount: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
		invoiceLines: [{ description: 'Paper', glAccountCode: '4500', lineAmount: '100.00', lineVatType: 11 }],
	};
}
