/** Where the items of a chart's legend go, wrapped to the available width. */
import { textWidth } from './anatomy';
import { m } from '$lib/paraglide/messages';
import { COMPUTED_DASH, type MarkShape } from './encoding';

export interface LegendItem {
	key: string;
	label: string;
	color: string;
	shape?: MarkShape;
	hollow?: boolean;
	/** Draw a line swatch (with this dash) behind the shape. */
	line?: boolean;
	dash?: string;
	/** Draw the "sources disagree" pennant instead of a shape. */
	flag?: boolean;
	/** Draw the pooled diamond. */
	diamond?: boolean;
}

/** "CI computed from counts" (hollow point, dashed line), when `shown`; none otherwise. */
export function computedCiItem(shown: boolean, color: string): LegendItem[] {
	return shown
		? [
				{
					key: 'computed',
					label: m.chart_legend_ci_computed(),
					color,
					shape: 'circle',
					hollow: true,
					line: true,
					dash: COMPUTED_DASH
				}
			]
		: [];
}

/** "Sources disagree" (the pennant), when `shown`; none otherwise. */
export function flagItem(shown: boolean): LegendItem[] {
	return shown
		? [{ key: 'flag', label: m.chart_legend_flag(), color: 'var(--flag)', flag: true }]
		: [];
}

export interface LegendLayout {
	items: (LegendItem & { x: number; y: number })[];
	height: number;
	fontSize: number;
}

/** Lays the items out left to right, wrapping at `width`; height 0 when there are none. */
export function legendLayout(items: LegendItem[], width: number, fontSize: number): LegendLayout {
	const rowHeight = Math.round(fontSize * 1.6);
	let x = 10;
	let row = 0;
	const placed = items.map((item) => {
		const w = 14 + textWidth(item.label, fontSize) + 30;
		if (x > 10 && x + w > width) {
			row += 1;
			x = 10;
		}
		const at = { ...item, x, y: row * rowHeight + rowHeight / 2 };
		x += w;
		return at;
	});
	return { items: placed, height: items.length ? (row + 1) * rowHeight : 0, fontSize };
}
