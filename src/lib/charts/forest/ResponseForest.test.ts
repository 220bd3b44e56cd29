import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import ResponseForest from './ResponseForest.svelte';
import { fixtureDataset } from './fixtures';
import { forestResults } from './forest-rows';
import { COMPACT_MARKS } from '../anatomy';
import { syntheticDataset } from '$lib/evidence/synthetic';

describe('ResponseForest (server-rendered on the fixture)', () => {
	const { svg, html } = renderChartSvg(ResponseForest, {
		dataset: fixtureDataset,
		options: { sort: 'indication', group: 'indication', pool: ['alpha', 'beta'] }
	});

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/response-forest.svg');
	});

	it('draws one focusable mark per figure, plus the pooled diamond', () => {
		const marks = svg.match(/<g class="mark[^"]*"[^>]*tabindex="0"/g) ?? [];
		expect(marks).toHaveLength(forestResults(fixtureDataset).length + 1);
	});

	it('carries title, subtitle and footer inside the SVG', () => {
		expect(svg).toMatch(/<g class="title"/);
		expect(svg).toMatch(/<g class="footer"/);
		expect(svg).toContain('Response and event rates, study by study');
		expect(svg).toContain('Dataset fixture-1');
		expect(svg).toContain('not a substitute for the SmPC');
	});

	it('is a figure with a name and a description, not an image hiding its marks', () => {
		expect(svg).toMatch(/role="figure"/);
		expect(svg).not.toMatch(/<svg[^>]*role="img"/);
		expect(svg).toMatch(/aria-describedby="response-forest-desc"/);
		expect(svg).toMatch(/<desc id="response-forest-desc">/);
	});

	it('marks computed intervals and shows the pooling caveat', () => {
		expect(svg).toMatch(/data-result-id="beta-cr-pub"[^>]*data-ci-origin="computed"/);
		expect(svg).toMatch(/data-result-id="alpha-cr-pub"[^>]*data-ci-origin="printed"/);
		expect(html).toContain('data-testid="pool-caveat"');
	});

	it('puts the tidy rows in the table', () => {
		const rows = html.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? [];
		expect(rows).toHaveLength(forestResults(fixtureDataset).length + 1);
	});
});

describe('ResponseForest above COMPACT_MARKS figures (server-rendered)', () => {
	const dataset = syntheticDataset({ results: COMPACT_MARKS + 100, seed: 3 });
	const figures = forestResults(dataset).length;
	const { svg, html } = renderChartSvg(ResponseForest, { dataset });

	it('draws the marks as a few hidden paths that count every figure', () => {
		expect(svg).not.toMatch(/tabindex="0"/);
		const layer = /<g class="points compact[^"]*" aria-hidden="true" data-marks="(\d+)"/.exec(svg);
		expect(Number(layer?.[1])).toBe(figures);
	});

	it('still writes every row: text in the svg, rows in the table', () => {
		const columns = svg.split('<g class="text-column').slice(1);
		const cells = Math.max(
			...columns.map((c) => (c.split('</g>')[0].match(/<text /g) ?? []).length)
		);
		expect(cells).toBeGreaterThanOrEqual(figures);
		const rows = html.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? [];
		expect(rows).toHaveLength(figures);
	});
});
