import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '$lib/stats';
import { kmModel, kmTidyRows, stepPath, type KmArmInput } from './km-model';

// Six patients: events at 1, 2 (two), 4; censored at 3 and 5.
const small = kaplanMeier({ time: [1, 2, 2, 3, 4, 5], event: [1, 1, 1, 0, 1, 0] });
const smallArm: KmArmInput = { id: 'a', label: 'Arm A', timeUnit: 'months', km: small };

describe('stepPath', () => {
	it.each([
		{ name: 'empty curve stays at (0, 1)', steps: [], path: [{ time: 0, survival: 1 }] },
		{
			name: 'horizontal then vertical at each drop',
			steps: [
				{ time: 1, survival: 0.8 },
				{ time: 3, survival: 0.5 }
			],
			path: [
				{ time: 0, survival: 1 },
				{ time: 1, survival: 1 },
				{ time: 1, survival: 0.8 },
				{ time: 3, survival: 0.8 },
				{ time: 3, survival: 0.5 }
			]
		},
		{
			name: 'a flat end extends the curve without a drop',
			steps: [
				{ time: 1, survival: 0.5 },
				{ time: 4, survival: 0.5 }
			],
			path: [
				{ time: 0, survival: 1 },
				{ time: 1, survival: 1 },
				{ time: 1, survival: 0.5 },
				{ time: 4, survival: 0.5 }
			]
		}
	])('$name', ({ steps, path }) => {
		expect(stepPath(steps)).toEqual(path);
	});
});

describe('kmModel', () => {
	it('draws the Kaplan–Meier steps, censor ticks on the curve and the median', () => {
		const model = kmModel([smallArm], [], { showMedians: true, ticks: [0, 2, 4, 6] });
		const arm = model.arms[0];
		expect(arm.path.map((p) => [p.time, +p.survival.toFixed(4)])).toEqual([
			[0, 1],
			[1, 1],
			[1, 0.8333],
			[2, 0.8333],
			[2, 0.5],
			[4, 0.5],
			[4, 0.25],
			[5, 0.25]
		]);
		expect(arm.censors.map((c) => [c.time, c.survival])).toEqual([
			[3, 0.5],
			[5, 0.25]
		]);
		// the curve sits at 0.5 from 2 to 4: R's rule takes the midpoint
		expect(arm.median).toBe(3);
		expect(model.xMax).toBe(6);
	});

	it.each([
		// KMunicate: at risk, events and censored before each tick, cumulative; sums to 6
		{ tick: 0, atRisk: 6, events: 0, censored: 0 },
		{ tick: 2, atRisk: 5, events: 1, censored: 0 },
		{ tick: 4, atRisk: 2, events: 3, censored: 1 },
		{ tick: 6, atRisk: 0, events: 4, censored: 2 }
	])('computed risk table at tick $tick', ({ tick, atRisk, events, censored }) => {
		const row = kmModel([smallArm], [], { ticks: [0, 2, 4, 6] }).arms[0];
		expect(row.riskBasis).toBe('computed');
		expect(row.riskRow.find((c) => c.time === tick)).toEqual({
			time: tick,
			atRisk,
			events,
			censored
		});
	});

	it('aligns a printed risk table to the ticks, with gaps where nothing was printed', () => {
		const model = kmModel(
			[
				{
					...smallArm,
					riskTable: [
						{ time: 0, atRisk: 6 },
						{ time: 4, atRisk: 2, events: 3, censored: 1 }
					]
				}
			],
			[],
			{ ticks: [0, 2, 4] }
		);
		expect(model.arms[0].riskBasis).toBe('printed');
		expect(model.arms[0].riskRow).toEqual([
			{ time: 0, atRisk: 6, events: null, censored: null },
			{ time: 2, atRisk: null, events: null, censored: null },
			{ time: 4, atRisk: 2, events: 3, censored: 1 }
		]);
	});

	it('draws the band of the log CI up to where R has no limit, and hides it on request', () => {
		const withBand = kmModel([smallArm]).arms[0].band!;
		expect(withBand[0]).toEqual({ time: 0, lower: 1, upper: 1 });
		expect(withBand.every((b) => b.lower <= b.upper && b.upper <= 1)).toBe(true);
		expect(kmModel([smallArm], [], { showCI: false }).arms[0].band).toBeNull();
	});

	it('a curve without patient data: steps only, no band, no computed risk table', () => {
		const arm = kmModel(
			[
				{
					id: 'b',
					label: 'Arm B',
					timeUnit: 'months',
					steps: [
						{ time: 3, survival: 0.4 },
						{ time: 1, survival: 0.7 }
					],
					censorTimes: [2]
				}
			],
			[],
			{ showMedians: true }
		).arms[0];
		expect(arm.band).toBeNull();
		expect(arm.riskBasis).toBeNull();
		expect(arm.censors).toEqual([{ time: 2, survival: 0.7 }]);
		expect(arm.median).toBe(3);
		expect(arm.path[arm.path.length - 1]).toEqual({ time: 3, survival: 0.4 });
	});

	it('overlays published points with their fit to the curve', () => {
		const points = [
			{ time: 1, survival: 0.83 },
			{ time: 2.5, survival: 0.52 }
		];
		const arm = kmModel([{ ...smallArm, publishedPoints: points }], [], { showPublished: true })
			.arms[0];
		expect(arm.published?.points).toEqual(points);
		expect(arm.published?.fit?.maxAbsError).toBeCloseTo(0.02, 10);
		expect(kmModel([{ ...smallArm, publishedPoints: points }]).arms[0].published).toBeNull();
	});

	it('chooses round ticks up to the end of follow-up', () => {
		expect(kmModel([smallArm]).ticks).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it.each([
		{ arms: [], message: /^arms:/ },
		{ arms: [{ id: 'x', label: 'X', timeUnit: 'months' }], message: /^arms\[0\]: give km/ },
		{
			arms: [smallArm, { ...smallArm, id: 'y', timeUnit: 'weeks' }],
			message: /^arms\[1\]\.timeUnit/
		},
		{
			arms: [{ id: 'x', label: 'X', timeUnit: 'months', steps: [{ time: 1, survival: 80 }] }],
			message: /^arms\[0\]\.steps\[0\]/
		}
	])('bad input fails with its path: $message', ({ arms, message }) => {
		expect(() => kmModel(arms as KmArmInput[])).toThrow(message);
	});
});

describe('kmTidyRows', () => {
	it.each([
		{ reconstructed: false, basis: 'computed' },
		{ reconstructed: true, basis: 'derived' }
	])('one row per tick, survival in percent, basis $basis', ({ reconstructed, basis }) => {
		const model = kmModel([{ ...smallArm, reconstructed }], [], { ticks: [0, 2, 4] });
		expect(model.arms[0].riskBasis).toBe(reconstructed ? 'reconstructed' : 'computed');
		const rows = kmTidyRows(model, 'Synthetic source');
		expect(rows.map((r) => [r.timepoint, r.value, r.total, r.events, r.basis])).toEqual([
			['0 months', 100, 6, 0, basis],
			['2 months', 50, 5, 1, basis],
			['4 months', 25, 2, 3, basis]
		]);
		expect(rows[1].ciLow).toBeLessThan(50);
		expect(rows[1].ciHigh).toBeGreaterThan(50);
	});
});
