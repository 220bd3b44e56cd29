import { describe, expect, it } from 'vitest';
import {
	MIN_SLIDE_PT,
	SLIDE,
	SLIDE_CHART,
	rowRoom,
	slideFrame,
	slidePages,
	slideTextPt,
	splitRows,
	type SlideRow
} from './slide-layout';

const rows = (n: number, h = 50, headings: number[] = []): SlideRow[] =>
	Array.from({ length: n }, (_, i) => ({
		top: i * h,
		bottom: (i + 1) * h,
		...(headings.includes(i) ? { keepWithNext: true } : {})
	}));

describe('splitRows', () => {
	it.each([
		// rows, room, expected [from, to] per page
		['all fit', rows(4), 200, [[0, 4]]],
		[
			'exact pages',
			rows(6),
			100,
			[
				[0, 2],
				[2, 4],
				[4, 6]
			]
		],
		[
			'a remainder',
			rows(5),
			100,
			[
				[0, 2],
				[2, 4],
				[4, 5]
			]
		],
		[
			'a row taller than the room gets its own page',
			rows(3, 150),
			100,
			[
				[0, 1],
				[1, 2],
				[2, 3]
			]
		],
		[
			'a heading never ends a page',
			rows(6, 50, [2]),
			150,
			[
				[0, 2],
				[2, 5],
				[5, 6]
			]
		],
		[
			'two headings in a row move together',
			rows(6, 50, [1, 2]),
			150,
			[
				[0, 1],
				[1, 4],
				[4, 6]
			]
		],
		['no rows, no pages', [], 100, []]
	] as [string, SlideRow[], number, number[][]][])('%s', (_, input, room, expected) => {
		const pages = splitRows(input, room);
		expect(pages.map((p) => [p.from, p.to])).toEqual(expected);
		for (const p of pages) {
			expect(p.top).toBe(input[p.from].top);
			expect(p.bottom).toBe(input[p.to - 1].bottom);
			if (p.to - p.from > 1) expect(p.bottom - p.top).toBeLessThanOrEqual(room);
		}
	});
});

describe('splitRows with a room per page', () => {
	it.each([
		// first page's room, later pages' room, expected [from, to] per page
		[
			100,
			150,
			[
				[0, 2],
				[2, 5],
				[5, 8]
			]
		],
		[
			150,
			100,
			[
				[0, 3],
				[3, 5],
				[5, 7],
				[7, 8]
			]
		]
	])('first %d px, then %d px', (first, later, expected) => {
		const pages = splitRows(rows(8), (page) => (page === 0 ? first : later));
		expect(pages.map((p) => [p.from, p.to])).toEqual(expected);
	});
});

describe('slideFrame', () => {
	const footer = [
		'Sources: Topp 2015; Kantarjian 2017; Gökbuget 2018; Locatelli 2021; Brown 2021',
		'Dataset 2025.01-1 · Summary of published evidence. It does not replace the product information (SmPC) or clinical judgement. Check every figure against its source before use.'
	];
	it.each([
		['short title', 'Response rates'],
		[
			'long continued title',
			'Response and event rates across every study of the dataset (continued)'
		]
	])('stacks title, subtitle, chart and footer inside the slide: %s', (_, title) => {
		const f = slideFrame({ title, subtitle: '30 figures from 8 studies in 4 indications', footer });
		expect(f.title.y + f.title.h).toBeLessThanOrEqual(f.subtitle.y + 1e-9);
		expect(f.subtitle.y + f.subtitle.h).toBeLessThanOrEqual(f.chart.y);
		expect(f.chart.y + f.chart.h).toBeLessThanOrEqual(f.footer.y);
		expect(f.footer.y + f.footer.h).toBeLessThanOrEqual(SLIDE.height);
		expect(f.chart.h).toBeGreaterThan(2.5);
	});

	it('a continued slide without the subtitle has a taller chart box', () => {
		const subtitle =
			'33 figures from 6 studies in 4 indications · percent of patients with 95% CI (as printed, or computed from counts) · endpoints as each study defines them';
		const first = slideFrame({ title: 'Response rates', subtitle, footer });
		const continued = slideFrame({ title: 'Response rates (continued)', subtitle: '', footer });
		expect(continued.subtitle.h).toBe(0);
		expect(continued.chart.h - first.chart.h).toBeCloseTo(first.subtitle.h, 6);
	});

	it('the footer grows with its text', () => {
		const one = slideFrame({ title: 'T', subtitle: '', footer: ['Dataset 1'] });
		const three = slideFrame({ title: 'T', subtitle: '', footer });
		expect(three.footer.h).toBeGreaterThan(one.footer.h);
		expect(three.chart.h).toBeLessThan(one.chart.h);
	});
});

describe('slide size of the chart', () => {
	const { chart } = slideFrame({ title: 'T', subtitle: 'S', footer: ['F'] });
	// A slide layout (the forest's) draws nothing smaller than its type, legend included.
	it('the chart type prints at 18 pt or more', () => {
		expect(slideTextPt(SLIDE_CHART.fontSize, chart, SLIDE_CHART.width)).toBeGreaterThanOrEqual(
			MIN_SLIDE_PT
		);
	});

	it('fits the rows that the chart box holds besides header and axis', () => {
		const bands = {
			header: { top: -80, bottom: 0 },
			rows: rows(30, 58),
			axis: { top: 30 * 58, bottom: 30 * 58 + 72 }
		};
		const room = rowRoom(bands, chart, SLIDE_CHART.width);
		const pages = slidePages(bands, chart, SLIDE_CHART.width);
		expect(pages.length).toBe(Math.ceil(30 / Math.floor(room / 58)));
		expect(
			pages.flatMap((p) => Array.from({ length: p.to - p.from }, (_, i) => p.from + i))
		).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});
});
