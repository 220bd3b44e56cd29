/**
 * Slide geometry as plain arithmetic: where title, subtitle, chart picture and footer go
 * on a 16:9 slide, how large the chart is drawn for it, and how a chart taller than one
 * slide is split into pages of whole rows (each page repeats the chart's header band —
 * legend and column headings — and its axis).
 *
 * Type must be legible at the back of a room: nothing on a slide under 18 pt, in the
 * text boxes and inside the picture. PowerPoint's LAYOUT_WIDE is 13.333 × 7.5 in
 * (960 × 540 pt); shown at 1920 × 1080 one point is two screen pixels.
 */
import { wrapText } from '$lib/charts/anatomy';
import type { SlideBands, SlideRow } from '$lib/charts/slide-bands';

export type { SlideBands, SlideRow };

/** LAYOUT_WIDE, PowerPoint's own 16:9, in inches. */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
export const PT_PER_INCH = 72;
/** The smallest type on a slide, in points. */
export const MIN_SLIDE_PT = 18;
export const SLIDE_MARGIN = 0.4;
export const SLIDE_TYPE = { title: 28, subtitle: MIN_SLIDE_PT, footer: MIN_SLIDE_PT } as const;
const LINE = 1.2;
const ARIAL_FACTOR = 1.2;
const GAP = 0.05;

/**
 * The chart is drawn for a slide at this CSS size: 18 px type in a chart 880 px wide,
 * placed across the slide's 12.53 in (902 pt), gives 18.5 pt type; a chart with a slide
 * layout (the forest) draws every text, its legend too, at that size.
 */
export const SLIDE_CHART = { width: 880, fontSize: 18 } as const;

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Lines a text takes in a box `width` inches wide at `pt` points (estimate, generous). */
export function slideLines(text: string, width: number, pt: number, bold = false): number {
	if (!text.trim()) return 0;
	// wrapText works in any unit and assumes DejaVu's wide glyphs (0.6 em); the slide's
	// Arial averages about 0.5 em, so the same line holds a fifth more characters.
	return wrapText(text, width * PT_PER_INCH * ARIAL_FACTOR, pt, bold ? 'bold' : 'regular').length;
}

export interface SlideFrame {
	title: Box;
	subtitle: Box;
	chart: Box;
	footer: Box;
}

/**
 * Boxes of one slide: title and subtitle at the top, footer at the bottom, each as tall as
 * its wrapped text, and the chart picture in between.
 */
export function slideFrame(text: {
	title: string;
	subtitle: string;
	footer: string[];
}): SlideFrame {
	const w = SLIDE.width - 2 * SLIDE_MARGIN;
	const height = (lines: number, pt: number) => (lines * pt * LINE) / PT_PER_INCH + 0.1;
	const titleH = height(
		Math.max(1, slideLines(text.title, w, SLIDE_TYPE.title, true)),
		SLIDE_TYPE.title
	);
	const subtitleLines = slideLines(text.subtitle, w, SLIDE_TYPE.subtitle);
	const subtitleH = subtitleLines ? height(subtitleLines, SLIDE_TYPE.subtitle) : 0;
	const footerLines = text.footer.reduce((n, p) => n + slideLines(p, w, SLIDE_TYPE.footer), 0);
	const footerH = footerLines ? height(footerLines, SLIDE_TYPE.footer) : 0;
	const title = { x: SLIDE_MARGIN, y: 0.15, w, h: titleH };
	const subtitle = { x: SLIDE_MARGIN, y: title.y + titleH, w, h: subtitleH };
	const footer = { x: SLIDE_MARGIN, y: SLIDE.height - 0.12 - footerH, w, h: footerH };
	const top = subtitle.y + subtitleH + GAP;
	const chart = { x: SLIDE_MARGIN, y: top, w, h: Math.max(0.5, footer.y - GAP - top) };
	return { title, subtitle, chart, footer };
}

/** Points on the slide per CSS pixel of a chart drawn `chartWidth` px wide across `box`. */
export function slidePtPerPx(box: Pick<Box, 'w'>, chartWidth: number): number {
	return (box.w * PT_PER_INCH) / chartWidth;
}

/** The size type of `px` in a chart drawn `chartWidth` wide prints at on the slide, in pt. */
export function slideTextPt(px: number, box: Pick<Box, 'w'>, chartWidth: number): number {
	return px * slidePtPerPx(box, chartWidth);
}

/** Rows `from` to `to` (exclusive) of the chart, and the y range they cover. */
export interface SlidePage {
	from: number;
	to: number;
	top: number;
	bottom: number;
	/** The sources of the rows on this page, in order (for the slide's footer). */
	sources: string[];
}

/** Px of rows a page holds: one for every page, or one per page index (the first slide
 * has the subtitle, the continued ones do not). */
export type PageRoom = number | ((page: number) => number);

/**
 * Splits rows into pages no taller than `room` (px of rows a slide holds besides the
 * header and axis), whole rows only, in order. A heading that would end a page moves
 * to the next one with its rows. A row taller than the room gets a page of its own.
 */
export function splitRows(rows: SlideRow[], room: PageRoom): SlidePage[] {
	const pages: SlidePage[] = [];
	let from = 0;
	while (from < rows.length) {
		const fits = typeof room === 'function' ? room(pages.length) : room;
		let to = from + 1;
		while (to < rows.length && rows[to].bottom - rows[from].top <= fits) to++;
		// Do not strand headings at the foot of a page (unless the page is only headings).
		let end = to;
		while (end < rows.length && end - 1 > from && rows[end - 1].keepWithNext) end--;
		if (end > from) to = end;
		const sources = [...new Set(rows.slice(from, to).flatMap((r) => r.sources ?? []))];
		pages.push({ from, to, top: rows[from].top, bottom: rows[to - 1].bottom, sources });
		from = to;
	}
	return pages;
}

/** How many px of rows fit on a slide: the chart box's height less the header and the axis. */
export function rowRoom(
	bands: SlideBands,
	chart: Pick<Box, 'h' | 'w'>,
	chartWidth: number
): number {
	const boxPx = (chart.h * PT_PER_INCH) / slidePtPerPx(chart, chartWidth);
	const header = bands.header.bottom - bands.header.top;
	const axis = bands.axis.bottom - bands.axis.top;
	return Math.floor(boxPx - header - axis);
}

/**
 * The pages of a chart on slides with the given chart box: one for every slide, or one
 * per page index (the first slide's box is shorter: it has the subtitle).
 */
export function slidePages(
	bands: SlideBands,
	chart: Pick<Box, 'h' | 'w'> | ((page: number) => Pick<Box, 'h' | 'w'>),
	chartWidth: number
) {
	if (!bands.rows.length) return [];
	const room =
		typeof chart === 'function'
			? (page: number) => rowRoom(bands, chart(page), chartWidth)
			: rowRoom(bands, chart, chartWidth);
	return splitRows(bands.rows, room);
}

/** One slide picture: the PNG (every viewer) and the SVG it was drawn from. */
export interface SlidePicture {
	/** `data:image/png;base64,…` */
	data: string;
	/** Pixel size of the PNG (any scale); only the aspect ratio matters. */
	width: number;
	height: number;
	/** The page's SVG file text, placed as the picture where the viewer draws SVG. */
	svg?: string;
	/** Sources of what this picture shows (a page of a split chart); the chart's otherwise. */
	sources?: string[];
}
