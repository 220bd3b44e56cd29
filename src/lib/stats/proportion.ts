/**
 * Confidence intervals for a single binomial proportion.
 */
import { zCritical, qbeta } from './distributions';
import { assertBinomial, assertLevel, assertMethod } from './errors';
import type { Interval, ProportionMethod } from './labels';

/** The single-proportion interval methods of {@link proportionCI}, default first. */
export const PROPORTION_METHODS: readonly ProportionMethod[] = [
	'clopper-pearson',
	'wilson',
	'jeffreys',
	'agresti-coull'
];

/** Options of {@link proportionCI}. */
export interface ProportionOptions {
	/** Interval method; default 'clopper-pearson' (exact), as trial reports usually print. */
	method?: ProportionMethod;
	/** Two-sided confidence level in (0, 1); default 0.95. */
	level?: number;
}

/** A proportion with its interval; `estimate = events / total`, limits as fractions in [0, 1]. */
export type ProportionInterval = Interval<ProportionMethod>;

/**
 * Confidence interval for the proportion `events / total`.
 *
 * - `'clopper-pearson'`: exact interval from beta quantiles (Clopper & Pearson 1934,
 *   Biometrika 26:404), as R's `binom.test`.
 * - `'wilson'`: score interval (Wilson 1927, JASA 22:209), as R's `prop.test(correct = FALSE)`;
 *   the limit is exactly 0 at 0 events and exactly 1 at `total` events.
 * - `'jeffreys'`: equal-tailed Beta(x + ½, n − x + ½) interval with the boundary rule of
 *   Brown, Cai & DasGupta 2001 (Stat Sci 16:101): low 0 when events = 0, high 1 when events = total.
 * - `'agresti-coull'`: add z²/2 events and z²/2 non-events, then Wald (Agresti & Coull 1998,
 *   Am Stat 52:119); clipped to [0, 1].
 *
 * @throws {StatsInputError} for counts that are not integers with 0 ≤ events ≤ total, total ≥ 1,
 * a level outside (0, 1) or an unknown method.
 */
export function proportionCI(
	events: number,
	total: number,
	{ method = 'clopper-pearson', level = 0.95 }: ProportionOptions = {}
): ProportionInterval {
	assertBinomial('', events, total);
	assertLevel(level);
	assertMethod('method', method, PROPORTION_METHODS);
	const [low, high] = LIMITS[method](events, total, level);
	return { estimate: events / total, low, high, method, level };
}

type Limits = (x: number, n: number, level: number) => [number, number];

const clopperPearson: Limits = (x, n, level) => {
	const alpha = 1 - level;
	return [
		x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1),
		x === n ? 1 : qbeta(1 - alpha / 2, x + 1, n - x)
	];
};

const wilson: Limits = (x, n, level) => {
	const z = zCritical(level);
	const z2 = z * z;
	const centre = (x + z2 / 2) / (n + z2);
	const half = (z / (n + z2)) * Math.sqrt((x * (n - x)) / n + z2 / 4);
	return [x === 0 ? 0 : centre - half, x === n ? 1 : centre + half];
};

const jeffreys: Limits = (x, n, level) => {
	const alpha = 1 - level;
	return [
		x === 0 ? 0 : qbeta(alpha / 2, x + 0.5, n - x + 0.5),
		x === n ? 1 : qbeta(1 - alpha / 2, x + 0.5, n - x + 0.5)
	];
};

const agrestiCoull: Limits = (x, n, level) => {
	const z = zCritical(level);
	const z2 = z * z;
	const nTilde = n + z2;
	const pTilde = (x + z2 / 2) / nTilde;
	const half = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
	return [Math.max(0, pTilde - half), Math.min(1, pTilde + half)];
};

const LIMITS: Record<ProportionMethod, Limits> = {
	'clopper-pearson': clopperPearson,
	wilson,
	jeffreys,
	'agresti-coull': agrestiCoull
};
