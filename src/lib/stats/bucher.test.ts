import { describe, expect, it } from 'vitest';
import { bucher, standardErrorFromInterval, type PrintedEffect } from './bucher';
import { StatsInputError } from './errors';

const hr = (estimate: number, lower: number, upper: number, level = 0.95): PrintedEffect => ({
	estimate,
	lower,
	upper,
	level,
	scale: 'log'
});

// Hand-computed: z(0.975) = 1.959963984540054, z(0.9875) = 2.241402727604947.
// SE(ab) = (ln 0.9 − ln 0.5) / (2 · 1.959964) = 0.5877866649 / 3.919927969 = 0.149948
// SE(cb) = (ln 1.2 − ln 0.6) / (2 · 1.959964) = 0.6931471806 / 3.919927969 = 0.176826
// d = ln 0.67 − ln 0.85 = −0.2379411 ; SE = sqrt(0.149948² + 0.176826²) = 0.231849
const cases: {
	name: string;
	ab: PrintedEffect;
	cb: PrintedEffect;
	estimate: number;
	lower: number;
	upper: number;
	se: number;
}[] = [
	{
		name: 'two hazard ratios with 95% intervals',
		ab: hr(0.67, 0.5, 0.9),
		cb: hr(0.85, 0.6, 1.2),
		estimate: 0.67 / 0.85,
		se: Math.hypot(
			(Math.log(0.9) - Math.log(0.5)) / (2 * 1.959963984540054),
			(Math.log(1.2) - Math.log(0.6)) / (2 * 1.959963984540054)
		),
		lower: Math.exp(
			Math.log(0.67 / 0.85) -
				1.959963984540054 *
					Math.hypot(
						(Math.log(0.9) - Math.log(0.5)) / (2 * 1.959963984540054),
						(Math.log(1.2) - Math.log(0.6)) / (2 * 1.959963984540054)
					)
		),
		upper: Math.exp(
			Math.log(0.67 / 0.85) +
				1.959963984540054 *
					Math.hypot(
						(Math.log(0.9) - Math.log(0.5)) / (2 * 1.959963984540054),
						(Math.log(1.2) - Math.log(0.6)) / (2 * 1.959963984540054)
					)
		)
	},
	{
		name: 'differences on their own scale',
		ab: { estimate: 19, lower: 9, upper: 29, level: 0.95, scale: 'linear' },
		cb: { estimate: 10, lower: 2, upper: 18, level: 0.95, scale: 'linear' },
		estimate: 9,
		se: Math.hypot(20 / (2 * 1.959963984540054), 16 / (2 * 1.959963984540054)),
		lower: 9 - Math.hypot(10, 8),
		upper: 9 + Math.hypot(10, 8)
	}
];

describe('bucher: anchored indirect comparison', () => {
	it.each(cases)('$name', ({ ab, cb, estimate, lower, upper, se }) => {
		const result = bucher(ab, cb);
		expect(result.estimate).toBeCloseTo(estimate, 12);
		expect(result.se).toBeCloseTo(se, 12);
		expect(result.lower).toBeCloseTo(lower, 10);
		expect(result.upper).toBeCloseTo(upper, 10);
		expect(result.level).toBe(0.95);
		expect(result.p).toBeGreaterThan(0);
		expect(result.p).toBeLessThan(1);
	});

	it('takes each standard error from its own interval level (97.5% is wider than 95%)', () => {
		const printed975 = hr(0.75, 0.57, 0.99, 0.975);
		const se975 = (Math.log(0.99) - Math.log(0.57)) / (2 * 2.241402727604947);
		expect(standardErrorFromInterval(printed975)).toBeCloseTo(se975, 12);
		const misread = { ...printed975, level: 0.95 };
		// The same printed width over the smaller z of a 95% level gives a larger SE: the
		// misread SE exceeds the right one by the factor 2.241/1.960.
		expect(standardErrorFromInterval(misread) / se975).toBeCloseTo(
			2.241402727604947 / 1.959963984540054,
			10
		);
	});

	it('a 97.5%-as-95% misreading gives a different, wrong interval', () => {
		const towerLike = hr(0.71, 0.55, 0.93);
		const inoLike = hr(0.75, 0.57, 0.99, 0.975);
		const right = bucher(towerLike, inoLike);
		const wrong = bucher(towerLike, { ...inoLike, level: 0.95 });
		expect(right.estimate).toBeCloseTo(wrong.estimate, 12);
		expect(Math.abs(right.upper - wrong.upper)).toBeGreaterThan(0.005);
		expect(right.seCB).toBeLessThan(wrong.seCB);
	});

	it.each([
		['a non-positive ratio', hr(0, 0.5, 0.9)],
		['an interval that misses its estimate', hr(0.4, 0.5, 0.9)],
		['a level outside (0, 1)', hr(0.67, 0.5, 0.9, 95)]
	])('refuses %s', (_, bad) => {
		expect(() => bucher(bad, hr(0.85, 0.6, 1.2))).toThrow(StatsInputError);
	});

	it('refuses to mix a ratio and a difference', () => {
		expect(() =>
			bucher(hr(0.67, 0.5, 0.9), { estimate: 1, lower: 0, upper: 2, level: 0.95, scale: 'linear' })
		).toThrow(StatsInputError);
	});
});
