/**
 * Cox proportional-hazards model with one binary covariate (group 1 vs group 0), as R's
 * `coxph(Surv(time, event) ~ group, ties = 'efron' | 'breslow')`: Newton–Raphson on the partial
 * likelihood with step halving, Wald standard error, interval and test.
 */
import { normalTwoSidedP, zCritical } from '../distributions';
import { StatsConvergenceError, StatsInputError, assertMethod } from '../errors';
import { assertSurvivalData, orderByTime, type SurvivalData } from './kaplan-meier';

/** Handling of tied event times, as `coxph(ties = …)`. */
export type CoxTies = 'efron' | 'breslow';

/** The tie methods {@link coxPH} accepts, R's default first. */
export const COX_TIES: readonly CoxTies[] = ['efron', 'breslow'];

/** Survival data with a 0/1 group per patient. */
export interface CoxData extends SurvivalData {
	group: readonly (0 | 1)[];
}

/** Options of {@link coxPH}. */
export interface CoxOptions {
	/** Tie handling; default `'efron'`, R's default. */
	ties?: CoxTies;
	/** Two-sided level of the Wald interval of the hazard ratio; default 0.95. */
	level?: number;
}

/** Log hazard ratio `beta` with its Wald standard error, the hazard ratio with its Wald interval, z and p. */
export interface CoxResult {
	beta: number;
	se: number;
	hr: number;
	lower: number;
	upper: number;
	z: number;
	p: number;
}

/** Newton–Raphson stops after this many iterations (R's `iter.max` default is 20). */
const MAX_ITERATIONS = 50;

/**
 * Hazard ratio of group 1 against group 0 from a Cox model, as R's `coxph` with a Wald
 * interval (`summary(fit)$conf.int`) and Wald test (`summary(fit)$coefficients`).
 *
 * @throws {StatsInputError} for bad data, a group other than 0/1, only one group present or no
 * events. @throws {StatsConvergenceError} when the partial likelihood has no finite maximum
 * (monotone likelihood, e.g. no events in one group) or Newton–Raphson does not converge.
 */
export function coxPH(data: CoxData, { ties = 'efron', level = 0.95 }: CoxOptions = {}): CoxResult {
	assertSurvivalData('data', data);
	assertMethod('ties', ties, COX_TIES);
	const { time, group } = data;
	if (!Array.isArray(group) || group.length !== time.length)
		throw new StatsInputError('data.group', `must be an array of ${time.length} entries 0/1`);
	let ones = 0;
	for (let i = 0; i < group.length; i++) {
		if (group[i] !== 0 && group[i] !== 1)
			throw new StatsInputError(`data.group[${i}]`, `must be 0 or 1 (got ${group[i]})`);
		ones += group[i];
	}
	if (ones === 0 || ones === group.length)
		throw new StatsInputError('data.group', 'must contain both groups 0 and 1');
	const tiesTable = riskTable(data);
	if (tiesTable.totalDeaths === 0) throw new StatsInputError('data.event', 'has no events');
	// Centre the covariate at its mean, as coxph does, so exp() stays well scaled.
	const centre = ones / group.length;
	const efron = ties === 'efron';

	let beta = 0;
	let current = partialLikelihood(tiesTable, beta, centre, efron);
	let converged = false;
	for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
		if (!(current.information > 0)) break;
		let step = current.score / current.information;
		let next = partialLikelihood(tiesTable, beta + step, centre, efron);
		// Step halving when the likelihood falls, as coxph does.
		for (let halving = 0; halving < 30 && !(next.logLik >= current.logLik); halving++) {
			step /= 2;
			next = partialLikelihood(tiesTable, beta + step, centre, efron);
		}
		beta += step;
		current = next;
		if (Math.abs(step) <= 1e-10 * (1 + Math.abs(beta))) {
			converged = true;
			break;
		}
	}
	if (!converged || !(current.information > 0) || !Number.isFinite(beta))
		throw new StatsConvergenceError(
			'the Cox partial likelihood has no finite maximum (is one group free of events?)'
		);
	const se = 1 / Math.sqrt(current.information);
	const zValue = zCritical(level);
	const z = beta / se;
	return {
		beta,
		se,
		hr: Math.exp(beta),
		lower: Math.exp(beta - zValue * se),
		upper: Math.exp(beta + zValue * se),
		z,
		p: normalTwoSidedP(z)
	};
}

/**
 * Per distinct time, latest first: how many patients of each group leave the risk set there, and
 * how many of them die. With one binary covariate this is all the partial likelihood needs.
 */
interface RiskTable {
	leaving0: Float64Array;
	leaving1: Float64Array;
	deaths0: Float64Array;
	deaths1: Float64Array;
	totalDeaths: number;
}

function riskTable({ time, event, group }: CoxData): RiskTable {
	const order = orderByTime(time);
	const leaving0: number[] = [];
	const leaving1: number[] = [];
	const deaths0: number[] = [];
	const deaths1: number[] = [];
	let totalDeaths = 0;
	for (let i = order.length - 1; i >= 0;) {
		const t = time[order[i]];
		let l0 = 0;
		let l1 = 0;
		let d0 = 0;
		let d1 = 0;
		for (; i >= 0 && time[order[i]] === t; i--) {
			const p = order[i];
			if (group[p] === 1) {
				l1++;
				d1 += event[p];
			} else {
				l0++;
				d0 += event[p];
			}
		}
		leaving0.push(l0);
		leaving1.push(l1);
		deaths0.push(d0);
		deaths1.push(d1);
		totalDeaths += d0 + d1;
	}
	return {
		leaving0: Float64Array.from(leaving0),
		leaving1: Float64Array.from(leaving1),
		deaths0: Float64Array.from(deaths0),
		deaths1: Float64Array.from(deaths1),
		totalDeaths
	};
}

/** Log partial likelihood, score and information at `beta` (covariate centred at `centre`). */
function partialLikelihood(
	table: RiskTable,
	beta: number,
	centre: number,
	efron: boolean
): { logLik: number; score: number; information: number } {
	const x0 = -centre;
	const x1 = 1 - centre;
	const w0 = Math.exp(beta * x0);
	const w1 = Math.exp(beta * x1);
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	let logLik = 0;
	let score = 0;
	let information = 0;
	const n = table.leaving0.length;
	for (let j = 0; j < n; j++) {
		const l0 = table.leaving0[j];
		const l1 = table.leaving1[j];
		s0 += l0 * w0 + l1 * w1;
		s1 += l0 * w0 * x0 + l1 * w1 * x1;
		s2 += l0 * w0 * x0 * x0 + l1 * w1 * x1 * x1;
		const d0 = table.deaths0[j];
		const d1 = table.deaths1[j];
		const d = d0 + d1;
		if (d === 0) continue;
		const deathX = d0 * x0 + d1 * x1;
		logLik += beta * deathX;
		score += deathX;
		if (!efron || d === 1) {
			const mean = s1 / s0;
			logLik -= d * Math.log(s0);
			score -= d * mean;
			information += d * (s2 / s0 - mean * mean);
			continue;
		}
		const e0 = d0 * w0 + d1 * w1;
		const e1 = d0 * w0 * x0 + d1 * w1 * x1;
		const e2 = d0 * w0 * x0 * x0 + d1 * w1 * x1 * x1;
		for (let r = 0; r < d; r++) {
			const f = r / d;
			const a0 = s0 - f * e0;
			const a1 = s1 - f * e1;
			const a2 = s2 - f * e2;
			const mean = a1 / a0;
			logLik -= Math.log(a0);
			score -= mean;
			information += a2 / a0 - mean * mean;
		}
	}
	return { logLik, score, information };
}
