import { describe, expect, it } from 'vitest';
import { zCritical } from './distributions';
import { proportionCI } from './proportion';
import { fisherExact } from './fisher';
import { numberNeededToTreat } from './nnt';
import { oddsRatio, riskDifference, riskRatio } from './two-arm';
import type { Arm } from './two-arm';
import {
	REFERENCE,
	REL_CLOSED,
	REL_SPECIAL,
	checkEveryKey,
	expectClose,
	expectInputError,
	expectPair,
	num,
	obj,
	pair
} from './test-helpers';

const cases = Object.entries(obj(REFERENCE.two_arm, 'two_arm'));

/** Reference values outside the module's API, with the reason. */
const NOT_COVERED: Record<string, Record<string, string>> = {
	case: {
		chi_square: 'the chi-square test is not offered; Fisher exact is used for 2×2 tables'
	},
	risk_difference: {
		'wald_yates_cc_prop.test': 'the continuity-corrected Wald interval is not offered'
	},
	odds_ratio: {
		fisher_conditional_mle: 'the conditional MLE odds ratio is not offered (Wald log OR is)',
		fisher_conditional_exact_ci: 'the conditional exact OR interval is not offered',
		fisher_conditional_mle_R_default_tolerance: 'the conditional MLE odds ratio is not offered',
		fisher_conditional_exact_ci_R_default_tolerance:
			'the conditional exact OR interval is not offered'
	},
	nnt_ci: { note: 'free text for the reader' }
};

function arm(value: unknown, what: string): Arm {
	const [events, total] = pair(value, what);
	return { events, total };
}

describe('two-arm effects against the R reference, every case and key', () => {
	it.each(cases)('%s', (name, raw) => {
		const row = obj(raw, name);
		const a = arm(row.arm1, `${name}.arm1`);
		const b = arm(row.arm2, `${name}.arm2`);
		const at = (k: string) => `${name} ${k}`;
		const z = zCritical(0.95);
		const newcombe = riskDifference(a, b);
		const wald = riskDifference(a, b, { method: 'wald' });
		const rr = riskRatio(a, b);
		const or = oddsRatio(a, b);
		const glmCheck = (
			ours: { estimate: number; low: number; high: number },
			v: unknown,
			k: string
		) => {
			if (!Array.isArray(v) || v.length !== 3) throw new Error(`${k}: expected 3 numbers`);
			expectClose(ours.estimate, num(v[0], k), REL_SPECIAL, at(`${k} estimate`));
			expectClose(ours.low, num(v[1], k), REL_SPECIAL, at(`${k} low`));
			expectClose(ours.high, num(v[2], k), REL_SPECIAL, at(`${k} high`));
		};

		checkEveryKey(
			row,
			{
				arm1: () => expect(a.events).toBeLessThanOrEqual(a.total),
				arm2: () => expect(b.events).toBeLessThanOrEqual(b.total),
				p1: (v, k) =>
					expectClose(proportionCI(a.events, a.total).estimate, num(v, k), REL_CLOSED, at(k)),
				p2: (v, k) =>
					expectClose(proportionCI(b.events, b.total).estimate, num(v, k), REL_CLOSED, at(k)),
				risk_difference: (v, where) =>
					checkEveryKey(
						obj(v, where),
						{
							estimate: (x, k) => {
								expectClose(newcombe.estimate, num(x, k), REL_CLOSED, k);
								expectClose(wald.estimate, num(x, k), REL_CLOSED, k);
							},
							se_wald: (x, k) =>
								expectClose((wald.high - wald.low) / (2 * z), num(x, k), REL_CLOSED, k),
							newcombe_hybrid_score_method10: (x, k) => expectPair(newcombe, x, REL_CLOSED, k),
							wilson_arm1: (x, k) =>
								expectPair(proportionCI(a.events, a.total, { method: 'wilson' }), x, REL_CLOSED, k),
							wilson_arm2: (x, k) =>
								expectPair(proportionCI(b.events, b.total, { method: 'wilson' }), x, REL_CLOSED, k),
							wald: (x, k) => expectPair(wald, x, REL_CLOSED, k),
							'wald_prop.test_check': (x, k) => expectPair(wald, x, REL_CLOSED, k)
						},
						NOT_COVERED.risk_difference,
						at('risk_difference')
					),
				relative_risk: (v, where) =>
					checkEveryKey(
						obj(v, where),
						{
							estimate: (x, k) => expectClose(rr.estimate, num(x, k), REL_CLOSED, k),
							se_log: (x, k) => expectClose(rr.seLog, num(x, k), REL_CLOSED, k),
							wald_log_ci: (x, k) => expectPair(rr, x, REL_CLOSED, k),
							glm_log_binomial_check: (x, k) => glmCheck(rr, x, k)
						},
						{},
						at('relative_risk')
					),
				odds_ratio: (v, where) =>
					checkEveryKey(
						obj(v, where),
						{
							sample_estimate: (x, k) => expectClose(or.estimate, num(x, k), REL_CLOSED, k),
							se_log: (x, k) => expectClose(or.seLog, num(x, k), REL_CLOSED, k),
							wald_log_ci: (x, k) => expectPair(or, x, REL_CLOSED, k),
							glm_logistic_check: (x, k) => glmCheck(or, x, k)
						},
						NOT_COVERED.odds_ratio,
						at('odds_ratio')
					),
				fisher_exact: (v, where) =>
					checkEveryKey(
						obj(v, where),
						{
							p_two_sided: (x, k) => expectClose(fisherExact(a, b), num(x, k), REL_SPECIAL, k),
							p_two_sided_hp_check: (x, k) =>
								expectClose(fisherExact(a, b), num(x, k), REL_SPECIAL, k),
							p_less: (x, k) =>
								expectClose(fisherExact(a, b, { alternative: 'less' }), num(x, k), REL_SPECIAL, k),
							p_greater: (x, k) =>
								expectClose(
									fisherExact(a, b, { alternative: 'greater' }),
									num(x, k),
									REL_SPECIAL,
									k
								)
						},
						{},
						at('fisher_exact')
					),
				nnt: (v, where) => {
					const block = obj(v, where);
					const fromNewcombe = numberNeededToTreat(newcombe);
					const nntCi = (rd: typeof newcombe) => (x: unknown, k: string) =>
						checkEveryKey(
							obj(x, k),
							{
								excludes_zero: (e) => expect(numberNeededToTreat(rd).crossesZero).toBe(!e),
								nnt_ci: (e, kk) => expectPair(numberNeededToTreat(rd), e, REL_CLOSED, kk)
							},
							NOT_COVERED.nnt_ci,
							k
						);
					checkEveryKey(
						block,
						{
							nnt: (x, k) => expectClose(fromNewcombe.nnt, num(x, k), REL_CLOSED, k),
							nnt_signed_1_over_rd: (x, k) =>
								expectClose(1 / newcombe.estimate, num(x, k), REL_CLOSED, k),
							nnt_ceiling: (x) => expect(Math.ceil(fromNewcombe.nnt)).toBe(x),
							from_newcombe: nntCi(newcombe),
							from_wald: nntCi(wald)
						},
						{},
						at('nnt')
					);
				}
			},
			NOT_COVERED.case,
			name
		);
	});
});

describe('riskDifference, riskRatio, oddsRatio beyond the reference', () => {
	it('Newcombe reduces to the arms’ Wilson limits when one arm is certain', () => {
		// p2 = 0 with Wilson low 0: the upper RD limit is p1's Wilson upper distance, hand-checkable.
		const a = { events: 3, total: 10 };
		const b = { events: 0, total: 10 };
		const rd = riskDifference(a, b);
		const w1 = proportionCI(3, 10, { method: 'wilson' });
		const w2 = proportionCI(0, 10, { method: 'wilson' });
		expectClose(rd.high, 0.3 + Math.hypot(w1.high - 0.3, 0), REL_CLOSED, 'high');
		expectClose(rd.low, 0.3 - Math.hypot(0.3 - w1.low, w2.high), REL_CLOSED, 'low');
	});

	it('keeps the Wald risk difference inside [−1, 1] and finite when both arms are certain', () => {
		const wald = riskDifference(
			{ events: 1, total: 1 },
			{ events: 0, total: 1 },
			{ method: 'wald' }
		);
		expect([wald.estimate, wald.low, wald.high]).toEqual([1, 1, 1]);
		const nc = riskDifference({ events: 1, total: 1 }, { events: 0, total: 1 });
		expect(nc.low).toBeGreaterThan(-1);
		expect(nc.high).toBeLessThanOrEqual(1);
	});

	it('adds ½ to every cell when a cell is zero, and says so', () => {
		const a = { events: 0, total: 20 };
		const b = { events: 5, total: 20 };
		const rr = riskRatio(a, b);
		const or = oddsRatio(a, b);
		expect(rr.continuityCorrection).toBe(0.5);
		expect(or.continuityCorrection).toBe(0.5);
		expectClose(rr.estimate, 0.5 / 21 / (5.5 / 21), REL_CLOSED, 'RR');
		expectClose(or.estimate, (0.5 * 15.5) / (20.5 * 5.5), REL_CLOSED, 'OR');
		expect(Number.isFinite(rr.low) && Number.isFinite(or.high)).toBe(true);
		expect(riskRatio(b, b).continuityCorrection).toBe(0);
	});

	it('inverts under swapping the arms', () => {
		const a = { events: 18, total: 54 };
		const b = { events: 31, total: 54 };
		expectClose(riskRatio(b, a).low, 1 / riskRatio(a, b).high, REL_CLOSED, 'RR');
		expectClose(oddsRatio(b, a).high, 1 / oddsRatio(a, b).low, REL_CLOSED, 'OR');
		expectClose(riskDifference(b, a).low, -riskDifference(a, b).high, REL_CLOSED, 'RD');
	});
});

describe('fisherExact beyond the reference', () => {
	it('is 1 for identical arms and symmetric under swapping for two-sided', () => {
		expect(fisherExact({ events: 5, total: 10 }, { events: 5, total: 10 })).toBe(1);
		const a = { events: 3, total: 17 };
		const b = { events: 9, total: 14 };
		expectClose(fisherExact(a, b), fisherExact(b, a), 1e-12, 'swap');
		expectClose(
			fisherExact(a, b, { alternative: 'less' }),
			fisherExact(b, a, { alternative: 'greater' }),
			1e-12,
			'one-sided swap'
		);
	});

	it('matches a hand-checkable table: 0/5 vs 5/5 gives 2 / C(10, 5)', () => {
		expectClose(fisherExact({ events: 0, total: 5 }, { events: 5, total: 5 }), 2 / 252, 1e-9, 'p');
		expectClose(
			fisherExact({ events: 0, total: 5 }, { events: 5, total: 5 }, { alternative: 'less' }),
			1 / 252,
			1e-9,
			'p less'
		);
	});

	it('handles large arms', () => {
		const p = fisherExact({ events: 500, total: 100_000 }, { events: 600, total: 100_000 });
		expect(p).toBeGreaterThan(0);
		expect(p).toBeLessThan(0.01);
	});
});

describe('numberNeededToTreat', () => {
	it('labels benefit and harm by the outcome direction', () => {
		const rd = riskDifference({ events: 31, total: 54 }, { events: 18, total: 54 });
		const desirable = numberNeededToTreat(rd);
		expect(desirable.kind).toBe('benefit');
		expect(desirable.description).toMatch(/^NNTB 4\.2 \(95 % CI 2\.5 to 18\.9\)$/);
		const undesirable = numberNeededToTreat(rd, { outcome: 'undesirable' });
		expect(undesirable.kind).toBe('harm');
		expect([undesirable.low, undesirable.high]).toEqual([desirable.low, desirable.high]);
	});

	it('runs from NNTH through infinity to NNTB when the interval crosses 0 (Altman 1998)', () => {
		const rd = { estimate: 0.1, low: -0.05, high: 0.25, method: 'wald' as const, level: 0.95 };
		const r = numberNeededToTreat(rd);
		expect(r.crossesZero).toBe(true);
		expect(r.kind).toBe('benefit');
		expectClose(r.nnt, 10, 1e-12, 'nnt');
		expectClose(r.low, 20, 1e-12, 'NNTH limit');
		expectClose(r.high, 4, 1e-12, 'NNTB limit');
		expect(r.description).toBe('NNTB 10.0 (95 % CI NNTH 20.0 to ∞ to NNTB 4.0)');
		const flipped = numberNeededToTreat(rd, { outcome: 'undesirable' });
		expect(flipped.kind).toBe('harm');
		expectClose(flipped.low, 4, 1e-12, 'NNTH limit');
		expectClose(flipped.high, 20, 1e-12, 'NNTB limit');
	});

	it('reports no difference as an infinite NNT, never NaN', () => {
		const rd = riskDifference(
			{ events: 0, total: 10 },
			{ events: 0, total: 10 },
			{ method: 'wald' }
		);
		const r = numberNeededToTreat(rd);
		expect(r.kind).toBe('none');
		expect([r.nnt, r.low, r.high]).toEqual([Infinity, Infinity, Infinity]);
	});
});

describe('two-arm input errors', () => {
	const ok = { events: 1, total: 2 };
	const bad: [string, () => unknown, string][] = [
		['a events > total', () => riskDifference({ events: 3, total: 2 }, ok), 'a.events'],
		['b total 0', () => riskRatio(ok, { events: 0, total: 0 }), 'b.total'],
		['b negative', () => oddsRatio(ok, { events: -1, total: 2 }), 'b.events'],
		['a non-integer', () => fisherExact({ events: 0.5, total: 2 }, ok), 'a.events'],
		['a NaN', () => riskDifference({ events: NaN, total: 2 }, ok), 'a.events'],
		['a missing', () => riskDifference(undefined as unknown as Arm, ok), 'a'],
		['level', () => riskRatio(ok, ok, { level: 1.5 }), 'level'],
		['rd method', () => riskDifference(ok, ok, { method: 'score' as 'wald' }), 'method'],
		['alternative', () => fisherExact(ok, ok, { alternative: 'both' as 'less' }), 'alternative'],
		[
			'nnt from NaN',
			() => numberNeededToTreat({ estimate: NaN, low: 0, high: 1, method: 'wald', level: 0.95 }),
			'riskDifference.estimate'
		],
		[
			'nnt unordered',
			() =>
				numberNeededToTreat({ estimate: 0.5, low: 0.6, high: 0.7, method: 'wald', level: 0.95 }),
			'riskDifference'
		],
		[
			'nnt outcome',
			() => numberNeededToTreat(riskDifference(ok, ok), { outcome: 'good' as 'desirable' }),
			'outcome'
		]
	];
	it.each(bad)('%s throws StatsInputError naming %s', (_, call, argument) =>
		expectInputError(call, argument)
	);
});
