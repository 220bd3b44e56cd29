/**
 * A hand-written chart with the anatomy ChartFigure gives every chart: a LayerCake
 * container with padding, an `<svg>` offset by CSS, a title group at negative y,
 * marks coloured with CSS variables and a footer with sources and dataset version.
 * Figures are invented for the tests; they are not evidence.
 */
import type { ChartSpec, TidyRow } from '$lib/charts/spec';
import type { ExportSource } from '$lib/export/sources';

export const spec: ChartSpec = {
	id: 'response-forest',
	title: 'Complete remission by study',
	subtitle: 'Fixture population, end of cycle 2',
	description: 'Dot-and-interval chart of complete remission rates in two fixture studies.',
	sources: ['Fixture 2015', 'EMA overview EMA/0/2024'],
	medicine: 'Blincyto (blinatumomab)',
	datasetVersion: '2025.01-1',
	datasetReleased: '2025-01-20'
};

const base: Omit<TidyRow, 'study' | 'value' | 'events' | 'total' | 'ciLow' | 'ciHigh'> = {
	indication: 'Relapsed/refractory B-ALL, adults',
	arm: 'Blinatumomab',
	endpoint: 'CR/CRh',
	timepoint: '2 cycles',
	unit: 'percent',
	ciLevel: 0.95,
	ciMethod: 'Clopper–Pearson',
	basis: 'reported',
	source: 'Fixture 2015',
	locator: 'Table 2',
	dataCut: '2014-02'
};

export const rows: TidyRow[] = [
	{ ...base, study: 'Fixture study 1', value: 43, events: 81, total: 189, ciLow: 36, ciHigh: 50 },
	{
		...base,
		study: 'Fixture study 2',
		arm: 'Standard chemotherapy',
		value: 24.6,
		events: 32,
		total: 130,
		ciLow: 17.5,
		ciHigh: 32.9,
		basis: 'computed',
		source: 'EMA overview EMA/0/2024',
		locator: 'p. 3, "Hoe werkt"',
		dataCut: ''
	},
	{
		...base,
		study: 'Fixture study 2',
		arm: 'Difference',
		endpoint: 'Risk difference',
		unit: 'percentage-points',
		value: -4.25,
		events: null,
		total: null,
		ciLow: -12.5,
		ciHigh: 3.1,
		ciMethod: 'Newcombe (Wilson)',
		basis: 'derived',
		locator: 'derived, "quoted, with comma"'
	}
];

/** A hostile study name: must reach spreadsheets as text, never as a formula. */
export const hostileRow: TidyRow = {
	...rows[0],
	study: '=HYPERLINK("http://x")',
	arm: '+1',
	endpoint: '@SUM(A1)',
	locator: '-2+3',
	value: -1.5
};

export const sources: ExportSource[] = [
	{
		id: 'fixture-2015',
		shortCitation: 'Fixture 2015',
		citation: 'Author A, Author B. A fixture study. J Fixtures. 2015;1:1-10.',
		date: '2015-01',
		doi: '10.0000/fixture.2015',
		pmid: '12345678'
	},
	{
		id: 'ema-overview',
		shortCitation: 'EMA overview EMA/0/2024',
		citation: 'European Medicines Agency. Fixture overview. EMA/0/2024.',
		date: '2024',
		url: 'https://example.org/overview.pdf'
	}
];

export const WIDTH = 640;
export const HEIGHT = 400;
export const PADDING = { top: 70, right: 20, bottom: 60, left: 150 };

/** The page around the chart: CSS variables on :root, as app.css defines them. */
export const PAGE_CSS = `
:root { --bg: #ffffff; --ink: #1b1f24; --muted: #57606a; --experimental: #4477aa; --comparator: #ee6677; --chart-grid: #e4e8ec; --font-sans: 'Inter', Arial, sans-serif; }
:root[data-theme='dark'] { --bg: #0f1318; --ink: #e6e9ed; --experimental: #66ccee; }
:root[data-theme='projector'] { --bg: #ffffff; --ink: #000000; --experimental: #004488; }
.chart-title { font-weight: 700; font-size: 18px; }
`;

/** The inner markup of the chart's `<svg>`: title group, grid, marks, axis, footer. */
export const SVG_INNER = `
<g class="svelte-abc123 chart-title-group" data-export-id="title">
  <text class="chart-title svelte-abc123" x="-150" y="-45" fill="var(--ink)" style="font-family: var(--font-sans)">${spec.title}</text>
  <text class="chart-subtitle" x="-150" y="-22" fill="var(--muted)" font-size="13">${spec.subtitle} ≥ 18 years</text>
</g>
<g class="grid"><line x1="0" x2="0" y1="0" y2="270" stroke="var(--chart-grid)" /><line x1="235" x2="235" y1="0" y2="270" stroke="var(--chart-grid)" /></g>
<g class="marks" data-export-id="marks">
  <g class="interval"><line x1="168" x2="235" y1="60" y2="60" stroke="var(--experimental)" stroke-width="2" /><circle cx="201" cy="60" r="6" fill="var(--experimental)" /></g>
  <g class="interval"><line x1="82" x2="155" y1="180" y2="180" stroke="var(--comparator)" stroke-width="2" /><circle cx="115" cy="180" r="6" fill="var(--comparator)" /></g>
  <text class="value-label" x="245" y="64" fill="var(--ink)">43% (36–50%)</text>
</g>
<g class="axis y-axis"><text x="-10" y="64" text-anchor="end" fill="var(--ink)">Fixture study 1</text><text x="-10" y="184" text-anchor="end" fill="var(--ink)">Fixture study 2</text></g>
<g class="axis x-axis"><text x="0" y="290" text-anchor="middle" fill="var(--muted)">0%</text><text x="470" y="290" text-anchor="middle" fill="var(--muted)">100%</text></g>
<g class="tooltip-target" data-export-ignore><rect x="0" y="0" width="470" height="270" fill="transparent" /></g>
<g class="footer" data-export-id="footer">
  <text x="-150" y="315" fill="var(--muted)" font-size="11">Sources: ${spec.sources.join('; ')} · Dataset ${spec.datasetVersion}</text>
</g>
`;

/** Mounts the fixture in a (jsdom) document and returns the chart's `<svg>`. */
export function mountFixture(doc: Document): SVGSVGElement {
	const style = doc.createElement('style');
	style.textContent = PAGE_CSS;
	doc.head.appendChild(style);
	const container = doc.createElement('div');
	container.className = 'layercake-container';
	container.style.cssText = `position: relative; width: ${WIDTH}px; height: ${HEIGHT}px`;
	container.innerHTML = `<svg class="layercake-layout-svg" width="${WIDTH}" height="${HEIGHT}" style="top: ${PADDING.top}px; left: ${PADDING.left}px; width: calc(100% - ${PADDING.left + PADDING.right}px); height: calc(100% - ${PADDING.top + PADDING.bottom}px); overflow: visible;" role="img" aria-label="${spec.title}">${SVG_INNER}</svg>`;
	doc.body.appendChild(container);
	return container.querySelector('svg') as SVGSVGElement;
}

/** The layout a browser would measure for the fixture (jsdom does no layout). */
export const LAYOUT = { width: WIDTH, height: HEIGHT, padding: PADDING };
