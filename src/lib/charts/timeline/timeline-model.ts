/**
 * The timeline as plain data: what it draws (events, spec, legend, tidy rows) and where
 * (caption, legend, padding, the time scale, the lanes and the levels their labels are
 * stacked on, as scales the cake hands to every layer). TimelineChart.svelte composes
 * these; nothing here touches Svelte or the DOM (timeline-model.test.ts).
 */
import { scaleOrdinal, scaleUtc, type ScaleOrdinal, type ScaleTime } from 'd3-scale';
import { utcYear } from 'd3-time';
import { m } from '$lib/paraglide/messages';
import type { Dataset } from '$lib/evidence/schema';
import { formatIsoDate, type Locale } from '$lib/format';
import {
	cellLines,
	CELL_LINE_HEIGHT,
	isNarrow,
	textWidth,
	wrapText,
	type CellLine
} from '../anatomy';
import { datasetNames, type DatasetNames } from '../dataset-names';
import { datasetStamp, plotFrame, type PlotFrame } from '../frame';
import type { LegendItem } from '../legend';
import type { ChartSpec, TidyRow } from '../spec';
import {
	KIND_ORDER,
	LANES,
	kindColor,
	kindGroup,
	kindShape,
	reexaminations,
	stackLabels,
	timeDomain,
	timelineItems,
	timelineTidyRows,
	type KindGroup,
	type Lane,
	type TimelineItem,
	type TimelineKind
} from './timeline-rows';

export const laneLabel = (lane: Lane) =>
	lane === 'regulatory' ? m.chart2_timeline_lane_regulatory() : m.chart2_timeline_lane_evidence();

const KIND_LABELS: Record<TimelineKind, () => string> = {
	'orphan-designation': m.chart2_kind_orphan,
	'chmp-opinion': m.chart2_kind_chmp_opinion,
	'negative-opinion': m.chart2_kind_negative_opinion,
	'conditional-authorisation': m.chart2_kind_conditional,
	'full-authorisation': m.chart2_kind_full,
	'indication-extension': m.chart2_kind_extension,
	'study-readout': m.chart2_kind_readout,
	publication: m.chart2_kind_publication
};
export const kindLabel = (kind: TimelineKind): string => KIND_LABELS[kind]();

const GROUP_LABELS: Record<KindGroup, () => string> = {
	orphan: m.chart2_kind_orphan,
	opinion: m.chart2_kind_chmp_opinion,
	negative: m.chart2_kind_negative_opinion,
	authorisation: m.chart2_timeline_legend_authorisation,
	readout: m.chart2_kind_readout,
	publication: m.chart2_kind_publication
};

/** "18 June 2018", "October 2020 (month only)", "2015 (year only)". */
export function timelineDateText(item: TimelineItem, locale: Locale): string {
	const date = formatIsoDate(item.event.date, locale);
	if (item.span.precision === 'year') return m.chart2_timeline_year_only({ date });
	if (item.span.precision === 'month') return m.chart2_timeline_month_only({ date });
	return date;
}

/** What the timeline draws for a dataset, whatever its width. */
export interface TimelineContent {
	items: TimelineItem[];
	links: { from: string; to: string }[];
	/** Lanes that hold any event, in lane order. */
	lanes: Lane[];
	domain: [Date, Date];
	names: DatasetNames;
	spec: ChartSpec;
	tidy: TidyRow[];
	legendItems: LegendItem[];
}

/** One legend entry per group of kinds that occurs, and "date known to month or year". */
export function timelineLegend(items: TimelineItem[]): LegendItem[] {
	const groups = [
		...new Set(KIND_ORDER.filter((k) => items.some((i) => i.event.kind === k)).map(kindGroup))
	];
	const imprecise = items.some((i) => i.span.precision !== 'day');
	return [
		...groups.map((group) => {
			const kind = KIND_ORDER.find((k) => kindGroup(k) === group)!;
			return {
				key: group,
				label: GROUP_LABELS[group](),
				color: kindColor(kind),
				shape: kindShape(kind)
			};
		}),
		...(imprecise
			? [
					{
						key: 'imprecise',
						label: m.chart2_timeline_legend_imprecise(),
						color: 'var(--muted)',
						shape: 'circle' as const,
						hollow: true
					}
				]
			: [])
	];
}

export function timelineContent(dataset: Dataset, id: string): TimelineContent {
	const items = timelineItems(dataset.timeline);
	const names = datasetNames(dataset);
	const domain = timeDomain(items);
	const [from, to] = domain.map((d) => d.getUTCFullYear());
	const years = { from: String(from), to: String(to - 1) };
	const inLane = (lane: Lane) => String(items.filter((i) => i.lane === lane).length);
	const spec: ChartSpec = {
		id,
		title: m.chart2_timeline_title({ medicine: dataset.shortTitle }),
		subtitle: m.chart2_timeline_subtitle({
			count: String(items.length),
			...years,
			imprecise: String(items.filter((i) => i.span.precision !== 'day').length)
		}),
		description: m.chart2_timeline_description({
			regulatory: inLane('regulatory'),
			evidence: inLane('evidence'),
			...years
		}),
		sources: [...new Set(items.map((i) => names.source(i.event.provenance.sourceId)))],
		...datasetStamp(dataset)
	};
	return {
		items,
		links: reexaminations(dataset.timeline),
		lanes: LANES.filter((lane) => items.some((i) => i.lane === lane)),
		domain,
		names,
		spec,
		tidy: timelineTidyRows(items, {
			studyName: names.study,
			indicationLabel: names.indication,
			sourceCitation: names.source,
			laneLabel,
			kindLabel
		}),
		legendItems: timelineLegend(items)
	};
}

/** An event as drawn: its level above the lane's baseline and its label, placed. */
export interface TimelineMark extends TimelineItem {
	key: string;
	level: number;
	/** The row of the y scale the marker sits on: lane and level. */
	row: string;
	/** The whole label. */
	text: string;
	/** The label wrapped to the room it was given (never cut), centred on its row. */
	lines: CellLine[];
	textX: number;
	anchor: 'start' | 'end';
}

/** Keys of the y scale: a lane's header and each level a lane's labels stack on. */
export const laneHeadRow = (lane: Lane) => `${lane}|head`;
export const levelRow = (lane: Lane, level: number) => `${lane}|${level}`;

export interface TimelineFrame extends PlotFrame {
	narrow: boolean;
	labelFont: number;
	marks: TimelineMark[];
	/** Time across. */
	xScale: ScaleTime<number, number>;
	/** Rows down (`laneHeadRow`, `levelRow`) to px: lanes are as tall as their labels need. */
	yScale: ScaleOrdinal<string, number>;
	/** Lane to the px of its baseline. */
	zScale: ScaleOrdinal<Lane, number>;
	yearTicks: number[];
}

/** Where everything goes at a width and type size. */
export function timelineFrame(
	content: TimelineContent,
	width: number,
	fontSize: number,
	locale: Locale
): TimelineFrame {
	const { items, lanes, domain } = content;
	const narrow = isNarrow(width);
	const side = 12;
	const labelFont = Math.round(fontSize * (narrow ? 0.85 : 0.92));
	const plotWidth = Math.max(120, width - 2 * side);
	const xScale = scaleUtc().domain(domain).range([0, plotWidth]);
	const maxLabel = Math.max(90, Math.min(300, plotWidth * (narrow ? 0.62 : 0.42)));
	const marker = Math.round(fontSize * 0.6) + 5;
	const oneLineLevel = labelFont * 1.75;
	const headerHeight = Math.round(fontSize * 1.6);
	const laneGap = Math.round(fontSize * 1.2);

	const marks: TimelineMark[] = [];
	const rows: [string, number][] = [];
	const baselines: number[] = [];
	let top = 0;
	for (const lane of lanes) {
		const laneItems = items.filter((i) => i.lane === lane);
		// A label longer than its room wraps; the lane's levels are as tall as its most
		// wrapped label needs.
		const fitted = laneItems.map((i) => wrapText(i.event.label, maxLabel, labelFont));
		const { placed, levels } = stackLabels(
			laneItems.map((i, k) => ({
				key: i.event.id,
				x: xScale(i.span.at),
				width: Math.max(...fitted[k].map((line) => textWidth(line, labelFont)), 0) + 4
			})),
			{ min: 0, max: plotWidth, gap: 10, marker }
		);
		const laneLines = laneItems.map((item, k) =>
			cellLines(item.event.label, Math.min(maxLabel, placed[k].width), labelFont)
		);
		const maxLines = Math.max(1, ...laneLines.map((l) => l.length));
		const levelHeight = Math.round(oneLineLevel + (maxLines - 1) * labelFont * CELL_LINE_HEIGHT);
		const baseline = top + headerHeight + Math.max(1, levels) * levelHeight + 8;
		rows.push([laneHeadRow(lane), top + fontSize]);
		for (let level = 0; level < Math.max(1, levels); level++)
			rows.push([levelRow(lane, level), baseline - (level + 0.5) * levelHeight - 6]);
		laneItems.forEach((item, k) => {
			const p = placed[k];
			marks.push({
				...item,
				key: item.event.id,
				level: p.level,
				row: levelRow(lane, p.level),
				text: item.event.label,
				lines: laneLines[k],
				textX: p.textX,
				anchor: p.anchor
			});
		});
		baselines.push(baseline);
		top = baseline + laneGap;
	}
	const order = new Map(items.map((item, i) => [item.event.id, i]));
	marks.sort((a, b) => order.get(a.key)! - order.get(b.key)!);

	const [d0, d1] = domain;
	const yearStep = Math.max(
		1,
		Math.ceil((d1.getUTCFullYear() - d0.getUTCFullYear()) / (plotWidth / 48))
	);
	const yearTicks = (utcYear.every(yearStep)?.range(d0, new Date(d1.getTime() + 1)) ?? []).map(
		(d) => d.getTime()
	);

	return {
		...plotFrame({
			spec: content.spec,
			locale,
			legendItems: content.legendItems,
			width,
			fontSize,
			left: side,
			right: side,
			above: 8,
			below: Math.round(fontSize * 2.4),
			plotHeight: Math.max(0, ...baselines) + 6,
			minPlotWidth: 120
		}),
		narrow,
		labelFont,
		marks,
		xScale,
		yScale: scaleOrdinal<string, number>()
			.domain(rows.map((r) => r[0]))
			.range(rows.map((r) => r[1])),
		zScale: scaleOrdinal<Lane, number>().domain(lanes).range(baselines),
		yearTicks
	};
}

/** The marker's accessible name: the whole event in words, as the tooltip shows it. */
export function timelineMarkLabel(item: TimelineItem, names: DatasetNames, locale: Locale): string {
	const { event } = item;
	return [
		`${timelineDateText(item, locale)}: ${event.label}`,
		kindLabel(event.kind),
		...(event.studyId ? [m.chart2_timeline_tip_study({ study: names.study(event.studyId) })] : []),
		...(event.indicationIds.length
			? [
					m.chart2_timeline_tip_indications({
						indications: event.indicationIds.map(names.indication).join('; ')
					})
				]
			: []),
		m.chart_tip_source({
			source: names.source(event.provenance.sourceId),
			locator: event.provenance.locator
		})
	].join('. ');
}

/** data-* attributes of a marker, for tests and exports. */
export function timelineMarkAttrs(d: TimelineMark) {
	return {
		'data-event-id': d.event.id,
		'data-date': d.event.date,
		'data-precision': d.span.precision,
		'data-kind': d.event.kind,
		'data-lane': d.lane,
		'data-level': d.level
	};
}
