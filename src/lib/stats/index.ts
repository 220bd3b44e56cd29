/**
 * Statistics module of the dashboard: intervals for proportions, two-arm effects, Fisher's
 * exact test, number needed to treat and random-effects pooling of proportions.
 * Plain TypeScript; special functions come from stdlib. Checked against R reference values
 * in `tests/fixtures/stats-reference.json`; survival functions (Kaplan–Meier, median, log-rank,
 * Cox, RMST, reconstruction of patient data from published curves) against
 * `tests/reference/survival-reference.json`.
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
export {
	kaplanMeier,
	medianSurvival,
	rmst,
	rmstDifference,
	KM_CONF_TYPES
} from './survival/kaplan-meier';
export type {
	SurvivalData,
	KmConfType,
	KaplanMeierOptions,
	KaplanMeierResult,
	MedianSurvival,
	RmstResult,
	RmstDifference
} from './survival/kaplan-meier';
export { logRank } from './survival/log-rank';
export type { LogRankResult } from './survival/log-rank';
export { coxPH, COX_TIES } from './survival/cox';
export type { CoxData, CoxOptions, CoxResult, CoxTies } from './survival/cox';
export { riskTableAt, survivalAt } from './survival/kaplan-meier';
export type { RiskTableEntry } from './survival/kaplan-meier';
export {
	reconstructIPD,
	reconstructionFit,
	cleanCurvePoints,
	curveCorners,
	MAX_RECONSTRUCTION_ITERATIONS
} from './survival/reconstruct';
export type {
	CurvePoint,
	AtRiskCount,
	ReconstructionInput,
	ReconstructedData,
	ReconstructionFit
} from './survival/reconstruct';
export { simulateSurvival } from './survival/simulate';
export type { SimulationOptions } from './survival/simulate';
export { bucher, standardErrorFromInterval } from './bucher';
export type { BucherResult, EffectScale, PrintedEffect } from './bucher';
