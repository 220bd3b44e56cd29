import { describe, expect, it } from 'vitest';
import { poolProportions } from './pooling';
import type { PoolingMethod } from './labels';
import type { PooledProportion, PredictionCritical } from './pooling';
import {
	REFERENCE,
	REL_SPECIAL,
	checkEveryKey,
	expectClose,
	expectInputError,
	expectPair,
	num,
	obj
} from './test-helpers';

const meta = obj(REFERENCE.meta_analysis_PLO, 'meta_analysis_PLO');
if (!Array.isArray(meta.data)) throw new Error('meta_analysis_PLO.data must be an array');
const studies = meta.data.map((raw, i) => {
	const row = obj(raw, `data[${i}]`);
	return {
		label: String(row.study),
		events: num(row.xi, `data[${i}].xi`),
		total: num(row.ni, `data[${i}].ni`)
	};
});
const methodsInReference = Object.keys(meta).filter((key) => key !== 'data');

const NOT_COVERED = {
	se_tau2: 'the standard error of τ² is not offered (its Wald interval is poor; I² and the PI are)',
	heterogeneity_ci_qprofile: 'Q-profile intervals for τ², I² and H² are not offered',
	test: 'checked through logit.p (z test) instead'
};

function predicted(method: PoolingMethod, prediction: PredictionCritical) {
	const pi = poolProportions(studies, { method, prediction }).predictionInterval;
	if (!pi) throw new Error(`no prediction interval for ${prediction}`);
	return pi;
}

describe('poolProportions against metafor rma(measure = "PLO"), every method and key', () => {
	it('the reference has at least the DL results', () => {
		expect(methodsInReference).toContain('DL');
	});

	it.each(methodsInReference)('%s', (methodKey) => {
		const block = obj(meta[methodKey], methodKey);
		const method = block.method as PoolingMethod;
		expect(method).toBe(methodKey);
		const r = poolProportions(studies, { method });
		const rel = REL_SPECIAL;
		const logitPi = (p: PredictionCritical) => {
			const pi = predicted(method, p);
			return { low: pi.logitLow, high: pi.logitHigh };
		};
		checkEveryKey(
			block,
			{
				method: (v) => expect(r.method).toBe(v),
				k: (v) => expect(r.k).toBe(v),
				logit: (v, where) =>
					checkEveryKey(
						obj(v, where),
						{
							estimate: (x, k) => expectClose(r.logit.estimate, num(x, k), rel, k),
							se: (x, k) => expectClose(r.logit.se, num(x, k), rel, k),
							ci: (x, k) => expectPair(r.logit, x, rel, k),
							zval_or_tval: (x, k) => expectClose(r.logit.z, num(x, k), rel, k),
							pval: (x, k) => expectClose(r.logit.p, num(x, k), rel, k),
							pi_z: (x, k) => expectPair(logitPi('z'), x, rel, k),
							pi_t_df_k_minus_1: (x, k) => expectPair(logitPi('t-k-1'), x, rel, k),
							pi_t_df_k_minus_2: (x, k) => expectPair(logitPi('t-k-2'), x, rel, k)
						},
						{},
						`${methodKey}.logit`
					),
				proportion: (v, where) =>
					checkEveryKey(
						obj(v, where),
						{
							estimate: (x, k) => expectClose(r.estimate, num(x, k), rel, k),
							ci: (x, k) => expectPair(r, x, rel, k),
							pi_z: (x, k) => expectPair(predicted(method, 'z'), x, rel, k),
							pi_t_df_k_minus_1: (x, k) => expectPair(predicted(method, 't-k-1'), x, rel, k),
							pi_t_df_k_minus_2: (x, k) => expectPair(r.predictionInterval!, x, rel, k)
						},
						{},
						`${methodKey}.proportion`
					),
				tau2: (v, k) => expectClose(r.tau2, num(v, k), rel, k),
				tau: (v, k) => expectClose(r.tau, num(v, k), rel, k),
				I2_percent: (v, k) => expectClose(r.I2, num(v, k), rel, k),
				H2: (v, k) => expectClose(r.H2, num(v, k), rel, k),
				// The Q-based I² = (Q − df)/Q equals metafor's τ²-based I² for DL only.
				I2_percent_Q_based_check: (v, k) =>
					expectClose((100 * Math.max(0, r.Q - r.df)) / r.Q, num(v, k), rel, k),
				Q: (v, k) => expectClose(r.Q, num(v, k), rel, k),
				Q_df: (v) => expect(r.df).toBe(v),
				Q_pval: (v, k) => expectClose(r.pQ, num(v, k), rel, k),
				weights_percent: (v, k) => {
					if (!Array.isArray(v)) throw new Error(`${k}: expected an array`);
					expect(r.weights).toHaveLength(v.length);
					v.forEach((w, i) => expectClose(r.weights[i], num(w, k), rel, `${k}[${i}]`));
					r.studies.forEach((s, i) => expect(s.weightPercent).toBe(r.weights[i]));
				}
			},
			NOT_COVERED,
			methodKey
		);
	});
});

/** Restricted log-likelihood of the intercept-only random-effects model (up to a constant). */
function remlLogLik(y: number[], v: number[], tau2: number): number {
	const w = v.map((vi) => 1 / (vi + tau2));
	const sw = w.reduce((s, x) => s + x, 0);
	const mu = w.reduce((s, wi, i) => s + wi * y[i], 0) / sw;
	const rss = w.reduce((s, wi, i) => s + wi * (y[i] - mu) ** 2, 0);
	const logDet = v.reduce((s, vi) => s + Math.log(vi + tau2), 0);
	return -0.5 * (logDet + Math.log(sw) + rss);
}

/** Maximiser of the restricted likelihood on [0, upper] by a grid, then golden-section search. */
function remlByGoldenSection(y: number[], v: number[], upper = 20): number {
	const grid = Array.from({ length: 2001 }, (_, i) => (upper * i) / 2000);
	const best = grid.reduce((b, t) => (remlLogLik(y, v, t) > remlLogLik(y, v, b) ? t : b), 0);
	let lo = Math.max(0, best - upper / 2000);
	let hi = best + upper / 2000;
	const g = (Math.sqrt(5) - 1) / 2;
	while (hi - lo > 1e-12) {
		const c = hi - g * (hi - lo);
		const d = lo + g * (hi - lo);
		if (remlLogLik(y, v, c) >= remlLogLik(y, v, d)) hi = d;
		else lo = c;
	}
	return (lo + hi) / 2;
}

describe('poolProportions with REML (the R reference has no REML results: internal checks)', () => {
	it('maximises the restricted likelihood on the reference data', () => {
		const r = poolProportions(studies, { method: 'REML' });
		const y = r.studies.map((s) => s.yi);
		const v = r.studies.map((s) => s.vi);
		expect(r.tau2).toBeGreaterThan(0);
		expectClose(r.tau2, remlByGoldenSection(y, v), 1e-6, 'REML τ²');
		expect(r.iterations).toBeGreaterThan(0);
		// Score equation of REML at an interior optimum: ‖P y‖² = tr P.
		const w = v.map((vi) => 1 / (vi + r.tau2));
		const sw = w.reduce((s, x) => s + x, 0);
		const sw2 = w.reduce((s, x) => s + x * x, 0);
		const py2 = w.reduce((s, wi, i) => s + (wi * (y[i] - r.logit.estimate)) ** 2, 0);
		expectClose(py2, sw - sw2 / sw, 1e-8, 'score equation');
		// Shares Q with DL; I² and H² follow τ² through the same formula.
		const dl = poolProportions(studies);
		expect(r.Q).toBe(dl.Q);
		expect(r.I2 > dl.I2).toBe(r.tau2 > dl.tau2);
	});

	it('homogeneous studies: τ² = 0 for DL and REML, identical results, hand-checkable values', () => {
		// Every study 20 %: logit = −ln 4, v = 1/(n·0.2·0.8), so Σw = 0.16·Σn = 80.
		const same = [
			{ events: 20, total: 100 },
			{ events: 40, total: 200 },
			{ events: 10, total: 50 },
			{ events: 30, total: 150 }
		];
		const dl = poolProportions(same);
		const reml = poolProportions(same, { method: 'REML' });
		for (const r of [dl, reml]) {
			expect(r.tau2).toBe(0);
			expectClose(r.estimate, 0.2, 1e-12, 'estimate');
			expectClose(r.logit.estimate, -Math.log(4), 1e-12, 'logit');
			expectClose(r.logit.se, 1 / Math.sqrt(80), 1e-12, 'se');
			expectClose(r.Q, 0, 1e-12, 'Q');
			expectClose(r.pQ, 1, 1e-12, 'p(Q)');
			expect(r.I2).toBe(0);
			expect(r.H2).toBe(1);
			[20, 40, 10, 30].forEach((w, i) => expectClose(r.weights[i], w, 1e-12, `weight ${i}`));
		}
		expect({ ...reml, method: 'DL', iterations: undefined }).toEqual({
			...dl,
			iterations: undefined
		});
	});

	it('mild heterogeneity below Q = df: both estimators give τ² = 0 and the fixed-effect result', () => {
		const close = [
			{ events: 20, total: 100 },
			{ events: 22, total: 100 },
			{ events: 19, total: 100 },
			{ events: 21, total: 100 }
		];
		const dl = poolProportions(close);
		const reml = poolProportions(close, { method: 'REML' });
		expect(dl.Q).toBeLessThan(dl.df);
		expect(dl.tau2).toBe(0);
		expect(reml.tau2).toBe(0);
		expect(reml.estimate).toBeCloseTo(dl.estimate, 12);
		expect(reml.low).toBeCloseTo(dl.low, 12);
	});

	it('τ² ≥ 0 and finite across many random data sets', () => {
		let seed = 12345;
		const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
		for (let run = 0; run < 200; run++) {
			const k = 2 + Math.floor(random() * 8);
			const data = Array.from({ length: k }, () => {
				const total = 5 + Math.floor(random() * 300);
				return { events: Math.floor(random() * (total + 1)), total };
			});
			for (const method of ['DL', 'REML'] as const) {
				const r = poolProportions(data, { method });
				expect(r.tau2).toBeGreaterThanOrEqual(0);
				const values = [r.estimate, r.low, r.high, r.tau2, r.I2, r.H2, r.Q, r.pQ, ...r.weights];
				expect(values.every(Number.isFinite)).toBe(true);
				expect(r.low <= r.estimate && r.estimate <= r.high).toBe(true);
			}
		}
	});
});

describe('poolProportions details', () => {
	it('adds ½ to events and non-events of a study with 0 or all events and says so', () => {
		const r: PooledProportion = poolProportions([
			{ events: 0, total: 10, label: 'A' },
			{ events: 5, total: 20, label: 'B' },
			{ events: 12, total: 12 }
		]);
		expect(r.continuityCorrection.applied).toBe(true);
		expect(r.continuityCorrection.studies).toEqual([0, 2]);
		expect(r.continuityCorrection.note).toMatch(/A, study 3/);
		expect(r.studies.map((s) => s.corrected)).toEqual([true, false, true]);
		expectClose(r.studies[0].yi, Math.log(0.5 / 10.5), 1e-12, 'corrected logit');
		expectClose(r.studies[0].vi, 1 / 0.5 + 1 / 10.5, 1e-12, 'corrected variance');
		expect(poolProportions(studies).continuityCorrection.applied).toBe(false);
	});

	it('has no t(k − 2) prediction interval for two studies, but a z one', () => {
		const two = studies.slice(0, 2);
		expect(poolProportions(two).predictionInterval).toBeUndefined();
		expect(poolProportions(two, { prediction: 'z' }).predictionInterval?.df).toBe(Infinity);
	});

	it('weights sum to 100 % and the prediction interval contains the confidence interval', () => {
		for (const method of ['DL', 'REML'] as const) {
			const r = poolProportions(studies, { method });
			expectClose(
				r.weights.reduce((s, w) => s + w, 0),
				100,
				1e-12,
				'weights'
			);
			expect(r.predictionInterval!.low).toBeLessThan(r.low);
			expect(r.predictionInterval!.high).toBeGreaterThan(r.high);
		}
	});

	const bad: [string, () => unknown, string][] = [
		['no studies', () => poolProportions([]), 'studies'],
		['one study', () => poolProportions([{ events: 1, total: 2 }]), 'studies'],
		['not an array', () => poolProportions(null as unknown as []), 'studies'],
		[
			'events > total',
			() => poolProportions([studies[0], { events: 5, total: 4 }]),
			'studies[1].events'
		],
		['total 0', () => poolProportions([{ events: 0, total: 0 }, studies[0]]), 'studies[0].total'],
		[
			'non-integer',
			() => poolProportions([studies[0], { events: 2.5, total: 4 }]),
			'studies[1].events'
		],
		['level', () => poolProportions(studies, { level: 0 }), 'level'],
		['method', () => poolProportions(studies, { method: 'PM' as 'DL' }), 'method'],
		['prediction', () => poolProportions(studies, { prediction: 't' as 'z' }), 'prediction']
	];
	it.each(bad)('%s throws StatsInputError naming %s', (_, call, argument) =>
		expectInputError(call, argument)
	);
});
