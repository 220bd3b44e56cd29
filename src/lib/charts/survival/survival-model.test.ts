import { describe, expect, it } from 'vitest';
import { fixtureDataset, fixtureRandomised } from './fixtures';
import {
	medianLine,
	medianText,
	survivalContent,
	survivalFrame,
	survivalMedianAttrs,
	survivalMedianLabel,
	survivalPointAttrs,
	survivalPointLabel
} from './survival-model';

const content = survivalContent(fixtureDataset, fixtureRandomised, 'survival-gamma');
const { data } = content;

describe('survivalContent: what the chart draws', () => {
	it('tidies every landmark figure and median, and names each source once', () => {
		expect(content.tidy).toHaveLength(data.points.length + data.medians.length);
		expect(content.tidy.filter((r) => r.unit === 'months')).toHaveLength(data.medians.length);
		expect(new Set(content.spec.sources).size).toBe(content.spec.sources.length);
		expect(content.spec.datasetVersion).toBe(fixtureDataset.version);
	});

	it('legends each arm drawn with its line dash, and states the follow-up', () => {
		expect(content.legendItems.map((i) => i.key)).toEqual(['gamma-exp', 'gamma-ctl']);
		expect(content.legendItems.every((i) => i.line)).toBe(true);
		expect(content.spec.subtitle).toContain('follow-up: median 22 months (Gamma 2023)');
	});

	it('takes the axes past the last timepoint and the largest median or CI end', () => {
		expect(content.maxMonths).toBeCloseTo(Math.max(...data.points.map((p) => p.months)) * 1.08);
		expect(content.maxMedian).toBeGreaterThanOrEqual(30.5);
	});
});

describe('survivalFrame: facets and the medians panel', () => {
	it.each([
		{ width: 960, narrow: false, rows: 1 },
		{ width: 400, narrow: true, rows: data.facets.length }
	])('at $width px: facets in $rows row(s)', ({ width, narrow, rows }) => {
		const f = survivalFrame(content, width, 13, 'en');
		expect(f.narrow).toBe(narrow);
		expect(new Set(f.facets.map((b) => b.box.top)).size).toBe(rows);
		expect(f.facets.filter((b) => b.axisY)).toHaveLength(rows);
		for (const b of f.facets) {
			expect(b.box.axisY - b.box.rowsTop).toBe(f.facetPlot);
			expect(b.x + f.facetWidth).toBeLessThanOrEqual(f.plotWidth + 0.001);
			expect(b.points.every((p) => p.facet === b.facet)).toBe(true);
		}
		const last = Math.max(...f.facets.map((b) => b.box.bottom));
		expect(f.medians!.top).toBeGreaterThan(last);
		expect(f.medians!.axisY - f.medians!.rowsTop).toBe(data.medians.length * f.medianRow);
		// One-line medians: the interval at 0.68 of its row; a wrapped median line makes the
		// row taller and keeps the text above the interval.
		if (f.medianRow === Math.round(13 * 2.9)) expect(f.medianDy / f.medianRow).toBeCloseTo(0.18);
		else expect(f.medianRow).toBeGreaterThan(Math.round(13 * 2.9));
		expect(f.medianTextDy).toBeLessThan(f.medianDy - 13);
		expect(f.medianTextDy).toBeGreaterThan(-f.medianRow / 2);
	});
});

describe('texts and attributes', () => {
	const point = data.points[0];
	const median = data.medians[0];

	it.each([
		{ text: () => medianText(median, 'en'), expected: /^~?[\d.]+ months/ },
		{ text: () => medianLine(median, 'en'), expected: / · .+: .+ · / },
		{ text: () => survivalPointLabel(fixtureRandomised, point, 'en'), expected: /%.*Source/ },
		{ text: () => survivalMedianLabel(fixtureRandomised, median, 'en'), expected: /months/ }
	])('writes $expected', ({ text, expected }) => {
		expect(text()).toMatch(expected);
	});

	it('carries the figure in data-*', () => {
		expect(survivalPointAttrs(point)).toMatchObject({ 'data-months': point.months });
		expect(survivalMedianAttrs(median)).toMatchObject({ 'data-unit': 'months' });
	});
});
