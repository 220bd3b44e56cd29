import { describe, expect, it } from 'vitest';
import { examplimab } from '../fixtures/examplimab';
import {
	KIND_ORDER,
	dateSpan,
	kindColor,
	kindGroup,
	kindShape,
	laneOf,
	reexaminations,
	stackLabels,
	timeDomain,
	timelineItems,
	timelineTidyRows
} from './timeline-rows';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('dateSpan: a date stands for the period its precision allows', () => {
	it.each([
		['2018-06-18', 'day', '2018-06-18', '2018-06-19', '2018-06-18'],
		['2020-10', 'month', '2020-10-01', '2020-11-01', '2020-10-16'],
		['2020-12', 'month', '2020-12-01', '2021-01-01', '2020-12-16'],
		['2015', 'year', '2015-01-01', '2016-01-01', '2015-07-02']
	])('%s is a %s from %s to %s, marked at %s', (date, precision, start, end, at) => {
		const span = dateSpan(date);
		expect(span.precision).toBe(precision);
		expect([iso(span.start), iso(span.end), iso(span.at)]).toEqual([start, end, at]);
	});
});

describe('lanes', () => {
	it('gives every legend group its own shape and colour pair', () => {
		const pairs = new Map<string, string>();
		for (const kind of KIND_ORDER) {
			const pair = `${kindShape(kind)}|${kindColor(kind)}`;
			const group = kindGroup(kind);
			expect(pairs.get(pair) ?? group, `${kind} shares an encoding with another group`).toBe(group);
			pairs.set(pair, group);
		}
		expect(new Set(pairs.values()).size).toBe(6);
	});

	it.each([
		['orphan-designation', 'regulatory'],
		['chmp-opinion', 'regulatory'],
		['negative-opinion', 'regulatory'],
		['conditional-authorisation', 'regulatory'],
		['full-authorisation', 'regulatory'],
		['indication-extension', 'regulatory'],
		['study-readout', 'evidence'],
		['publication', 'evidence']
	] as const)('%s goes on the %s lane', (kind, lane) => {
		expect(laneOf(kind)).toBe(lane);
	});
});

describe('timelineItems and timeDomain on the fixture', () => {
	const items = timelineItems(examplimab.timeline);

	it('orders events by the date they are marked at', () => {
		const times = items.map((i) => i.span.at.getTime());
		expect(times).toEqual([...times].sort((a, b) => a - b));
		// A year-only date sits mid-year, after a November date of the year before.
		expect(items.map((i) => i.event.id).slice(0, 3)).toEqual([
			'orphan',
			'alpha-published',
			'conditional'
		]);
	});

	it('spans whole years from the first to the last event', () => {
		expect(timeDomain(items).map(iso)).toEqual(['2009-01-01', '2026-01-01']);
	});

	it('pairs a negative opinion with the positive one after re-examination', () => {
		const events = examplimab.timeline.map((e) =>
			e.id === 'mrd-negative' || e.id === 'mrd-positive' ? { ...e, indicationIds: ['mrd'] } : e
		);
		expect(reexaminations(events)).toEqual([{ from: 'mrd-negative', to: 'mrd-positive' }]);
		// Without a shared indication there is nothing to pair.
		expect(reexaminations(examplimab.timeline)).toEqual([]);
	});

	it('gives one tidy row per event with the date at its own precision', () => {
		const rows = timelineTidyRows(items, {
			studyName: (id) => id.toUpperCase(),
			indicationLabel: (id) => id,
			sourceCitation: (id) => `cite:${id}`,
			laneLabel: (lane) => lane,
			kindLabel: (kind) => kind
		});
		expect(rows).toHaveLength(examplimab.timeline.length);
		expect(rows[1]).toMatchObject({
			study: 'ALPHA',
			timepoint: '2015',
			arm: 'evidence',
			endpoint: 'publication: ALPHA published (Alpha 2015)',
			source: 'cite:pub-a'
		});
	});
});

describe('stackLabels: simple collision avoidance', () => {
	const opts = { min: 0, max: 400, gap: 8, marker: 5 };

	it.each([
		[
			'far-apart labels share the bottom level',
			[
				{ key: 'a', x: 10, width: 50 },
				{ key: 'b', x: 200, width: 50 }
			],
			[0, 0],
			['start', 'start'],
			1
		],
		[
			'overlapping labels climb a level',
			[
				{ key: 'a', x: 10, width: 100 },
				{ key: 'b', x: 50, width: 100 }
			],
			[0, 1],
			['start', 'start'],
			2
		],
		[
			'same-day events never share a level',
			[
				{ key: 'a', x: 100, width: 20 },
				{ key: 'b', x: 100, width: 20 }
			],
			[0, 1],
			['start', 'start'],
			2
		],
		['a label near the right edge turns left', [{ key: 'a', x: 390, width: 100 }], [0], ['end'], 1],
		[
			'a level frees up again further right',
			[
				{ key: 'a', x: 0, width: 100 },
				{ key: 'b', x: 50, width: 20 },
				{ key: 'c', x: 130, width: 20 }
			],
			[0, 1, 0],
			['start', 'start', 'start'],
			2
		]
	])('%s', (_, labels, levels, anchors, count) => {
		const { placed, levels: n } = stackLabels(labels, opts);
		expect(placed.map((p) => p.level)).toEqual(levels);
		expect(placed.map((p) => p.anchor)).toEqual(anchors);
		expect(n).toBe(count);
	});

	it.each([
		// x, asked width → side, text anchor x, width left
		[150, 350, 'start', 155, 245],
		[250, 350, 'end', 245, 245],
		[100, 50, 'start', 105, 50]
	])(
		'a label at %i, %ipx wide, goes %s of its marker, shortened to fit',
		(x, width, anchor, textX, left) => {
			const { placed } = stackLabels([{ key: 'a', x, width }], opts);
			expect(placed[0]).toMatchObject({ anchor, textX, width: left });
			expect(placed[0].x0).toBeGreaterThanOrEqual(opts.min);
			expect(placed[0].x1).toBeLessThanOrEqual(opts.max);
		}
	);

	it('never lets two labels on a level overlap (fixture-sized run)', () => {
		const labels = Array.from({ length: 30 }, (_, i) => ({
			key: String(i),
			x: (i * 37) % 400,
			width: 40 + ((i * 53) % 120)
		}));
		const { placed } = stackLabels(labels, opts);
		for (const a of placed)
			for (const b of placed)
				if (a !== b && a.level === b.level)
					expect(a.x1 + opts.gap <= b.x0 || b.x1 + opts.gap <= a.x0).toBe(true);
	});
});
