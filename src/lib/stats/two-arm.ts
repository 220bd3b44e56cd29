/**
 * Effect measures for two independent binomial arms, `a` (experimental) versus `b` (comparator).
 */
import { zCritical } from './distributions';
import { assertArm, assertLevel, assertMethod } from './errors';
import type { Interval, RatioMethod, RiskDifferenceMethod } from './labels';
import { proportionCI } from './proportion';

/** One arm: `events` out of `total` participants. */
export interface Arm {
	events: number;
	total: number;
}

/** Risk difference p(a) − p(b) with its interval, limits in [−1, 1]. */
export type RiskDifferenceResult = Interval<RiskDifferenceMethod>;

/** A ratio (risk ratio or odds ratio) with a log-scale Wald interval. */
export interface RatioResult extends Interval<RatioMethod> {
	/** Standard error of the log ratio. */
	seLog: number;
	/**
	 * 0.5 when a cell of the 2×2 table was 0 and ½ was added to every cell (Haldane–Anscombe,
	 * as metafor's `escalc(to = 'only0', add = 1/2)`); otherwise 0.
	 */
	continuityCorrection: number;
}

/** Options of {@link riskDifference}. */
export interface RiskDifferenceOptions {
	/** 'newcombe' (default): hybrid score interval; 'wald': normal approximation. */
	method?: RiskDifferenceMethod;
	/** Two-sided confidence level in (0, 1); default 0.95. */
	level?: number;
}

/** Options of {@link riskRatio} and {@link oddsRatio}. */
export interface RatioOptions {
	/** Two-sided confidence level in (0, 1); default 0.95. */
	level?: number;
}

const RD_METHODS: readonly RiskDifferenceMethod[] = ['newcombe', 'wald'];

/**
 * Risk difference p(a) − p(b), a = experimental, b = comparator.
 *
 * - `'newcombe'`: hybrid score interval from the two Wilson intervals, method 10 of
 *   Newcombe 1998 (Stat Med 17:873): low = d − √((p₁ − l₁)² + (u₂ − p₂)²),
 *   high = d + √((u₁ − p₁)² + (p₂ − l₂)²).
 * - `'wald'`: d ± z·√(p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂), clipped to [−1, 1] as R's `prop.test`
 *   (without continuity correction).
 *
 * @throws {StatsInputError} for invalid arms, level or method.
 */
export function riskDifference(
	a: Arm,
	b: Arm,
	{ method = 'newcombe', level = 0.95 }: RiskDifferenceOptions = {}
): RiskDifferenceResult {
	assertArm('a', a);
	assertArm('b', b);
	assertLevel(level);
	assertMethod('method', method, RD_METHODS);
	const p1 = a.events / a.total;
	const p2 = b.events / b.total;
	const d = p1 - p2;
	if (method === 'newcombe') {
		const w1 = proportionCI(a.events, a.total, { method: 'wilson', level });
		const w2 = proportionCI(b.events, b.total, { method: 'wilson', level });
		const low = d - Math.hypot(p1 - w1.low, w2.high - p2);
		const high = d + Math.hypot(w1.high - p1, p2 - w2.low);
		return { estimate: d, low, high, method, level };
	}
	const z = zCritical(level);
	const se = Math.sqrt((p1 * (1 - p1)) / a.total + (p2 * (1 - p2)) / b.total);
	return {
		estimate: d,
		low: Math.max(-1, d - z * se),
		high: Math.min(1, d + z * se),
		method,
		level
	};
}

/** The 2×2 cells, with ½ added to each when any cell is 0. */
function cells(a: Arm, b: Arm) {
	const raw = [a.events, a.total - a.events, b.events, b.total - b.events];
	const add = raw.some((c) => c === 0) ? 0.5 : 0;
	const [x1, y1, x2, y2] = raw.map((c) => c + add);
	return { x1, y1, x2, y2, add };
}

function logWald(logEstimate: number, seLog: number, level: number, add: number): RatioResult {
	const z = zCritical(level);
	return {
		estimate: Math.exp(logEstimate),
		low: Math.exp(logEstimate - z * seLog),
		high: Math.exp(logEstimate + z * seLog),
		method: 'wald-log',
		level,
		seLog,
		continuityCorrection: add
	};
}

/**
 * Risk ratio p(a) / p(b) with the Wald interval on the log scale,
 * SE(log RR) = √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂) (Katz et al. 1978, Biometrics 34:469).
 * A zero cell gets ½ added to every cell, as metafor's `escalc(measure = 'RR')`.
 *
 * @throws {StatsInputError} for invalid arms or level.
 */
export function riskRatio(a: Arm, b: Arm, { level = 0.95 }: RatioOptions = {}): RatioResult {
	assertArm('a', a);
	assertArm('b', b);
	assertLevel(level);
	const { x1, y1, x2, y2, add } = cells(a, b);
	const n1 = x1 + y1;
	const n2 = x2 + y2;
	const logRr = Math.log(x1 / n1) - Math.log(x2 / n2);
	const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
	return logWald(logRr, se, level, add);
}

/**
 * Odds ratio (x₁/y₁) / (x₂/y₂) with the Wald interval on the log scale (Woolf 1955,
 * Ann Hum Genet 19:251), SE(log OR) = √(1/x₁ + 1/y₁ + 1/x₂ + 1/y₂).
 * A zero cell gets ½ added to every cell (Haldane 1956), as metafor's `escalc(measure = 'OR')`.
 *
 * @throws {StatsInputError} for invalid arms or level.
 */
export function oddsRatio(a: Arm, b: Arm, { level = 0.95 }: RatioOptions = {}): RatioResult {
	assertArm('a', a);
	assertArm('b', b);
	assertLevel(level);
	const { x1, y1, x2, y2, add } = cells(a, b);
	const logOr = Math.log(x1) - Math.log(y1) - Math.log(x2) + Math.log(y2);
	const se = Math.sqrt(1 / x1 + 1 / y1 + 1 / x2 + 1 / y2);
	return logWald(logOr, se, level, add);
}
