import { describe, expect, it } from 'vitest';
import { rowScale, stackRows } from './row-scale';

describe('rowScale: rows of their own heights', () => {
	const rows = stackRows([20, 40, 20]);
	const scale = rowScale(['a', 'b', 'c'], rows);

	it('stacks rows without gaps', () =>
		expect(rows).toEqual([
			{ top: 0, height: 20 },
			{ top: 20, height: 40 },
			{ top: 60, height: 20 }
		]));

	it.each([
		['a', 10],
		['b', 40],
		['c', 70],
		['missing', undefined]
	])('puts %s at its middle (%s)', (key, mid) => expect(scale(key)).toBe(mid));

	it('has no single bandwidth (layers place marks at the value)', () =>
		expect('bandwidth' in scale).toBe(false));

	it('copies with the range LayerCake sets, stretching rows in proportion', () => {
		const copy = scale.copy().domain(['a', 'b', 'c']).range([0, 160]);
		expect(copy('b')).toBe(80);
		expect(copy.extent('c')).toEqual({ top: 120, height: 40 });
		// The original is untouched.
		expect(scale('b')).toBe(40);
	});

	it.each([
		[-5, 0],
		[0, 0],
		[19, 0],
		[20, 1],
		[59, 1],
		[60, 2],
		[500, 2]
	])('finds the row at y = %d: %d', (y, index) => expect(scale.indexAt(y)).toBe(index));
});
