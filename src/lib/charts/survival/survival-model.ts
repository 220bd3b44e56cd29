/**
 * The survival chart as plain data: what it draws (landmark points and lines, medians,
 * tidy rows, spec, legend), where (caption, legend, padding, facet boxes side by side or
 * stacked, the medians panel, domains) and what its marks say. SurvivalChart.svelte
 * composes these; nothing here touches Svelte or the DOM (survival-model.test.ts).
 */
import { m } from '$lib/paraglide/messages';
import type { Dataset, Study } from '$lib/evidence/schema';
import { formatNumber, formatPercent, type Locale } from '$lib/format';
import { armRoleLabel } from '$lib/labels';
import { CELL_LINE_HEIGHT, isNarrow, wrapText } from '../anatomy';
import { roleColor, roleDash, roleShape } from '../encoding';
import { ciSentence, rangeText } from '../figure-labels';
import { chartFrame, datasetStamp, type ChartFrame } from '../frame';
import type { LegendItem } from '../legend';
import type { PanelBox } from '../panels';
import type { ChartSpec, TidyRow } from '../spec';
import {
	survivalData,
	type MedianRow,
	type SurvivalData,
	type SurvivalPoint
} from './survival-rows';

/** Ticks of the percent axis of every facet. */
export const SURVIVAL_PERCENT_TICKS = [0, 25, 50, 75, 100];

/** What the chart draws for a study, whatever its width. */
export interface SurvivalContent {
	data: SurvivalData;
	tidy: TidyRow[];
	spec: ChartSpec;
	legendItems: LegendItem[];
	/** Time axis maximum of the facets (niced by the chart): the last timepoint plus 8%. */
	maxMonths: number;
	/** Months axis maximum of the medians (niced by the chart). */
	maxMedian: number;
}

export function survivalContent(dataset: Dataset, study: Study, id: string): SurvivalContent {
	const data = survivalData(dataset, study);
	const indication = dataset.indications.find((i) => i.id === study.indicationIds[0])?.label ?? '';
	const row = (d: SurvivalPoint | MedianRow, unit: string, timepoint: string): TidyRow => ({
		study: study.name,
		indication,
		arm: d.armLabel,
		endpoint: d.endpointLabel,
		timepoint,
		value: d.value,
		unit,
		events: null,
		total: null,
		ciLow: d.ci?.low ?? null,
		ciHigh: d.ci?.high ?? null,
		ciLevel: d.ci?.level ?? null,
		ciMethod: d.ci?.method ?? '',
		basis: 'reported',
		source: d.sourceShort,
		locator: d.locator,
		dataCut: d.dataCut ?? ''
	});
	const spec: ChartSpec = {
		id,
		title: m.chart_survival_title({ study: study.name }),
		subtitle: m.chart_survival_subtitle({
			population: study.population,
			followUp: data.followUp.length
				? data.followUp.join('; ')
				: m.chart_survival_follow_up_unknown()
		}),
		description: m.chart_survival_description({ study: study.name }),
		sources: [
			...new Set([
				...data.points.map((p) => p.sourceShort),
				...data.medians.map((r) => r.sourceShort)
			])
		],
		...datasetStamp(dataset)
	};
	const legendItems: LegendItem[] = study.arms
		.filter(
			(a) => data.points.some((p) => p.armId === a.id) || data.medians.some((r) => r.armId === a.id)
		)
		.map((a) => ({
			key: a.id,
			label: `${a.label} (${armRoleLabel(a.role)})`,
			color: roleColor(a.role),
			shape: roleShape(a.role),
			line: true,
			dash: roleDash(a.role)
		}));
	return {
		data,
		tidy: [
			...data.points.map((p) => row(p, 'percent', p.timepointLabel)),
			...data.medians.map((r) => row(r, 'months', ''))
		],
		spec,
		legendItems,
		maxMonths: Math.max(1, ...data.points.map((p) => p.months)) * 1.08,
		maxMedian: Math.max(1, ...data.medians.flatMap((r) => [r.value, r.ci?.high ?? 0]))
	};
}

/** A facet (one outcome's landmark rates over time) as placed in the plot. */
export interface SurvivalFacet {
	facet: string;
	/** Left edge in plot coordinates. */
	x: number;
	box: PanelBox;
	points: SurvivalPoint[];
	/** The first facet of its row carries the percent axis. */
	axisY: boolean;
}

/** Where everything goes at a width and type size. */
export interface SurvivalFrame extends ChartFrame {
	narrow: boolean;
	height: number;
	facets: SurvivalFacet[];
	facetWidth: number;
	facetPlot: number;
	/** The medians panel under the facets; none without medians. */
	medians: PanelBox | undefined;
	medianRow: number;
	/** Offsets from a median row's middle: its mark, and its text line above the mark. */
	medianDy: number;
	medianTextDy: number;
}

export function survivalFrame(
	content: SurvivalContent,
	width: number,
	fontSize: number,
	locale: Locale
): SurvivalFrame {
	const { data } = content;
	const narrow = isNarrow(width);
	const frame = chartFrame({
		spec: content.spec,
		locale,
		legendItems: content.legendItems,
		width,
		fontSize,
		left: Math.round(fontSize * 3.6),
		right: Math.round(fontSize * 3.5)
	});
	// Facets: side by side on wide screens, stacked on phones.
	const gap = Math.round(fontSize * 3);
	const header = Math.round(fontSize * 2);
	const facetPlot = Math.round(fontSize * (narrow ? 13 : 16));
	const axis = Math.round(fontSize * 3.4);
	const perRow = narrow ? 1 : Math.max(1, data.facets.length);
	const facetWidth = (frame.plotWidth - (perRow - 1) * gap) / perRow;
	const step = header + facetPlot + axis + fontSize;
	const facets = data.facets.map((facet, i): SurvivalFacet => {
		const top = Math.floor(i / perRow) * step;
		return {
			facet,
			x: (i % perRow) * (facetWidth + gap),
			box: {
				id: facet,
				top,
				rowsTop: top + header,
				axisY: top + header + facetPlot,
				bottom: top + header + facetPlot + axis
			},
			points: data.points.filter((p) => p.facet === facet),
			axisY: i % perRow === 0
		};
	});
	const facetsHeight = data.facets.length ? Math.ceil(data.facets.length / perRow) * step : 0;
	// The medians panel, under the facets.
	// A median's line wraps above its interval (never cut); rows grow by the extra lines,
	// the interval moving down by half of it so text and mark keep their margins.
	const medianFont = Math.round(fontSize * 0.9);
	const medianLineHeight = medianFont * CELL_LINE_HEIGHT;
	const extraLines =
		Math.max(
			1,
			...data.medians.map(
				(r) => wrapText(medianLine(r, locale), frame.plotWidth, medianFont).length
			)
		) - 1;
	const medianRow = Math.round(fontSize * 2.9 + extraLines * medianLineHeight);
	const mediansTop = facetsHeight + (data.medians.length ? header : 0);
	const medians: PanelBox | undefined = data.medians.length
		? {
				id: 'medians',
				top: mediansTop,
				rowsTop: mediansTop + header,
				axisY: mediansTop + header + data.medians.length * medianRow,
				bottom: mediansTop + header + data.medians.length * medianRow + axis
			}
		: undefined;
	const mediansHeight = data.medians.length
		? header + data.medians.length * medianRow + axis + fontSize
		: 0;
	const medianDy = Math.round(fontSize * 2.9) * (0.68 - 0.5) + (extraLines * medianLineHeight) / 2;
	return {
		...frame,
		narrow,
		height: frame.padding.top + facetsHeight + mediansHeight + frame.padding.bottom,
		facets,
		facetWidth,
		facetPlot,
		medians,
		medianRow,
		medianDy,
		medianTextDy: medianDy - fontSize * 1.05 - (extraLines * medianLineHeight) / 2
	};
}

/** A landmark rate at its printed precision. */
export function survivalPercent(p: { value: number; digits: number }, locale: Locale): string {
	return formatPercent(p.value, locale, p.digits);
}

/** "14.2 months (10.1–18.0)". */
export function medianText(r: MedianRow, locale: Locale): string {
	return `${r.approximate ? '~' : ''}${m.unit_months({ value: formatNumber(r.value, locale, r.digits) })}${r.ci ? ` (${rangeText(r.ci, locale, r.digits)})` : ''}`;
}

/** The line above a median's mark: endpoint, arm, the median and its source. */
export function medianLine(r: MedianRow, locale: Locale): string {
	return `${r.endpointLabel} · ${r.armLabel}: ${medianText(r, locale)} · ${r.sourceShort}`;
}

/** What a screen reader hears on a landmark point. */
export function survivalPointLabel(study: Study, p: SurvivalPoint, locale: Locale): string {
	return [
		`${study.name}, ${p.endpointLabel}, ${p.armLabel}: ${p.approximate ? '~' : ''}${survivalPercent(p, locale)} ${m.chart_tip_timepoint({ timepoint: p.timepointLabel })}`,
		ciSentence(p.ci, locale),
		m.chart_tip_source({ source: p.sourceShort, locator: p.locator }),
		...p.discrepancies.map((explanation) => m.chart_tip_flag({ explanation }))
	].join('. ');
}

/** What a screen reader hears on a median's mark. */
export function survivalMedianLabel(study: Study, r: MedianRow, locale: Locale): string {
	return [
		`${study.name}, ${r.endpointLabel}, ${r.armLabel}: ${medianText(r, locale)}`,
		m.chart_tip_source({ source: r.sourceShort, locator: r.locator })
	].join('. ');
}

/** The data attributes of a landmark point. */
export function survivalPointAttrs(d: SurvivalPoint) {
	return {
		'data-result-id': d.resultId,
		'data-value': d.value,
		'data-months': d.months,
		'data-ci-low': d.ci?.low ?? undefined,
		'data-ci-high': d.ci?.high ?? undefined
	};
}

/** The data attributes of a median's mark. */
export function survivalMedianAttrs(d: MedianRow) {
	return {
		'data-result-id': d.resultId,
		'data-value': d.value,
		'data-unit': 'months',
		'data-ci-low': d.ci?.low ?? undefined,
		'data-ci-high': d.ci?.high ?? undefined
	};
}
