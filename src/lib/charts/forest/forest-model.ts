/**
 * The response forest as plain data: what it draws (rows, spec, legend, notes), where
 * (caption, padding, plot size) and its text columns, as a list the chart loops once.
 * ResponseForest.svelte composes these; nothing here touches Svelte or the DOM, so every
 * piece is tested headlessly (forest-model.test.ts).
 */
import { m } from '$lib/paraglide/messages';
import type { Dataset } from '$lib/evidence/schema';
import type { Locale } from '$lib/format';
import {
	captionLayout,
	CELL_LINE_HEIGHT,
	COMPACT_MARKS,
	wrapText,
	type CaptionLayout
} from '../anatomy';
import { footerParagraphs } from '../captions';
import { roleColor, roleShape } from '../encoding';
import { ciNote, ciSentence, estimateText } from '../figure-labels';
import { datasetStamp } from '../frame';
import {
	computedCiItem,
	flagItem,
	legendLayout,
	type LegendItem,
	type LegendLayout
} from '../legend';
import { rowScale, stackRows, type RowExtent, type RowScale } from '../row-scale';
import type { SlideBands } from '../slide-bands';
import type { ChartSpec, TidyRow } from '../spec';
import { forestLayout, type ForestLayout, type ForestTarget } from './forest-layout';
import {
	forestRowsOf,
	forestTidyRows,
	type ForestOptions,
	type ForestPooledRow,
	type ForestResultRow,
	type ForestRow
} from './forest-rows';

/** Ticks of the percent axis. */
export const FOREST_TICKS = [0, 25, 50, 75, 100];

/** What the forest draws for a dataset and options, whatever its width. */
export interface ForestContent {
	rows: ForestRow[];
	resultRows: ForestResultRow[];
	groupRows: ForestRow[];
	pooled: ForestPooledRow | undefined;
	/** Every other result row: the shaded stripes. */
	stripes: ForestResultRow[];
	tidy: TidyRow[];
	spec: ChartSpec;
	notes: string[];
	legendItems: LegendItem[];
	/** Above COMPACT_MARKS figures marks are paths and text is windowed. */
	compact: boolean;
}

function groupingText(group: ForestOptions['group']): string {
	if (group === 'indication') return m.chart_forest_grouped_indication();
	if (group === 'study') return m.chart_forest_grouped_study();
	return m.chart_forest_grouped_none();
}

const ROLE_LEGEND = {
	experimental: () => m.chart_legend_experimental(),
	comparator: () => m.chart_legend_comparator(),
	'historical-control': () => m.chart_legend_historical()
} as const;

/** Legend: the arm roles drawn, printed and computed CIs, flags and the pooled diamond. */
export function forestLegend(resultRows: ForestResultRow[], pooled: boolean): LegendItem[] {
	const roles = new Set(resultRows.map((r) => r.armRole ?? 'experimental'));
	return [
		...(Object.keys(ROLE_LEGEND) as (keyof typeof ROLE_LEGEND)[])
			.filter((role) => roles.has(role))
			.map((role) => ({
				key: role,
				label: ROLE_LEGEND[role](),
				color: roleColor(role),
				shape: roleShape(role)
			})),
		{ key: 'printed', label: m.chart_legend_ci_printed(), color: 'var(--muted)', line: true },
		...computedCiItem(
			resultRows.some((r) => r.ci?.origin === 'computed'),
			'var(--muted)'
		),
		...flagItem(resultRows.some((r) => r.discrepancies.length)),
		...(pooled
			? [{ key: 'pooled', label: m.chart_legend_pooled(), color: 'var(--ink)', diamond: true }]
			: [])
	];
}

/** Short legend labels for slides, where the legend must fit one line at 18 pt. */
const SHORT_LEGEND: Record<string, () => string> = {
	experimental: () => m.chart_legend_short_experimental(),
	comparator: () => m.chart_legend_short_comparator(),
	printed: () => m.chart_legend_short_ci_printed(),
	computed: () => m.chart_legend_short_ci_computed(),
	pooled: () => m.chart_legend_short_pooled()
};

/** The legend with its short labels (the items and their marks unchanged). */
export function shortLegend(items: LegendItem[]): LegendItem[] {
	return items.map((item) => {
		const short = SHORT_LEGEND[item.key];
		return short ? { ...item, label: short() } : item;
	});
}

/** Rows, spec, notes and legend of the forest of `results` arranged by `options`. */
export function forestContent(
	dataset: Dataset,
	results: ForestResultRow[],
	options: ForestOptions,
	id: string
): ForestContent {
	const rows = forestRowsOf(results, options);
	const resultRows = rows.filter((r): r is ForestResultRow => r.kind === 'result');
	const pooled = rows.find((r): r is ForestPooledRow => r.kind === 'pooled');
	const studies = new Set(results.map((r) => r.studyId)).size;
	const indications = new Set(results.map((r) => r.indicationId)).size;
	const spec: ChartSpec = {
		id,
		title: m.chart_forest_title(),
		subtitle: m.chart_forest_subtitle({
			count: String(results.length),
			studies: String(studies),
			indications: String(indications)
		}),
		description: m.chart_forest_description({
			count: String(results.length),
			grouping: groupingText(options.group)
		}),
		sources: [...new Set(resultRows.map((r) => r.sourceShort))],
		...datasetStamp(dataset)
	};
	const notes = [
		...(resultRows.some((r) => r.ci?.origin === 'computed') ? [m.chart_note_computed()] : []),
		...(pooled
			? [m.chart_note_pooled({ studies: pooled.members.map((r) => r.studyName).join(', ') })]
			: [])
	];
	return {
		rows,
		resultRows,
		groupRows: rows.filter((r) => r.kind === 'group'),
		pooled,
		stripes: resultRows.filter((_, i) => i % 2 === 1),
		tidy: forestTidyRows(rows, {
			pooled: m.chart_legend_pooled(),
			computed: m.chart_ci_computed()
		}),
		spec,
		notes,
		legendItems: forestLegend(resultRows, !!pooled),
		compact: resultRows.length > COMPACT_MARKS
	};
}

/** Where everything goes at a width and type size. */
export interface ForestFrame {
	layout: ForestLayout;
	caption: CaptionLayout;
	legend: LegendLayout;
	padding: { top: number; right: number; bottom: number; left: number };
	/** The texts of a figure's row (cached per frame's mode and locale). */
	cells: (r: ForestResultRow) => ForestCells;
	columns: ForestTextColumn[];
	/** Each row's top and height: as tall as its most-wrapped cell needs. */
	rowExtents: RowExtent[];
	plotHeight: number;
	height: number;
}

/**
 * Lines each row's cells take beyond one: the most of its cells side by side, or the sum
 * of cells stacked in one row (phones: study over endpoint).
 */
export function forestExtraLines(
	row: ForestRow,
	columns: ForestTextColumn[],
	fontSize: number
): number {
	const rowsOf: Record<ForestRow['kind'], ForestColumnRows> = {
		result: 'results',
		group: 'groups',
		pooled: 'pooled'
	};
	let beside = 0;
	let stacked = 0;
	for (const col of columns) {
		if (col.rows !== rowsOf[row.kind] || !col.width) continue;
		const text = col.text(row);
		if (!text) continue;
		const extra = wrapText(text, col.width, fontSize, col.bold ? 'bold' : 'regular').length - 1;
		if (col.dy) stacked += Math.max(0, extra);
		else beside = Math.max(beside, extra);
	}
	return Math.max(beside, stacked);
}

/** Row heights: one line's, plus a wrapped line's height for every extra line. */
export function forestRowExtents(
	rows: ForestRow[],
	columns: ForestTextColumn[],
	layout: Pick<ForestLayout, 'rowHeight'>,
	fontSize: number
): RowExtent[] {
	const line = fontSize * CELL_LINE_HEIGHT;
	return stackRows(
		rows.map((r) => Math.round(layout.rowHeight + forestExtraLines(r, columns, fontSize) * line))
	);
}

/** The forest's y scale: each row's key to its middle, rows as tall as their extents. */
export function forestRowScale(rows: ForestRow[], extents: RowExtent[]): RowScale {
	return rowScale(
		rows.map((r) => r.key),
		extents
	);
}

export function forestFrame(
	content: Pick<ForestContent, 'spec' | 'notes' | 'legendItems' | 'rows'> & {
		pooled?: ForestPooledRow;
	},
	width: number,
	fontSize: number,
	locale: Locale,
	target: ForestTarget = 'screen'
): ForestFrame {
	const layout = forestLayout(width, fontSize, target);
	const slide = target === 'slide';
	const { spec } = content;
	const caption = captionLayout(
		{
			title: spec.title,
			subtitle: spec.subtitle,
			footer: footerParagraphs(spec, locale, content.notes)
		},
		width,
		fontSize
	);
	// A slide's legend is as large as the rest (nothing on a slide under 18 pt), with short
	// labels so it stays one line.
	const legend = legendLayout(
		slide ? shortLegend(content.legendItems) : content.legendItems,
		width - 8,
		slide ? fontSize : Math.round(fontSize * 0.92)
	);
	const cells = forestCells(locale, layout.mode);
	const columns = forestTextColumns({
		frame: { layout },
		width,
		fontSize,
		locale,
		cells,
		pooled: !!content.pooled
	});
	const rowExtents = forestRowExtents(content.rows, columns, layout, fontSize);
	// Slides: column headings and axis as close as their type allows (rows are the room).
	const padding = {
		top: caption.top + legend.height + (slide ? 4 : 8) + Math.round(fontSize * (slide ? 1.3 : 2)),
		right: layout.right,
		bottom: Math.round(fontSize * (slide ? 3 : 3.6)) + caption.bottom,
		left: layout.left
	};
	const last = rowExtents[rowExtents.length - 1];
	const plotHeight = last ? last.top + last.height : 0;
	return {
		layout,
		caption,
		legend,
		padding,
		cells,
		columns,
		rowExtents,
		plotHeight,
		height: padding.top + plotHeight + padding.bottom
	};
}

const multiArm = (r: ForestResultRow) => r.design !== 'single-arm' && !!r.armLabel;

/** What a screen reader hears on a figure's mark. */
export function forestMarkLabel(r: ForestResultRow, locale: Locale): string {
	const estimate = estimateText(r.value, undefined, locale, {
		approximate: r.approximate,
		computed: r.valueComputed,
		digits: r.digits
	});
	return [
		`${r.studyName}, ${r.endpointLabel}${multiArm(r) ? `, ${r.armLabel}` : ''}: ${estimate}`,
		ciSentence(r.ci, locale, r),
		// A computed CI already names the counts it came from.
		...(r.events !== undefined && r.total !== undefined && r.ci?.origin !== 'computed'
			? [m.chart_tip_counts({ events: String(r.events), total: String(r.total) })]
			: []),
		m.chart_tip_source({ source: r.sourceShort, locator: r.locator }),
		...r.discrepancies.map((explanation) => m.chart_tip_flag({ explanation }))
	].join('. ');
}

/** The pooled row's interval, always computed. */
export const pooledCi = (p: ForestPooledRow) => ({ ...p.ci, origin: 'computed' as const });

/** What a screen reader hears on the pooled diamond. */
export function forestPooledLabel(p: ForestPooledRow, locale: Locale): string {
	return [
		`${m.chart_pool_row({ k: String(p.k) })}: ${estimateText(p.value, pooledCi(p), locale, { computed: true })}`,
		p.ci.method,
		m.chart_pool_tip_studies({ studies: p.members.map((r) => r.studyName).join(', ') })
	].join('. ');
}

/** The texts of a result row, built once per row, language and layout mode. */
export interface ForestCells {
	study: string;
	endpoint: string;
	counts: string;
	estimate: string;
	note: string;
	label: string;
}

/** A cell maker with its own cache: make a new one when the locale or the mode changes. */
export function forestCells(
	locale: Locale,
	mode: ForestLayout['mode']
): (r: ForestResultRow) => ForestCells {
	const cache = new WeakMap<ForestResultRow, ForestCells>();
	const narrow = mode === 'narrow';
	return (r) => {
		let c = cache.get(r);
		if (!c) {
			c = {
				study: narrow && multiArm(r) ? `${r.studyName} · ${r.armLabel}` : r.studyName,
				endpoint: !narrow && multiArm(r) ? `${r.endpointLabel} · ${r.armLabel}` : r.endpointLabel,
				counts: r.events !== undefined && r.total !== undefined ? `${r.events}/${r.total}` : '',
				estimate: estimateText(r.value, narrow ? undefined : r.ci, locale, {
					approximate: r.approximate,
					computed: r.valueComputed,
					digits: r.digits
				}),
				note: ciNote(r.ci),
				label: forestMarkLabel(r, locale)
			};
			cache.set(r, c);
		}
		return c;
	};
}

/** Which rows a text column writes: figures, group headings or the pooled row. */
export type ForestColumnRows = 'results' | 'groups' | 'pooled';

/** One text column as data: the chart draws each with one TextColumn. */
export interface ForestTextColumn {
	key: string;
	rows: ForestColumnRows;
	/** Anchor in plot coordinates (negative: left of the plot). */
	x: number;
	width?: number;
	header?: string;
	/** Offset from the row's middle, px (phones stack two lines in a row). */
	dy?: number;
	text: (d: ForestRow) => string;
	tone?: (d: ForestRow) => 'ink' | 'muted';
	bold?: boolean;
	className?: string;
}

const asResult = (d: ForestRow) => d as ForestResultRow;
const asPooled = (d: ForestRow) => d as ForestPooledRow;

/**
 * The text columns, in drawing order: group headings, the label columns left of the plot,
 * the figure columns right of it, then the pooled row's label and estimate.
 */
export function forestTextColumns(options: {
	frame: Pick<ForestFrame, 'layout'>;
	width: number;
	fontSize: number;
	locale: Locale;
	cells: (r: ForestResultRow) => ForestCells;
	pooled: boolean;
}): ForestTextColumn[] {
	const { frame, width, fontSize, locale, cells } = options;
	const { layout } = frame;
	const narrow = layout.mode === 'narrow';
	const columns: ForestTextColumn[] = [
		{
			key: 'group',
			rows: 'groups',
			x: -layout.left + 6,
			width: width - 12,
			text: (d) => (d.kind === 'group' ? d.label : ''),
			bold: true,
			className: 'group-label'
		}
	];
	const right = (x: number) => layout.plotWidth + x;
	for (const col of layout.columns) {
		const at = { x: col.x, width: col.width };
		if (col.id === 'study' && narrow) {
			const lift = fontSize * 0.62;
			columns.push(
				{
					key: 'study',
					rows: 'results',
					...at,
					dy: -lift,
					bold: true,
					header: m.chart_forest_col_study(),
					text: (d) => cells(asResult(d)).study
				},
				{
					key: 'endpoint',
					rows: 'results',
					...at,
					dy: lift,
					text: (d) => asResult(d).endpointLabel,
					tone: () => 'muted'
				}
			);
		} else if (col.id === 'study') {
			columns.push({
				key: 'study',
				rows: 'results',
				...at,
				header: m.chart_forest_col_study(),
				text: (d) => cells(asResult(d)).study
			});
		} else if (col.id === 'endpoint') {
			columns.push({
				key: 'endpoint',
				rows: 'results',
				...at,
				header: m.chart_forest_col_endpoint(),
				text: (d) => cells(asResult(d)).endpoint
			});
		}
	}
	for (const col of layout.columns) {
		const at = { x: right(col.x), width: col.width };
		if (col.id === 'counts')
			columns.push({
				key: 'counts',
				rows: 'results',
				...at,
				header: m.chart_forest_col_counts(),
				text: (d) => cells(asResult(d)).counts
			});
		else if (col.id === 'estimate')
			// The estimate is never cut: its column is sized for the longest one.
			columns.push({
				key: 'estimate',
				rows: 'results',
				x: at.x,
				header: narrow ? '%' : m.chart_forest_col_estimate(),
				text: (d) => cells(asResult(d)).estimate
			});
		else if (col.id === 'note')
			columns.push({
				key: 'note',
				rows: 'results',
				...at,
				header: m.chart_forest_col_note(),
				text: (d) => cells(asResult(d)).note,
				tone: (d) => (asResult(d).ci?.origin === 'printed' ? 'muted' : 'ink')
			});
		else if (col.id === 'source')
			columns.push({
				key: 'source',
				rows: 'results',
				...at,
				header: m.chart_forest_col_source(),
				text: (d) => asResult(d).sourceShort,
				tone: () => 'muted'
			});
	}
	if (options.pooled) {
		const first = layout.columns[0];
		const estimate = layout.columns.find((c) => c.id === 'estimate')!;
		columns.push(
			{
				key: 'pooled-label',
				rows: 'pooled',
				x: first.x,
				width: -first.x - 8,
				bold: true,
				text: (d) =>
					`${m.chart_pool_row({ k: String(asPooled(d).k) })}: ${asPooled(d)
						.members.map((r) => r.studyName)
						.join(', ')}`
			},
			{
				key: 'pooled-estimate',
				rows: 'pooled',
				x: right(estimate.x),
				bold: true,
				text: (d) =>
					estimateText(asPooled(d).value, narrow ? undefined : pooledCi(asPooled(d)), locale, {
						computed: true
					})
			}
		);
	}
	return columns;
}

/** The data attributes of a figure's mark, for tests and exports. */
export function forestMarkAttrs(d: ForestResultRow) {
	return {
		'data-result-id': d.resultId,
		'data-study-id': d.studyId,
		'data-value': d.value,
		'data-ci-low': d.ci?.low ?? undefined,
		'data-ci-high': d.ci?.high ?? undefined,
		'data-ci-origin': d.ci?.origin ?? 'none',
		'data-flagged': d.discrepancies.length ? 'true' : undefined
	};
}

/** The data attributes of the pooled diamond. */
export function forestPooledAttrs(d: ForestPooledRow) {
	return {
		'data-pooled': 'true',
		'data-value': d.value,
		'data-ci-low': d.ci.low,
		'data-ci-high': d.ci.high
	};
}

/** The row with the tooltip: a figure or the pooled row (group headings have none). */
export function forestActiveRow(
	rows: (ForestRow | undefined)[],
	key: string | null
): ForestResultRow | ForestPooledRow | undefined {
	const row = key === null ? undefined : rows.find((r) => r?.key === key);
	return row && row.kind !== 'group' ? row : undefined;
}

/** The rows each kind of text column writes, of those drawn with text now. */
export function forestRowsByColumn(
	visible: ForestRow[],
	pooled: ForestPooledRow | undefined
): Record<ForestColumnRows, ForestRow[]> {
	return {
		results: visible.filter((r) => r.kind === 'result'),
		groups: visible.filter((r) => r.kind === 'group'),
		pooled: pooled ? [pooled] : []
	};
}

/**
 * The forest's bands for slides (see slide-bands.ts): the legend and column headings
 * above the rows, one band per row (a group heading stays with the row after it), and
 * the axis below. The title, subtitle and footer are the slide's own text.
 */
export function forestSlideBands(
	frame: Pick<ForestFrame, 'caption' | 'padding' | 'plotHeight' | 'rowExtents'>,
	rows: ForestRow[]
): SlideBands {
	const { caption, padding, plotHeight, rowExtents } = frame;
	return {
		header: { top: -padding.top + caption.top, bottom: 0 },
		rows: rows.map((r, i) => ({
			top: rowExtents[i].top,
			bottom: rowExtents[i].top + rowExtents[i].height,
			...(r.kind === 'group' ? { keepWithNext: true } : {}),
			...(r.kind === 'result' ? { sources: [r.sourceShort] } : {}),
			...(r.kind === 'pooled' ? { sources: [...new Set(r.members.map((m) => m.sourceShort))] } : {})
		})),
		axis: { top: plotHeight, bottom: plotHeight + padding.bottom - caption.bottom }
	};
}
