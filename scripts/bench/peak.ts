/** Peak resident memory of this process during some work, over its baseline just before it. */

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakBytes: number }> {
	gc();
	gc();
	const baseline = process.memoryUsage().rss;
	const maxBefore = process.resourceUsage().maxRSS * 1024;
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 10);
	const started = performance.now();
	try {
		const result = await work();
		const ms = performance.now() - started;
		// Timers cannot sample inside synchronous work: the kernel's high-water mark covers it
		// whenever this run set a new one.
		const maxAfter = process.resourceUsage().maxRSS * 1024;
		peak = Math.max(peak, process.memoryUsage().rss, maxAfter > maxBefore ? maxAfter : 0);
		return { result, ms, peakBytes: peak - baseline };
	} finally {
		clearInterval(sampler);
	}
}
