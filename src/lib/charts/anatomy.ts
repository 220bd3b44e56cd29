/**
 * The anatomy every chart shares, as plain arithmetic: caption lines wrapped to the
 * chart's width, and the padding they need. Title, subtitle and footer are drawn
 * inside the SVG (in LayerCake's padding) so every export carries them.
 *
 * Text is measured approximately (characters × an average glyph width); the factors
 * are generous for DejaVu Sans, the widest font in the fallback list.
 */

// The server widths live apart, so that a page can name them without loading the rest.
export { SSR_WIDE, SSR_WIDTH } from './ssr-width';

/** Font stack of every chart text; DejaVu Sans keeps exports sans-serif on bare machines. */
export const CHART_FONT_FAMILY =
	"Inter, 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/** CSS value for chart text: the theme's font first, the fixed stack as fallback. */
export const CHART_FONT_STYLE = `var(--font-sans, ${CHART_FONT_FAMILY})`;

/** Average glyph width as a fraction of the font size. */
export const CHAR_WIDTH = { regular: 0.6, bold: 0.66 } as const;

/** Default chart type size in px (the projector theme raises it via --chart-font-size). */
export const BASE_FONT_SIZE = 13;

/** Below this width charts switch to their phone layout. */
export const NARROW_WIDTH = 620;

/** Whether a chart this wide takes its phone layout. */
export function isNarrow(width: number): boolean {
	return width < NARROW_WIDTH;
}

/**
 * Above this many marks a chart draws compactly: marks as a few paths (not one
 * focusable element each) and text only near the viewport; its data table is the
 * accessible route. A thousand focusable marks is already past what anyone steps
 * through with arrow keys, and past it the DOM (≈ 9 elements a row) alone makes every
 * update slower than a frame budget can absorb (see PERFORMANCE.md).
 */
export const COMPACT_MARKS = 1000;

/** Approximate rendered width of a line of text. */
export function textWidth(text: string, fontSize: number, weight: 'regular' | 'bold' = 'regular') {
	return text.length * fontSize * CHAR_WIDTH[weight];
}

/** One line of a wrapped cell: `dy` null when the cell is a single line (plain text). */
export interface CellLine {
	text: string;
	/** Offset from the previous line as an SVG `dy` ("-0.55em", "1.1em"). */
	dy: string | null;
}

/** Line spacing of wrapped cells, in ems. */
export const CELL_LINE_HEIGHT = 1.1;

/**
 * A text cell `maxWidth` px wide as lines centred on its anchor: labels wrap, never end in
 * an ellipsis (an export must show the whole label). One line is returned plain; more
 * lines carry the `dy` of a tspan, the first lifted by half the block's height.
 */
export function cellLines(
	text: string,
	maxWidth: number | undefined,
	fontSize: number,
	weight: 'regular' | 'bold' = 'regular',
	/** Where the anchor is: the block's middle, or its first line (the lower of two stacked cells). */
	from: 'middle' | 'first' = 'middle'
): CellLine[] {
	const lines = maxWidth ? wrapText(text, maxWidth, fontSize, weight) : [text];
	if (lines.length <= 1) return [{ text: lines[0] ?? '', dy: null }];
	const lift = from === 'first' ? 0 : r2(((lines.length - 1) / 2) * CELL_LINE_HEIGHT);
	return lines.map((line, i) => ({
		text: line,
		dy: i === 0 ? `${-lift}em` : `${CELL_LINE_HEIGHT}em`
	}));
}

/**
 * Breaks text into lines no wider than `maxWidth` (approximately), at spaces.
 * A word longer than a line is cut hard. Empty text gives no lines.
 */
export function wrapText(
	text: string,
	maxWidth: number,
	fontSize: number,
	weight: 'regular' | 'bold' = 'regular'
): string[] {
	const maxChars = Math.max(8, Math.floor(maxWidth / (fontSize * CHAR_WIDTH[weight])));
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (let word of words) {
		while (word.length > maxChars) {
			if (line) {
				lines.push(line);
				line = '';
			}
			lines.push(word.slice(0, maxChars));
			word = word.slice(maxChars);
		}
		if (!word) continue;
		if (!line) line = word;
		else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** Type sizes of the caption relative to the chart's base size. */
export function captionSizes(fontSize: number) {
	return {
		title: Math.round(fontSize * 1.38),
		subtitle: fontSize,
		footer: Math.max(10, Math.round(fontSize * 0.85)),
		lineHeight: 1.3
	};
}

export interface CaptionInput {
	title: string;
	subtitle: string;
	/** Footer paragraphs (sources; dataset version; disclaimer), each wrapped on its own. */
	footer: string[];
}

export interface CaptionLayout {
	title: string[];
	subtitle: string[];
	footer: string[];
	sizes: ReturnType<typeof captionSizes>;
	/** Space the title and subtitle take above whatever the chart puts under them. */
	top: number;
	/** Space the footer takes below whatever the chart puts above it. */
	bottom: number;
}

/** Inset of the caption from the edge of the figure. */
export const CAPTION_INSET = 4;
/** Gap between the caption blocks and the chart body. */
export const CAPTION_GAP = 12;

/**
 * Wraps the caption to the full figure width and says how much padding it needs.
 * A chart's padding.top is `layout.top + <its own header space>`; padding.bottom is
 * `<its own axis space> + layout.bottom`.
 */
export function captionLayout(input: CaptionInput, width: number, fontSize: number): CaptionLayout {
	const sizes = captionSizes(fontSize);
	const inner = Math.max(120, width - 2 * CAPTION_INSET);
	const title = wrapText(input.title, inner, sizes.title, 'bold');
	const subtitle = wrapText(input.subtitle, inner, sizes.subtitle);
	const footer = input.footer.flatMap((p) => wrapText(p, inner, sizes.footer));
	const lh = sizes.lineHeight;
	const top =
		CAPTION_INSET +
		title.length * sizes.title * lh +
		(subtitle.length ? 4 + subtitle.length * sizes.subtitle * lh : 0) +
		CAPTION_GAP;
	const bottom = footer.length
		? CAPTION_GAP + footer.length * sizes.footer * lh + CAPTION_INSET
		: 0;
	return { title, subtitle, footer, sizes, top: Math.ceil(top), bottom: Math.ceil(bottom) };
}

/** A coordinate to 2 decimals: exact enough for a 4× export, free of float noise in the SVG. */
export function r2(value: number): number {
	return Math.round(value * 100) / 100;
}
