import { describe, expect, it } from 'vitest';
import { linearDomain, logDomain, logTicks, stackPanels } from './panels';

describe('stackPanels', () => {
	it('stacks header, rows and axis of each panel with a gap between panels', () => {
		const { boxes, height } = stackPanels(
			[
				{ id: 'a', rows: 2 },
				{ id: 'b', rows: 1 }
			],
			{ rowHeight: 30, header: 20, axis: 40, gap: 10 }
		);
		expect(boxes).toEqual([
			{ id: 'a', top: 0, rowsTop: 20, axisY: 80, bottom: 120 },
			{ id: 'b', top: 130, rowsTop: 150, axisY: 180, bottom: 220 }
		]);
		expect(height).toBe(220);
	});
});

describe('log scale helpers', () => {
	it.each([
		[[0.23, 0.41, 0.73], 'includes 1'],
		[[1.5, 3], 'includes 1 from above']
	])('logDomain(%j) %s', (values) => {
		const [lo, hi] = logDomain(values);
		expect(lo).toBeLessThan(Math.min(1, ...values));
		expect(hi).toBeGreaterThan(Math.max(1, ...values));
	});

	it.each([
		[
			[0.15, 1.4],
			[0.2, 0.5, 1]
		],
		[
			[0.05, 12],
			[0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10]
		]
	])('logTicks(%j) = %j', (domain, ticks) => {
		expect(logTicks(domain as [number, number])).toEqual(ticks);
	});
});

describe('linearDomain', () => {
	it('includes no difference and pads the extent', () => {
		const [lo, hi] = linearDomain([15.6, 52.5]);
		expect(lo).toBeLessThan(0);
		expect(hi).toBeGreaterThan(52.5);
	});
});
