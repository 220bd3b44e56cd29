/**
 * Locale-aware formatting of the numbers and dates the dashboard shows.
 * Dutch writes "35,6 %" and "18 juni 2018"; English "35.6%" and "18 June 2018".
 */
import { m } from '$lib/paraglide/messages';
import type { Ci, Result, Source } from '$lib/evidence/schema';

export type Locale = 'en' | 'nl' | (string & {});

/** European conventions for English: "18 June 2018". */
function intlLocale(locale: Locale): string {
	return locale === 'en' ? 'en-GB' : locale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
	const key = `${locale}|${digits}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		numberFormats.set(key, format);
	}
	return format;
}

/** Decimal places a figure was printed with, so "35.6" stays "35.6" and "43" stays "43". */
export function decimalsOf(value: number): number {
	if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
	const text = String(value);
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : Math.min(text.length - dot - 1, 3);
}

/** Formatted numbers by locale and digits: charts format the same few values thousands of times. */
const formatted = new Map<string, Map<number, string>[]>();
const FORMATTED_MAX = 20_000;

export function formatNumber(value: number, locale: Locale, digits = decimalsOf(value)): string {
	let byDigits = formatted.get(locale);
	if (!byDigits) formatted.set(locale, (byDigits = []));
	const memo = (byDigits[digits] ??= new Map());
	let text = memo.get(value);
	if (text === undefined) {
		text = numberFormat(locale, digits).format(value).replace('-', '−');
		if (memo.size >= FORMATTED_MAX) memo.clear();
		memo.set(value, text);
	}
	return text;
}

/** A percentage already on the 0–100 scale. */
export function formatPercent(value: number, locale: Locale, digits = decimalsOf(value)): string {
	const number = formatNumber(value, locale, digits);
	return locale.startsWith('nl') ? `${number} %` : `${number}%`;
}

/** "36–50%" or "36–50 %": an interval with its unit once. */
export function formatPercentRange(
	low: number,
	high: number,
	locale: Locale,
	digits = Math.max(decimalsOf(low), decimalsOf(high))
): string {
	const range = `${formatNumber(low, locale, digits)}–${formatNumber(high, locale, digits)}`;
	return locale.startsWith('nl') ? `${range} %` : `${range}%`;
}

const monthNames = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO date at the precision it has: 2017, 2025-01 or 2018-06-18. */
export function formatIsoDate(iso: string, locale: Locale): string {
	const [year, month, day] = iso.split('-').map(Number);
	if (!month) return String(year);
	const key = `${locale}|${day ? 'day' : 'month'}`;
	let format = monthNames.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(
			intlLocale(locale),
			day
				? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
				: { month: 'long', year: 'numeric', timeZone: 'UTC' }
		);
		monthNames.set(key, format);
	}
	return format.format(new Date(Date.UTC(year, month - 1, day || 1)));
}

// Figures as the dashboard prints them (value, interval, source).
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
