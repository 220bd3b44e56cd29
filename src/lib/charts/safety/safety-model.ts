/**
 * The safety dot chart as plain data: what it draws (rows, compared marks, spec, legend,
 * tidy rows), where (caption, legend, padding, plot size, row offsets) and its text
 * columns, as a list the chart loops once. SafetyDotChart.svelte composes these; nothing
 * here touches Svelte or the DOM (safety-model.test.ts).
 */
import { m } from '$lib/paraglide/messages';
import type { AdverseReaction, Dataset, SafetyProfile } from '$lib/evidence/schema';
import { decimalsOf, formatNumber, formatPercent, type Locale } from '$lib/format';
import { captionLayout, isNarrow, textWidth, type CaptionLayout } from '../anatomy';
import { footerParagraphs } from '../captions';
import { datasetStamp } from '../frame';
import { legendLayout, type LegendItem, type LegendLayout } from '../legend';
import type { ChartSpec, TidyRow } from '../spec';
import { safetyRows, safetyTidyRows, type ComparedValue, type SafetyRow } from './safety-rows';

/** Another label's figure for a plotted reaction, drawn in that reaction's row. */
export interface ComparedMark extends ComparedValue {
	row: SafetyRow;
	key: string;
}

/** The row a mark sits in: the cake's y accessor, for reactions and compared marks alike. */
export const safetyRowKey = (d: SafetyRow | ComparedMark) => ('row' in d ? d.row.key : d.key);

export const isSafetyRow = (d: SafetyRow | ComparedMark): d is SafetyRow => !('row' in d);

export function categoryLabel(c: AdverseReaction['category']): string {
	return c === 'most-serious'
		? m.chart2_safety_cat_serious()
		: c === 'most-common'
			? m.chart2_safety_cat_common()
			: m.chart2_safety_cat_very_common();
}

/** What the chart draws for a primary label and its comparisons, whatever its width. */
export interface SafetyContent {
	primary: SafetyProfile;
	rows: SafetyRow[];
	compared: ComparedMark[];
	serious: SafetyRow[];
	common: SafetyRow[];
	/** Every other row: the shaded stripes. */
	stripes: SafetyRow[];
	/** Comparison labels with at least one matching figure. */
	usedComparisons: SafetyProfile[];
	spec: ChartSpec;
	tidy: TidyRow[];
	legendItems: LegendItem[];
	/** Percent axis maximum: the largest figure rounded up to ten, at least 10. */
	xMax: number;
	/** A figure as its label prints it (one precision per label: "20.0%"). */
	pct: (value: number, profile: SafetyProfile) => string;
	/** Short citation of a source id. */
	shortOf: (sourceId: string) => string;
	/** Short citation of a label (its first reaction's source). */
	profileShort: (p: SafetyProfile) => string;
}

export function safetyContent(
	dataset: Dataset,
	primary: SafetyProfile,
	comparisons: SafetyProfile[],
	locale: Locale,
	id: string
): SafetyContent {
	const rows = safetyRows(primary, comparisons);
	// A label prints its frequencies to one precision ("20.0%"); JSON drops trailing zeros.
	const digits = new Map(
		[primary, ...comparisons].map((p) => [
			p,
			Math.max(0, ...p.reactions.map((r) => (r.percent === undefined ? 0 : decimalsOf(r.percent))))
		])
	);
	const pct = (value: number, profile: SafetyProfile) =>
		formatPercent(value, locale, digits.get(profile));
	const compared = rows.flatMap((r) => r.others.map((o) => ({ ...o, row: r, key: o.reaction.id })));
	const serious = rows.filter((r) => r.serious);
	const shortOf = (sourceId: string) =>
		dataset.sources.find((s) => s.id === sourceId)?.shortCitation ?? sourceId;
	const usedComparisons = comparisons.filter((p) => compared.some((c) => c.profile === p));
	const spec: ChartSpec = {
		id,
		title: m.chart2_safety_title(),
		subtitle: [
			primary.n !== undefined
				? m.chart2_safety_subtitle_n({
						population: primary.population,
						n: formatNumber(primary.n, locale),
						version: primary.version
					})
				: m.chart2_safety_subtitle({ population: primary.population, version: primary.version }),
			...usedComparisons.map((p) => m.chart2_safety_subtitle_compare({ version: p.version }))
		].join(' '),
		description: m.chart2_safety_description({
			count: String(rows.length),
			serious: String(serious.length),
			version: primary.version,
			compared: String(compared.length)
		}),
		sources: [
			...new Set([
				...rows.map((r) => shortOf(r.reaction.provenance.sourceId)),
				...compared.map((c) => shortOf(c.reaction.provenance.sourceId))
			])
		],
		...datasetStamp(dataset)
	};
	const legendItems: LegendItem[] = [
		{ key: 'primary', label: primary.label, color: 'var(--experimental)', shape: 'circle' },
		...(serious.length
			? [
					{
						key: 'serious',
						label: m.chart2_safety_legend_serious(),
						color: 'var(--experimental)',
						shape: 'diamond' as const
					}
				]
			: []),
		...usedComparisons.map((p) => ({
			key: p.id,
			label: p.label,
			color: 'var(--comparator)',
			shape: 'square' as const,
			hollow: true
		}))
	];
	const largest = Math.max(...rows.map((r) => r.value), ...compared.map((c) => c.value));
	return {
		primary,
		rows,
		compared,
		serious,
		common: rows.filter((r) => !r.serious),
		stripes: rows.filter((_, i) => i % 2 === 1),
		usedComparisons,
		spec,
		tidy: safetyTidyRows(rows, primary, {
			sourceCitation: shortOf,
			categoryLabel,
			unit: m.chart2_unit_percent_patients()
		}),
		legendItems,
		xMax: Math.max(10, Math.ceil(largest / 10) * 10),
		pct,
		shortOf,
		profileShort: (p) => shortOf(p.reactions[0]?.provenance.sourceId ?? '')
	};
}

/** The figures of a row as the column right of the plot writes them. */
export function safetyValueText(content: SafetyContent, r: SafetyRow, narrow: boolean): string {
	const { pct, primary, profileShort } = content;
	return [
		pct(r.value, primary),
		...r.others.map((o) =>
			narrow ? pct(o.value, o.profile) : `${profileShort(o.profile)} ${pct(o.value, o.profile)}`
		)
	].join(' · ');
}

/** Where everything goes at a width and type size. */
export interface SafetyFrame {
	narrow: boolean;
	caption: CaptionLayout;
	legend: LegendLayout;
	padding: { top: number; right: number; bottom: number; left: number };
	plotWidth: number;
	plotHeight: number;
	height: number;
	rowHeight: number;
	termWidth: number;
	tagWidth: number;
	/** Offsets from a row's middle: phones put the term above its dots. */
	termDy: number;
	dotDy: number;
	/** Number of percent ticks asked of the scale. */
	tickCount: number;
}

export function safetyFrame(
	content: SafetyContent,
	width: number,
	fontSize: number,
	locale: Locale
): SafetyFrame {
	const { spec, rows } = content;
	// Wide rows put term and tag left of the plot; phones stack the term above its dots.
	const narrow = isNarrow(width);
	const termWidth = Math.min(
		Math.max(...rows.map((r) => textWidth(r.term, fontSize, r.serious ? 'bold' : 'regular')), 60),
		width * 0.27
	);
	const tagWidth = textWidth(m.chart2_safety_tag_serious(), fontSize * 0.85) + 12;
	const valueWidth =
		Math.max(
			...rows.map((r) => textWidth(safetyValueText(content, r, narrow), fontSize * 0.92)),
			40
		) + 14;
	const caption = captionLayout(
		{ title: spec.title, subtitle: spec.subtitle, footer: footerParagraphs(spec, locale) },
		width,
		fontSize
	);
	const legend = legendLayout(content.legendItems, width - 8, Math.round(fontSize * 0.92));
	const rowHeight = Math.round(fontSize * (narrow ? 3.1 : 1.95));
	const padding = {
		top: caption.top + legend.height + 10,
		right: valueWidth,
		bottom: Math.round(fontSize * 3.6) + caption.bottom,
		left: narrow ? 8 : Math.ceil(termWidth + tagWidth + 16)
	};
	const plotHeight = rows.length * rowHeight;
	return {
		narrow,
		caption,
		legend,
		padding,
		plotWidth: Math.max(60, width - padding.left - padding.right),
		plotHeight,
		height: padding.top + plotHeight + padding.bottom,
		rowHeight,
		termWidth,
		tagWidth,
		termDy: narrow ? rowHeight * (0.28 - 0.5) : 0,
		dotDy: narrow ? rowHeight * (0.68 - 0.5) : 0,
		tickCount: narrow ? 4 : 7
	};
}

/** Which rows a text column writes. */
export type SafetyColumnRows = 'rows' | 'serious' | 'common';

/** One text column as data: the chart draws each with one TextColumn. */
export interface SafetyTextColumn {
	key: string;
	rows: SafetyColumnRows;
	/** Anchor in plot coordinates (negative: left of the plot). */
	x: number;
	dy: number;
	width?: number;
	anchor?: 'end';
	text: (d: SafetyRow) => string;
	tone?: 'flag';
	bold?: boolean;
	fontSize: number;
	className?: string;
}

/** The text columns, in drawing order: terms, bold serious terms, their tag, the figures. */
export function safetyTextColumns(
	content: SafetyContent,
	frame: SafetyFrame,
	fontSize: number
): SafetyTextColumn[] {
	const { narrow, padding, plotWidth, termWidth, tagWidth, termDy, dotDy } = frame;
	const termX = narrow ? 0 : -padding.left + 6;
	const tag = m.chart2_safety_tag_serious();
	return [
		{
			key: 'term',
			rows: 'common',
			x: termX,
			dy: termDy,
			width: narrow ? plotWidth + padding.right - 6 : termWidth,
			text: (d) => d.term,
			fontSize
		},
		{
			key: 'term-serious',
			rows: 'serious',
			x: termX,
			dy: termDy,
			width: narrow ? plotWidth + padding.right - 12 - tagWidth : termWidth,
			text: (d) => d.term,
			bold: true,
			fontSize
		},
		{
			key: 'tag',
			rows: 'serious',
			x: narrow ? plotWidth + padding.right - 6 : -8,
			dy: termDy,
			anchor: 'end',
			text: () => tag,
			tone: 'flag',
			bold: true,
			fontSize: Math.round(fontSize * 0.85),
			className: 'serious-tag'
		},
		{
			key: 'values',
			rows: 'rows',
			x: plotWidth + 10,
			dy: dotDy,
			text: (d) => safetyValueText(content, d, narrow),
			fontSize: Math.round(fontSize * 0.92)
		}
	];
}

/** The line "in N patients" or the label version, under a primary figure. */
export function primaryBasis(primary: SafetyProfile, locale: Locale): string {
	return primary.n !== undefined
		? m.chart2_safety_tip_in_n({ version: primary.version, n: formatNumber(primary.n, locale) })
		: primary.version;
}

/** What a screen reader hears on a reaction's mark. */
export function safetyRowLabel(content: SafetyContent, r: SafetyRow, locale: Locale): string {
	const { pct, primary, shortOf } = content;
	return [
		`${r.term} (${categoryLabel(r.category)}): ${pct(r.value, primary)}`,
		primaryBasis(primary, locale),
		m.chart_tip_source({
			source: shortOf(r.reaction.provenance.sourceId),
			locator: r.reaction.provenance.locator
		})
	].join('. ');
}

/** What a screen reader hears on another label's figure. */
export function safetyComparedLabel(content: SafetyContent, c: ComparedMark): string {
	const { pct, primary, shortOf } = content;
	return [
		`${c.reaction.term} (${categoryLabel(c.reaction.category)}): ${pct(c.value, c.profile)}`,
		c.profile.version,
		m.chart2_safety_tip_vs({ value: pct(c.row.value, primary), version: primary.version }),
		m.chart_tip_source({
			source: shortOf(c.reaction.provenance.sourceId),
			locator: c.reaction.provenance.locator
		})
	].join('. ');
}

/** The data attributes of a reaction's mark. */
export function safetyRowAttrs(primary: SafetyProfile) {
	return (d: SafetyRow) => ({
		'data-reaction-id': d.reaction.id,
		'data-profile-id': primary.id,
		'data-value': d.value,
		'data-category': d.category,
		'data-series': 'primary'
	});
}

/** The data attributes of another label's figure. */
export function safetyComparedAttrs(d: ComparedMark) {
	return {
		'data-reaction-id': d.reaction.id,
		'data-profile-id': d.profile.id,
		'data-value': d.value,
		'data-series': 'comparison'
	};
}

/** The span a row's figures cover, for the line joining them; none without comparisons. */
export function safetyChange(r: SafetyRow): { low: number; high: number } | undefined {
	if (!r.others.length) return undefined;
	const values = [r.value, ...r.others.map((o) => o.value)];
	return { low: Math.min(...values), high: Math.max(...values) };
}
