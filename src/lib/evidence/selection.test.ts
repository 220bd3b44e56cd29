import { describe, expect, it } from 'vitest';
import {
	COMPARE_MAX,
	addStudy,
	parseSelection,
	removeStudy,
	selectionQuery,
	toggleStudy,
	writeSelection,
	expandedQuery,
	parseExpanded,
	visibleItems
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

describe('lists opened in full (?all=…)', () => {
	it.each([
		['', []],
		['?all=adult-rr', ['adult-rr']],
		['?all=adult-rr,randomised', ['adult-rr', 'randomised']],
		['?all=a&all=b,a', ['a', 'b']],
		['?all=,%20a%20,', ['a']]
	])('parseExpanded(%s)', (query, expected) => {
		expect(parseExpanded(new URLSearchParams(query))).toEqual(expected);
	});

	it.each([
		[[], 'x', true, '', '?all=x'],
		[['x'], 'x', false, '', ''],
		[['x'], 'y', true, '?age=adult', '?age=adult&all=x,y'],
		[['x', 'y'], 'x', false, '?design=randomised&all=x,y', '?design=randomised&all=y'],
		[['x'], 'x', true, '', '?all=x']
	])('expandedQuery(%j, %s, %s, %s)', (expanded, id, open, query, expected) => {
		expect(expandedQuery(expanded, id, open, new URLSearchParams(query))).toBe(expected);
		// And it reads back.
		expect(parseExpanded(new URLSearchParams(expected)).includes(id)).toBe(open);
	});

	it.each([
		[5, 12, false, 5],
		[12, 12, false, 12],
		[13, 12, false, 12],
		[300, 12, false, 12],
		[300, 12, true, 300]
	])('visibleItems: %i items, limit %i, open %s → %i', (n, limit, open, shown) => {
		const items = Array.from({ length: n }, (_, i) => i);
		const out = visibleItems(items, limit, open);
		expect(out).toHaveLength(shown);
		expect(out).toEqual(items.slice(0, shown));
		// A list shown whole is the same array: keyed views see no change.
		if (shown === n) expect(out).toBe(items);
	});
});
