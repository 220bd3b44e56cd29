/**
 * The two-arm comparison as plain data: what it draws (marks, tidy rows, spec, legend),
 * where (caption, legend, padding, panels with their rows, domains and ticks, row
 * offsets) and its text columns, as a list the chart loops once per panel.
 * TwoArmComparison.svelte composes these; nothing here touches Svelte or the DOM
 * (two-arm-model.test.ts).
 */
import { m } from '$lib/paraglide/messages';
import type { Dataset, Study } from '$lib/evidence/schema';
import { formatNumber, formatPercent, type Locale } from '$lib/format';
import { roleColor, roleShape } from '../encoding';
import { ciSentence, rangeText } from '../figure-labels';
import { chartFrame, datasetStamp, sideColumns, studyArms, type ChartFrame } from '../frame';
import { computedCiItem, flagItem, type LegendItem } from '../legend';
import { stackPanels, type PanelBox } from '../panels';
import type { ChartSpec, TidyRow } from '../spec';
import { armPairs, type ArmFigure, type ArmPair } from './two-arm-rows';

export type TwoArmUnit = ArmPair['unit'];

/** One arm's figure as drawn: in its pair's row. */
export interface TwoArmMark extends ArmFigure {
	key: string;
	pair: ArmPair;
}

/** What the chart draws for a study, whatever its width. */
export interface TwoArmContent {
	study: Study;
	pairs: ArmPair[];
	marks: TwoArmMark[];
	tidy: TidyRow[];
	spec: ChartSpec;
	legendItems: LegendItem[];
	notes: string[];
}

export function twoArmContent(dataset: Dataset, study: Study, id: string): TwoArmContent {
	const pairs = armPairs(dataset, study);
	const { experimental, comparator } = studyArms(study);
	const marks: TwoArmMark[] = pairs.flatMap((pair) =>
		[pair.experimental, pair.comparator].flatMap((f) =>
			f ? [{ ...f, key: `${pair.key}/${f.armId}`, pair }] : []
		)
	);
	const indication = dataset.indications.find((i) => i.id === study.indicationIds[0])?.label ?? '';
	const tidy: TidyRow[] = marks.map((f) => ({
		study: study.name,
		indication,
		arm: f.armLabel,
		endpoint: f.pair.endpointLabel,
		timepoint: f.pair.timepoint ?? '',
		value: f.value,
		unit: f.unit,
		events: f.events ?? null,
		total: f.total ?? null,
		ciLow: f.ci?.low != null ? Number(f.ci.low.toFixed(2)) : null,
		ciHigh: f.ci?.high != null ? Number(f.ci.high.toFixed(2)) : null,
		ciLevel: f.ci?.level ?? null,
		ciMethod: f.ci
			? `${f.ci.method}${f.ci.origin === 'computed' ? ` (${m.chart_ci_computed()})` : ''}`
			: '',
		basis: 'reported',
		source: f.sourceShort,
		locator: f.locator,
		dataCut: f.dataCut ?? ''
	}));
	const spec: ChartSpec = {
		id,
		title: m.chart_twoarm_title({ study: study.name }),
		subtitle: m.chart_twoarm_subtitle({
			population: study.population,
			experimental: experimental?.label ?? '',
			comparator: comparator?.label ?? ''
		}),
		description: m.chart_twoarm_description({
			count: String(marks.length),
			study: study.name,
			experimental: experimental?.label ?? '',
			comparator: comparator?.label ?? ''
		}),
		sources: [...new Set(pairs.map((p) => p.sourceShort))],
		...datasetStamp(dataset)
	};
	const hasComputed = marks.some((f) => f.ci?.origin === 'computed');
	const legendItems: LegendItem[] = [
		...[experimental, comparator].flatMap((arm) =>
			arm
				? [
						{
							key: arm.id,
							label: arm.label,
							color: roleColor(arm.role),
							shape: roleShape(arm.role)
						}
					]
				: []
		),
		...computedCiItem(hasComputed, 'var(--muted)'),
		...flagItem(marks.some((f) => f.discrepancies.length))
	];
	return {
		study,
		pairs,
		marks,
		tidy,
		spec,
		legendItems,
		notes: hasComputed ? [m.chart_note_computed()] : []
	};
}

/** One panel: a unit, its rows, its own x domain and its place in the stack. */
export interface TwoArmPanel {
	id: TwoArmUnit;
	box: PanelBox;
	pairs: ArmPair[];
	marks: TwoArmMark[];
	/** Every other row: the shaded stripes. */
	stripes: ArmPair[];
	/** Percent 0–100; months from 0 to the largest figure or CI end (niced by the chart). */
	xDomain: [number, number];
	nice: boolean;
	title: string;
	axisLabel: string;
}

/** Where everything goes at a width and type size. */
export interface TwoArmFrame extends ChartFrame {
	narrow: boolean;
	leftWidth: number;
	rightWidth: number;
	rowHeight: number;
	height: number;
	panels: TwoArmPanel[];
	/** Offsets from a row's middle: the label and source lines, and the marks' lane. */
	labelDy: number;
	sourceDy: number;
	rowDy: number;
	/** Half the gap between the experimental arm (above) and the comparator (below). */
	armGap: number;
}

export function twoArmFrame(
	content: TwoArmContent,
	width: number,
	fontSize: number,
	locale: Locale
): TwoArmFrame {
	const { narrow, leftWidth, rightWidth } = sideColumns(
		width,
		fontSize,
		{ phoneShare: 0.42, chars: 36, share: 0.34 },
		{ phoneChars: 9, chars: 16 }
	);
	// Phones: each row is the label line, the source line, then the marks across the full width.
	const rowHeight = Math.round(fontSize * (narrow ? 5 : 3.1));
	const frame = chartFrame({
		spec: content.spec,
		locale,
		notes: content.notes,
		legendItems: content.legendItems,
		width,
		fontSize,
		left: narrow ? 12 : leftWidth + 16,
		right: narrow ? 20 : rightWidth + 24
	});
	const units: TwoArmUnit[] = ['percent', 'months'];
	const byUnit = units
		.map((id) => ({ id, pairs: content.pairs.filter((p) => p.unit === id) }))
		.filter((p) => p.pairs.length > 0);
	const stack = stackPanels(
		byUnit.map((p) => ({ id: p.id, rows: p.pairs.length })),
		{
			rowHeight,
			header: Math.round(fontSize * 2),
			axis: Math.round(fontSize * 3.4),
			gap: fontSize
		}
	);
	const panels = byUnit.map(({ id, pairs }, i): TwoArmPanel => {
		const marks = content.marks.filter((f) => f.unit === id);
		const months = Math.max(1, ...marks.flatMap((f) => [f.value, f.ci?.high ?? 0]));
		return {
			id,
			box: stack.boxes[i],
			pairs,
			marks,
			stripes: pairs.filter((_, j) => j % 2 === 1),
			xDomain: id === 'percent' ? [0, 100] : [0, months],
			nice: id === 'months',
			title: id === 'percent' ? m.chart_panel_percent() : m.chart_panel_months(),
			axisLabel: id === 'percent' ? m.chart_axis_percent() : m.chart_axis_months()
		};
	});
	const rowDy = narrow ? fontSize * 3.75 - rowHeight / 2 : 0;
	return {
		...frame,
		narrow,
		leftWidth,
		rightWidth,
		rowHeight,
		height: frame.padding.top + stack.height + frame.padding.bottom,
		panels,
		labelDy: narrow ? fontSize * 1.0 - rowHeight / 2 : -fontSize * 0.6,
		sourceDy: narrow ? fontSize * 2.15 - rowHeight / 2 : fontSize * 0.65,
		rowDy,
		armGap: Math.round(fontSize * 0.5)
	};
}

/** A mark's offset from its row's middle: experimental above, comparator below. */
export function twoArmMarkDy(frame: TwoArmFrame, f: ArmFigure): number {
	return frame.rowDy + (f.armRole === 'experimental' ? -1 : 1) * frame.armGap;
}

/** A figure as the columns and tooltips write it ("~", percent or months, its decimals). */
export function twoArmValueText(f: ArmFigure | undefined, locale: Locale): string {
	return f
		? `${f.approximate ? '~' : ''}${f.unit === 'percent' ? formatPercent(f.value, locale, f.digits) : formatNumber(f.value, locale, f.digits)}`
		: '–';
}

/** "33% vs 57%": a pair's figures. */
export function twoArmPairText(p: ArmPair, locale: Locale): string {
	return m.chart_vs({
		a: twoArmValueText(p.experimental, locale),
		b: twoArmValueText(p.comparator, locale)
	});
}

/** The endpoint and, when its label lacks it, the timepoint. */
export function twoArmEndpointText(p: ArmPair): string {
	return p.timepoint && !p.endpointLabel.includes(p.timepoint)
		? `${p.endpointLabel} (${p.timepoint})`
		: p.endpointLabel;
}

/** One text column as data: the chart draws each with one TextColumn, in every panel. */
export interface TwoArmTextColumn {
	key: string;
	x: number;
	dy: number;
	width: number;
	text: (p: ArmPair) => string;
	tone?: 'muted';
	halo: boolean;
}

/** Label and source lines left of the plot; the pair's figures right of it (not on phones). */
export function twoArmTextColumns(
	frame: TwoArmFrame,
	width: number,
	locale: Locale
): TwoArmTextColumn[] {
	const { narrow, padding, leftWidth, rightWidth, plotWidth } = frame;
	const left = { x: -padding.left + 6, width: narrow ? width - 16 : leftWidth, halo: narrow };
	return [
		{
			key: 'label',
			...left,
			dy: frame.labelDy,
			text: (p) =>
				narrow ? `${twoArmEndpointText(p)}: ${twoArmPairText(p, locale)}` : twoArmEndpointText(p)
		},
		{ key: 'source', ...left, dy: frame.sourceDy, text: (p) => p.sourceShort, tone: 'muted' },
		...(narrow
			? []
			: [
					{
						key: 'figures',
						x: plotWidth + 22,
						dy: frame.rowDy,
						width: rightWidth,
						text: (p: ArmPair) => twoArmPairText(p, locale),
						halo: false
					}
				])
	];
}

/** A months figure's interval as text ("3.1–5.2"); empty without one. */
export function monthsRange(f: ArmFigure, locale: Locale): string {
	return f.ci ? rangeText(f.ci, locale, f.digits) : '';
}

/** What a screen reader hears on an arm's mark. */
export function twoArmMarkLabel(study: Study, f: TwoArmMark, locale: Locale): string {
	return [
		`${study.name}, ${twoArmEndpointText(f.pair)}, ${f.armLabel}: ${twoArmValueText(f, locale)}`,
		f.unit === 'percent'
			? ciSentence(f.ci, locale, f)
			: f.ci
				? monthsRange(f, locale)
				: m.chart_tip_effect_no_ci(),
		m.chart_tip_source({ source: f.sourceShort, locator: f.locator }),
		...f.discrepancies.map((explanation) => m.chart_tip_flag({ explanation }))
	].join('. ');
}

/** The data attributes of an arm's mark, for tests and exports. */
export function twoArmMarkAttrs(d: TwoArmMark) {
	return {
		'data-result-id': d.resultId,
		'data-arm-role': d.armRole,
		'data-value': d.value,
		'data-unit': d.unit,
		'data-ci-low': d.ci?.low ?? undefined,
		'data-ci-high': d.ci?.high ?? undefined,
		'data-ci-origin': d.ci?.origin ?? 'none'
	};
}

/** The row a pair or an arm's mark sits in: the panel cake's y accessor. */
export const twoArmRowKey = (d: ArmPair | TwoArmMark) => ('pair' in d ? d.pair.key : d.key);
