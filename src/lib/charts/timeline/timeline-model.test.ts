import { describe, expect, it } from 'vitest';
import { textWidth } from '../anatomy';
import { examplimab } from '../fixtures/examplimab';
import {
	laneHeadRow,
	levelRow,
	timelineContent,
	timelineDateText,
	timelineFrame,
	timelineMarkAttrs,
	timelineMarkLabel
} from './timeline-model';

const content = timelineContent(examplimab, 'timeline');
const frame = (width: number, fontSize = 13) => timelineFrame(content, width, fontSize, 'en');

describe('timelineContent: what the timeline draws', () => {
	it('keeps every event, names each source once and stamps the dataset', () => {
		expect(content.items).toHaveLength(examplimab.timeline.length);
		expect(content.tidy).toHaveLength(examplimab.timeline.length);
		expect(new Set(content.spec.sources).size).toBe(content.spec.sources.length);
		expect(content.spec.datasetVersion).toBe(examplimab.version);
	});

	it('has a legend entry per kind group that occurs, and one for imprecise dates', () => {
		const keys = content.legendItems.map((i) => i.key);
		expect(keys).toContain('imprecise');
		expect(new Set(keys).size).toBe(keys.length);
	});

	it.each([
		{ date: '2015', text: /^2015 .*year/ },
		{ date: '2020-10', text: /October 2020 .*month/ }
	])('writes a $date date at its own precision', ({ date, text }) => {
		const item = content.items.find((i) => i.event.date === date)!;
		expect(timelineDateText(item, 'en')).toMatch(text);
	});

	it('names the source in every marker label', () => {
		for (const item of content.items)
			expect(timelineMarkLabel(item, content.names, 'en')).toContain(
				content.names.source(item.event.provenance.sourceId)
			);
	});
});

/** The widest line of a mark's wrapped label. */
const widest = (d: { lines: { text: string }[] }, font: number) =>
	Math.max(...d.lines.map((l) => textWidth(l.text, font)));

describe('timelineFrame: where it goes', () => {
	it.each([{ width: 960 }, { width: 600 }, { width: 360 }])(
		'at $width px: markers in event order, on their lane, labels inside the plot',
		({ width }) => {
			const f = frame(width);
			expect(f.marks.map((d) => d.key)).toEqual(content.items.map((i) => i.event.id));
			for (const d of f.marks) {
				expect(d.row).toBe(levelRow(d.lane, d.level));
				const w = widest(d, f.labelFont);
				// The label wraps whole: its lines are every word of it, none cut.
				expect(d.lines.map((l) => l.text).join(' ')).toBe(d.text.trim().split(/\s+/).join(' '));
				expect(d.lines.some((l) => l.text.includes('…'))).toBe(false);
				const [x0, x1] = d.anchor === 'start' ? [d.textX, d.textX + w] : [d.textX - w, d.textX];
				expect(x0).toBeGreaterThanOrEqual(-1);
				expect(x1).toBeLessThanOrEqual(f.plotWidth + 1);
			}
			expect(f.height).toBe(f.padding.top + f.plotHeight + f.padding.bottom);
		}
	);

	it.each([
		{ width: 960, narrow: false },
		{ width: 619, narrow: true }
	])('takes the phone layout below 620 px ($width: $narrow)', ({ width, narrow }) => {
		expect(frame(width).narrow).toBe(narrow);
	});

	it('stacks a lane header above its levels, and its levels above its baseline', () => {
		const f = frame(960);
		for (const lane of content.lanes) {
			const baseline = f.zScale(lane);
			const levels = f.marks.filter((d) => d.lane === lane).map((d) => f.yScale(d.row));
			expect(Math.max(...levels)).toBeLessThan(baseline);
			expect(f.yScale(laneHeadRow(lane))).toBeLessThan(Math.min(...levels));
		}
	});

	it('never puts two overlapping labels of a lane on one level', () => {
		const f = frame(480);
		for (const a of f.marks)
			for (const b of f.marks) {
				if (a === b || a.row !== b.row) continue;
				const span = (d: typeof a) => {
					const w = widest(d, f.labelFont);
					return d.anchor === 'start' ? [d.textX, d.textX + w] : [d.textX - w, d.textX];
				};
				const [a0, a1] = span(a);
				const [b0, b1] = span(b);
				expect(a1 <= b0 || b1 <= a0).toBe(true);
			}
	});

	it('ticks whole years, fewer on a narrow plot', () => {
		expect(frame(360).yearTicks.length).toBeLessThanOrEqual(frame(960).yearTicks.length);
		for (const t of frame(960).yearTicks) expect(new Date(t).getUTCMonth()).toBe(0);
	});

	it('puts the figure on the mark as data attributes', () => {
		const d = frame(960).marks[0];
		expect(timelineMarkAttrs(d)).toMatchObject({
			'data-event-id': d.event.id,
			'data-date': d.event.date,
			'data-lane': d.lane,
			'data-level': d.level
		});
	});
});
