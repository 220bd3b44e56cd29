/**
 * How a drawn figure reads in the chart's columns, tooltip and accessible name:
 * the value at the precision the source printed (computed figures to one decimal),
 * its interval and where the interval came from.
 */
import { m } from '$lib/paraglide/messages';
import { decimalsOf, formatNumber, formatPercent, type Locale, formatInterval } from '$lib/format';
import type { DisplayInterval } from '$lib/evidence/intervals';

/** A percentage as printed (`digits`: the printed decimals), or to one decimal when computed. */
export function percentText(
	value: number,
	locale: Locale,
	computed = false,
	digits?: number
): string {
	return formatPercent(value, locale, computed ? 1 : digits);
}

/** Decimals of an interval printed with an estimate of `digits` decimals: "0.17–0.70". */
export function rangeDigits(low: number, high: number, digits = 0): number {
	return Math.max(digits, decimalsOf(low), decimalsOf(high));
}

/** "36–50" (printed precision) or "34.3–52.7" (computed, one decimal). */
export function rangeText(
	ci: Pick<DisplayInterval, 'low' | 'high' | 'origin' | 'lowOpen' | 'highOpen'>,
	locale: Locale,
	valueDigits?: number
): string {
	const digits = ci.origin === 'computed' ? 1 : rangeDigits(ci.low ?? 0, ci.high ?? 0, valueDigits);
	// An open limit reads as the source printed it: "4.4–NE".
	const limit = (value: number | null, open: DisplayInterval['lowOpen']) =>
		value === null ? (open?.printed ?? '–') : formatNumber(value, locale, digits);
	return `${limit(ci.low, ci.lowOpen)}–${limit(ci.high, ci.highOpen)}`;
}

/** "43% (36–50)" or "80%" when there is no interval; "~" for approximate figures. */
export function estimateText(
	value: number,
	ci: DisplayInterval | undefined,
	locale: Locale,
	opts: { approximate?: boolean; computed?: boolean; digits?: number } = {}
): string {
	const v = `${opts.approximate ? '~' : ''}${percentText(value, locale, opts.computed, opts.digits)}`;
	return ci ? `${v} (${rangeText(ci, locale, opts.digits)})` : v;
}

/** "printed", "computed" or "no CI". */
export function ciNote(ci: DisplayInterval | undefined): string {
	return ci
		? ci.origin === 'computed'
			? m.chart_ci_computed()
			: m.chart_ci_printed()
		: m.chart_ci_none();
}

/** The interval in words with its origin and method, for tooltips and accessible names. */
export function ciSentence(
	ci: DisplayInterval | undefined,
	locale: Locale,
	counts: { events?: number; total?: number } = {}
): string {
	if (!ci) return m.chart_tip_no_ci();
	const round = (x: number | null) =>
		x === null ? null : Number(x.toFixed(ci.origin === 'computed' ? 1 : 3));
	const text = formatInterval(
		{
			low: round(ci.low),
			high: round(ci.high),
			lowOpen: ci.lowOpen,
			highOpen: ci.highOpen,
			level: ci.level
		},
		'percent',
		locale
	);
	return ci.origin === 'computed'
		? m.chart_tip_ci_computed({
				ci: text,
				events: String(counts.events ?? ''),
				total: String(counts.total ?? ''),
				method: ci.method
			})
		: m.chart_tip_ci_printed({ ci: text, method: ci.method });
}
