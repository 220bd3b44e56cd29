/**
 * Order statistics of timing samples, in ms.
 * @typedef {{ median: number, p25: number, p75: number, min: number, max: number, n: number }} Summary
 */

/** Linear interpolation between closest ranks (type 7, as R and NumPy by default). */
export function quantile(sorted, q) {
	if (!sorted.length) return Number.NaN;
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * @param {number[]} samples
 * @returns {Summary}
 */
export function summarise(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const r = (x) => Math.round(x * 1000) / 1000;
	return {
		median: r(quantile(sorted, 0.5)),
		p25: r(quantile(sorted, 0.25)),
		p75: r(quantile(sorted, 0.75)),
		min: r(sorted[0] ?? Number.NaN),
		max: r(sorted[sorted.length - 1] ?? Number.NaN),
		n: sorted.length
	};
}
