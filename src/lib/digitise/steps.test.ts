import { describe, expect, it } from 'vitest';
import { cleanCurve, detectSteps, stepSurvivalAt } from './steps';

const pts = (...pairs: [number, number][]) => pairs.map(([time, survival]) => ({ time, survival }));

describe('cleanCurve', () => {
	it('sorts, clamps, forces non-increasing and drops repeats', () => {
		const { points, dropped } = cleanCurve(
			pts(
				[5, 0.8],
				[0, 1.003],
				[2, 0.9],
				[2, 0.9],
				[3, 0.92],
				[-0.01, 1],
				[9, -0.002],
				[4, Number.NaN]
			)
		);
		expect(points).toEqual(pts([0, 1], [2, 0.9], [3, 0.9], [5, 0.8], [9, 0]));
		expect(dropped).toBe(3);
	});
});

describe('detectSteps', () => {
	it.each([
		[
			'a clean staircase',
			pts([0, 1], [2, 1], [2, 0.9], [5, 0.9], [5, 0.7], [8, 0.7]),
			pts([0, 1], [2, 1], [2, 0.9], [5, 0.9], [5, 0.7], [8, 0.7])
		],
		[
			'noisy clicks along each run',
			pts(
				[0, 1.001],
				[1, 0.999],
				[1.9, 0.998],
				[2.05, 0.902],
				[3, 0.9],
				[4.9, 0.899],
				[5.1, 0.7],
				[8, 0.701]
			),
			pts(
				[0, 0.999],
				[2.05, 0.999],
				[2.05, 0.9003333333],
				[5.1, 0.9003333333],
				[5.1, 0.7],
				[8, 0.7]
			)
		],
		['a single point', pts([0, 1]), pts([0, 1])]
	])('%s', (_, input, corners) => {
		const got = detectSteps(input);
		expect(got.length).toBe(corners.length);
		got.forEach((c, i) => {
			expect(c.time).toBeCloseTo(corners[i].time, 6);
			expect(c.survival).toBeCloseTo(corners[i].survival, 6);
		});
	});
});

describe('stepSurvivalAt', () => {
	const corners = pts([0, 1], [2, 1], [2, 0.9], [5, 0.9], [5, 0.7], [8, 0.7]);
	it.each([
		[-1, 1],
		[0, 1],
		[1.99, 1],
		[2, 0.9],
		[4.5, 0.9],
		[5, 0.7],
		[100, 0.7]
	])('at %d is %d', (t, s) => expect(stepSurvivalAt(corners, t)).toBe(s));
	it('is null without corners', () => expect(stepSurvivalAt([], 1)).toBeNull());
});
