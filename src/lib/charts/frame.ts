/**
 * The set-up the study charts share (two-arm comparison, effect forest, survival): their
 * props, the arms they compare, the dataset stamp of their spec, label columns beside
 * the plot, and the caption, legend and padding around it. Plain arithmetic; each chart
 * keeps its own state and draws its own marks.
 */
import type { Snippet } from 'svelte';
import type { Arm, Dataset, Study } from '$lib/evidence/schema';
import type { Locale } from '$lib/format';
import { captionLayout, CHAR_WIDTH, isNarrow, type CaptionLayout } from './anatomy';
import { footerParagraphs } from './captions';
import { legendLayout, type LegendItem, type LegendLayout } from './legend';
import type { ChartActionsProps } from './chart-actions';
import type { ChartSpec } from './spec';

/** Export menu and the like, given the spec, tidy rows and the root <svg>. */
export type ChartActions = Snippet<[ChartActionsProps]>;

/** Props of a chart of one study. */
export interface StudyChartProps {
	dataset: Dataset;
	study: Study;
	actions?: ChartActions;
	id?: string;
}

export { NARROW_WIDTH } from './anatomy';

/** The experimental arm and the (first) other arm of a study. */
export function studyArms(study: Study): { experimental?: Arm; comparator?: Arm } {
	return {
		experimental: study.arms.find((a) => a.role === 'experimental'),
		comparator: study.arms.find((a) => a.role !== 'experimental')
	};
}

/** The part of a chart's spec that names the medicine and the dataset. */
export function datasetStamp(
	dataset: Dataset
): Pick<ChartSpec, 'medicine' | 'datasetVersion' | 'datasetReleased'> {
	return {
		medicine: `${dataset.title}`,
		datasetVersion: dataset.version,
		datasetReleased: dataset.released
	};
}

export interface SideColumns {
	narrow: boolean;
	/** Label column left of the plot, px. */
	leftWidth: number;
	/** Figures column right of the plot, px. */
	rightWidth: number;
}

/**
 * Widths of the label column (a share of the width on phones; else `chars` characters,
 * at most `share` of the width) and the figures column (characters, phone or not).
 */
export function sideColumns(
	width: number,
	fontSize: number,
	left: { phoneShare: number; chars: number; share: number },
	right: { phoneChars: number; chars: number }
): SideColumns {
	const narrow = isNarrow(width);
	const ch = fontSize * CHAR_WIDTH.regular;
	return {
		narrow,
		leftWidth: Math.ceil(
			narrow ? width * left.phoneShare : Math.min(left.chars * ch, width * left.share)
		),
		rightWidth: Math.ceil((narrow ? right.phoneChars : right.chars) * ch)
	};
}

export interface ChartFrame {
	caption: CaptionLayout;
	legend: LegendLayout;
	padding: { top: number; right: number; bottom: number; left: number };
	/** Width of the plot between the side spaces. */
	plotWidth: number;
}

/**
 * Title, subtitle and footer wrapped to the width, the legend under them, and the
 * padding that leaves room for both and for `left`/`right` px beside the plot.
 */
export function chartFrame(options: {
	spec: ChartSpec;
	locale: Locale;
	notes?: string[];
	legendItems: LegendItem[];
	width: number;
	fontSize: number;
	left: number;
	right: number;
}): ChartFrame {
	const { spec, width, fontSize } = options;
	const caption = captionLayout(
		{
			title: spec.title,
			subtitle: spec.subtitle,
			footer: footerParagraphs(spec, options.locale, options.notes)
		},
		width,
		fontSize
	);
	const legend = legendLayout(options.legendItems, width - 8, Math.round(fontSize * 0.92));
	const padding = {
		top: caption.top + legend.height + 6,
		right: options.right,
		bottom: caption.bottom,
		left: options.left
	};
	return {
		caption,
		legend,
		padding,
		plotWidth: Math.max(60, width - padding.left - padding.right)
	};
}

/** A chart's frame with the space it keeps above and below its plot, and its whole height. */
export interface PlotFrame extends ChartFrame {
	plotHeight: number;
	height: number;
}

/**
 * `chartFrame` for a plot of known height: `above` px between the legend and the plot
 * (headers, a key), `below` px between the plot and the footer (an axis), and the plot at
 * least `minPlotWidth` wide.
 */
export function plotFrame(
	options: Parameters<typeof chartFrame>[0] & {
		above: number;
		below: number;
		plotHeight: number;
		minPlotWidth: number;
	}
): PlotFrame {
	const { caption, legend } = chartFrame(options);
	const padding = {
		top: caption.top + legend.height + options.above,
		right: options.right,
		bottom: options.below + caption.bottom,
		left: options.left
	};
	return {
		caption,
		legend,
		padding,
		plotWidth: Math.max(options.minPlotWidth, options.width - options.left - options.right),
		plotHeight: options.plotHeight,
		height: padding.top + options.plotHeight + padding.bottom
	};
}
