/**
 * Statistics module of the dashboard: intervals for proportions, two-arm effects, Fisher's
 * exact test, number needed to treat and random-effects pooling of proportions.
 * Plain TypeScript; special functions come from stdlib. Checked against R reference values
 * in `tests/fixtures/stats-reference.json`.
 */
export { StatsInputError, StatsConvergenceError } from './errors';
export { methodLabel, methodName } from './labels';
export type {
	Interval,
	ProportionMethod,
	RiskDifferenceMethod,
	RatioMethod,
	PoolingMethod,
	StatsMethod
} from './labels';
export { proportionCI, PROPORTION_METHODS } from './proportion';
export type { ProportionOptions, ProportionInterval } from './proportion';
export { riskDifference, riskRatio, oddsRatio } from './two-arm';
export type {
	Arm,
	RiskDifferenceResult,
	RatioResult,
	RiskDifferenceOptions,
	RatioOptions
} from './two-arm';
export { fisherExact } from './fisher';
export type { FisherAlternative, FisherOptions } from './fisher';
export { numberNeededToTreat } from './nnt';
export type { NntResult, NntOptions, OutcomeDirection } from './nnt';
export { poolProportions } from './pooling';
export type {
	PoolingStudy,
	PoolingOptions,
	PooledProportion,
	PooledStudy,
	PredictionCritical
} from './pooling';
