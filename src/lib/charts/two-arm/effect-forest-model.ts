/**
 * The effect forest as plain data: what it draws (effects, tidy rows, spec, legend),
 * where (caption, legend, padding, panels with their rows, scale kind, domain and ticks,
 * "favours" labels, row offsets) and its text columns, as a list the chart loops once
 * per panel. EffectForest.svelte composes these; nothing here touches Svelte or the DOM
 * (effect-forest-model.test.ts).
 */
import { m } from '$lib/paraglide/messages';
import type { Dataset, Study } from '$lib/evidence/schema';
import { formatNumber, type Locale } from '$lib/format';
import { CHAR_WIDTH } from '../anatomy';
import { chartFrame, datasetStamp, sideColumns, studyArms, type ChartFrame } from '../frame';
import { computedCiItem, flagItem, type LegendItem } from '../legend';
import { linearDomain, logDomain, logTicks, stackPanels, type PanelBox } from '../panels';
import type { ChartSpec, TidyRow } from '../spec';
import { effectPanels, effectRows, type EffectPanel, type EffectRow } from './two-arm-rows';

/** What the chart draws for a study, whatever its width. */
export interface EffectContent {
	study: Study;
	panels: EffectPanel[];
	/** Every effect, panel by panel. */
	rows: EffectRow[];
	tidy: TidyRow[];
	spec: ChartSpec;
	legendItems: LegendItem[];
	experimental: string | undefined;
	comparator: string | undefined;
}

export function measureLabel(r: EffectRow): string {
	return r.measure === 'hazard-ratio'
		? m.chart_measure_hr()
		: r.measure === 'risk-ratio'
			? m.chart_measure_rr()
			: r.measure === 'risk-difference'
				? m.chart_measure_rd()
				: m.chart_measure_difference();
}

/** Printed effects carry their measure in the endpoint's label ("…, hazard ratio"). */
export function effectRowLabel(r: EffectRow): string {
	return r.origin === 'printed' ? r.endpointLabel : `${measureLabel(r)} · ${r.endpointLabel}`;
}

const isRatio = (r: EffectRow) => r.measure === 'hazard-ratio' || r.measure === 'risk-ratio';
/** Computed figures to 4 decimals in the data: exact enough, free of float noise. */
const tidyNumber = (r: EffectRow, v: number) =>
	r.origin === 'computed' ? Number(v.toFixed(4)) : v;

export function effectContent(dataset: Dataset, study: Study, id: string): EffectContent {
	const panels = effectPanels(effectRows(dataset, study));
	const rows = panels.flatMap((panel) => panel.rows);
	const { experimental, comparator } = studyArms(study);
	const indication = dataset.indications.find((i) => i.id === study.indicationIds[0])?.label ?? '';
	const tidy: TidyRow[] = rows.map((r) => ({
		study: study.name,
		indication,
		arm: `${experimental?.label ?? ''} vs ${comparator?.label ?? ''}`,
		endpoint: `${measureLabel(r)}: ${r.endpointLabel}`,
		timepoint: '',
		value: tidyNumber(r, r.estimate),
		unit: isRatio(r) ? 'ratio' : 'percentage-points',
		events: null,
		total: null,
		ciLow: r.low === undefined ? null : tidyNumber(r, r.low),
		ciHigh: r.high === undefined ? null : tidyNumber(r, r.high),
		ciLevel: r.level ?? null,
		ciMethod: r.method
			? `${r.method}${r.origin === 'computed' ? ` (${m.chart_ci_computed()})` : ''}`
			: '',
		basis: r.origin === 'computed' ? 'computed' : 'reported',
		source: r.sourceShort,
		locator: r.locator,
		dataCut: ''
	}));
	const spec: ChartSpec = {
		id,
		title: m.chart_effect_title({
			study: study.name,
			experimental: experimental?.label ?? '',
			comparator: comparator?.label ?? ''
		}),
		subtitle: m.chart_effect_subtitle({ population: study.population }),
		description: m.chart_effect_description({ count: String(rows.length), study: study.name }),
		sources: [...new Set(rows.map((r) => r.sourceShort))],
		...datasetStamp(dataset)
	};
	const legendItems: LegendItem[] = [
		{
			key: 'printed',
			label: m.chart_legend_ci_printed(),
			color: 'var(--ink)',
			shape: 'circle',
			line: true
		},
		...computedCiItem(
			rows.some((r) => r.origin === 'computed'),
			'var(--ink)'
		),
		...flagItem(rows.some((r) => r.discrepancies.length))
	];
	return {
		study,
		panels,
		rows,
		tidy,
		spec,
		legendItems,
		experimental: experimental?.label,
		comparator: comparator?.label
	};
}

const PANEL_TITLES = {
	'ratio-lower': () => m.chart_effect_panel_ratio_lower(),
	'ratio-higher': () => m.chart_effect_panel_ratio_higher(),
	'difference-lower': () => m.chart_effect_panel_difference_lower(),
	'difference-higher': () => m.chart_effect_panel_difference_higher(),
	'difference-unknown': () => m.chart_effect_panel_difference_unknown()
} as const;

/** One panel as placed: its rows, its scale, its null line and "favours" labels. */
export interface PlacedEffectPanel {
	panel: EffectPanel;
	box: PanelBox;
	title: string;
	scale: 'log' | 'linear';
	/** Log: around the values and 1; linear: around them and 0 (niced by the chart). */
	xDomain: [number, number];
	/** Log ticks (1, 2, 5 per decade); linear: how many to ask of the niced scale. */
	ticks: number[] | number;
	nullValue: number;
	favoursLeft: string | undefined;
	favoursRight: string | undefined;
}

/** Where everything goes at a width and type size. */
export interface EffectFrame extends ChartFrame {
	narrow: boolean;
	leftWidth: number;
	rowHeight: number;
	height: number;
	panels: PlacedEffectPanel[];
	/** Offsets from a row's middle: the label and source lines, and the mark. */
	labelDy: number;
	sourceDy: number;
	rowDy: number;
}

function favours(
	panel: EffectPanel,
	experimental: string | undefined,
	comparator: string | undefined
) {
	const label = (arm: string | undefined) => m.chart_favours({ arm: arm ?? '' });
	if (panel.direction === 'lower')
		return { left: `← ${label(experimental)}`, right: `${label(comparator)} →` };
	if (panel.direction === 'higher')
		return { left: `← ${label(comparator)}`, right: `${label(experimental)} →` };
	return { left: undefined, right: undefined };
}

export function effectFrame(
	content: EffectContent,
	width: number,
	fontSize: number,
	locale: Locale
): EffectFrame {
	const { narrow, leftWidth, rightWidth } = sideColumns(
		width,
		fontSize,
		{ phoneShare: 0.38, chars: 34, share: 0.32 },
		{ phoneChars: 12, chars: 31 }
	);
	// Phones: each row is the label line (with the effect), the source line, then the mark.
	const rowHeight = Math.round(fontSize * (narrow ? 4.6 : 3.1));
	const frame = chartFrame({
		spec: content.spec,
		locale,
		legendItems: content.legendItems,
		width,
		fontSize,
		left: narrow ? 16 : leftWidth + 16,
		right: narrow ? 20 : rightWidth + 24
	});
	const stack = stackPanels(
		content.panels.map((p) => ({ id: p.id, rows: p.rows.length })),
		{
			rowHeight,
			header: Math.round(fontSize * (narrow ? 4.4 : 3.3)),
			axis: Math.round(fontSize * 3.4),
			gap: fontSize
		}
	);
	const panels = content.panels.map((panel, i): PlacedEffectPanel => {
		const values = panel.rows.flatMap((r) => [
			r.estimate,
			r.low ?? r.estimate,
			r.high ?? r.estimate
		]);
		const log = panel.scale === 'log';
		const domain = log ? logDomain(values) : linearDomain(values);
		const { left, right } = favours(panel, content.experimental, content.comparator);
		return {
			panel,
			box: stack.boxes[i],
			title: PANEL_TITLES[panel.id](),
			scale: panel.scale,
			xDomain: domain,
			ticks: log ? logTicks(domain) : Math.max(2, Math.floor(frame.plotWidth / 70)),
			nullValue: log ? 1 : 0,
			favoursLeft: left,
			favoursRight: right
		};
	});
	return {
		...frame,
		narrow,
		leftWidth,
		rowHeight,
		height: frame.padding.top + Math.max(stack.height, fontSize * 2) + frame.padding.bottom,
		panels,
		labelDy: narrow ? fontSize - rowHeight / 2 : -fontSize * 0.6,
		sourceDy: narrow ? fontSize * 2.15 - rowHeight / 2 : fontSize * 0.65,
		rowDy: narrow ? fontSize * 3.4 - rowHeight / 2 : 0
	};
}

/** An effect's figure at its printed precision. */
export function effectNumber(r: EffectRow, v: number, locale: Locale): string {
	return formatNumber(v, locale, r.digits);
}

/** "0.17–0.70", or "-12 to -3" when the low end is negative; empty without a CI. */
export function effectRange(r: EffectRow, locale: Locale): string {
	if (r.low === undefined || r.high === undefined) return '';
	const low = effectNumber(r, r.low, locale);
	const high = effectNumber(r, r.high, locale);
	return r.low < 0 ? m.chart_range_to({ low, high }) : `${low}–${high}`;
}

/** "0.43 (0.30–0.61)". */
export function effectText(r: EffectRow, locale: Locale): string {
	const range = effectRange(r, locale);
	return `${effectNumber(r, r.estimate, locale)}${range ? ` (${range})` : ''}`;
}

const originText = (r: EffectRow) =>
	r.origin === 'computed' ? m.chart_ci_computed() : m.chart_ci_printed();

/** One text column as data: the chart draws each with one TextColumn, in every panel. */
export interface EffectTextColumn {
	key: string;
	x: number;
	dy: number;
	width?: number;
	text: (r: EffectRow) => string;
	tone?: (r: EffectRow) => 'ink' | 'muted';
	halo: boolean;
	fontSize: number;
}

/**
 * Label and source lines left of the plot (on phones the source line also carries the
 * effect and how it was obtained); the effect and "printed"/"computed" right of it.
 */
export function effectTextColumns(
	frame: EffectFrame,
	width: number,
	fontSize: number,
	locale: Locale
): EffectTextColumn[] {
	const { narrow, padding, leftWidth, plotWidth } = frame;
	const left = {
		x: -padding.left + 6,
		width: narrow ? width - 16 : leftWidth,
		halo: narrow,
		fontSize
	};
	const columns: EffectTextColumn[] = [
		{ key: 'label', ...left, dy: frame.labelDy, text: effectRowLabel },
		{
			key: 'source',
			...left,
			dy: frame.sourceDy,
			text: (r) =>
				narrow ? `${effectText(r, locale)} · ${originText(r)} · ${r.sourceShort}` : r.sourceShort,
			tone: () => 'muted'
		}
	];
	if (narrow) return columns;
	return [
		...columns,
		{
			key: 'effect',
			x: plotWidth + 22,
			dy: frame.rowDy,
			text: (r) => effectText(r, locale),
			halo: false,
			fontSize
		},
		{
			key: 'origin',
			x: plotWidth + 22 + Math.ceil(22 * fontSize * CHAR_WIDTH.regular),
			dy: frame.rowDy,
			text: originText,
			tone: (r) => (r.origin === 'computed' ? 'ink' : 'muted'),
			halo: false,
			fontSize: Math.round(fontSize * 0.85)
		}
	];
}

/** The CI line of the tooltip and the mark's name: printed with its method, or computed from counts. */
export function effectCiLine(r: EffectRow, locale: Locale): string {
	const ci = effectRange(r, locale);
	if (!ci) return m.chart_tip_effect_no_ci();
	const text = `${Math.round((r.level ?? 0.95) * 100)}% CI ${ci}`;
	if (r.origin === 'printed')
		return m.chart_tip_effect_printed({ ci: text, method: r.method ?? '' });
	const [a, b] = r.counts ?? [];
	return m.chart_tip_effect_computed({
		ci: text,
		a: a ? `${a.events}/${a.total}` : '',
		b: b ? `${b.events}/${b.total}` : '',
		method: r.method ?? ''
	});
}

/** "p < 0.001", when the source printed one. */
export function effectPText(r: EffectRow, locale: Locale): string | undefined {
	return r.pValue
		? m.chart_tip_p({ relation: r.pValue.relation, value: formatNumber(r.pValue.value, locale) })
		: undefined;
}

/** What a screen reader hears on an effect's mark. */
export function effectMarkLabel(study: Study, r: EffectRow, locale: Locale): string {
	const p = effectPText(r, locale);
	return [
		`${study.name}, ${effectRowLabel(r)}: ${effectNumber(r, r.estimate, locale)}`,
		effectCiLine(r, locale),
		...(p ? [p] : []),
		m.chart_tip_source({ source: r.sourceShort, locator: r.locator }),
		...r.discrepancies.map((explanation) => m.chart_tip_flag({ explanation }))
	].join('. ');
}

/** The data attributes of an effect's mark, for tests and exports. */
export function effectMarkAttrs(d: EffectRow) {
	return {
		'data-result-id': d.resultIds.join(' '),
		'data-measure': d.measure,
		'data-value': d.estimate,
		'data-ci-low': d.low,
		'data-ci-high': d.high,
		'data-ci-origin': d.origin
	};
}
