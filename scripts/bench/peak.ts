/** Peak resident memory of this process during some work, over its baseline just before it. */

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakBytes: number }> {
	gc();
	gc();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 10);
	const started = performance.now();
	try {
		const result = await work();
		const ms = performance.now() - started;
		peak = Math.max(peak, process.memoryUsage().rss);
		return { result, ms, peakBytes: peak - baseline };
	} finally {
		clearInterval(sampler);
	}
}
