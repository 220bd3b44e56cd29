import { m } from '$lib/paraglide/messages';
import type { Ci, Result, Source } from '$lib/evidence/schema';
import {
	decimalsOf,
	formatIsoDate,
	formatNumber,
	formatPercent,
	formatPercentRange,
	type Locale
} from '$lib/format';

/** Decimal places of the figure as the source printed it ("4.0 months" → 1), else of the value. */
export function printedDecimals(result: Pick<Result, 'value' | 'printed'>): number {
	const match = result.printed?.match(/\d+(?:[.,](\d+))?/);
	if (match) return match[1]?.length ?? 0;
	return result.value === undefined ? 0 : decimalsOf(result.value);
}

/** The value of a result as a reader would say it: "43%", "7.7 months", "HR 0.71". */
export function formatValue(
	result: Pick<Result, 'value' | 'unit' | 'printed'>,
	locale: Locale
): string {
	const { value, unit } = result;
	if (value === undefined) return '';
	const digits = printedDecimals(result);
	switch (unit) {
		case 'percent':
			return formatPercent(value, locale, digits);
		case 'months':
			return m.unit_months(
				{ value: formatNumber(value, locale, digits) },
				{ locale: locale as 'en' }
			);
		case 'percentage-points':
			return m.unit_pp({ value: formatNumber(value, locale, digits) }, { locale: locale as 'en' });
		default:
			return formatNumber(value, locale, digits);
	}
}

/** "95% CI 36–50%" in the unit of the result; computed intervals to one decimal. */
export function formatInterval(
	ci: Pick<Ci, 'low' | 'high' | 'level' | 'lowOpen' | 'highOpen'> & {
		origin?: 'printed' | 'computed';
	},
	unit: Result['unit'],
	locale: Locale
): string {
	const { low, high } = ci;
	const digits =
		ci.origin === 'computed'
			? 1
			: Math.max(low === null ? 0 : decimalsOf(low), high === null ? 0 : decimalsOf(high));
	const level = formatPercent(Math.round(ci.level * 1000) / 10, locale);
	// An open limit is shown as the source printed it ("NE", "not reached"), never as a number.
	const limit = (value: number | null, open: Ci['lowOpen']) =>
		value === null ? (open?.printed ?? '–') : formatNumber(value, locale, digits);
	const range =
		unit === 'percent' && low !== null && high !== null
			? formatPercentRange(low, high, locale, digits)
			: `${limit(low, ci.lowOpen)}–${limit(high, ci.highOpen)}${unit === 'percent' ? ' %' : ''}`;
	return m.figure_ci({ level, range }, { locale: locale as 'en' });
}

/** "computed, Clopper–Pearson 95%": how a computed interval was obtained. */
export function computedIntervalNote(ci: Pick<Ci, 'level' | 'method'>, locale: Locale): string {
	const level = formatPercent(Math.round(ci.level * 1000) / 10, locale);
	return m.figure_ci_computed({ method: ci.method, level }, { locale: locale as 'en' });
}

/** "Topp 2015", "EMA overview EMA/597147/2024, January 2025": the date only when it adds something. */
export function sourceLabel(
	source: Pick<Source, 'shortCitation' | 'date'>,
	locale: Locale
): string {
	if (!source.date) return source.shortCitation;
	const year = source.date.slice(0, 4);
	if (source.date.length === 4 && source.shortCitation.includes(year)) return source.shortCitation;
	return `${source.shortCitation}, ${formatIsoDate(source.date, locale)}`;
}
