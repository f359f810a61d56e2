import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alphabetical, optionsCollection } from '../../../../nodes/Yuki/helpers/parameters';
import { YUKI_NODE_TYPE, YUKI_TRIGGER_NODE_TYPE } from '../../../helpers';
import { packageNodeType } from '../../../../scripts/harness/nodeTypes';

/** Every name and display name in a description (fields, options, collection entries). */
function namesIn(value: unknown, names = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const entry of value) namesIn(entry, names);
	else if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			if ((key === 'name' || key === 'displayName') && typeof inner === 'string') names.add(inner);
			else namesIn(inner, names);
		}
	}
	return names;
}

describe('alphabetical order of fields and options', () => {
	it('is the order localeCompare gives (what n8n’s lint asks for), for every name of both nodes', () => {
		const names = [...namesIn([YUKI_NODE_TYPE, YUKI_TRIGGER_NODE_TYPE].map((type) => packageNodeType(type).description.properties))];
		assert.ok(names.length > 200, `only ${names.length} names found`);
		const disagreements: string[] = [];
		for (const a of names) {
			for (const b of names) {
				if (Math.sign(alphabetical(a, b)) !== Math.sign(a.localeCompare(b))) disagreements.push(`${a} / ${b}`);
			}
		}
		assert.deepEqual(disagreements.slice(0, 10), []);
	});

	it('puts lower case first on a tie and ignores case otherwise, as localeCompare does', () => {
		assert.deepEqual(['b', 'B', 'a', 'A', 'Ab', 'aB'].sort(alphabetical), ['a', 'A', 'aB', 'Ab', 'b', 'B']);
		assert.deepEqual(['b', 'B', 'a', 'A', 'Ab', 'aB'].sort((x, y) => x.localeCompare(y)), ['a', 'A', 'aB', 'Ab', 'b', 'B']);
	});

	it('sorts an Options collection by display name, Timeout included', () => {
		const collection = optionsCollection([
			{ displayName: 'Ignore Case', name: 'caseInsensitive', type: 'boolean', default: false },
			{ displayName: 'Confirm Absent References (Calls)', name: 'confirmAbsent', type: 'number', default: 0 },
		]);
		assert.deepEqual(
			(collection.options as Array<{ displayName: string }>).map((option) => option.displayName),
			['Confirm Absent References (Calls)', 'Ignore Case', 'Timeout (Seconds)'],
		);
	});
});
