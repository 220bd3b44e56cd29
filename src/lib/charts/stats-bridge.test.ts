import { describe, expect, it } from 'vitest';
import reference from '../../../tests/fixtures/stats-reference.json';
import { clopperPearson, displayInterval } from './stats-bridge';

describe('clopperPearson (temporary bridge) agrees with R binom.test', () => {
	const cases = Object.values(reference.single_proportions) as unknown as {
		x: number;
		n: number;
		clopper_pearson: [number, number];
	}[];
	it.each(cases.map((c) => [`${c.x}/${c.n}`, c] as const))('%s', (_, c) => {
		const [low, high] = clopperPearson(c.x, c.n);
		expect(low).toBeCloseTo(c.clopper_pearson[0], 6);
		expect(high).toBeCloseTo(c.clopper_pearson[1], 6);
	});
});

describe('displayInterval', () => {
	it.each([
		[
			'keeps a printed CI',
			{
				unit: 'percent',
				events: 81,
				total: 189,
				ci: { low: 36, high: 50, level: 0.95, method: 'not stated' }
			},
			'printed'
		],
		[
			'computes from counts when none is printed',
			{ unit: 'percent', events: 16, total: 45 },
			'computed'
		],
		['gives none without counts', { unit: 'percent' }, undefined],
		['computes nothing for months', { unit: 'months', events: 3, total: 9 }, undefined]
	] as const)('%s', (_, result, origin) => {
		expect(displayInterval(result)?.origin).toBe(origin);
	});
});

describe('poolProportions (temporary bridge) agrees with metafor rma(measure="PLO", method="DL")', () => {
	it('pools the four reference studies', async () => {
		const { poolProportions } = await import('./stats-bridge');
		const ref = reference.meta_analysis_PLO;
		const pooled = poolProportions(ref.data.map((d) => ({ events: d.xi, total: d.ni })))!;
		expect(pooled.estimate).toBeCloseTo(ref.DL.proportion.estimate, 6);
		expect(pooled.low).toBeCloseTo(ref.DL.proportion.ci[0], 6);
		expect(pooled.high).toBeCloseTo(ref.DL.proportion.ci[1], 6);
		expect(pooled.tau2).toBeCloseTo(ref.DL.tau2, 6);
		expect(pooled.i2 * 100).toBeCloseTo(ref.DL.I2_percent, 4);
	});
});

describe('two-arm effects (temporary bridge) agree with R', () => {
	const cases = Object.entries(reference.two_arm) as unknown as [
		string,
		{
			arm1: [number, number];
			arm2: [number, number];
			risk_difference: { estimate: number; newcombe_hybrid_score_method10: [number, number] };
			relative_risk: { estimate: number; wald_log_ci: [number, number] };
		}
	][];
	it.each(cases)('%s', async (_, c) => {
		const { riskDifference, riskRatio } = await import('./stats-bridge');
		const a = { events: c.arm1[0], total: c.arm1[1] };
		const b = { events: c.arm2[0], total: c.arm2[1] };
		const rd = riskDifference(a, b);
		expect(rd.estimate / 100).toBeCloseTo(c.risk_difference.estimate, 8);
		expect(rd.low / 100).toBeCloseTo(c.risk_difference.newcombe_hybrid_score_method10[0], 6);
		expect(rd.high / 100).toBeCloseTo(c.risk_difference.newcombe_hybrid_score_method10[1], 6);
		const rr = riskRatio(a, b);
		if (a.events === 0 || b.events === 0) expect(rr).toBeUndefined();
		else {
			expect(rr!.estimate).toBeCloseTo(c.relative_risk.estimate, 8);
			expect(rr!.low).toBeCloseTo(c.relative_risk.wald_log_ci[0], 6);
			expect(rr!.high).toBeCloseTo(c.relative_risk.wald_log_ci[1], 6);
		}
	});
});
