/**
 * The same forest plot three ways, each to an SVG (or figure) string on the server:
 *
 * - ours: `ResponseForest.svelte` through `svelte/server` render(), from the dataset;
 * - Observable Plot: `Plot.plot({ document })` on a jsdom document, `outerHTML`;
 * - Vega-Lite: compile → `vega.parse` → headless `View` (renderer none) → `toSVG()`.
 *
 * Peers draw points coloured and shaped by arm role, CI rules with end caps (dashed
 * when computed), the study, endpoint and estimate columns, group headers, gridlines,
 * the x axis with its title, and the title/subtitle/footer, at our width and height.
 * Ours draws more: counts, CI note and source columns, legend, row stripes, flags,
 * focusable marks with accessible names, the controls and the data table.
 */
import { render } from 'svelte/server';
import * as Plot from '@observablehq/plot';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { createRequire } from 'node:module';
import ResponseForest from '../../src/lib/charts/forest/ResponseForest.svelte';
import { DEFAULT_FOREST_OPTIONS } from '../../src/lib/charts/forest/forest-rows';
import type { Dataset } from '../../src/lib/evidence/schema';
import { ROLE_COLORS, ROLE_SHAPES, type PeerInput } from './forest-input';

export interface Rendered {
	/** The markup a page would get: our whole component, Plot's figure, Vega's SVG. */
	markup: string;
	/** Point marks drawn, to check every renderer drew every row. */
	points: number;
}

/** Our component, server-rendered; the root <svg> and the count of its point marks. */
export function renderOurs(dataset: Dataset): Rendered {
	const { body } = render(ResponseForest, {
		props: { dataset, options: DEFAULT_FOREST_OPTIONS }
	});
	return { markup: body, points: 0 };
}

export function oursSvg(markup: string): string {
	const match = markup.match(/<svg[\s\S]*?<\/svg>/);
	if (!match) throw new Error('our chart rendered no <svg>');
	return match[0];
}

/**
 * Point marks drawn: one focusable mark per figure, or (above COMPACT_MARKS) the
 * count a compact points layer declares for the paths it draws.
 */
export function countOurPoints(markup: string): number {
	const svg = oursSvg(markup);
	const compact = /<g class="points compact[^"]*"[^>]*data-marks="(\d+)"/.exec(svg);
	if (compact) return Number(compact[1]);
	return (svg.match(/data-result-id="/g) ?? []).length;
}

/** jsdom ships no types: the one constructor we use. */
type JsdomModule = { JSDOM: new (html: string) => { window: { document: Document } } };

/** One jsdom document per process, made before timing: Plot only needs createElementNS. */
let plotDocument: Document | undefined;
export function plotDoc(): Document {
	if (!plotDocument) {
		const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
		plotDocument = new JSDOM('<!doctype html><html><body></body></html>').window.document;
	}
	return plotDocument;
}

export function renderPlot({ rows, frame }: PeerInput): Rendered {
	const data = rows.filter((r) => !r.group);
	const groups = rows.filter((r) => r.group);
	const withCi = data.filter((r) => r.low !== null);
	const cap = Math.round(frame.rowHeight * 0.3);
	const text = {
		fontSize: frame.fontSize,
		frameAnchor: 'left' as const,
		textAnchor: 'start' as const
	};
	const figure = Plot.plot({
		document: plotDoc(),
		width: frame.width,
		height: frame.height,
		marginTop: frame.marginTop,
		marginBottom: frame.marginBottom,
		marginLeft: frame.marginLeft,
		marginRight: frame.marginRight,
		style: { fontSize: `${frame.fontSize}px`, fontFamily: 'Inter, Arial, sans-serif' },
		title: frame.title,
		subtitle: frame.subtitle,
		caption: frame.footer,
		x: {
			domain: [0, 100],
			grid: true,
			label: 'Percent of patients',
			labelAnchor: 'center',
			labelArrow: 'none',
			labelOffset: 34,
			ticks: [0, 25, 50, 75, 100]
		},
		y: { domain: rows.map((r) => r.key), axis: null },
		color: { domain: Object.keys(ROLE_COLORS), range: Object.values(ROLE_COLORS) },
		symbol: { domain: Object.keys(ROLE_SHAPES), range: Object.values(ROLE_SHAPES) },
		marks: [
			// Dashed where computed: Plot takes a dash only as a constant, so two marks.
			Plot.ruleY(
				withCi.filter((d) => !d.computed),
				{ y: 'key', x1: 'low', x2: 'high', stroke: 'role', strokeWidth: 1.75 }
			),
			Plot.ruleY(
				withCi.filter((d) => d.computed),
				{
					y: 'key',
					x1: 'low',
					x2: 'high',
					stroke: 'role',
					strokeWidth: 1.75,
					strokeDasharray: '4 3'
				}
			),
			Plot.tickX(withCi, { x: 'low', y: 'key', stroke: 'role', insetTop: cap, insetBottom: cap }),
			Plot.tickX(withCi, { x: 'high', y: 'key', stroke: 'role', insetTop: cap, insetBottom: cap }),
			// Hollow where the interval was computed, as ours (a fill outside the colour
			// scale would drop the dot, so two marks).
			Plot.dot(
				data.filter((d) => !d.computed),
				{ x: 'value', y: 'key', fill: 'role', stroke: 'role', symbol: 'role', r: 5.5 }
			),
			Plot.dot(
				data.filter((d) => d.computed),
				{
					x: 'value',
					y: 'key',
					fill: 'white',
					stroke: 'role',
					symbol: 'role',
					r: 5.5,
					strokeWidth: 2
				}
			),
			Plot.text(groups, {
				...text,
				y: 'key',
				text: 'study',
				dx: -frame.marginLeft + 6,
				fontWeight: 'bold'
			}),
			Plot.text(data, { ...text, y: 'key', text: 'study', dx: frame.studyX }),
			Plot.text(data, { ...text, y: 'key', text: 'endpoint', dx: frame.endpointX }),
			Plot.text(data, {
				...text,
				frameAnchor: 'right',
				y: 'key',
				text: 'estimate',
				dx: frame.estimateX
			})
		]
	});
	const points = figure.querySelectorAll('g[aria-label="dot"] > *').length;
	return { markup: figure.outerHTML, points };
}

export function vegaLiteSpec({ rows, frame }: PeerInput): vegaLite.TopLevelSpec {
	const plotWidth = frame.width - frame.marginLeft - frame.marginRight;
	const plotHeight = frame.height - frame.marginTop - frame.marginBottom;
	const y = {
		field: 'key',
		type: 'nominal' as const,
		sort: null,
		axis: null,
		scale: { domain: rows.map((r) => r.key), paddingInner: 0, paddingOuter: 0 }
	};
	const x = (field: string) => ({
		field,
		type: 'quantitative' as const,
		scale: { domain: [0, 100], nice: false, zero: false }
	});
	const color = {
		field: 'role',
		type: 'nominal' as const,
		legend: null,
		scale: { domain: Object.keys(ROLE_COLORS), range: Object.values(ROLE_COLORS) }
	};
	const text = (field: string, dx: number, extra: Record<string, unknown> = {}) => ({
		mark: {
			type: 'text' as const,
			align: 'left' as const,
			baseline: 'middle' as const,
			fontSize: frame.fontSize,
			...extra
		},
		encoding: { y, x: { value: dx }, text: { field } }
	});
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		width: plotWidth,
		height: plotHeight,
		autosize: { type: 'none' },
		padding: {
			top: frame.marginTop,
			bottom: frame.marginBottom,
			left: frame.marginLeft,
			right: frame.marginRight
		},
		title: { text: frame.title, subtitle: frame.subtitle, anchor: 'start', offset: 70 },
		data: { values: rows },
		config: { view: { stroke: null }, font: 'Inter, Arial, sans-serif' },
		layer: [
			{
				transform: [{ filter: 'datum.low !== null' }],
				mark: { type: 'rule', strokeWidth: 1.75 },
				encoding: {
					y,
					x: {
						...x('low'),
						axis: { grid: true, title: 'Percent of patients', values: [0, 25, 50, 75, 100] }
					},
					x2: { field: 'high' },
					color,
					strokeDash: { condition: { test: 'datum.computed', value: [4, 3] }, value: [1, 0] }
				}
			},
			{
				transform: [{ filter: 'datum.low !== null' }],
				mark: { type: 'tick', orient: 'vertical', size: Math.round(frame.rowHeight * 0.4) },
				encoding: { y, x: x('low'), color }
			},
			{
				transform: [{ filter: 'datum.high !== null' }],
				mark: { type: 'tick', orient: 'vertical', size: Math.round(frame.rowHeight * 0.4) },
				encoding: { y, x: x('high'), color }
			},
			{
				transform: [{ filter: '!datum.group' }],
				mark: { type: 'point', size: 95, opacity: 1, strokeWidth: 2 },
				encoding: {
					y,
					x: x('value'),
					color,
					// Hollow where the interval was computed, as ours.
					fill: {
						condition: { test: 'datum.computed', value: 'white' },
						field: 'role',
						type: 'nominal',
						legend: null,
						scale: { domain: Object.keys(ROLE_COLORS), range: Object.values(ROLE_COLORS) }
					},
					shape: {
						field: 'role',
						type: 'nominal',
						legend: null,
						scale: { domain: Object.keys(ROLE_SHAPES), range: ['circle', 'square', 'triangle-up'] }
					}
				}
			},
			{
				...text('study', -frame.marginLeft + 6, { fontWeight: 'bold' }),
				transform: [{ filter: 'datum.group' }]
			},
			{ ...text('study', frame.studyX), transform: [{ filter: '!datum.group' }] },
			{ ...text('endpoint', frame.endpointX), transform: [{ filter: '!datum.group' }] },
			{ ...text('estimate', plotWidth + frame.estimateX), transform: [{ filter: '!datum.group' }] }
		]
	} as vegaLite.TopLevelSpec;
}

/** Compile, parse, run the dataflow and serialise: what vega-embed would do, minus the DOM. */
export async function renderVegaLite(input: PeerInput): Promise<Rendered> {
	const spec = vegaLite.compile(vegaLiteSpec(input)).spec;
	const view = new vega.View(vega.parse(spec), { renderer: 'none' });
	const svg = await view.toSVG();
	view.finalize();
	const symbols = svg.match(/<g class="mark-symbol role-mark[^>]*>([\s\S]*?)<\/g>/);
	const points = symbols ? (symbols[1].match(/<path/g) ?? []).length : 0;
	return { markup: svg, points };
}
