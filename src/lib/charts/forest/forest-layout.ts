/**
 * Where the forest plot's text columns go at a given width. Wide screens get every
 * column; narrower ones drop counts and source (the tooltip and the table keep
 * them); phones get two-line rows. The arm of a multi-arm study follows the endpoint.
 * A slide is wide and short: one-line rows of study, endpoint and estimate only (the
 * slide's footer names the sources, its speaker notes every CI's method and source).
 */
import { BASE_FONT_SIZE, CHAR_WIDTH } from '../anatomy';

export type ForestColumnId = 'study' | 'endpoint' | 'counts' | 'estimate' | 'note' | 'source';
export type ForestMode = 'wide' | 'medium' | 'narrow' | 'slide';
/** Where the forest is drawn: the page, or a 16:9 slide (see export/slide-render.ts). */
export type ForestTarget = 'screen' | 'slide';

export interface ForestColumn {
	id: ForestColumnId;
	/** Anchor x in plot coordinates (negative: left of the plot). */
	x: number;
	/** Width available to the text, px. */
	width: number;
	anchor: 'start' | 'end';
}

export interface ForestLayout {
	mode: ForestMode;
	columns: ForestColumn[];
	/** Space left and right of the plot for the columns. */
	left: number;
	right: number;
	/** Width of the plot between the columns. */
	plotWidth: number;
	/** Height of a row whose cells are one line (a wrapped cell makes its row taller). */
	rowHeight: number;
}

const GAP = 12;
/** The least a slide's plot keeps for the 0–100 % axis, px. */
const SLIDE_PLOT = 170;
const SPECS: Record<
	ForestMode,
	{ left: [ForestColumnId, number][]; right: [ForestColumnId, number][] }
> = {
	wide: {
		left: [
			['study', 10],
			['endpoint', 36]
		],
		right: [
			['counts', 7],
			['estimate', 17],
			['note', 9],
			['source', 18]
		]
	},
	medium: {
		left: [
			['study', 10],
			['endpoint', 26]
		],
		right: [
			['estimate', 17],
			['note', 9]
		]
	},
	// Phones: two-line rows (study and arm; endpoint), and the value alone (the CI is
	// drawn, and is in the tooltip and the table).
	narrow: { left: [['study', 30]], right: [['estimate', 7]] },
	// Slides: rows as short as one line allows, so a slide holds many; whatever is left
	// out is on the slide as text (sources) or in its notes (CI method, counts).
	slide: {
		left: [
			['study', 10],
			['endpoint', 26]
		],
		right: [['estimate', 17]]
	}
};

/** Height of a one-line row, in type sizes: phones stack two lines, slides pack rows. */
const ROW_EMS: Record<ForestMode, number> = { wide: 1.85, medium: 1.85, narrow: 2.9, slide: 1.3 };

/**
 * The mode for a width, measured in type sizes (ems): at the base 13 px the breaks are
 * 1000 and 620 px. Larger type (the projector theme, slides) needs that much more room
 * for the same columns, so it reaches the roomier layouts later.
 */
export function forestMode(width: number, fontSize = BASE_FONT_SIZE): ForestMode {
	const ems = (width / fontSize) * BASE_FONT_SIZE;
	return ems >= 1000 ? 'wide' : ems >= 620 ? 'medium' : 'narrow';
}

/** Column positions for a chart `width` px wide with type of `fontSize` px. */
export function forestLayout(
	width: number,
	fontSize: number,
	target: ForestTarget = 'screen'
): ForestLayout {
	const mode = target === 'slide' ? 'slide' : forestMode(width, fontSize);
	const spec = SPECS[mode];
	const ch = fontSize * CHAR_WIDTH.regular;
	const columns: ForestColumn[] = [];

	let right = GAP + 8;
	const rightCols: ForestColumn[] = [];
	for (const [id, chars] of spec.right) {
		const w = Math.ceil(chars * ch);
		rightCols.push({ id, x: right, width: w, anchor: 'start' });
		right += w + GAP;
	}
	right -= GAP - 4;

	let left = 4;
	const leftCols = spec.left.map(([id, chars], i) => {
		// Narrow: as wide as 30 characters allows up to 0.42 of the width (a phone gets
		// the fraction). A slide's last label column takes what the plot leaves, so
		// fewer labels wrap and rows stay one line.
		const fill =
			mode === 'slide' && i === spec.left.length - 1
				? width - left - GAP - right - Math.max(SLIDE_PLOT, width * 0.19)
				: 0;
		const w = Math.ceil(
			mode === 'narrow' ? Math.min(chars * ch, width * 0.42) : Math.max(chars * ch, fill)
		);
		const col = { id, start: left, width: w };
		left += w + GAP;
		return col;
	});
	for (const col of leftCols) {
		columns.push({ id: col.id, x: col.start - left, width: col.width, anchor: 'start' });
	}

	columns.push(...rightCols);

	const rowHeight = Math.round(fontSize * ROW_EMS[mode]);
	return { mode, columns, left, right, plotWidth: Math.max(60, width - left - right), rowHeight };
}
