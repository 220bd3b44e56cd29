import { describe, expect, it } from 'vitest';
import { fixtureDataset, fixtureRandomised } from './fixtures';
import {
	effectCiLine,
	effectContent,
	effectFrame,
	effectMarkAttrs,
	effectMarkLabel,
	effectRange,
	effectRowLabel,
	effectText,
	effectTextColumns
} from './effect-forest-model';
import { effectRows, type EffectRow } from './two-arm-rows';

const content = effectContent(fixtureDataset, fixtureRandomised, 'effects-gamma');
const frame = (width: number) => effectFrame(content, width, 13, 'en');
const hr = content.rows.find((r) => r.measure === 'hazard-ratio')!;
const computed = content.rows.find((r) => r.origin === 'computed')!;

describe('effectContent: what the chart draws', () => {
	it('draws every effect once, panel by panel, and tidies each', () => {
		expect(content.rows).toHaveLength(effectRows(fixtureDataset, fixtureRandomised).length);
		expect(content.rows).toEqual(content.panels.flatMap((p) => p.rows));
		expect(content.tidy).toHaveLength(content.rows.length);
	});

	it.each([
		{ basis: 'reported', pick: () => hr },
		{ basis: 'computed', pick: () => computed }
	])('a $basis effect is tidied as $basis', ({ basis, pick }) => {
		const row = content.tidy[content.rows.indexOf(pick())];
		expect(row.basis).toBe(basis);
		expect(row.source).toBe(pick().sourceShort);
	});

	it('legends printed and computed CIs, names each source once, stamps the dataset', () => {
		expect(content.legendItems.map((i) => i.key).slice(0, 2)).toEqual(['printed', 'computed']);
		expect(new Set(content.spec.sources).size).toBe(content.spec.sources.length);
		expect(content.spec.datasetVersion).toBe(fixtureDataset.version);
	});
});

describe('effectFrame: panels, scales, favours labels', () => {
	it.each([
		{ width: 960, narrow: false },
		{ width: 400, narrow: true }
	])('at $width px (narrow $narrow)', ({ width, narrow }) => {
		const f = frame(width);
		expect(f.narrow).toBe(narrow);
		expect(f.panels.map((p) => p.panel.id)).toEqual(content.panels.map((p) => p.id));
		for (const p of f.panels) {
			expect(p.box.axisY - p.box.rowsTop).toBe(p.panel.rows.length * f.rowHeight);
			// The null value is always inside the domain.
			expect(p.xDomain[0]).toBeLessThan(p.nullValue);
			expect(p.xDomain[1]).toBeGreaterThan(p.nullValue);
		}
	});

	it.each([
		{ scale: 'log', nullValue: 1, ticks: 'array' },
		{ scale: 'linear', nullValue: 0, ticks: 'number' }
	])('a $scale panel: null at $nullValue, ticks as $ticks', ({ scale, nullValue, ticks }) => {
		const p = frame(960).panels.find((x) => x.scale === scale)!;
		expect(p.nullValue).toBe(nullValue);
		expect(Array.isArray(p.ticks) ? 'array' : 'number').toBe(ticks);
	});

	it.each([
		{ direction: 'lower', left: '← favours Examplimab', right: 'favours Chemotherapy →' },
		{ direction: 'higher', left: '← favours Chemotherapy', right: 'favours Examplimab →' }
	])('"favours" labels of a $direction-is-better panel', ({ direction, left, right }) => {
		const p = frame(960).panels.find((x) => x.panel.direction === direction);
		if (!p) return expect(direction).toBe('higher');
		expect([p.favoursLeft, p.favoursRight]).toEqual([left, right]);
	});
});

describe('effectTextColumns', () => {
	it.each([
		{ width: 960, keys: ['label', 'source', 'effect', 'origin'] },
		{ width: 400, keys: ['label', 'source'] }
	])('at $width px: $keys', ({ width, keys }) => {
		const f = frame(width);
		const cols = effectTextColumns(f, width, 13, 'en');
		expect(cols.map((c) => c.key)).toEqual(keys);
		const source = cols.find((c) => c.key === 'source')!.text(hr);
		// Phones write the effect and its origin into the source line.
		expect(source.includes(effectText(hr, 'en'))).toBe(f.narrow);
	});
});

describe('texts and attributes', () => {
	const negative: EffectRow = { ...computed, low: -12.5, high: -3, estimate: -7.75, digits: 1 };

	it.each([
		{ row: hr, range: /^\d\.\d+–\d\.\d+$/ },
		{ row: negative, range: /^−12\.5 to −3\.0$/ },
		{ row: { ...hr, low: undefined }, range: /^$/ }
	])('writes the range $range', ({ row, range }) => {
		expect(effectRange(row, 'en')).toMatch(range);
	});

	it('labels printed effects by their endpoint, computed ones by measure too', () => {
		expect(effectRowLabel(hr)).toBe(hr.endpointLabel);
		expect(effectRowLabel(computed)).toMatch(/ · /);
	});

	it.each([
		{ row: hr, says: /printed/i },
		{ row: computed, says: /\d+\/\d+/ },
		{ row: { ...hr, low: undefined }, says: /no/i }
	])('says how a CI was obtained ($says)', ({ row, says }) => {
		expect(effectCiLine(row, 'en')).toMatch(says);
	});

	it('names the whole figure and carries it in data-*', () => {
		expect(effectMarkLabel(fixtureRandomised, hr, 'en')).toContain(hr.sourceShort);
		expect(effectMarkAttrs(computed)).toMatchObject({
			'data-measure': computed.measure,
			'data-ci-origin': 'computed'
		});
	});
});
