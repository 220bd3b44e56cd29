/**
 * Log-rank test of k ≥ 2 groups, as R's `survdiff(Surv(time, event) ~ group)` (rho = 0).
 */
import { chiSquareUpper } from '../distributions';
import { StatsConvergenceError, StatsInputError } from '../errors';
import { assertSurvivalData, type SurvivalData } from './kaplan-meier';

/** Log-rank statistic with its degrees of freedom, p-value and observed/expected events per group. */
export interface LogRankResult {
	chisq: number;
	df: number;
	p: number;
	observed: number[];
	expected: number[];
}

/**
 * Log-rank test comparing the survival of the given groups (one `{ time, event }` per group,
 * in order). The statistic is (O − E)ᵀ V⁻ (O − E) over the first k − 1 groups with the
 * hypergeometric variance, as `survdiff`; df = (groups with expected > 0) − 1.
 *
 * @throws {StatsInputError} for fewer than two groups or bad data in a group.
 */
export function logRank(groups: readonly SurvivalData[]): LogRankResult {
	if (!Array.isArray(groups) || groups.length < 2)
		throw new StatsInputError('groups', 'must be an array of at least two { time, event } groups');
	groups.forEach((g, i) => assertSurvivalData(`groups[${i}]`, g));
	const k = groups.length;
	const all: { time: number; event: 0 | 1; group: number }[] = [];
	groups.forEach((g, group) => {
		for (let i = 0; i < g.time.length; i++) all.push({ time: g.time[i], event: g.event[i], group });
	});
	all.sort((a, b) => a.time - b.time);
	const atRisk = groups.map((g) => g.time.length);
	let total = all.length;
	const observed = new Array<number>(k).fill(0);
	const expected = new Array<number>(k).fill(0);
	const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	let i = 0;
	while (i < all.length) {
		const t = all[i].time;
		const deaths = new Array<number>(k).fill(0);
		const leaving = new Array<number>(k).fill(0);
		while (i < all.length && all[i].time === t) {
			deaths[all[i].group] += all[i].event;
			leaving[all[i].group]++;
			i++;
		}
		const d = deaths.reduce((s, x) => s + x, 0);
		if (d > 0) {
			const factor = total > 1 ? (d * (total - d)) / (total * (total - 1)) : 0;
			for (let a = 0; a < k; a++) {
				observed[a] += deaths[a];
				expected[a] += (d * atRisk[a]) / total;
				for (let b = 0; b < k; b++)
					variance[a][b] += factor * ((a === b ? atRisk[a] : 0) - (atRisk[a] * atRisk[b]) / total);
			}
		}
		for (let a = 0; a < k; a++) atRisk[a] -= leaving[a];
		total -= leaving.reduce((s, x) => s + x, 0);
	}
	const df = expected.filter((e) => e > 0).length - 1;
	const chisq = quadraticForm(variance, observed, expected);
	return { chisq, df, p: df > 0 ? chiSquareUpper(chisq, df) : 1, observed, expected };
}

/**
 * (O − E)ᵀ V⁻ (O − E) over the groups whose variance is not zero, dropping one of them (V is
 * singular: its rows sum to 0). Solved by Cholesky; survdiff uses a generalised inverse, the
 * same quadratic form on the non-degenerate groups.
 */
function quadraticForm(variance: number[][], observed: number[], expected: number[]): number {
	const keep = variance.map((row, a) => a).filter((a) => variance[a][a] > 0);
	const used = keep.slice(0, -1);
	const m = used.length;
	if (m === 0) return 0;
	const diff = used.map((a) => observed[a] - expected[a]);
	const chol = used.map(() => new Array<number>(m).fill(0));
	for (let r = 0; r < m; r++) {
		for (let c = 0; c <= r; c++) {
			let sum = variance[used[r]][used[c]];
			for (let j = 0; j < c; j++) sum -= chol[r][j] * chol[c][j];
			if (r === c) {
				if (sum <= 0) throw new StatsConvergenceError('log-rank variance is not positive definite');
				chol[r][c] = Math.sqrt(sum);
			} else chol[r][c] = sum / chol[c][c];
		}
	}
	// Solve L y = diff; the form is yᵀ y.
	let form = 0;
	const y = new Array<number>(m).fill(0);
	for (let r = 0; r < m; r++) {
		let sum = diff[r];
		for (let j = 0; j < r; j++) sum -= chol[r][j] * y[j];
		y[r] = sum / chol[r][r];
		form += y[r] * y[r];
	}
	return form;
}
