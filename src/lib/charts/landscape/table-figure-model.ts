/**
 * A table drawn as a figure, so it exports like every chart (SVG, PNG, PDF, slides) with its
 * title, subtitle and footer: columns sized by what they hold, every cell wrapped (never cut),
 * rows placed in lines. Plain TypeScript; `TableFigure.svelte` draws it.
 */
import { CHAR_WIDTH, wrapText } from '../anatomy';
import { chartFrame, type ChartFrame } from '../frame';
import type { Locale } from '$lib/format';
import type { ChartSpec, TidyRow } from '../spec';

export interface FigureTableColumn {
	key: string;
	header: string;
}

export interface FigureTable {
	columns: FigureTableColumn[];
	rows: { key: string; cells: Record<string, string> }[];
}

/** What a table figure draws and exports: its spec, its tidy rows (with provenance), its cells. */
export interface TableFigureContent {
	spec: ChartSpec;
	tidy: TidyRow[];
	table: FigureTable;
	/** Footer notes before the sources (the "exploratory" label). */
	notes: string[];
}

export interface PlacedColumn {
	key: string;
	/** Left and right edge as a share of the plot width (the cake's x domain is [0, 1]). */
	x0: number;
	x1: number;
	header: string[];
}

export interface PlacedRow {
	key: string;
	/** First line of the row, in lines from the top (the cake's y domain is lines). */
	top: number;
	lines: number;
	cells: Record<string, string[]>;
}

export interface PlacedTable {
	columns: PlacedColumn[];
	rows: PlacedRow[];
	headerLines: number;
	totalLines: number;
}

/** Space between rows and under the header, in lines. */
export const ROW_GAP = 0.6;
const MIN_WEIGHT = 6;
const MAX_WEIGHT = 48;

/** Columns as wide as their longest text (within limits), cells wrapped to them. */
export function placeTable(table: FigureTable, plotWidth: number, fontSize: number): PlacedTable {
	const longest = (key: string, header: string) =>
		Math.max(
			...header.split(/\s+/).map((w) => w.length),
			...table.rows.map((r) => (r.cells[key] ?? '').length)
		);
	const longestWord = (key: string) =>
		Math.max(
			0,
			...table.rows.flatMap((r) => (r.cells[key] ?? '').split(/\s+/).map((w) => w.length))
		);
	const ch = fontSize * CHAR_WIDTH.regular;
	const pad = ch * 1.5;
	// Every column first gets its longest word (no word is cut), then the rest of the width
	// goes to the columns that want more, in proportion to what they want (within limits).
	const least = table.columns.map((c) => longestWord(c.key) * ch * 1.05 + pad);
	const wanted = table.columns.map((c, i) =>
		Math.max(
			least[i],
			Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, longest(c.key, c.header))) * ch + pad
		)
	);
	const leastTotal = least.reduce((a, b) => a + b, 0);
	const extra = Math.max(0, plotWidth - leastTotal);
	const more = wanted.map((w, i) => w - least[i]);
	const moreTotal = more.reduce((a, b) => a + b, 0);
	const widths = least.map((l, i) =>
		leastTotal >= plotWidth
			? (l / leastTotal) * plotWidth
			: l + (moreTotal > 0 ? (more[i] / moreTotal) * extra : extra / least.length)
	);
	let at = 0;
	const columns = table.columns.map((c, i) => {
		const x0 = at;
		at += widths[i] / plotWidth;
		const inner = Math.max(1, (at - x0) * plotWidth - pad);
		return { key: c.key, x0, x1: at, header: wrapText(c.header, inner, fontSize, 'bold') };
	});
	const headerLines = Math.max(1, ...columns.map((c) => c.header.length));
	let top = headerLines + ROW_GAP;
	const rows = table.rows.map((r) => {
		const cells: Record<string, string[]> = {};
		for (const c of columns) {
			const inner = Math.max(1, (c.x1 - c.x0) * plotWidth - pad);
			cells[c.key] = wrapText(r.cells[c.key] ?? '', inner, fontSize);
		}
		const lines = Math.max(1, ...Object.values(cells).map((l) => l.length));
		const placed = { key: r.key, top, lines, cells };
		top += lines + ROW_GAP;
		return placed;
	});
	return { columns, rows, headerLines, totalLines: top };
}

export interface TableFigureFrame extends ChartFrame {
	placed: PlacedTable;
	lineHeight: number;
	plotHeight: number;
	height: number;
}

export function tableFigureFrame(
	content: TableFigureContent,
	width: number,
	fontSize: number,
	locale: Locale
): TableFigureFrame {
	const frame = chartFrame({
		spec: content.spec,
		locale,
		notes: content.notes,
		legendItems: [],
		width,
		fontSize,
		left: 4,
		right: 4
	});
	const placed = placeTable(content.table, frame.plotWidth, fontSize);
	const lineHeight = Math.round(fontSize * 1.3);
	const plotHeight = Math.ceil(placed.totalLines * lineHeight);
	return {
		...frame,
		placed,
		lineHeight,
		plotHeight,
		height: frame.padding.top + plotHeight + frame.padding.bottom
	};
}
