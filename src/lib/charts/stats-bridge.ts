/**
 * TEMPORARY bridge to the statistics the charts need, until `src/lib/stats` and
 * `src/lib/evidence/intervals.ts` land on main (same contracts: an interval with its
 * origin; a random-effects pooled proportion). When they land, these functions
 * re-export them and this file shrinks to nothing.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { Result } from '$lib/evidence/schema';

export interface DisplayInterval {
	low: number;
	high: number;
	level: number;
	/** As printed ("not stated" when the source does not say) or the method we used. */
	method: string;
	origin: 'printed' | 'computed';
}

export const CLOPPER_PEARSON = 'Clopper–Pearson exact';

/** Exact (Clopper–Pearson) interval for x of n, on the 0–1 scale. */
export function clopperPearson(x: number, n: number, level = 0.95): [number, number] {
	const alpha = 1 - level;
	const low = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
	const high = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
	return [low, high];
}

/**
 * The interval to show for a result: the printed one when the source printed it,
 * else a Clopper–Pearson interval computed from its counts (percent results only),
 * else none.
 */
export function displayInterval(
	result: Pick<Result, 'ci' | 'events' | 'total' | 'unit'>
): DisplayInterval | undefined {
	if (result.ci) return { ...result.ci, origin: 'printed' };
	if (
		result.unit === 'percent' &&
		result.events !== undefined &&
		result.total !== undefined &&
		result.events <= result.total
	) {
		const [low, high] = clopperPearson(result.events, result.total);
		return {
			low: low * 100,
			high: high * 100,
			level: 0.95,
			method: CLOPPER_PEARSON,
			origin: 'computed'
		};
	}
	return undefined;
}

export interface PooledProportion {
	/** Pooled proportion and its CI on the 0–1 scale. */
	estimate: number;
	low: number;
	high: number;
	level: number;
	k: number;
	tau2: number;
	/** I² as a fraction (0–1). */
	i2: number;
	method: string;
}

export const POOLING_METHOD = 'Random effects (DerSimonian–Laird), logit scale';

/**
 * Random-effects (DerSimonian–Laird) pooled proportion on the logit scale; a study
 * with 0 or all events gets the usual 0.5 continuity correction.
 */
export function poolProportions(
	studies: { events: number; total: number }[],
	level = 0.95
): PooledProportion | undefined {
	if (studies.length === 0) return undefined;
	const points = studies.map(({ events, total }) => {
		const cc = events === 0 || events === total ? 0.5 : 0;
		const x = events + cc;
		const n = total + 2 * cc;
		return { y: Math.log(x / (n - x)), v: 1 / x + 1 / (n - x) };
	});
	const w = points.map((p) => 1 / p.v);
	const sw = w.reduce((a, b) => a + b, 0);
	const fixed = points.reduce((a, p, i) => a + w[i] * p.y, 0) / sw;
	const q = points.reduce((a, p, i) => a + w[i] * (p.y - fixed) ** 2, 0);
	const df = points.length - 1;
	const c = sw - w.reduce((a, b) => a + b * b, 0) / sw;
	const tau2 = df > 0 && c > 0 ? Math.max(0, (q - df) / c) : 0;
	const wr = points.map((p) => 1 / (p.v + tau2));
	const swr = wr.reduce((a, b) => a + b, 0);
	const mu = points.reduce((a, p, i) => a + wr[i] * p.y, 0) / swr;
	const se = Math.sqrt(1 / swr);
	const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
	const expit = (t: number) => 1 / (1 + Math.exp(-t));
	return {
		estimate: expit(mu),
		low: expit(mu - z * se),
		high: expit(mu + z * se),
		level,
		k: points.length,
		tau2,
		i2: q > df && q > 0 ? (q - df) / q : 0,
		method: POOLING_METHOD
	};
}

/** Wilson score interval for x of n, on the 0–1 scale. */
function wilson(x: number, n: number, z: number): [number, number] {
	const p = x / n;
	const denom = 1 + (z * z) / n;
	const centre = (p + (z * z) / (2 * n)) / denom;
	const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
	return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export interface Effect {
	estimate: number;
	low: number;
	high: number;
	level: number;
	method: string;
}

export const NEWCOMBE = 'Newcombe hybrid score';
export const RR_WALD_LOG = 'Wald on the log scale';

/** Risk difference (percentage points, experimental − comparator) with Newcombe's hybrid score CI. */
export function riskDifference(
	a: { events: number; total: number },
	b: { events: number; total: number },
	level = 0.95
): Effect {
	const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
	const p1 = a.events / a.total;
	const p2 = b.events / b.total;
	const [l1, u1] = wilson(a.events, a.total, z);
	const [l2, u2] = wilson(b.events, b.total, z);
	const d = p1 - p2;
	const low = d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
	const high = d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
	return { estimate: d * 100, low: low * 100, high: high * 100, level, method: NEWCOMBE };
}

/** Risk ratio (experimental / comparator) with a Wald CI on the log scale; undefined with zero events. */
export function riskRatio(
	a: { events: number; total: number },
	b: { events: number; total: number },
	level = 0.95
): Effect | undefined {
	if (a.events === 0 || b.events === 0) return undefined;
	const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
	const rr = a.events / a.total / (b.events / b.total);
	const se = Math.sqrt(1 / a.events - 1 / a.total + 1 / b.events - 1 / b.total);
	return {
		estimate: rr,
		low: Math.exp(Math.log(rr) - z * se),
		high: Math.exp(Math.log(rr) + z * se),
		level,
		method: RR_WALD_LOG
	};
}
