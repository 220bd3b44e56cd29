import { describe, expect, it } from 'vitest';
import { fixtureDataset, fixtureRandomised } from './fixtures';
import {
	twoArmContent,
	twoArmEndpointText,
	twoArmFrame,
	twoArmMarkAttrs,
	twoArmMarkDy,
	twoArmMarkLabel,
	twoArmPairText,
	twoArmRowKey,
	twoArmTextColumns,
	twoArmValueText
} from './two-arm-model';

const content = twoArmContent(fixtureDataset, fixtureRandomised, 'two-arm-gamma');
const frame = (width: number) => twoArmFrame(content, width, 13, 'en');

describe('twoArmContent: what the chart draws', () => {
	it('draws a mark per arm figure, keyed by pair and arm, and tidies each', () => {
		const figures = content.pairs.flatMap((p) => [p.experimental, p.comparator].filter(Boolean));
		expect(content.marks).toHaveLength(figures.length);
		expect(content.tidy).toHaveLength(figures.length);
		for (const mark of content.marks) expect(mark.key).toBe(`${mark.pair.key}/${mark.armId}`);
	});

	it('names each source once, stamps the dataset, and legends both arms', () => {
		expect(new Set(content.spec.sources).size).toBe(content.spec.sources.length);
		expect(content.spec.datasetVersion).toBe(fixtureDataset.version);
		expect(content.legendItems.slice(0, 2).map((i) => i.key)).toEqual(['gamma-exp', 'gamma-ctl']);
		expect(content.notes.length > 0).toBe(content.legendItems.some((i) => i.key === 'computed'));
	});
});

describe('twoArmFrame: panels and rows', () => {
	it.each([
		{ width: 960, narrow: false },
		{ width: 400, narrow: true }
	])('at $width px: percent above months, each with its rows and domain', ({ width, narrow }) => {
		const f = frame(width);
		expect(f.narrow).toBe(narrow);
		expect(f.panels.map((p) => p.id)).toEqual(['percent', 'months']);
		const [percent, months] = f.panels;
		expect(percent.xDomain).toEqual([0, 100]);
		// Months: up to the largest median (30.5) or CI end.
		expect(months.xDomain[1]).toBeGreaterThanOrEqual(30.5);
		expect(months.nice).toBe(true);
		for (const panel of f.panels) {
			expect(panel.marks.every((m) => m.unit === panel.id)).toBe(true);
			expect(panel.box.axisY - panel.box.rowsTop).toBe(panel.pairs.length * f.rowHeight);
		}
		expect(months.box.top).toBeGreaterThan(percent.box.bottom);
		expect(f.height).toBe(f.padding.top + months.box.bottom + f.padding.bottom);
	});

	it.each([
		{ width: 960, label: -0.6 * 13, source: 0.65 * 13, row: 0 },
		{ width: 400, label: 13 - 65 / 2, source: 2.15 * 13 - 65 / 2, row: 3.75 * 13 - 65 / 2 }
	])('row offsets at $width px', ({ width, label, source, row }) => {
		const f = frame(width);
		expect(f.labelDy).toBeCloseTo(label);
		expect(f.sourceDy).toBeCloseTo(source);
		expect(f.rowDy).toBeCloseTo(row);
	});

	it('puts the experimental arm above the comparator in a row', () => {
		const f = frame(960);
		const pair = content.pairs[0];
		expect(twoArmMarkDy(f, pair.experimental!)).toBe(-7);
		expect(twoArmMarkDy(f, pair.comparator!)).toBe(7);
	});
});

describe('twoArmTextColumns', () => {
	it.each([
		{ width: 960, keys: ['label', 'source', 'figures'] },
		{ width: 400, keys: ['label', 'source'] }
	])('at $width px: $keys', ({ width, keys }) => {
		const f = frame(width);
		const cols = twoArmTextColumns(f, width, 'en');
		expect(cols.map((c) => c.key)).toEqual(keys);
		const pair = content.pairs[0];
		const label = cols[0].text(pair);
		// Phones write the figures into the label line.
		expect(label.includes(' vs ')).toBe(f.narrow);
		expect(cols[1].text(pair)).toBe(pair.sourceShort);
	});
});

describe('texts and attributes', () => {
	const mark = content.marks[0];
	const months = content.marks.find((m) => m.unit === 'months')!;

	it.each([
		{ figure: mark, expected: /^\d+%$/ },
		{ figure: months, expected: /^30\.5$/ },
		{ figure: undefined, expected: /^–$/ }
	])('writes a figure as $expected', ({ figure, expected }) => {
		expect(twoArmValueText(figure, 'en')).toMatch(expected);
	});

	it('writes a pair, an endpoint with its timepoint, and a whole mark', () => {
		expect(twoArmPairText(mark.pair, 'en')).toMatch(/ vs /);
		const twoYears = content.pairs.find((p) => p.timepoint === '2 years')!;
		expect(twoArmEndpointText(twoYears)).toBe('Overall survival at 2 years');
		expect(twoArmMarkLabel(fixtureRandomised, mark, 'en')).toContain(mark.armLabel);
		expect(twoArmMarkLabel(fixtureRandomised, mark, 'en')).toContain(mark.sourceShort);
	});

	it('puts a mark in its pair’s row and carries the figure in data-*', () => {
		expect(twoArmRowKey(mark)).toBe(mark.pair.key);
		expect(twoArmRowKey(mark.pair)).toBe(mark.pair.key);
		expect(twoArmMarkAttrs(months)).toMatchObject({ 'data-unit': 'months', 'data-value': 30.5 });
	});
});
