/**
 * A y scale of rows that need not be equally tall (a label wrapped onto three lines
 * makes its row taller, so it never runs into the next row or past the picture's edge).
 * Like a d3 band scale it maps a row's key to a position, but to the row's middle, and it
 * has no single bandwidth: layers place marks at the value (bandMiddle adds nothing when
 * there is no `bandwidth`) and stripes read each row's extent from `extent`.
 *
 * LayerCake copies the scale and sets its domain and range; the range stretches the rows
 * in proportion (the cake's plot height is their sum, so it is the identity in practice).
 */

/** One row's place: its top and its height, px. */
export interface RowExtent {
	top: number;
	height: number;
}

export interface RowScale {
	(key: string): number | undefined;
	domain(): string[];
	domain(keys: string[]): RowScale;
	range(): [number, number];
	range(range: number[]): RowScale;
	copy(): RowScale;
	/** The row's top and height in range units. */
	extent(key: string): RowExtent | undefined;
	/** Index of the row at `y` (a pointer), clamped to the rows. */
	indexAt(y: number): number;
}

/** Stacks rows of the given heights, in order, from 0. */
export function stackRows(heights: number[]): RowExtent[] {
	let top = 0;
	return heights.map((height) => {
		const row = { top, height };
		top += height;
		return row;
	});
}

/** The scale of rows `keys` with the extents `rows` (same order, see stackRows). */
export function rowScale(keys: string[], rows: RowExtent[]): RowScale {
	const total = rows.length ? rows[rows.length - 1].top + rows[rows.length - 1].height : 0;
	let domain = keys;
	let range: [number, number] = [0, total];
	let index = new Map(domain.map((k, i) => [k, i]));
	const k = () => (total ? (range[1] - range[0]) / total : 1);
	const extent = (key: string): RowExtent | undefined => {
		const i = index.get(key);
		const row = i === undefined ? undefined : rows[i];
		return row && { top: range[0] + row.top * k(), height: row.height * k() };
	};
	const scale = ((key: string) => {
		const e = extent(key);
		return e && e.top + e.height / 2;
	}) as RowScale;
	scale.domain = ((next?: string[]) => {
		if (next === undefined) return domain;
		domain = next;
		index = new Map(domain.map((key, i) => [key, i]));
		return scale;
	}) as RowScale['domain'];
	scale.range = ((next?: number[]) => {
		if (next === undefined) return range;
		range = [next[0], next[1]];
		return scale;
	}) as RowScale['range'];
	scale.copy = () => rowScale(domain, rows).range(range);
	scale.extent = extent;
	scale.indexAt = (y: number) => {
		const at = (y - range[0]) / k();
		let lo = 0;
		let hi = rows.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (rows[mid].top <= at) lo = mid;
			else hi = mid - 1;
		}
		return Math.max(0, lo);
	};
	return scale;
}
