/**
 * Method names used across the module and their human labels for the UI.
 */
import { assertLevel } from './errors';

/** Confidence-interval methods for a single proportion. */
export type ProportionMethod = 'clopper-pearson' | 'wilson' | 'jeffreys' | 'agresti-coull';
/** Confidence-interval methods for a difference of two proportions. */
export type RiskDifferenceMethod = 'newcombe' | 'wald';
/** Log-scale Wald interval, used for the risk ratio and the odds ratio. */
export type RatioMethod = 'wald-log';
/** Between-study variance estimators for random-effects pooling. */
export type PoolingMethod = 'DL' | 'REML';
/** Every method name that {@link methodLabel} knows. */
export type StatsMethod = ProportionMethod | RiskDifferenceMethod | RatioMethod | PoolingMethod;

/** An estimate with a two-sided confidence interval, as every interval function returns it. */
export interface Interval<M extends string = StatsMethod> {
	estimate: number;
	low: number;
	high: number;
	method: M;
	/** Two-sided confidence level, e.g. 0.95. */
	level: number;
}

const NAMES: Record<StatsMethod, string> = {
	'clopper-pearson': 'Clopper–Pearson',
	wilson: 'Wilson',
	jeffreys: 'Jeffreys',
	'agresti-coull': 'Agresti–Coull',
	newcombe: 'Newcombe hybrid score',
	wald: 'Wald',
	'wald-log': 'Wald (log scale)',
	DL: 'DerSimonian–Laird',
	REML: 'REML'
};

/** The method's name alone, e.g. "Clopper–Pearson" (an en dash joins two authors). */
export function methodName(method: StatsMethod): string {
	const name = NAMES[method];
	if (name === undefined) throw new TypeError(`Unknown statistics method: ${String(method)}`);
	return name;
}

/** A level as a percentage without float noise: 0.95 → "95", 0.995 → "99.5". */
export function levelPercent(level: number): string {
	assertLevel(level);
	return String(Number((level * 100).toPrecision(10)));
}

/**
 * Human label for a method and level, for UI captions: `methodLabel('clopper-pearson', 0.95)`
 * gives "Clopper–Pearson 95 %". English method names; they are proper names in every locale.
 */
export function methodLabel(method: StatsMethod, level = 0.95): string {
	return `${methodName(method)} ${levelPercent(level)} %`;
}
