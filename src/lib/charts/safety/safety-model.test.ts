import { describe, expect, it } from 'vitest';
import { examplimab } from '../fixtures/examplimab';
import {
	isSafetyRow,
	safetyChange,
	safetyComparedAttrs,
	safetyComparedLabel,
	safetyContent,
	safetyFrame,
	safetyRowAttrs,
	safetyRowKey,
	safetyRowLabel,
	safetyTextColumns,
	safetyValueText
} from './safety-model';
import { profileRoles } from './safety-rows';

const roles = profileRoles(examplimab.safety);
const primary = roles.primary!;
const content = (comparisons = roles.comparisons) =>
	safetyContent(examplimab, primary, comparisons, 'en', 'safety-dots');

describe('safetyContent: what the chart draws', () => {
	it.each([
		{ comparisons: roles.comparisons, compared: 2, legend: ['primary', 'serious', 'old'] },
		{ comparisons: [], compared: 0, legend: ['primary', 'serious'] }
	])('$compared compared marks, legend $legend', ({ comparisons, compared, legend }) => {
		const c = content(comparisons);
		expect(c.compared).toHaveLength(compared);
		expect(c.legendItems.map((i) => i.key)).toEqual(legend);
		expect(c.spec.subtitle.includes('2016 label')).toBe(compared > 0);
	});

	it('splits serious from common reactions and stripes every other row', () => {
		const c = content();
		expect(c.serious.map((r) => r.key)).toEqual(['now-serious-infections', 'now-serious-crs']);
		expect(c.common).toHaveLength(c.rows.length - 2);
		expect(c.stripes).toEqual(c.rows.filter((_, i) => i % 2 === 1));
	});

	it('names each source once, stamps the dataset and tidies a row per drawn figure', () => {
		const c = content();
		expect(new Set(c.spec.sources).size).toBe(c.spec.sources.length);
		expect(c.spec.datasetVersion).toBe(examplimab.version);
		expect(c.tidy).toHaveLength(c.rows.length + c.compared.length);
	});

	it.each([
		{ value: 60, expected: 60 },
		{ value: 20.5, expected: 30 },
		{ value: 3.1, expected: 10 }
	])('axis to $expected when the largest figure is $value', ({ value, expected }) => {
		const c = content();
		const only = { ...primary, reactions: primary.reactions.filter((r) => r.percent === value) };
		expect(safetyContent(examplimab, only, [], 'en', 'x').xMax).toBe(expected);
		expect(c.xMax).toBe(60);
	});

	it('prints a label at its own precision', () => {
		const c = content();
		const old = roles.comparisons[0];
		expect(c.pct(28, old)).toBe('28.0%');
		expect(c.pct(3, { ...old, reactions: [] })).toBe('3%');
		expect(c.pct(60, primary)).toBe('60.0%');
	});
});

describe('safetyFrame: where it goes', () => {
	it.each([
		{ width: 960, narrow: false, termDy: 0, dotDy: 0, ticks: 7 },
		{ width: 400, narrow: true, termDy: -0.22, dotDy: 0.18, ticks: 4 }
	])('at $width px: narrow $narrow', ({ width, narrow, termDy, dotDy, ticks }) => {
		const c = content();
		const f = safetyFrame(c, width, 13, 'en');
		expect(f.narrow).toBe(narrow);
		expect(f.termDy / f.rowHeight).toBeCloseTo(termDy);
		expect(f.dotDy / f.rowHeight).toBeCloseTo(dotDy);
		expect(f.tickCount).toBe(ticks);
		expect(f.plotHeight).toBe(c.rows.length * f.rowHeight);
		expect(f.height).toBe(f.padding.top + f.plotHeight + f.padding.bottom);
		expect(f.padding.left + f.plotWidth + f.padding.right).toBe(width);
		// Phones put the terms above the dots, not left of the plot.
		expect(f.padding.left < 20).toBe(narrow);
	});
});

describe('safetyTextColumns', () => {
	it.each([
		{ width: 960, tagX: -8, valuesFirst: 'Pyrexia' },
		{ width: 400, tagX: null, valuesFirst: 'Pyrexia' }
	])('at $width px: terms, serious terms, tag, figures', ({ width, tagX }) => {
		const c = content();
		const f = safetyFrame(c, width, 13, 'en');
		const cols = safetyTextColumns(c, f, 13);
		expect(cols.map((col) => `${col.key}:${col.rows}`)).toEqual([
			'term:common',
			'term-serious:serious',
			'tag:serious',
			'values:rows'
		]);
		const tag = cols.find((col) => col.key === 'tag')!;
		expect(tag.x).toBe(tagX ?? f.plotWidth + f.padding.right - 6);
		expect(tag.text(c.serious[0])).toBe('most serious');
		expect(cols.find((col) => col.key === 'values')!.x).toBe(f.plotWidth + 10);
	});

	it.each([
		{ narrow: false, expected: '20.5% · Old label 2016 28.0%' },
		{ narrow: true, expected: '20.5% · 28.0%' }
	])('figures of a compared row (narrow $narrow)', ({ narrow, expected }) => {
		const c = content();
		const row = c.rows.find((r) => r.key === 'now-serious-infections')!;
		const short = c.profileShort(roles.comparisons[0]);
		expect(safetyValueText(c, row, narrow)).toBe(expected.replace('Old label 2016', short));
	});
});

describe('marks: labels, attributes, rows', () => {
	const c = content();
	const row = c.rows.find((r) => r.key === 'now-serious-infections')!;
	const mark = c.compared.find((m) => m.row === row)!;

	it('puts a compared mark in its reaction’s row', () => {
		expect(safetyRowKey(row)).toBe(row.key);
		expect(safetyRowKey(mark)).toBe(row.key);
		expect([isSafetyRow(row), isSafetyRow(mark)]).toEqual([true, false]);
	});

	it('says the whole figure to a screen reader', () => {
		expect(safetyRowLabel(c, row, 'en')).toMatch(/^Infections \(.+\): 20\.5%\. .*500/);
		expect(safetyComparedLabel(c, mark)).toMatch(/^Infections \(.+\): 28\.0%\. 2016 label\. /);
	});

	it.each([
		{ attrs: safetyRowAttrs(primary)(row), series: 'primary', value: 20.5 },
		{ attrs: safetyComparedAttrs(mark), series: 'comparison', value: 28 }
	])('carries the figure in data-* ($series)', ({ attrs, series, value }) => {
		expect(attrs['data-series']).toBe(series);
		expect(attrs['data-value']).toBe(value);
		expect(attrs['data-reaction-id']).toBeTruthy();
	});

	it.each([
		{ key: 'now-serious-infections', span: { low: 20.5, high: 28 } },
		{ key: 'now-common-pyrexia', span: undefined }
	])('joins the figures of $key', ({ key, span }) => {
		expect(safetyChange(c.rows.find((r) => r.key === key)!)).toEqual(span);
	});
});
