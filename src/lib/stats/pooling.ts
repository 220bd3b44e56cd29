/**
 * Random-effects pooling of single proportions on the logit scale, as metafor's
 * `rma(measure = 'PLO', method = 'DL' | 'REML')`.
 */
import { chiSquareUpper, normalTwoSidedP, tCritical, zCritical } from './distributions';
import {
	StatsConvergenceError,
	StatsInputError,
	assertBinomial,
	assertLevel,
	assertMethod
} from './errors';
import type { PoolingMethod } from './labels';

/** One study of a proportion meta-analysis. */
export interface PoolingStudy {
	events: number;
	total: number;
	/** Optional label, carried to the output. */
	label?: string;
}

/** Degrees of freedom of the prediction interval's critical value. */
export type PredictionCritical = 't-k-2' | 't-k-1' | 'z';

/** Options of {@link poolProportions}. */
export interface PoolingOptions {
	/** Between-study variance estimator: 'DL' (default) or 'REML'. */
	method?: PoolingMethod;
	/** Two-sided level of the confidence and prediction intervals; default 0.95. */
	level?: number;
	/**
	 * Critical value of the prediction interval: 't-k-2' (default; Higgins, Thompson &
	 * Spiegelhalter 2009, Riley et al. 2011), 't-k-1', or 'z' (metafor's default `predict()`).
	 */
	prediction?: PredictionCritical;
}

/** Per-study values on the logit scale. */
export interface PooledStudy {
	label?: string;
	events: number;
	total: number;
	/** Logit of the (corrected) proportion. */
	yi: number;
	/** Sampling variance of yi: 1/x + 1/(n − x) after correction. */
	vi: number;
	/** True when ½ was added to events and non-events because one of them was 0. */
	corrected: boolean;
	/** Random-effects weight 1/(vi + τ²), as a percentage of the total. */
	weightPercent: number;
}

/** Result of {@link poolProportions}. */
export interface PooledProportion {
	method: PoolingMethod;
	level: number;
	/** Number of studies. */
	k: number;
	/** Pooled proportion (back-transformed logit estimate). */
	estimate: number;
	/** Confidence limits of the pooled proportion (back-transformed). */
	low: number;
	high: number;
	/** Logit-scale estimate, standard error, z-based interval, z and p (metafor test = 'z'). */
	logit: { estimate: number; se: number; low: number; high: number; z: number; p: number };
	/** Between-study variance τ² and τ (logit scale). */
	tau2: number;
	tau: number;
	/** I² in percent and H², from τ² and the typical within-study variance (Higgins & Thompson 2002). */
	I2: number;
	H2: number;
	/** Cochran's Q (fixed-effect weights), its degrees of freedom k − 1 and upper-tail chi-square p. */
	Q: number;
	df: number;
	pQ: number;
	/**
	 * Prediction interval for the proportion in a new study (and its logit limits);
	 * undefined when the chosen critical value has no degrees of freedom (k = 2 with 't-k-2').
	 */
	predictionInterval:
		| {
				low: number;
				high: number;
				logitLow: number;
				logitHigh: number;
				critical: PredictionCritical;
				/** Degrees of freedom of t, or Infinity for z. */
				df: number;
		  }
		| undefined;
	/** Random-effects weights in percent, in study order. */
	weights: number[];
	studies: PooledStudy[];
	/** Continuity correction applied, as metafor's default `to = 'only0', add = 1/2`. */
	continuityCorrection: { applied: boolean; add: 0.5; studies: number[]; note: string };
	/** REML only: Fisher-scoring iterations used. */
	iterations?: number;
}

const POOLING_METHODS: readonly PoolingMethod[] = ['DL', 'REML'];
const PREDICTION: readonly PredictionCritical[] = ['t-k-2', 't-k-1', 'z'];
const REML_TOLERANCE = 1e-10;
const REML_MAX_ITERATIONS = 1000;

const expit = (x: number) => 1 / (1 + Math.exp(-x));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * Random-effects meta-analysis of proportions on the logit scale (like metafor
 * `rma(measure = 'PLO')`, Viechtbauer 2010, J Stat Softw 36(3)).
 *
 * - τ² by DerSimonian & Laird 1986 (Control Clin Trials 7:177), or by REML using Fisher scoring
 *   with step halving at the boundary τ² ≥ 0 (Viechtbauer 2005, J Educ Behav Stat 30:261),
 *   to a change below 1e-10.
 * - Pooled estimate with a z-based interval, back-transformed with the inverse logit.
 * - Q with k − 1 df (Cochran 1954), I² and H² from τ² (Higgins & Thompson 2002, Stat Med 21:1539).
 * - Prediction interval μ̂ ± t(k − 2)·√(SE² + τ²) (Riley, Higgins & Deeks 2011, BMJ 342:d549).
 * - A study with 0 or all events gets ½ added to events and non-events (metafor's `to = 'only0'`).
 *
 * @throws {StatsInputError} for fewer than 2 studies, invalid counts, level or options.
 * @throws {StatsConvergenceError} if REML does not converge.
 */
export function poolProportions(
	studies: readonly PoolingStudy[],
	{ method = 'DL', level = 0.95, prediction = 't-k-2' }: PoolingOptions = {}
): PooledProportion {
	if (!Array.isArray(studies)) throw new StatsInputError('studies', 'must be an array');
	if (studies.length < 2)
		throw new StatsInputError(
			'studies',
			`pooling needs at least 2 studies (got ${studies.length})`
		);
	studies.forEach((s, i) => {
		if (typeof s !== 'object' || s === null)
			throw new StatsInputError(`studies[${i}]`, 'must be an object { events, total }');
		assertBinomial(`studies[${i}]`, s.events, s.total);
	});
	assertLevel(level);
	assertMethod('method', method, POOLING_METHODS);
	assertMethod('prediction', prediction, PREDICTION);

	const k = studies.length;
	const corrected: number[] = [];
	const y: number[] = [];
	const v: number[] = [];
	studies.forEach((s, i) => {
		let x = s.events;
		let m = s.total - s.events;
		if (x === 0 || m === 0) {
			corrected.push(i);
			x += 0.5;
			m += 0.5;
		}
		y.push(Math.log(x / m));
		v.push(1 / x + 1 / m);
	});

	// Fixed-effect weights, Q and the DerSimonian–Laird estimate.
	const w = v.map((vi) => 1 / vi);
	const sw = sum(w);
	const sw2 = sum(w.map((wi) => wi * wi));
	const muFixed = sum(w.map((wi, i) => wi * y[i])) / sw;
	const Q = sum(w.map((wi, i) => wi * (y[i] - muFixed) ** 2));
	const df = k - 1;
	const tauDL = Math.max(0, (Q - df) / (sw - sw2 / sw));

	let tau2 = tauDL;
	let iterations: number | undefined;
	if (method === 'REML') ({ tau2, iterations } = reml(y, v));

	const ws = v.map((vi) => 1 / (vi + tau2));
	const sws = sum(ws);
	const mu = sum(ws.map((wi, i) => wi * y[i])) / sws;
	const se = Math.sqrt(1 / sws);
	const z = zCritical(level);
	const logit = { estimate: mu, se, low: mu - z * se, high: mu + z * se, z: mu / se, p: 0 };
	logit.p = normalTwoSidedP(logit.z);

	// Typical within-study variance (Higgins & Thompson 2002), as metafor.
	const s2 = (df * sw) / (sw * sw - sw2);
	const I2 = (100 * tau2) / (tau2 + s2);
	const H2 = (tau2 + s2) / s2;

	const predDf = prediction === 'z' ? Infinity : prediction === 't-k-1' ? k - 1 : k - 2;
	let predictionInterval: PooledProportion['predictionInterval'];
	if (predDf >= 1) {
		const crit = prediction === 'z' ? z : tCritical(level, predDf);
		const half = crit * Math.sqrt(se * se + tau2);
		predictionInterval = {
			low: expit(mu - half),
			high: expit(mu + half),
			logitLow: mu - half,
			logitHigh: mu + half,
			critical: prediction,
			df: predDf
		};
	}

	const weights = ws.map((wi) => (100 * wi) / sws);
	const labels = corrected.map((i) => studies[i].label ?? `study ${i + 1}`);
	return {
		method,
		level,
		k,
		estimate: expit(mu),
		low: expit(logit.low),
		high: expit(logit.high),
		logit,
		tau2,
		tau: Math.sqrt(tau2),
		I2,
		H2,
		Q,
		df,
		pQ: chiSquareUpper(Q, df),
		predictionInterval,
		weights,
		studies: studies.map((s, i) => ({
			...(s.label === undefined ? {} : { label: s.label }),
			events: s.events,
			total: s.total,
			yi: y[i],
			vi: v[i],
			corrected: corrected.includes(i),
			weightPercent: weights[i]
		})),
		continuityCorrection: {
			applied: corrected.length > 0,
			add: 0.5,
			studies: corrected,
			note:
				corrected.length > 0
					? `0.5 added to events and non-events of ${labels.join(', ')} (0 or all events), as metafor's default to = 'only0'.`
					: 'No continuity correction needed: every study has events and non-events.'
		},
		...(iterations === undefined ? {} : { iterations })
	};
}

/**
 * REML estimate of τ² for an intercept-only model by Fisher scoring, as metafor: with
 * P = W − w wᵀ / Σw, the step is (‖P y‖² − tr P) / tr(P²), halved while it would make τ² < 0.
 * Starts from the Hedges (method-of-moments) estimate, metafor's default start.
 */
function reml(y: number[], v: number[]): { tau2: number; iterations: number } {
	const k = y.length;
	const mean = sum(y) / k;
	let tau2 = Math.max(0, sum(y.map((yi) => (yi - mean) ** 2)) / (k - 1) - sum(v) / k);
	for (let iteration = 1; iteration <= REML_MAX_ITERATIONS; iteration++) {
		const w = v.map((vi) => 1 / (vi + tau2));
		const sw = sum(w);
		const sw2 = sum(w.map((wi) => wi * wi));
		const sw3 = sum(w.map((wi) => wi * wi * wi));
		const mu = sum(w.map((wi, i) => wi * y[i])) / sw;
		const pyNorm2 = sum(w.map((wi, i) => (wi * (y[i] - mu)) ** 2));
		const traceP = sw - sw2 / sw;
		const traceP2 = sw2 - (2 * sw3) / sw + (sw2 * sw2) / (sw * sw);
		let step = (pyNorm2 - traceP) / traceP2;
		let halvings = 0;
		while (tau2 + step < 0 && halvings < 1100) {
			step /= 2;
			halvings++;
		}
		const next = Math.max(0, tau2 + step);
		const change = Math.abs(next - tau2);
		tau2 = next;
		if (change < REML_TOLERANCE) return { tau2, iterations: iteration };
	}
	throw new StatsConvergenceError(
		`REML Fisher scoring did not converge within ${REML_MAX_ITERATIONS} iterations`
	);
}
