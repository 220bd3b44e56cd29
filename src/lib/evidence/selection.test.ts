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
	pageOf,
	pageQuery,
	parseExpanded,
	parsePages,
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

describe('long lists paged (?page=…)', () => {
	it.each([
		['', []],
		['?page=adult-rr:3', [['adult-rr', 3]]],
		[
			'?page=a:2,b:7',
			[
				['a', 2],
				['b', 7]
			]
		],
		// Page 1 is the default, nonsense is dropped, the first mention of a list wins.
		['?page=a:1,b:x,c:-2,:4,d,e:2.5', []],
		['?page=a:2&page=a:5', [['a', 2]]],
		// List ids may hold colons: the page is after the last one.
		['?page=ns:list:4', [['ns:list', 4]]]
	])('parsePages(%s)', (query, expected) => {
		expect([...parsePages(new URLSearchParams(query))]).toEqual(expected);
	});

	it.each([
		[{}, 'x', 2, '', '?page=x:2'],
		[{ x: 2 }, 'x', 1, '', ''],
		[{ x: 2 }, 'y', 3, '?age=adult', '?age=adult&page=x:2,y:3'],
		[{ x: 2, y: 3 }, 'x', 4, '?design=randomised', '?design=randomised&page=y:3,x:4']
	])('pageQuery(%j, %s, %i, %s)', (pages, id, page, query, expected) => {
		const before = new Map(Object.entries(pages));
		expect(pageQuery(before, id, page, new URLSearchParams(query))).toBe(expected);
		// And it reads back.
		expect(parsePages(new URLSearchParams(expected)).get(id) ?? 1).toBe(page);
	});

	it.each([
		// items, size, page asked → page shown, page count, first, last
		[0, 12, 1, 1, 1, 0, 0],
		[5, 12, 3, 1, 1, 1, 5],
		[12, 12, 1, 1, 1, 1, 12],
		[13, 12, 2, 2, 2, 13, 13],
		[1000, 12, 1, 1, 84, 1, 12],
		[1000, 12, 7, 7, 84, 73, 84],
		// Past the end (a filter shortened the list): the last page.
		[1000, 12, 500, 84, 84, 997, 1000],
		[1000, 12, 0, 1, 84, 1, 12]
	])('pageOf: %i items, %i a page, page %i', (n, size, asked, page, pageCount, first, last) => {
		const items = Array.from({ length: n }, (_, i) => i + 1);
		const out = pageOf(items, size, asked);
		expect({ page: out.page, pageCount: out.pageCount, first: out.first, last: out.last }).toEqual({
			page,
			pageCount,
			first,
			last
		});
		expect(out.items).toEqual(items.slice(first ? first - 1 : 0, last));
		expect(out.total).toBe(n);
		// A list that fits on one page is the same array.
		if (n <= size) expect(out.items).toBe(items);
	});
});
