/** What the credential dialog offers and hides. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { YukiApi } from '../../credentials/YukiApi.credentials';
import { YUKI_NODE_TYPE } from '../helpers';
import { packageNodeType } from '../../scripts/harness/nodeTypes';

describe('Yuki API credential', () => {
	const credential = new YukiApi();
	const field = (name: string) => credential.properties.find((property) => property.name === name);

	it('hides the access key and the client secret as passwords', () => {
		assert.equal(field('accessKey')?.typeOptions?.password, true);
		assert.equal(field('clientSecret')?.typeOptions?.password, true);
	});

	it('offers the Dutch and Belgian hosts and a custom base URL only shown for it', () => {
		const regions = (field('region')?.options as Array<{ value: string }>).map((option) => option.value);
		assert.deepEqual(regions, ['nl', 'be', 'custom']);
		assert.deepEqual(field('customBaseUrl')?.displayOptions, { show: { region: ['custom'] } });
	});

	it('is tested by the node’s yukiApiTest method', () => {
		const node = packageNodeType(YUKI_NODE_TYPE);
		assert.deepEqual(node.description.credentials, [{ name: 'yukiApi', required: true, testedBy: 'yukiApiTest' }]);
		assert.equal(typeof node.methods?.credentialTest?.yukiApiTest, 'function');
	});
});
