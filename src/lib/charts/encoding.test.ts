import { describe, expect, it } from 'vitest';
import { flagPath, placedFlagPath, placedShapePath, shapePath, type MarkShape } from './encoding';

/**
 * The points a path passes through (end points of M, L, A, H, V, h, v, l, a; z back to
 * the start), absolute: enough to compare two spellings of the same outline.
 */
function vertices(path: string): [number, number][] {
	const out: [number, number][] = [];
	let [x, y, sx, sy] = [0, 0, 0, 0];
	for (const [, cmd, args] of path.matchAll(/([MLAHVZmlahvz])([^MLAHVZmlahvz]*)/g)) {
		const n = args.split(/[ ,]+/).filter(Boolean).map(Number);
		switch (cmd) {
			case 'M':
				[x, y, sx, sy] = [n[0], n[1], n[0], n[1]];
				break;
			case 'L':
				[x, y] = [n[0], n[1]];
				break;
			case 'l':
				[x, y] = [x + n[0], y + n[1]];
				break;
			case 'A':
				[x, y] = [n[5], n[6]];
				break;
			case 'a':
				[x, y] = [x + n[5], y + n[6]];
				break;
			case 'H':
				x = n[0];
				break;
			case 'h':
				x += n[0];
				break;
			case 'V':
				y = n[0];
				break;
			case 'v':
				y += n[0];
				break;
			default:
				[x, y] = [sx, sy];
		}
		out.push([x, y]);
	}
	return out;
}

const shifted = (points: [number, number][], dx: number, dy: number) =>
	points.map(([x, y]) => [x + dx, y + dy]);

describe('placed shapes: one path for many marks, the same outline as one mark', () => {
	const cases: { shape: MarkShape; size: number; cx: number; cy: number }[] = [
		{ shape: 'circle', size: 11, cx: 120.5, cy: 36 },
		{ shape: 'square', size: 11, cx: 0, cy: 0 },
		{ shape: 'triangle', size: 14, cx: 300, cy: 1020 },
		{ shape: 'diamond', size: 9, cx: 42.25, cy: 7 }
	];
	it.each(cases)('$shape of $size px at $cx,$cy', ({ shape, size, cx, cy }) => {
		const placed = vertices(placedShapePath(shape, size, cx, cy));
		const single = shifted(vertices(shapePath(shape, size)), cx, cy);
		expect(placed).toHaveLength(single.length);
		placed.forEach(([x, y], i) => {
			expect(x).toBeCloseTo(single[i][0], 1);
			expect(y).toBeCloseTo(single[i][1], 1);
		});
	});

	it.each([
		{ size: 12, cx: 0, cy: 0 },
		{ size: 11.7, cx: 410, cy: 96 }
	])('flag of $size px at $cx,$cy', ({ size, cx, cy }) => {
		const placed = vertices(placedFlagPath(size, cx, cy));
		const single = shifted(vertices(flagPath(size)), cx, cy);
		placed.forEach(([x, y], i) => {
			expect(x).toBeCloseTo(single[i][0], 1);
			expect(y).toBeCloseTo(single[i][1], 1);
		});
	});
});
