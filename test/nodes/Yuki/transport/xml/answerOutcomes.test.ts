/**
 * The reading of Yuki's answers was made fast (fewer strings and objects per element, no
 * per-event wrappers); what it reads and what it refuses must not have changed. Every odd
 * answer of `oddAnswers.ts` must give the result, fault or error recorded from the reader
 * before that work (test/fixtures/transport/oddAnswerOutcomes.json): the written ones in full,
 * the thousands of cut and altered ones as fingerprints. One change since, on purpose: a fault's
 * detail written as mixed content reads in document order ("x y", was "yx").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as reader from '../../../../../nodes/Yuki/transport/results';
import { fingerprint, mutatedAnswers, outcome, writtenAnswers } from './oddAnswers';

const recorded = JSON.parse(readFileSync(join(__dirname, '../../../../fixtures/transport/oddAnswerOutcomes.json'), 'utf8')) as {
	written: Array<{ label: string; outcome: string }>;
	mutated: string;
};

describe('odd answers read as before', () => {
	it('gives the recorded result, fault or error for every written odd answer', () => {
		const answers = writtenAnswers();
		assert.equal(answers.length, recorded.written.length);
		for (const [index, answer] of answers.entries()) {
			assert.equal(outcome(reader, answer), recorded.written[index].outcome, answer.label);
		}
	});

	it('gives the recorded outcome for every answer cut short or with a character added or missing', () => {
		const answers = mutatedAnswers();
		assert.equal(answers.length * 8, recorded.mutated.length);
		for (const [index, answer] of answers.entries()) {
			const expected = recorded.mutated.slice(index * 8, index * 8 + 8);
			if (fingerprint(outcome(reader, answer)) !== expected) assert.fail(`${answer.label}: ${outcome(reader, answer)}`);
		}
	});

	it('still refuses what is not well-formed, a DOCTYPE and unknown entities, and reads a bad value as a malformed answer', () => {
		const byLabel = new Map(writtenAnswers().map((answer) => [answer.label, outcome(reader, answer)]));
		assert.match(byLabel.get('corpus 19 (sales)') ?? '', /^MalformedAnswerError: not well-formed XML: DOCTYPE declarations are not accepted/);
		assert.match(byLabel.get('corpus 20 (sales)') ?? '', /^MalformedAnswerError: not well-formed XML: Unknown entity "&e;"/);
		assert.match(byLabel.get('corpus 21 (sales)') ?? '', /^MalformedAnswerError: not well-formed XML: End tag <\/Referenc> does not close <Reference>/);
		assert.match(byLabel.get('corpus 4 (sales)') ?? '', /^MalformedAnswerError: Invoice\.Succeeded is not true or false: "yes"/);
		assert.match(byLabel.get('corpus 17 (sales)') ?? '', /^fault .*Session & expired/);
	});
});
