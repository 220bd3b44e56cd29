/**
 * Kaplan–Meier estimator with Greenwood variance, as R's `survfit(Surv(time, event) ~ 1)` and
 * `summary(fit, censored = TRUE)`, plus the median and the restricted mean read off the curve
 * as `print(fit)` and `print(fit, rmean = tau)` compute them (survival 3.5, `survmean`).
 */
import { zCritical } from '../distributions';
import { StatsInputError, assertLevel, assertMethod } from '../errors';

/** Right-censored survival data: one entry per patient. `event` 1 = event, 0 = censored. */
export interface SurvivalData {
	time: readonly number[];
	event: readonly (0 | 1)[];
}

/** Confidence-interval transformation of the survival curve, as `survfit(conf.type = …)`. */
export type KmConfType = 'log' | 'log-log' | 'plain';

/** The transformations {@link kaplanMeier} accepts, R's default first. */
export const KM_CONF_TYPES: readonly KmConfType[] = ['log', 'log-log', 'plain'];

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
	/** CI transformation; default `'log'`, R's default. */
	conf?: KmConfType;
	/** Two-sided confidence level in (0, 1); default 0.95. */
	level?: number;
}

/**
 * A Kaplan–Meier curve: one entry per distinct time (event or censoring), like
 * `summary(survfit(...), censored = TRUE)`. `stdErr` is the standard error of the survival
 * (Greenwood), `lower`/`upper` the pointwise limits capped to [0, 1]; a limit R reports as NA
 * (log CI where the survival is 0, log-log where it is 0 or 1) is `null`, and so is a standard
 * error R reports as NaN (after the curve has reached 0).
 */
export interface KaplanMeierResult {
	time: number[];
	nRisk: number[];
	nEvent: number[];
	nCensor: number[];
	surv: number[];
	stdErr: (number | null)[];
	lower: (number | null)[];
	upper: (number | null)[];
	conf: KmConfType;
	level: number;
}

/** Checks `{ time, event }`: equal lengths, finite times ≥ 0, events 0 or 1, at least one patient. */
export function assertSurvivalData(name: string, data: unknown): asserts data is SurvivalData {
	if (typeof data !== 'object' || data === null)
		throw new StatsInputError(name, 'must be an object { time, event }');
	const { time, event } = data as Record<string, unknown>;
	if (!Array.isArray(time))
		throw new StatsInputError(`${name}.time`, 'must be an array of numbers');
	if (!Array.isArray(event)) throw new StatsInputError(`${name}.event`, 'must be an array of 0/1');
	if (time.length !== event.length)
		throw new StatsInputError(
			`${name}.event`,
			`must have as many entries as ${name}.time (${event.length} ≠ ${time.length})`
		);
	if (time.length === 0)
		throw new StatsInputError(`${name}.time`, 'must hold at least one patient');
	for (let i = 0; i < time.length; i++) {
		const t = time[i];
		if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
			throw new StatsInputError(`${name}.time[${i}]`, `must be a finite number ≥ 0 (got ${t})`);
		if (event[i] !== 0 && event[i] !== 1)
			throw new StatsInputError(`${name}.event[${i}]`, `must be 0 or 1 (got ${event[i]})`);
	}
}

/** Indices of `time` sorted ascending (stable). */
export function orderByTime(time: readonly number[]): Uint32Array {
	const order = new Uint32Array(time.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	return order.sort((a, b) => time[a] - time[b] || a - b);
}

/**
 * Kaplan–Meier curve of `{ time, event }`, as R's `survfit` (Greenwood variance; log, log-log
 * or plain pointwise limits, capped to [0, 1]).
 *
 * @throws {StatsInputError} for arrays of different lengths, negative or non-finite times,
 * events other than 0/1, an unknown `conf` or a level outside (0, 1).
 */
export function kaplanMeier(
	data: SurvivalData,
	{ conf = 'log', level = 0.95 }: KaplanMeierOptions = {}
): KaplanMeierResult {
	assertSurvivalData('data', data);
	assertMethod('conf', conf, KM_CONF_TYPES);
	assertLevel(level);
	const { time, event } = data;
	const order = orderByTime(time);
	const z = zCritical(level);
	const result: KaplanMeierResult = {
		time: [],
		nRisk: [],
		nEvent: [],
		nCensor: [],
		surv: [],
		stdErr: [],
		lower: [],
		upper: [],
		conf,
		level
	};
	let atRisk = time.length;
	let surv = 1;
	// Greenwood sum Σ d / (n (n − d)): the variance of the cumulative hazard, R's fit$std.err².
	let greenwood = 0;
	let i = 0;
	while (i < order.length) {
		const t = time[order[i]];
		let deaths = 0;
		let censored = 0;
		while (i < order.length && time[order[i]] === t) {
			if (event[order[i]] === 1) deaths++;
			else censored++;
			i++;
		}
		if (deaths > 0) {
			surv *= 1 - deaths / atRisk;
			greenwood += atRisk === deaths ? Infinity : deaths / (atRisk * (atRisk - deaths));
		}
		const logSe = Math.sqrt(greenwood);
		const { lower, upper } = limits(surv, logSe, conf, z);
		result.time.push(t);
		result.nRisk.push(atRisk);
		result.nEvent.push(deaths);
		result.nCensor.push(censored);
		result.surv.push(surv);
		const se = surv * logSe;
		result.stdErr.push(Number.isFinite(se) ? se : null);
		result.lower.push(lower);
		result.upper.push(upper);
		atRisk -= deaths + censored;
	}
	return result;
}

/** Pointwise limits as survival's `survfit_confint` (R 4.2, survival 3.5), NA → null. */
function limits(
	surv: number,
	logSe: number,
	conf: KmConfType,
	z: number
): { lower: number | null; upper: number | null } {
	const finite = (x: number) => (Number.isFinite(x) ? x : null);
	if (conf === 'plain') {
		const halfWidth = z * logSe * surv;
		if (!Number.isFinite(halfWidth)) return { lower: null, upper: null };
		return { lower: Math.max(surv - halfWidth, 0), upper: Math.min(surv + halfWidth, 1) };
	}
	if (conf === 'log') {
		if (surv === 0) return { lower: null, upper: null };
		const width = z * logSe;
		return {
			lower: finite(Math.exp(Math.log(surv) - width)),
			upper: finite(Math.min(Math.exp(Math.log(surv) + width), 1))
		};
	}
	if (surv === 0 || surv === 1) return { lower: null, upper: null };
	const width = (z * logSe) / Math.log(surv);
	const loglog = Math.log(-Math.log(surv));
	return {
		lower: finite(Math.exp(-Math.exp(loglog - width))),
		upper: finite(Math.exp(-Math.exp(loglog + width)))
	};
}

/** Median survival with its interval; a quantity the curve does not reach is `null`. */
export interface MedianSurvival {
	median: number | null;
	lower: number | null;
	upper: number | null;
}

/**
 * The first time at which `values` drops to 0.5 or below, with R's rule for a curve that sits
 * exactly at 0.5: the midpoint between that time and the time of the next drop (survival's
 * `minmin`, tolerance √ε). `null` values (R's NA) are skipped; never reached → `null`.
 */
function firstBelowHalf(
	values: readonly (number | null)[],
	time: readonly number[]
): number | null {
	const tolerance = Math.sqrt(Number.EPSILON);
	const keptTime: number[] = [];
	const keptValue: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== null && v < 0.5 + tolerance) {
			keptTime.push(time[i]);
			keptValue.push(v);
		}
	}
	if (keptTime.length === 0) return null;
	if (Math.abs(keptValue[0] - 0.5) < tolerance) {
		const next = keptValue.findIndex((v) => v < keptValue[0]);
		if (next >= 0) return (keptTime[0] + keptTime[next]) / 2;
	}
	return keptTime[0];
}

/**
 * Median survival time and its confidence interval, as R's `print(survfit)`: the median is where
 * the curve first reaches 0.5, the lower limit where the lower pointwise limit does, the upper
 * limit where the upper pointwise limit does (Brookmeyer–Crowley by inversion of the curve's CI,
 * so it inherits `km.conf` and `km.level`).
 */
export function medianSurvival(km: KaplanMeierResult): MedianSurvival {
	assertKm('km', km);
	return {
		median: firstBelowHalf(km.surv, km.time),
		lower: firstBelowHalf(km.lower, km.time),
		upper: firstBelowHalf(km.upper, km.time)
	};
}

/** Restricted mean survival time up to `tau` with its standard error. */
export interface RmstResult {
	rmst: number;
	se: number;
}

/**
 * Restricted mean survival time: the area under the curve from 0 to `tau`, with the standard
 * error of R's `print(survfit, rmean = tau)` and survRM2 (Σ over event times ≤ tau of
 * A(t)² d / (n (n − d)), A(t) the area from t to tau; no n/(n − 1) correction).
 * A `tau` beyond the last time carries the last survival forward, as R does.
 *
 * @throws {StatsInputError} for a `tau` that is not a finite number > 0.
 */
export function rmst(km: KaplanMeierResult, tau: number): RmstResult {
	assertKm('km', km);
	if (typeof tau !== 'number' || !Number.isFinite(tau) || tau <= 0)
		throw new StatsInputError('tau', `must be a finite number > 0 (got ${tau})`);
	// Rectangles between consecutive times ≤ tau; rectangle k runs from times[k-1] (0 for k = 0)
	// to times[k] (tau for the last) at the survival just before times[k].
	const times: number[] = [];
	const hazardTerms: number[] = [];
	for (let i = 0; i < km.time.length && km.time[i] <= tau; i++) {
		times.push(km.time[i]);
		const n = km.nRisk[i];
		const d = km.nEvent[i];
		hazardTerms.push(n - d === 0 ? 0 : d / (n * (n - d)));
	}
	const rectangles: number[] = [];
	let previousTime = 0;
	let survBefore = 1;
	for (let k = 0; k < times.length; k++) {
		rectangles.push((times[k] - previousTime) * survBefore);
		previousTime = times[k];
		survBefore = km.surv[k];
	}
	rectangles.push((tau - previousTime) * survBefore);
	let area = 0;
	for (const r of rectangles) area += r;
	// Variance: the area after event time k is the sum of rectangles k+1 … end.
	let variance = 0;
	let areaAfter = 0;
	for (let k = times.length - 1; k >= 0; k--) {
		areaAfter += rectangles[k + 1];
		variance += areaAfter * areaAfter * hazardTerms[k];
	}
	return { rmst: area, se: Math.sqrt(variance) };
}

/** Difference and ratio of two restricted means (a − b, a / b) with normal-approximation limits. */
export interface RmstDifference {
	difference: number;
	lower: number;
	upper: number;
	ratio: number;
	ratioLower: number;
	ratioUpper: number;
}

/**
 * Difference `a − b` and ratio `a / b` of the restricted mean survival times of two independent
 * curves up to `tau`, as survRM2's `rmst2` (arm 1 = `a`, arm 0 = `b`): Wald limits for the
 * difference, and on the log scale (delta method) for the ratio.
 *
 * @throws {StatsInputError} for a bad `tau` or level, or a restricted mean of 0 (no ratio).
 */
export function rmstDifference(
	a: KaplanMeierResult,
	b: KaplanMeierResult,
	tau: number,
	level = 0.95
): RmstDifference {
	assertLevel(level);
	const ra = rmst(a, tau);
	const rb = rmst(b, tau);
	const z = zCritical(level);
	const difference = ra.rmst - rb.rmst;
	const seDifference = Math.sqrt(ra.se * ra.se + rb.se * rb.se);
	if (ra.rmst <= 0 || rb.rmst <= 0)
		throw new StatsInputError('tau', 'gives a restricted mean of 0, so the ratio is undefined');
	const logRatio = Math.log(ra.rmst / rb.rmst);
	const seLogRatio = Math.sqrt((ra.se / ra.rmst) ** 2 + (rb.se / rb.rmst) ** 2);
	return {
		difference,
		lower: difference - z * seDifference,
		upper: difference + z * seDifference,
		ratio: ra.rmst / rb.rmst,
		ratioLower: Math.exp(logRatio - z * seLogRatio),
		ratioUpper: Math.exp(logRatio + z * seLogRatio)
	};
}

/** A Kaplan–Meier result as {@link kaplanMeier} returns it (the fields the readers use). */
export function assertKm(name: string, km: unknown): asserts km is KaplanMeierResult {
	if (typeof km !== 'object' || km === null)
		throw new StatsInputError(name, 'must be a kaplanMeier() result');
	const k = km as Record<string, unknown>;
	for (const field of ['time', 'nRisk', 'nEvent', 'surv', 'lower', 'upper'])
		if (!Array.isArray(k[field]))
			throw new StatsInputError(`${name}.${field}`, 'must be an array (a kaplanMeier() result)');
	const n = (k.time as unknown[]).length;
	for (const field of ['nRisk', 'nEvent', 'surv', 'lower', 'upper'])
		if ((k[field] as unknown[]).length !== n)
			throw new StatsInputError(`${name}.${field}`, `must have ${n} entries, as ${name}.time`);
}

/** One column of an extended risk table (KMunicate): counts at one time. */
export interface RiskTableEntry {
	time: number;
	/** Patients still at risk at `time` (time ≥ `time`). */
	atRisk: number;
	/** Events before `time`, cumulative. */
	events: number;
	/** Censored before `time`, cumulative. */
	censored: number;
}

/**
 * The extended risk table of a curve at the given times: at risk, and events and censorings
 * before each time, cumulative. A patient whose time equals the column's time is still at
 * risk there, so atRisk + events + censored is always the number of patients.
 *
 * @throws {StatsInputError} for a time that is not a finite number ≥ 0.
 */
export function riskTableAt(km: KaplanMeierResult, times: readonly number[]): RiskTableEntry[] {
	assertKm('km', km);
	if (km.time.length === 0) throw new StatsInputError('km.time', 'must not be empty');
	const total = km.nRisk[0];
	return times.map((t, i) => {
		if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
			throw new StatsInputError(`times[${i}]`, `must be a finite number ≥ 0 (got ${t})`);
		let events = 0;
		let censored = 0;
		for (let k = 0; k < km.time.length && km.time[k] < t; k++) {
			events += km.nEvent[k];
			censored += km.nCensor[k];
		}
		return { time: t, atRisk: total - events - censored, events, censored };
	});
}

/** Survival of the step curve at `t` (right-continuous: the value after a drop at `t`). */
export function survivalAt(km: KaplanMeierResult, t: number): number {
	let value = 1;
	for (let k = 0; k < km.time.length && km.time[k] <= t; k++) value = km.surv[k];
	return value;
}
