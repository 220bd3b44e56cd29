import { describe, expect, it } from 'vitest';
import {
	COMPARE_MAX,
	addStudy,
	parseSelection,
	removeStudy,
	selectionQuery,
	toggleStudy,
	writeSelection
} from './selection';

describe('parseSelection', () => {
	it.each<[string, string[] | undefined, string[]]>([
		['', undefined, []],
		['?studies=a,b', undefined, ['a', 'b']],
		['?studies=b,a', undefined, ['b', 'a']],
		['?studies=a&studies=b', undefined, ['a', 'b']],
		['?studies=a,,a, b ', undefined, ['a', 'b']],
		['?studies=a,x,b', ['a', 'b'], ['a', 'b']],
		['?studies=a,b,c,d,e,f', undefined, ['a', 'b', 'c', 'd']],
		['?age=adult', undefined, []]
	])('reads %j (known %j)', (query, known, expected) => {
		expect(parseSelection(new URLSearchParams(query), known)).toEqual(expected);
	});
});

describe('writing a selection', () => {
	it.each<[string[], string]>([
		[[], ''],
		[['tower'], '?studies=tower'],
		[['tower', 'e1910'], '?studies=tower,e1910'],
		[['a', 'b', 'c', 'd', 'e'], '?studies=a,b,c,d']
	])('%j as %s', (ids, expected) => {
		expect(selectionQuery(ids)).toBe(expected);
	});

	it('keeps the other parameters', () => {
		const out = writeSelection(['a'], new URLSearchParams('age=adult&studies=z'));
		expect(out.toString()).toBe('age=adult&studies=a');
	});

	it('round-trips', () => {
		for (const ids of [['a'], ['b', 'a', 'c'], ['a', 'b', 'c', 'd']])
			expect(parseSelection(new URLSearchParams(selectionQuery(ids)))).toEqual(ids);
	});
});

describe('changing a selection', () => {
	it.each<[string, string[], string, string[]]>([
		['add', [], 'a', ['a']],
		['add keeps order', ['b'], 'a', ['b', 'a']],
		['add twice', ['a'], 'a', ['a']],
		['add to a full selection', ['a', 'b', 'c', 'd'], 'e', ['a', 'b', 'c', 'd']]
	])('%s', (_name, ids, id, expected) => {
		expect(addStudy(ids, id)).toEqual(expected);
	});

	it('removes and toggles', () => {
		expect(removeStudy(['a', 'b'], 'a')).toEqual(['b']);
		expect(toggleStudy(['a', 'b'], 'b')).toEqual(['a']);
		expect(toggleStudy(['a'], 'b')).toEqual(['a', 'b']);
		expect(COMPARE_MAX).toBe(4);
	});
});
