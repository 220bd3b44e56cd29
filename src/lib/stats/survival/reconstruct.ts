/**
 * Reconstruction of individual patient data from a published Kaplan–Meier curve and its
 * numbers at risk: the algorithm of Guyot, Ades, Ouwens & Welton 2012 (BMC Med Res Methodol
 * 12:9), as its published R code and the R packages built on it (IPDfromKM, reconstructKM)
 * implement it, with the points cleaned as IPDfromKM's `preprocess` does.
 */
import { StatsConvergenceError, StatsInputError } from '../errors';
import { assertKm, type KaplanMeierResult } from './kaplan-meier';

/** A point read off a published curve: a time and the survival there, as a proportion in [0, 1]. */
export interface CurvePoint {
	time: number;
	survival: number;
}

/** A number at risk printed below a published curve. */
export interface AtRiskCount {
	time: number;
	n: number;
}

/** Input of {@link reconstructIPD}. */
export interface ReconstructionInput {
	/** Points of the published curve (e.g. digitised), in any order. */
	points: readonly CurvePoint[];
	/** Numbers at risk; the first must be at time 0 (the number randomised to the arm). */
	atRisk: readonly AtRiskCount[];
	/** Total number of events in the arm, when the source prints it. */
	totalEvents?: number;
}

/** Reconstructed patient data: one entry per patient, event 1 or censored 0. */
export type ReconstructedData = { time: number[]; event: (0 | 1)[] };

/** Each adjustment loop of the algorithm stops after this many rounds (Guyot's code has no cap). */
export const MAX_RECONSTRUCTION_ITERATIONS = 1000;

/**
 * R's `round(x)`: to the nearest integer, halves to the even neighbour (IEC 60559), which the
 * reference algorithm relies on wherever it rounds a count.
 */
export function roundHalfEven(x: number): number {
	const r = Math.round(x);
	return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

/**
 * Cleans published points as IPDfromKM's `preprocess`: sorts them by time, forces the survival
 * to be non-increasing, drops repeated points, keeps at most two points per time (the highest
 * and the lowest: the top and the bottom of a drop) and starts the curve at (0, 1).
 * Unlike `preprocess`, it does not remove "outlier" clicks by Tukey's fences: published points
 * are taken as they are, and a point outside [0, 1] or at a negative time is an error rather
 * than silently dropped.
 */
export function cleanCurvePoints(points: readonly CurvePoint[]): CurvePoint[] {
	if (!Array.isArray(points) || points.length === 0)
		throw new StatsInputError('points', 'must be a non-empty array of { time, survival }');
	points.forEach((p, i) => {
		if (typeof p !== 'object' || p === null)
			throw new StatsInputError(`points[${i}]`, 'must be an object { time, survival }');
		if (typeof p.time !== 'number' || !Number.isFinite(p.time) || p.time < 0)
			throw new StatsInputError(`points[${i}].time`, `must be a finite number ≥ 0 (got ${p.time})`);
		if (
			typeof p.survival !== 'number' ||
			!Number.isFinite(p.survival) ||
			p.survival < 0 ||
			p.survival > 1
		)
			throw new StatsInputError(
				`points[${i}].survival`,
				`must be a proportion in [0, 1] (got ${p.survival}); give percentages divided by 100`
			);
	});
	const sorted = points
		.map((p, i) => ({ time: p.time, survival: p.survival, i }))
		.sort((a, b) => a.time - b.time || a.i - b.i);
	for (let i = 1; i < sorted.length; i++)
		if (sorted[i].survival > sorted[i - 1].survival) sorted[i].survival = sorted[i - 1].survival;
	const cleaned: CurvePoint[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j < sorted.length && sorted[j].time === sorted[i].time) j++;
		// Non-increasing within a time: the first is the highest, the last the lowest.
		cleaned.push({ time: sorted[i].time, survival: sorted[i].survival });
		if (sorted[j - 1].survival !== sorted[i].survival)
			cleaned.push({ time: sorted[i].time, survival: sorted[j - 1].survival });
		i = j;
	}
	if (cleaned[0].time !== 0 || cleaned[0].survival !== 1) cleaned.unshift({ time: 0, survival: 1 });
	return cleaned;
}

function assertAtRisk(atRisk: readonly AtRiskCount[]): AtRiskCount[] {
	if (!Array.isArray(atRisk) || atRisk.length === 0)
		throw new StatsInputError('atRisk', 'must be a non-empty array of { time, n }');
	atRisk.forEach((r, i) => {
		if (typeof r !== 'object' || r === null)
			throw new StatsInputError(`atRisk[${i}]`, 'must be an object { time, n }');
		if (typeof r.time !== 'number' || !Number.isFinite(r.time) || r.time < 0)
			throw new StatsInputError(`atRisk[${i}].time`, `must be a finite number ≥ 0 (got ${r.time})`);
		if (typeof r.n !== 'number' || !Number.isInteger(r.n) || r.n < 0)
			throw new StatsInputError(`atRisk[${i}].n`, `must be an integer ≥ 0 (got ${r.n})`);
		if (i > 0 && r.time <= atRisk[i - 1].time)
			throw new StatsInputError(`atRisk[${i}].time`, 'must be later than the time before it');
		if (i > 0 && r.n > atRisk[i - 1].n)
			throw new StatsInputError(
				`atRisk[${i}].n`,
				`must not exceed the number at risk before it (${r.n} > ${atRisk[i - 1].n})`
			);
	});
	if (atRisk[0].time !== 0)
		throw new StatsInputError('atRisk[0].time', 'must be 0: the number at the start is needed');
	if (atRisk[0].n < 1) throw new StatsInputError('atRisk[0].n', 'must be at least 1');
	// As IPDfromKM: keep at most one trailing zero.
	let end = atRisk.length;
	while (end > 1 && atRisk[end - 1].n === 0 && atRisk[end - 2].n === 0) end--;
	return atRisk.slice(0, end).map((r) => ({ time: r.time, n: r.n }));
}

/**
 * Counts of `censorTimes` in the bins between consecutive `breaks`, as R's
 * `hist(x, breaks, plot = FALSE)$counts` (right-closed bins, first bin closed, breaks moved by
 * R's fuzz of 1e-7 so that a value within rounding of a break counts in the bin that ends there).
 */
function histogramCounts(censorTimes: readonly number[], breaks: readonly number[]): number[] {
	const nB = breaks.length;
	const counts = new Array<number>(nB - 1).fill(0);
	if (censorTimes.length === 0) return counts;
	const widths: number[] = [];
	for (let k = 1; k < nB; k++) widths.push(breaks[k] - breaks[k - 1]);
	let scale: number;
	if (nB > 5) {
		const sorted = [...widths].sort((a, b) => a - b);
		const mid = sorted.length >> 1;
		scale = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	} else if (nB <= 3) scale = Math.max(...censorTimes) - Math.min(...censorTimes);
	else scale = Math.min(...widths.filter((w) => w > 0));
	const diddle = 1e-7 * scale;
	const fuzzy = breaks.map((b, k) => (k === 0 ? b - diddle : b + diddle));
	for (const x of censorTimes)
		for (let k = 0; k < nB - 1; k++)
			if ((k === 0 ? x >= fuzzy[0] : x > fuzzy[k]) && x <= fuzzy[k + 1]) {
				counts[k]++;
				break;
			}
	return counts;
}

/**
 * Reconstructs individual patient data `{ time, event }` from a published Kaplan–Meier curve and
 * its numbers at risk, by Guyot et al. 2012. Per interval between two at-risk times, the number
 * censored is adjusted until the reconstructed number at risk at the next at-risk time agrees
 * with the printed one; the censorings are spread evenly over the interval and the events at each
 * point follow from the drop of the curve (counts rounded half to even, as R's `round`).
 *
 * Choices, documented because the published algorithm leaves them to the user:
 * - Points are cleaned by {@link cleanCurvePoints}. An at-risk time with no point between it and
 *   the next one gets a point at that time with the survival of the step curve there (the last
 *   point before it), so every interval holds a point. At-risk times after the last point are not
 *   intervals: the last of their counts is taken as the number still at risk at the end of the
 *   curve, and the last interval censors no more than leaves that many (IPDfromKM's `endpts`).
 * - Last interval, without `totalEvents`: censoring at the same rate per unit time as over the
 *   earlier intervals (Guyot: total censored so far × the last interval's span ÷ the span so far),
 *   rounded half to even; with a single interval, no censoring before the end.
 * - Last interval, with `totalEvents` (Guyot): if the earlier intervals already hold that many
 *   events, the last interval gets neither events nor censoring; otherwise its censoring is
 *   adjusted until the total number of events equals `totalEvents` (or no censoring is left).
 * - Patients not assigned an event or a censoring are censored at the last point's time.
 *   Censorings between two points are placed midway between them.
 * - Every adjustment loop stops after {@link MAX_RECONSTRUCTION_ITERATIONS} rounds.
 *
 * The output lists the events in time order, then the censorings in time order.
 *
 * @throws {StatsInputError} for bad points or numbers at risk (with the offending path).
 * @throws {StatsConvergenceError} when an adjustment loop does not settle within the cap.
 */
export function reconstructIPD({
	points,
	atRisk,
	totalEvents
}: ReconstructionInput): ReconstructedData {
	const cleaned = cleanCurvePoints(points);
	const risk = assertAtRisk(atRisk);
	if (totalEvents !== undefined) {
		if (typeof totalEvents !== 'number' || !Number.isInteger(totalEvents) || totalEvents < 0)
			throw new StatsInputError('totalEvents', `must be an integer ≥ 0 (got ${totalEvents})`);
		if (totalEvents > risk[0].n)
			throw new StatsInputError(
				'totalEvents',
				`must not exceed the number at risk at time 0 (${totalEvents} > ${risk[0].n})`
			);
	}
	const lastTime = cleaned[cleaned.length - 1].time;
	const intervalsRisk = risk.filter((r) => r.time <= lastTime);
	const after = risk.filter((r) => r.time > lastTime);
	const remainingAtEnd = after.length > 0 ? after[after.length - 1].n : 0;

	// Give every interval at least one point: the step curve's value at the at-risk time.
	const T: number[] = [];
	const S: number[] = [];
	let p = 0;
	for (let i = 0; i < intervalsRisk.length; i++) {
		const start = intervalsRisk[i].time;
		const end = i + 1 < intervalsRisk.length ? intervalsRisk[i + 1].time : Infinity;
		while (p < cleaned.length && cleaned[p].time < start) {
			T.push(cleaned[p].time);
			S.push(cleaned[p].survival);
			p++;
		}
		if (!(p < cleaned.length && cleaned[p].time < end)) {
			T.push(start);
			S.push(S[S.length - 1]);
		}
	}
	for (; p < cleaned.length; p++) {
		T.push(cleaned[p].time);
		S.push(cleaned[p].survival);
	}

	const nInt = intervalsRisk.length;
	const nRisk = intervalsRisk.map((r) => r.n);
	const lower: number[] = [];
	const upper: number[] = [];
	for (let i = 0; i < nInt; i++) lower.push(T.findIndex((t) => t >= intervalsRisk[i].time));
	for (let i = 0; i < nInt; i++) upper.push(i + 1 < nInt ? lower[i + 1] - 1 : T.length - 1);

	const m = T.length;
	const nHat = new Array<number>(m + 1).fill(nRisk[0] + 1);
	const cen = new Array<number>(m).fill(0);
	const d = new Array<number>(m).fill(0);
	const kmHat = new Array<number>(m).fill(1);
	const lastEvent = new Array<number>(nInt).fill(0);
	const nCensor = new Array<number>(nInt).fill(0);

	/** Spreads `count` censorings evenly over (T[from], T[to]) into cen[from … to − 1]. */
	const spreadCensoring = (count: number, from: number, to: number) => {
		for (let k = from; k < to; k++) cen[k] = 0;
		if (count <= 0 || to <= from) return;
		const censorTimes: number[] = [];
		for (let j = 1; j <= count; j++)
			censorTimes.push(T[from] + (j * (T[to] - T[from])) / (count + 1));
		const counts = histogramCounts(censorTimes, T.slice(from, to + 1));
		for (let k = 0; k < counts.length; k++) cen[from + k] = counts[k];
	};

	/** Events at points from … to given the censoring, starting from `startRisk` at risk. */
	const fillEvents = (
		from: number,
		to: number,
		startRisk: number,
		last: number,
		clamp: boolean
	) => {
		nHat[from] = startRisk;
		for (let k = from; k <= to; k++) {
			if (k === 0) {
				d[k] = 0;
				kmHat[k] = 1;
			} else if (kmHat[last] === 0 || nHat[k] <= 0) {
				d[k] = 0;
				kmHat[k] = kmHat[last];
			} else {
				d[k] = roundHalfEven(nHat[k] * (1 - S[k] / kmHat[last]));
				kmHat[k] = kmHat[last] * (1 - d[k] / nHat[k]);
			}
			nHat[k + 1] = nHat[k] - d[k] - cen[k];
			if (clamp && nHat[k + 1] < 0) {
				nHat[k + 1] = 0;
				cen[k] = nHat[k] - d[k];
			}
			if (d[k] !== 0) last = k;
		}
		return last;
	};

	const notSettled = (where: string) =>
		new StatsConvergenceError(
			`reconstruction did not settle within ${MAX_RECONSTRUCTION_ITERATIONS} rounds (${where}); check the points and numbers at risk`
		);

	for (let i = 0; i < nInt - 1; i++) {
		const next = lower[i + 1];
		nCensor[i] =
			S[lower[i]] === 0 ? 0 : roundHalfEven((nRisk[i] * S[next]) / S[lower[i]] - nRisk[i + 1]);
		// No more can be censored than leave the risk set over the interval.
		const mostCensored = nRisk[i] - nRisk[i + 1];
		let last = lastEvent[i];
		let rounds = 0;
		// The first round always runs (IPDfromKM's extra bound could skip it and leave the interval empty).
		while (
			rounds === 0 ||
			(nHat[next] > nRisk[i + 1] && nCensor[i] < mostCensored + 1) ||
			(nHat[next] < nRisk[i + 1] && nCensor[i] > 0)
		) {
			if (++rounds > MAX_RECONSTRUCTION_ITERATIONS)
				throw notSettled(`interval from time ${intervalsRisk[i].time}`);
			nCensor[i] = Math.min(Math.max(nCensor[i], 0), mostCensored);
			spreadCensoring(nCensor[i], lower[i], next);
			last = fillEvents(lower[i], upper[i], nRisk[i], lastEvent[i], true);
			nCensor[i] += nHat[next] - nRisk[i + 1];
		}
		if (nHat[next] < nRisk[i + 1]) nRisk[i + 1] = nHat[next];
		lastEvent[i + 1] = last;
	}

	const li = nInt - 1;
	const lo = lower[li];
	const up = upper[li];
	if (nInt > 1) {
		let censoredSoFar = 0;
		for (let i = 0; i < li; i++) censoredSoFar += nCensor[i];
		const spanSoFar = T[upper[li - 1]] - T[lower[0]];
		const rate = spanSoFar > 0 ? (censoredSoFar * (T[up] - T[lo])) / spanSoFar : 0;
		nCensor[li] = Math.min(roundHalfEven(rate), nRisk[li] - remainingAtEnd);
	} else nCensor[li] = 0;
	if (nCensor[li] < 0) nCensor[li] = 0;
	spreadCensoring(nCensor[li], lo, up);
	fillEvents(lo, up, nRisk[li], lastEvent[li], true);

	if (totalEvents !== undefined) {
		let eventsBefore = 0;
		if (nInt > 1) for (let k = 0; k <= upper[li - 1]; k++) eventsBefore += d[k];
		if (nInt > 1 && eventsBefore >= totalEvents) {
			for (let k = lo; k <= up; k++) d[k] = 0;
			for (let k = lo; k < up; k++) cen[k] = 0;
			for (let k = lo + 1; k <= up + 1; k++) nHat[k] = nRisk[li];
		} else {
			const eventTotal = () => d.reduce((s, x) => s + x, 0);
			let sum = eventTotal();
			let rounds = 0;
			while (sum > totalEvents || (sum < totalEvents && nCensor[li] > 0)) {
				if (++rounds > MAX_RECONSTRUCTION_ITERATIONS) throw notSettled('matching totalEvents');
				nCensor[li] += sum - totalEvents;
				if (nCensor[li] <= 0) nCensor[li] = 0;
				nCensor[li] = Math.min(nCensor[li], nRisk[li]);
				spreadCensoring(nCensor[li], lo, up);
				fillEvents(lo, up, nRisk[li], lastEvent[li], true);
				const previous = sum;
				sum = eventTotal();
				// Censoring capped at everyone at risk and still too many events: nothing left to move.
				if (sum > totalEvents && nCensor[li] === nRisk[li] && sum === previous) break;
			}
		}
	}

	const time: number[] = [];
	const event: (0 | 1)[] = [];
	for (let k = 0; k < m; k++)
		for (let j = 0; j < d[k]; j++) {
			time.push(T[k]);
			event.push(1);
		}
	for (let k = 0; k < m; k++) {
		const at = k + 1 < m ? (T[k] + T[k + 1]) / 2 : T[k];
		for (let j = 0; j < cen[k]; j++) {
			time.push(at);
			event.push(0);
		}
	}
	const remaining = nRisk[0] - time.length;
	if (remaining < 0)
		throw new StatsConvergenceError(
			`reconstruction assigned ${time.length} patients out of ${nRisk[0]}; check the numbers at risk`
		);
	for (let j = 0; j < remaining; j++) {
		time.push(T[m - 1]);
		event.push(0);
	}
	return { time, event };
}

/**
 * The corners of a step curve as points a reader would take off it: at each event time the top
 * and the bottom of the drop. With the numbers at risk, these are the input of
 * {@link reconstructIPD}; the round-trip tests use them to check a reconstruction against truth.
 */
export function curveCorners(km: KaplanMeierResult): CurvePoint[] {
	assertKm('km', km);
	const points: CurvePoint[] = [];
	let before = 1;
	for (let k = 0; k < km.time.length; k++) {
		if (km.nEvent[k] === 0) continue;
		points.push({ time: km.time[k], survival: before });
		points.push({ time: km.time[k], survival: km.surv[k] });
		before = km.surv[k];
	}
	const lastTime = km.time[km.time.length - 1];
	if (points.length === 0 || points[points.length - 1].time < lastTime)
		points.push({ time: lastTime, survival: before });
	return points;
}

/** How closely a reconstructed curve follows the published points (survival as proportions). */
export interface ReconstructionFit {
	/** Root mean squared error over the points. */
	rmse: number;
	meanAbsError: number;
	maxAbsError: number;
	/** Number of points compared. */
	points: number;
}

/**
 * Distance of the published `points` from a curve (usually `kaplanMeier(reconstructIPD(…))`):
 * for each point, the vertical distance to the step curve at its time, where the curve spans
 * every value from S(t) to its left limit S(t−) (a point on a drop lies on the curve). Unlike
 * IPDfromKM's report, nothing is rounded and the RMSE divides by the number of points.
 *
 * @throws {StatsInputError} for bad points or a `km` that is not a Kaplan–Meier result.
 */
export function reconstructionFit(
	points: readonly CurvePoint[],
	km: KaplanMeierResult
): ReconstructionFit {
	assertKm('km', km);
	if (!Array.isArray(points) || points.length === 0)
		throw new StatsInputError('points', 'must be a non-empty array of { time, survival }');
	let squares = 0;
	let absolute = 0;
	let max = 0;
	points.forEach((point, i) => {
		if (!Number.isFinite(point?.time) || !Number.isFinite(point?.survival))
			throw new StatsInputError(`points[${i}]`, 'must have a finite time and survival');
		// Index of the last curve time ≤ the point's time.
		let lo = 0;
		let hi = km.time.length - 1;
		let at = -1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (km.time[mid] <= point.time) {
				at = mid;
				lo = mid + 1;
			} else hi = mid - 1;
		}
		const value = at >= 0 ? km.surv[at] : 1;
		const leftLimit =
			at >= 0 && km.time[at] === point.time ? (at > 0 ? km.surv[at - 1] : 1) : value;
		const error =
			point.survival > leftLimit
				? point.survival - leftLimit
				: point.survival < value
					? value - point.survival
					: 0;
		squares += error * error;
		absolute += error;
		max = Math.max(max, error);
	});
	return {
		rmse: Math.sqrt(squares / points.length),
		meanAbsError: absolute / points.length,
		maxAbsError: max,
		points: points.length
	};
}
