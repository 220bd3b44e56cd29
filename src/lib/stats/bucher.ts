/**
 * Anchored indirect comparison (Bucher et al., J Clin Epidemiol 1997;50:683–91): the effect of
 * A vs C from two trials that share the comparator B, d(AC) = d(AB) − d(CB), with
 * var d(AC) = var d(AB) + var d(CB). Ratios (hazard, odds, risk ratios) are combined on the
 * log scale, differences on their own scale.
 *
 * Each input's standard error is recovered from its own confidence interval at its own level:
 * SE = (upper − lower) / (2 z), z = Φ⁻¹(1 − (1 − level)/2). A 97.5 % interval read as a 95 %
 * one gives an SE too small by the factor 1.960/2.241 and a result that is too narrow.
 *
 * The result rests on the trials being similar in everything that modifies the effect
 * (transitivity); this function cannot check that, the caller must show it beside the result.
 */
import { chiSquareUpper, zCritical } from './distributions';
import { StatsInputError } from './errors';

export type EffectScale = 'log' | 'linear';

/** One trial's effect as printed: estimate, interval and the interval's level. */
export interface PrintedEffect {
	estimate: number;
	lower: number;
	upper: number;
	/** The interval's level as printed, e.g. 0.95 or 0.975. */
	level: number;
	/** 'log' for ratios (HR, OR, RR), 'linear' for differences. */
	scale: EffectScale;
}

export interface BucherResult {
	/** A vs C on the natural scale of the inputs (a ratio for 'log'). */
	estimate: number;
	lower: number;
	upper: number;
	level: number;
	scale: EffectScale;
	/** Effect and standard error on the analysis scale (log for ratios). */
	logEstimate: number;
	se: number;
	/** Standard errors recovered from each input's own interval. */
	seAB: number;
	seCB: number;
	z: number;
	/** Two-sided Wald p-value. */
	p: number;
	method: 'bucher';
}

const toScale = (x: number, scale: EffectScale) => (scale === 'log' ? Math.log(x) : x);
const fromScale = (x: number, scale: EffectScale) => (scale === 'log' ? Math.exp(x) : x);

function check(effect: PrintedEffect, name: string) {
	const { estimate, lower, upper, level, scale } = effect;
	if (![estimate, lower, upper, level].every(Number.isFinite))
		throw new StatsInputError(name, 'estimate, limits and level must be finite numbers');
	if (!(level > 0 && level < 1)) throw new StatsInputError(name, 'level must be in (0, 1)');
	if (scale === 'log' && !(estimate > 0 && lower > 0 && upper > 0))
		throw new StatsInputError(name, 'a ratio and its limits must be positive');
	if (!(lower <= estimate && estimate <= upper))
		throw new StatsInputError(name, 'the interval must contain the estimate');
	if (!(upper > lower)) throw new StatsInputError(name, 'the interval must have a width');
}

/** The standard error on the analysis scale, from an interval at its own level. */
export function standardErrorFromInterval(effect: PrintedEffect): number {
	check(effect, 'effect');
	const { lower, upper, level, scale } = effect;
	return (toScale(upper, scale) - toScale(lower, scale)) / (2 * zCritical(level));
}

/**
 * A vs C through the common comparator B, from A vs B (`ab`) and C vs B (`cb`), with a
 * two-sided interval at `level` (95 % by default).
 */
export function bucher(ab: PrintedEffect, cb: PrintedEffect, level = 0.95): BucherResult {
	check(ab, 'ab');
	check(cb, 'cb');
	if (ab.scale !== cb.scale)
		throw new StatsInputError(
			'cb',
			'both effects must be on the same scale (ratios or differences)'
		);
	const scale = ab.scale;
	const seAB = standardErrorFromInterval(ab);
	const seCB = standardErrorFromInterval(cb);
	const logEstimate = toScale(ab.estimate, scale) - toScale(cb.estimate, scale);
	const se = Math.sqrt(seAB ** 2 + seCB ** 2);
	const half = zCritical(level) * se;
	const z = logEstimate / se;
	return {
		estimate: fromScale(logEstimate, scale),
		lower: fromScale(logEstimate - half, scale),
		upper: fromScale(logEstimate + half, scale),
		level,
		scale,
		logEstimate,
		se,
		seAB,
		seCB,
		z,
		p: chiSquareUpper(z * z, 1),
		method: 'bucher'
	};
}
