import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../snapshot';
import { examplimab } from '../fixtures/examplimab';
import EvidenceMap from './EvidenceMap.svelte';
import { evidenceGrid } from './evidence-map-rows';

describe('EvidenceMap (server-rendered on the fixture)', () => {
	const { svg, html } = renderChartSvg(EvidenceMap, { dataset: examplimab });
	const placed = evidenceGrid(examplimab).cells.reduce((sum, c) => sum + c.studies.length, 0);

	it('matches the reviewed SVG snapshot', async () => {
		await expect(svg).toMatchFileSnapshot('__snapshots__/evidence-map.svg');
	});

	it('draws one focusable mark per study and cell, none of them links', () => {
		const marks = svg.match(/<g class="mark[^"]*"[^>]*tabindex="0"/g) ?? [];
		expect(marks).toHaveLength(placed);
		expect(svg).not.toMatch(/<a /);
	});

	it('makes the marks links when a study href is given', () => {
		const linked = renderChartSvg(EvidenceMap, {
			dataset: examplimab,
			studyHref: (id: string) => `/studies/${id}`
		}).svg;
		const links = linked.match(/<a class="mark[^"]*" href="\/studies\/[a-z-]+"/g) ?? [];
		expect(links).toHaveLength(placed);
		expect(linked).not.toMatch(/tabindex="0"/);
	});

	it('spans the "1 month and older" cell over the child and infant rows, and marks gaps', () => {
		expect(svg).toContain('data-cell="relapsed-refractory|negative|child+infant"');
		expect(svg.match(/class="gap"/g)).toHaveLength(evidenceGrid(examplimab).gaps.length);
	});

	it('draws an unsized study hollow, never at an invented size', () => {
		expect(svg).toMatch(/data-study-id="zeta"(?![^>]*data-n=)/);
		expect(svg).toContain('n not reported');
	});

	it('is a figure with captions inside the SVG and a data table', () => {
		expect(svg).toMatch(/role="figure"/);
		expect(svg).toMatch(/<g class="title"/);
		expect(svg).toMatch(/<g class="footer"/);
		expect(svg).toContain('Dataset fixture-2');
		const rows = html.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? [];
		expect(rows).toHaveLength(placed);
	});
});
