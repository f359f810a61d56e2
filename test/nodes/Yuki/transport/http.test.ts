/** What a failed request means for a booking: "certainly not sent" only when that is certain. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, postXml } from '../../../../nodes/Yuki/transport/http';

const axiosLike = (code: string | undefined, message: string) => Object.assign(new Error(message), { code, isAxiosError: true });

describe('failures of the request function', () => {
	it('counts name resolution, refused connections and certificate errors as not sent', () => {
		for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
			const failure = classifyFailure(axiosLike(code, `failed: ${code}`), 1000);
			assert.equal(failure.mayHaveReachedYuki, false, code);
			assert.equal(failure.reason, 'network');
		}
	});

	it('counts a timeout, a reset, a broken answer and anything unknown as possibly processed', () => {
		assert.deepEqual(
			[classifyFailure(axiosLike('ECONNABORTED', 'timeout of 1000ms exceeded'), 1000).reason, classifyFailure(axiosLike('ECONNABORTED', 'x'), 1000).mayHaveReachedYuki],
			['timeout', true],
		);
		for (const failure of [axiosLike('ECONNRESET', 'socket hang up'), axiosLike('EPIPE', 'write EPIPE'), axiosLike(undefined, 'stream has been aborted'), new Error('something else'), 'a string']) {
			assert.equal(classifyFailure(failure, 1000).mayHaveReachedYuki, true, String(failure));
		}
	});

	it('finds the code of a wrapped error', () => {
		const wrapped = Object.assign(new Error('request failed'), { cause: axiosLike('ENOTFOUND', 'getaddrinfo ENOTFOUND api.yukiworks.example') });
		assert.equal(classifyFailure(wrapped, 1000).mayHaveReachedYuki, false);
	});

	it('treats an answer without a status as possibly processed', async () => {
		await assert.rejects(postXml(async () => 'just a body', 'http://127.0.0.1/ws/Sales.asmx', {}, Buffer.from('<a/>'), 1000), (failure: Error & { mayHaveReachedYuki?: boolean }) => {
			assert.equal(failure.mayHaveReachedYuki, true);
			return true;
		});
	});
});
