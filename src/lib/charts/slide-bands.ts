/**
 * How a chart taller than a slide may be cut into slides: its bands in plot coordinates
 * (y down, 0 at the top of the plot). The header above the rows (legend, column
 * headings) and the axis below them are repeated on every slide; rows are never cut.
 * The chart's title, subtitle and footer are not in any band: a slide has them as text.
 *
 * A chart that can be split writes its bands as JSON on an empty, export-ignored group
 * (`SLIDE_BANDS_ATTR`); the export reads it from the drawn SVG.
 */

export const SLIDE_BANDS_ATTR = 'data-slide-bands';

export interface SlideRow {
	top: number;
	bottom: number;
	/** A group heading: never the last row of a slide. */
	keepWithNext?: boolean;
	/** Short citations of the row's figures: a slide's footer names those it shows. */
	sources?: string[];
}

export interface SlideBands {
	header: { top: number; bottom: number };
	rows: SlideRow[];
	axis: { top: number; bottom: number };
}

export function parseSlideBands(text: string | null | undefined): SlideBands | undefined {
	if (!text) return undefined;
	try {
		const b = JSON.parse(text) as SlideBands;
		const ok =
			Number.isFinite(b?.header?.top) &&
			Number.isFinite(b?.axis?.bottom) &&
			Array.isArray(b.rows) &&
			b.rows.every((r) => Number.isFinite(r.top) && Number.isFinite(r.bottom));
		return ok ? b : undefined;
	} catch {
		return undefined;
	}
}
