/**
 * Manual editing of a curve's points as a pure state model: every edit returns a new state,
 * and the history keeps the states before it for undo and redo. The page holds one
 * `History` and swaps it on each edit; nothing here touches the DOM.
 */
import type { PixelPoint } from './calibration';

export interface History<T> {
	past: T[];
	present: T;
	future: T[];
}

/** Steps of undo kept; older ones are forgotten. */
export const HISTORY_LIMIT = 200;

export const history = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** The state after an edit; an edit that changes nothing is not recorded. */
export function commit<T>(
	h: History<T>,
	next: T,
	same: (a: T, b: T) => boolean = Object.is
): History<T> {
	if (same(h.present, next)) return h;
	return { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
	if (!h.past.length) return h;
	return {
		past: h.past.slice(0, -1),
		present: h.past[h.past.length - 1],
		future: [h.present, ...h.future]
	};
}

export function redo<T>(h: History<T>): History<T> {
	if (!h.future.length) return h;
	return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}

export const canUndo = (h: History<unknown>) => h.past.length > 0;
export const canRedo = (h: History<unknown>) => h.future.length > 0;

/** Adds a point, keeping the list ordered left to right; returns the list and the new index. */
export function addPoint(
	points: PixelPoint[],
	p: PixelPoint
): { points: PixelPoint[]; index: number } {
	let index = points.findIndex((q) => q.x > p.x || (q.x === p.x && q.y > p.y));
	if (index < 0) index = points.length;
	return { points: [...points.slice(0, index), { x: p.x, y: p.y }, ...points.slice(index)], index };
}

/** Moves point `index` to `p`, re-sorting; returns where it ended up. */
export function movePoint(
	points: PixelPoint[],
	index: number,
	p: PixelPoint
): { points: PixelPoint[]; index: number } {
	if (index < 0 || index >= points.length) return { points, index };
	return addPoint([...points.slice(0, index), ...points.slice(index + 1)], p);
}

export function deletePoint(points: PixelPoint[], index: number): PixelPoint[] {
	if (index < 0 || index >= points.length) return points;
	return [...points.slice(0, index), ...points.slice(index + 1)];
}

/** Index of the point nearest `p` within `radius` pixels, or -1. */
export function nearestPoint(points: PixelPoint[], p: PixelPoint, radius = 8): number {
	let best = -1;
	let bestDistance = radius;
	points.forEach((q, i) => {
		const d = Math.hypot(q.x - p.x, q.y - p.y);
		if (d <= bestDistance) {
			best = i;
			bestDistance = d;
		}
	});
	return best;
}
