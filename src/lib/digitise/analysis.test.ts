import { describe, expect, it } from 'vitest';
import { reconstructIPD } from '$lib/stats';
import { analyse, kmAt, kmSteps, timePerPixels } from './analysis';
import { newArm, newProject, type DigitiseProject } from './project';
import { YEARS_PROPORTION } from './test-calibrations';

/** Two arms drawn as exact steps on a 0–10 (x: 100 px per unit) by 0–1 (y: 400 px) plot. */
function project(): DigitiseProject {
	const p = newProject();
	p.calibration = YEARS_PROPORTION;
	p.riskTimes = [0, 5];
	const steps = (levels: [number, number][]) => {
		const points = [{ x: 0, y: 0 }];
		let s = 1;
		for (const [t, next] of levels) {
			points.push({ x: t * 100, y: (1 - s) * 400 }, { x: t * 100, y: (1 - next) * 400 });
			s = next;
		}
		points.push({ x: 1000, y: (1 - s) * 400 });
		return points;
	};
	const a = newArm(p, 'Control');
	a.points = steps([
		[1, 0.9],
		[2, 0.8],
		[4, 0.7],
		[6, 0.6],
		[8, 0.5]
	]);
	a.atRisk = [10, 7];
	p.arms.push(a);
	const b = newArm(p, 'New');
	b.points = steps([
		[3, 0.9],
		[7, 0.8]
	]);
	b.atRisk = [10, 9];
	p.arms.push(b);
	p.referenceArmId = a.id;
	return p;
}

describe('analyse', () => {
	const result = analyse(project(), reconstructIPD);

	it('reconstructs every arm with its number randomised, and the HR against the reference', () => {
		expect(result.problems).toEqual([]);
		expect(result.arms.map((a) => a.ipd.time.length)).toEqual([10, 10]);
		expect(result.hazardRatios).toHaveLength(1);
		expect(result.hazardRatios[0]).toMatchObject({ armId: 'arm-2', referenceId: 'arm-1' });
		expect(result.hazardRatios[0].cox.hr).toBeLessThan(1);
	});

	it('recovers exact steps: the reconstructed curve passes through the published points', () => {
		for (const arm of result.arms) expect(arm.fit.maxAbsolute).toBeLessThan(1e-9);
		expect(result.arms[0].median.median).toBe(8);
		expect(result.arms[1].median.median).toBeNull();
	});

	it('counts events and censorings per interval, adding up to the arm', () => {
		for (const arm of result.arms) {
			const events = arm.intervals.reduce((n, i) => n + i.events, 0);
			const censored = arm.intervals.reduce((n, i) => n + i.censored, 0);
			expect(events).toBe(arm.totalEvents);
			expect(events + censored).toBe(arm.ipd.time.length);
			expect(arm.intervals[0].atRisk).toBe(10);
		}
	});

	it('says which arm lacks what instead of guessing', () => {
		const p = project();
		p.arms[1].atRisk = [null, null];
		p.arms[0].points = [];
		expect(analyse(p, reconstructIPD).problems.map((x) => x.reason)).toEqual([
			'no-points',
			'no-at-risk'
		]);
	});
});

describe('helpers', () => {
	const km = { time: [1, 2, 3], surv: [0.9, 0.9, 0.6] } as Parameters<typeof kmAt>[0];
	it.each([
		[0.5, 1],
		[1, 0.9],
		[2.5, 0.9],
		[3, 0.6]
	])('kmAt(%d) is %d', (t, s) => expect(kmAt(km, t)).toBe(s));
	it('turns a curve into corners', () =>
		expect(kmSteps(km)).toEqual([
			{ time: 0, survival: 1 },
			{ time: 1, survival: 1 },
			{ time: 1, survival: 0.9 },
			{ time: 3, survival: 0.9 },
			{ time: 3, survival: 0.6 }
		]));
	it('knows the time a pixel spans', () =>
		expect(timePerPixels(project(), 2)).toBeCloseTo(0.02, 12));
});
