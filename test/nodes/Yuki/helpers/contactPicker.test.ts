import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContactConflictError, pickedContact, withPickedContact } from '../../../../nodes/Yuki/helpers/contactPicker';

describe('Existing Contact picker', () => {
	it('reads a pick from the list (code and name) or a typed code, and nothing from an empty field', () => {
		assert.deepEqual(pickedContact({ __rl: true, mode: 'list', value: 'K1001', cachedResultName: 'Bakkerij De Korenaar' }), {
			code: 'K1001',
			name: 'Bakkerij De Korenaar',
		});
		assert.deepEqual(pickedContact({ __rl: true, mode: 'code', value: ' K1002 ' }), { code: 'K1002', name: undefined });
		assert.equal(pickedContact({ __rl: true, mode: 'list', value: '' }), undefined);
		assert.equal(pickedContact(''), undefined);
	});

	it('gives the invoice the contact code, and the picked name unless the form has one', () => {
		const picked = { code: 'K1001', name: 'Bakkerij De Korenaar' };
		assert.deepEqual(withPickedContact({ date: '2026-03-31' }, picked), {
			date: '2026-03-31',
			contact: { contactCode: 'K1001', fullName: 'Bakkerij De Korenaar' },
		});
		assert.deepEqual(withPickedContact({ contact: { fullName: 'De Korenaar B.V.', city: 'Utrecht' } }, picked), {
			contact: { fullName: 'De Korenaar B.V.', city: 'Utrecht', contactCode: 'K1001' },
		});
		assert.deepEqual(withPickedContact({ contact: { fullName: 'X' } }, undefined), { contact: { fullName: 'X' } });
	});

	it('refuses two different contact codes instead of picking one', () => {
		assert.throws(() => withPickedContact({ contact: { contactCode: 'K2000' } }, { code: 'K1001' }), ContactConflictError);
		assert.doesNotThrow(() => withPickedContact({ contact: { contactCode: 'K1001' } }, { code: 'K1001' }));
	});
});
