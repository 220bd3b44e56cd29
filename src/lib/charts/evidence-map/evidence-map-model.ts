/**
 * The evidence map as plain data: what it draws (cells, a mark per study and cell, spec,
 * legend, tidy rows) and where (caption, legend, size key, padding, and the cake's
 * scales: a band per column across, a band per row down, a square-root radius for n).
 * Marks are packed inside their cell as offsets from its centre; every position is then
 * read from the scales. EvidenceMap.svelte composes these; nothing here touches Svelte
 * or the DOM (evidence-map-model.test.ts).
 */
import { scaleBand, scaleSqrt, type ScaleBand, type ScalePower } from 'd3-scale';
import { m } from '$lib/paraglide/messages';
import type { Dataset } from '$lib/evidence/schema';
import { facetLabel, facetValueLabel } from '$lib/evidence/facets';
import { formatNumber, type Locale } from '$lib/format';
import { designLabel } from '$lib/labels';
import { isNarrow, textWidth, wrapText } from '../anatomy';
import { datasetNames, type DatasetNames } from '../dataset-names';
import { datasetStamp, plotFrame, type PlotFrame } from '../frame';
import type { LegendItem } from '../legend';
import type { BandScale } from '../layers/types';
import type { ChartSpec, TidyRow } from '../spec';
import {
	designColor,
	designShape,
	evidenceGrid,
	evidenceMapTidyRows,
	packCell,
	packedRows,
	sizeKeyValues,
	type EvidenceGrid,
	type MapCell,
	type MapStudy
} from './evidence-map-rows';

/** The words of the map for one language: facet values, cells, sources. */
export interface EvidenceNames extends DatasetNames {
	row: (value: string) => string;
	/** The `k`-th column facet's value of a column; short on phones. */
	column: (values: string[], k: number, short?: boolean) => string;
	cell: (cell: MapCell) => string;
}

/** What the map draws for a dataset, whatever its width. */
export interface EvidenceContent {
	grid: EvidenceGrid;
	names: EvidenceNames;
	spec: ChartSpec;
	tidy: TidyRow[];
	legendItems: LegendItem[];
}

export function evidenceLegend(grid: EvidenceGrid): LegendItem[] {
	const unsized = grid.cells.some((c) => c.studies.some((s) => !s.size));
	return [
		...grid.designs.map((design) => ({
			key: design,
			label: designLabel(design),
			color: designColor(design),
			shape: designShape(design)
		})),
		...(unsized
			? [
					{
						key: 'no-n',
						label: m.chart2_map_legend_no_n(),
						color: 'var(--muted)',
						shape: 'circle' as const,
						hollow: true
					}
				]
			: [])
	];
}

export function evidenceContent(dataset: Dataset, id: string, locale: Locale): EvidenceContent {
	const grid = evidenceGrid(dataset);
	const language = locale === 'nl' ? 'nl' : 'en';
	const row = (value: string) => facetValueLabel(dataset, grid.rowFacet, value, language);
	const column = (values: string[], k: number, short = false) =>
		values[k] === undefined
			? ''
			: facetValueLabel(dataset, grid.columnFacets[k], values[k], language, short);
	const cell = (c: MapCell) =>
		[
			c.rowValues.map((v) => row(v)).join(', '),
			...c.column.values.map((_, k) => column(c.column.values, k))
		]
			.filter(Boolean)
			.join(' · ');
	const names: EvidenceNames = { ...datasetNames(dataset), row, column, cell };
	const studies = grid.cells.flatMap((c) => c.studies);
	const studyCount = String(new Set(studies.map((s) => s.study.id)).size);
	const spec: ChartSpec = {
		id,
		title: m.chart2_map_title(),
		subtitle: m.chart2_map_subtitle({
			studies: studyCount,
			indications: String(dataset.indications.length),
			rows: facetLabel(dataset, grid.rowFacet, language),
			columns: grid.columnFacets
				.map((facet) => facetLabel(dataset, facet, language))
				.join(language === 'nl' ? ' en ' : ' and ')
		}),
		description: m.chart2_map_description({
			studies: studyCount,
			cells: String(grid.cells.length),
			gaps: String(grid.gaps.length)
		}),
		sources: [
			...new Set(
				studies.flatMap((s) =>
					s.size?.provenance ? [names.source(s.size.provenance.sourceId)] : []
				)
			)
		],
		...datasetStamp(dataset)
	};
	return {
		grid,
		names,
		spec,
		tidy: evidenceMapTidyRows(grid, names.source, {
			endpoint: m.chart2_map_endpoint(),
			unit: m.chart2_map_unit(),
			cell
		}),
		legendItems: evidenceLegend(grid)
	};
}

/** One mark per study and cell: its offset from the cell's centre and its text. */
export interface EvidenceMark extends MapStudy {
	key: string;
	cell: MapCell;
	dx: number;
	dy: number;
	/** The study's name, wrapped (two lines at most), and n beneath. */
	lines: string[];
	note: string;
	/** Accessible name: the whole mark in words. */
	label: string;
}

/** A column header: its key on the x scale, the first facet's value wrapped, the second's. */
export interface EvidenceHeader {
	key: string;
	lines: string[];
	sub: string;
}

export interface EvidenceFrame extends PlotFrame {
	narrow: boolean;
	markFont: number;
	legendFont: number;
	marks: EvidenceMark[];
	headers: EvidenceHeader[];
	/** Height of the column headers above the plot, and their line height. */
	headerHeight: number;
	headerLine: number;
	/** "No indication": the text of an empty cell, wrapped. */
	gapLines: string[];
	/** The note a cell spanning rows carries at its top (its age range), cut to fit. */
	/** The age groups a spanning cell covers, as wrapped lines. */
	spanNotes: Map<string, string[]>;
	/** One band per column across, one per row value down, and n to a radius. */
	xScale: ScaleBand<string>;
	yScale: ScaleBand<string>;
	rScale: ScalePower<number, number>;
	/** Patient counts of the size key, and where its baseline sits (plot coordinates). */
	sizeKey: { values: number[]; x: number; y: number };
}

/** Gap between row bands, px. */
const ROW_GAP = 6;

/** A cell's box from the band scales: its lane of its column, over its run of rows. */
export function cellBox(cell: MapCell, x: BandScale, y: BandScale) {
	const w = x.bandwidth() / cell.lanes;
	const top = y(cell.rowValues[0]) ?? 0;
	return {
		x: (x(cell.column.key) ?? 0) + cell.lane * w,
		y: top,
		w,
		h: (y(cell.rowValues[cell.rowValues.length - 1]) ?? 0) + y.bandwidth() - top
	};
}

/** Centre of a mark, from the band scales and its offset in its cell. */
export function markCentre(d: EvidenceMark, x: BandScale, y: BandScale) {
	const box = cellBox(d.cell, x, y);
	return { x: box.x + box.w / 2 + d.dx, y: box.y + box.h / 2 + d.dy };
}

/** Radius of a mark: by n (never below 3 px); a fixed small one when n is unknown. */
export function markRadius(d: MapStudy, r: (n: number) => number): number {
	return d.size ? Math.max(3, r(d.size.value)) : 6;
}

/** Where everything goes at a width and type size. Phones turn the row labels on their side. */
export function evidenceFrame(
	content: EvidenceContent,
	width: number,
	fontSize: number,
	locale: Locale
): EvidenceFrame {
	const { grid, names } = content;
	const narrow = isNarrow(width);
	const markFont = Math.round(fontSize * (narrow ? 0.85 : 0.92));
	const left = narrow
		? Math.round(fontSize * 1.8)
		: Math.ceil(
				Math.max(...grid.rowValues.map((a) => textWidth(names.row(a), fontSize, 'bold'))) + 18
			);
	const right = 8;
	const plotWidth = Math.max(120, width - left - right);
	const xScale = scaleBand<string>()
		.domain(grid.columns.map((c) => c.key))
		.range([0, plotWidth])
		.paddingInner(0.04);
	const bw = xScale.bandwidth();
	const rMax = Math.max(9, Math.min(26, bw * 0.17));
	const rScale = scaleSqrt()
		.domain([0, Math.max(1, grid.maxSize)])
		.range([0, rMax]);
	const slotWidth = Math.max(2 * rMax + 10, Math.min(bw - 6, markFont * 9));
	const nameWidth = slotWidth - 4;
	// A study's name wraps whole under its mark (never cut): slots are as tall as the
	// longest name needs, two lines at least, plus the n line.
	const nameLines = new Map(
		grid.cells.flatMap((c) =>
			c.studies.map((s) => [s.study.id, wrapText(s.study.name, nameWidth, markFont)] as const)
		)
	);
	const maxNameLines = Math.max(2, ...[...nameLines.values()].map((l) => l.length));
	const slot = {
		width: slotWidth,
		height: 2 * rMax + 10 + markFont * 1.15 * (maxNameLines + 1) + 6
	};
	const cellWidth = (c: MapCell) => bw / c.lanes;

	const headerLine = fontSize * 1.25;
	const headers = grid.columns.map((c) => ({
		key: c.key,
		lines: wrapText(names.column(c.values, 0, narrow), bw - 8, fontSize, 'bold'),
		sub: names.column(c.values, 1, narrow)
	}));
	const headerHeight = Math.ceil(
		(Math.max(1, ...headers.map((h) => h.lines.length)) + 1) * headerLine + 8
	);

	const spanNote = (c: MapCell) =>
		c.rowValues.length > 1
			? [...new Set(c.indications.map((i) => i.population.age))].join('; ')
			: '';
	// A cell spanning several age groups names them at its top, wrapped (never cut).
	const noteLines = new Map(
		grid.cells
			.filter((c) => spanNote(c))
			.map((c) => [c.key, wrapText(spanNote(c), cellWidth(c) - 8, markFont)])
	);
	const noteSpace = (c: MapCell) => {
		const lines = noteLines.get(c.key)?.length ?? 0;
		return lines ? fontSize * 1.4 + (lines - 1) * markFont * 1.15 : 0;
	};
	const rowHeight = Math.max(
		slot.height + 12,
		...grid.cells.map(
			(c) =>
				(packedRows(c.studies.length, cellWidth(c), slot.width) * slot.height + 12 + noteSpace(c)) /
				(c.rowEnd - c.rowStart)
		)
	);
	const rows = grid.rowValues.length;
	const plotHeight = rows * rowHeight + (rows - 1) * ROW_GAP;
	// Bands of `rowHeight` with `ROW_GAP` between them and none outside.
	const yScale = scaleBand<string>()
		.domain(grid.rowValues)
		.range([0, plotHeight])
		.paddingInner(ROW_GAP / (rowHeight + ROW_GAP));

	const marks = grid.cells.flatMap((cell) => {
		const note = noteSpace(cell);
		const offsets = packCell(cell.studies.length, cellWidth(cell), slot);
		// The block of slots is centred in the cell below its span note; a mark sits at the
		// top of its slot, its name and n hang beneath it.
		return cell.studies.map((s, i) => {
			const mark = {
				...s,
				key: `${cell.key}|${s.study.id}`,
				cell,
				dx: offsets[i].dx,
				dy: note / 2 + offsets[i].dy - slot.height / 2 + 4 + rMax,
				lines: nameLines.get(s.study.id) ?? [s.study.name],
				note: s.size ? `n = ${formatNumber(s.size.value, locale)}` : m.chart2_map_n_unknown(),
				label: ''
			};
			mark.label = evidenceMarkLabel(mark, names, locale);
			return mark;
		});
	});

	const legendFont = Math.round(fontSize * 0.92);
	const keyValues = sizeKeyValues(grid.maxSize);
	const keyHeight = keyValues.length ? Math.ceil(2 * rScale(keyValues.at(-1)!) + 10) : 0;
	const framed = plotFrame({
		spec: content.spec,
		locale,
		legendItems: content.legendItems,
		width,
		fontSize,
		left,
		right,
		above: keyHeight + 8 + headerHeight,
		below: 8,
		plotHeight,
		minPlotWidth: 120
	});
	const { caption, legend, padding } = framed;
	return {
		...framed,
		narrow,
		markFont,
		legendFont,
		marks,
		headers,
		headerHeight,
		headerLine,
		gapLines: wrapText(narrow ? m.chart2_map_gap_short() : m.chart2_map_gap(), bw - 10, markFont),
		spanNotes: noteLines,
		xScale,
		yScale,
		rScale,
		sizeKey: {
			values: keyValues,
			x: -padding.left + 4,
			y: -padding.top + caption.top + legend.height + keyHeight - 4
		}
	};
}

/** How many patients, and how the number was arrived at. */
export function sizeSentence(d: MapStudy, locale: Locale): string {
	if (!d.size) return m.chart2_map_tip_no_n();
	const n = formatNumber(d.size.value, locale);
	if (d.size.basis === 'arms')
		return d.size.arms > 1
			? m.chart2_map_tip_n_arms({ n, arms: String(d.size.arms) })
			: m.chart2_map_tip_n_arm({ n });
	return m.chart2_map_tip_n_sample({ n, label: d.size.sampleSize?.label ?? d.size.basis });
}

export function evidenceMarkLabel(
	d: MapStudy & { cell: MapCell },
	names: EvidenceNames,
	locale: Locale
): string {
	return [
		`${d.study.name}: ${designLabel(d.study.design)}`,
		sizeSentence(d, locale),
		...(d.size?.historicalControls
			? [m.chart2_map_tip_historical({ n: formatNumber(d.size.historicalControls, locale) })]
			: []),
		m.chart2_map_tip_population({ population: names.cell(d.cell) }),
		m.chart2_map_tip_indications({ indications: d.indications.map((i) => i.label).join('; ') }),
		...(d.size?.provenance
			? [
					m.chart_tip_source({
						source: names.source(d.size.provenance.sourceId),
						locator: d.size.provenance.locator
					})
				]
			: [])
	].join('. ');
}

/** data-* attributes of a mark, for tests and exports. */
export function evidenceMarkAttrs(d: EvidenceMark) {
	return {
		'data-study-id': d.study.id,
		'data-cell': d.cell.key,
		'data-design': d.study.design,
		'data-n': d.size?.value
	};
}
