import { describe, expect, it } from 'vitest';
import {
	addPoint,
	canRedo,
	canUndo,
	commit,
	deletePoint,
	history,
	movePoint,
	nearestPoint,
	redo,
	undo
} from './editor';

describe('history', () => {
	it('undoes and redoes edits in order, and a new edit clears redo', () => {
		let h = history([1]);
		h = commit(h, [1, 2]);
		h = commit(h, [1, 2, 3]);
		expect(canUndo(h)).toBe(true);
		h = undo(h);
		expect(h.present).toEqual([1, 2]);
		h = undo(h);
		expect(h.present).toEqual([1]);
		expect(undo(h)).toBe(h);
		h = redo(h);
		expect(h.present).toEqual([1, 2]);
		expect(canRedo(h)).toBe(true);
		h = commit(h, [9]);
		expect(canRedo(h)).toBe(false);
		expect(undo(h).present).toEqual([1, 2]);
	});

	it('does not record an edit that changes nothing', () => {
		const h = history('a');
		expect(commit(h, 'a')).toBe(h);
	});
});

describe('point edits', () => {
	const points = [
		{ x: 10, y: 10 },
		{ x: 50, y: 20 },
		{ x: 90, y: 40 }
	];
	it('adds in x order', () => {
		const { points: out, index } = addPoint(points, { x: 60, y: 25 });
		expect(index).toBe(2);
		expect(out.map((p) => p.x)).toEqual([10, 50, 60, 90]);
		expect(points.length).toBe(3);
	});
	it('moves and re-sorts', () => {
		const { points: out, index } = movePoint(points, 0, { x: 70, y: 30 });
		expect(index).toBe(1);
		expect(out.map((p) => p.x)).toEqual([50, 70, 90]);
	});
	it('deletes, and ignores an index out of range', () => {
		expect(deletePoint(points, 1).map((p) => p.x)).toEqual([10, 90]);
		expect(deletePoint(points, 7)).toBe(points);
	});
	it.each([
		[{ x: 52, y: 21 }, 1],
		[{ x: 30, y: 30 }, -1]
	])('finds the point nearest %o', (p, index) => expect(nearestPoint(points, p)).toBe(index));
});
