import { describe, expect, it } from 'vitest';
import { axisMapping, calibrationProblems, gridValues, type Calibration } from './calibration';
import { MONTHS_PERCENT } from './test-calibrations';

const straight: Calibration = MONTHS_PERCENT;

describe('axisMapping', () => {
	it.each([
		[{ x: 100, y: 400 }, 0, 0],
		[{ x: 700, y: 50 }, 36, 1],
		[{ x: 400, y: 225 }, 18, 0.5],
		[{ x: 250, y: 330 }, 9, 0.2]
	])('reads %o as time %d, survival %d on straight axes in percent', (p, time, survival) => {
		const map = axisMapping(straight)!;
		expect(map.time(p)).toBeCloseTo(time, 10);
		expect(map.survival(p)).toBeCloseTo(survival, 10);
		const back = map.toPixel(time, survival);
		expect(back.x).toBeCloseTo(p.x, 8);
		expect(back.y).toBeCloseTo(p.y, 8);
	});

	it('reads a proportion axis without rescaling', () => {
		const map = axisMapping({
			...straight,
			y2: { x: 100, y: 50, value: 1 },
			yScale: 'proportion'
		})!;
		expect(map.survival({ x: 400, y: 225 })).toBeCloseTo(0.5, 10);
		expect(map.printedY({ x: 400, y: 225 })).toBeCloseTo(0.5, 10);
	});

	it('reads references that are not at the axis ends, in any order', () => {
		const map = axisMapping({
			...straight,
			x1: { x: 600, y: 400, value: 30 },
			x2: { x: 200, y: 400, value: 6 },
			y1: { x: 100, y: 120, value: 80 },
			y2: { x: 100, y: 330, value: 20 }
		})!;
		expect(map.time({ x: 100, y: 0 })).toBeCloseTo(0, 10);
		expect(map.survival({ x: 0, y: 50 })).toBeCloseTo(1, 10);
	});

	it('follows a scan rotated by 2 degrees along each axis', () => {
		const angle = (2 * Math.PI) / 180;
		const rotate = (x: number, y: number) => ({
			x: 100 + (x - 100) * Math.cos(angle) - (y - 400) * Math.sin(angle),
			y: 400 + (x - 100) * Math.sin(angle) + (y - 400) * Math.cos(angle)
		});
		const r = (key: 'x1' | 'x2' | 'y1' | 'y2') => ({
			...straight[key]!,
			...rotate(straight[key]!.x, straight[key]!.y)
		});
		const map = axisMapping({ ...straight, x1: r('x1'), x2: r('x2'), y1: r('y1'), y2: r('y2') })!;
		const p = rotate(400, 225);
		expect(map.time(p)).toBeCloseTo(18, 8);
		expect(map.survival(p)).toBeCloseTo(0.5, 8);
	});
});

describe('calibrationProblems', () => {
	it.each([
		[{ ...straight, x2: null }, [{ kind: 'missing', key: 'x2' }]],
		[{ ...straight, y1: { x: 1, y: 2, value: Number.NaN } }, [{ kind: 'not-finite', key: 'y1' }]],
		[{ ...straight, x2: { x: 700, y: 400, value: 0 } }, [{ kind: 'same-value', axis: 'x' }]],
		[{ ...straight, y2: { x: 100, y: 400.2, value: 100 } }, [{ kind: 'same-position', axis: 'y' }]],
		[{ ...straight, y2: { x: 700, y: 398, value: 100 } }, [{ kind: 'axes-parallel' }]],
		[straight, []]
	] as [Calibration, unknown[]][])('reports %#', (c, problems) => {
		expect(calibrationProblems(c)).toEqual(problems);
		expect(axisMapping(c) === null).toBe(problems.length > 0);
	});
});

describe('gridValues', () => {
	it.each([
		[0, 36, 8, [0, 5, 10, 15, 20, 25, 30, 35]],
		[0, 100, 5, [0, 20, 40, 60, 80, 100]],
		[1, 0, 4, [0, 0.25, 0.5, 0.75, 1]]
	])('from %d to %d', (from, to, target, values) =>
		expect(gridValues(from, to, target)).toEqual(values)
	);
});
