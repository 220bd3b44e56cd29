import { m } from '$lib/paraglide/messages';
import type { Ci, Result } from '$lib/evidence/schema';
import { formatNumber, formatPercent, formatPercentRange, type Locale } from '$lib/format';

/** The value of a result as a reader would say it: "43%", "7.7 months", "HR 0.71". */
export function formatValue(result: Pick<Result, 'value' | 'unit'>, locale: Locale): string {
	const { value, unit } = result;
	if (value === undefined) return '';
	switch (unit) {
		case 'percent':
			return formatPercent(value, locale);
		case 'months':
			return m.unit_months({ value: formatNumber(value, locale) }, { locale: locale as 'en' });
		case 'percentage-points':
			return m.unit_pp({ value: formatNumber(value, locale) }, { locale: locale as 'en' });
		default:
			return formatNumber(value, locale);
	}
}

/** "95% CI 36–50%" in the unit of the result. */
export function formatInterval(
	ci: Pick<Ci, 'low' | 'high' | 'level'>,
	unit: Result['unit'],
	locale: Locale
): string {
	const level = formatPercent(Math.round(ci.level * 1000) / 10, locale);
	const range =
		unit === 'percent'
			? formatPercentRange(ci.low, ci.high, locale)
			: `${formatNumber(ci.low, locale)}–${formatNumber(ci.high, locale)}`;
	return m.figure_ci({ level, range }, { locale: locale as 'en' });
}
