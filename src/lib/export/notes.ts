/**
 * Every figure of a chart as one line of text, for speaker notes and screen readers:
 * "Study A, medicine + chemotherapy, overall survival, 3 years: 85%;
 *  95% CI 80–89%, Kaplan–Meier; reported. Source: Author 2024, Figure 2; data cut 2023-06".
 */
import type { TidyRow } from '$lib/charts/spec';
import { formatNumber, formatPercent, formatPercentRange, type Locale } from '$lib/format';
import { m } from '$lib/paraglide/messages';

const isPercent = (unit: string) => unit === 'percent' || unit === '%';

function opts(locale: Locale) {
	return { locale: locale as 'en' };
}

export function formatRowValue(value: number, unit: string, locale: Locale): string {
	if (isPercent(unit)) return formatPercent(value, locale);
	const number = formatNumber(value, locale);
	switch (unit) {
		case 'months':
			return m.export_unit_months({ value: number }, opts(locale));
		case 'percentage-points':
		case 'pp':
			return m.export_unit_pp({ value: number }, opts(locale));
		case '':
		case 'none':
		case 'ratio':
			return number;
		default:
			return `${number} ${unit}`;
	}
}

function formatRange(low: number, high: number, unit: string, locale: Locale): string {
	if (isPercent(unit)) return formatPercentRange(low, high, locale);
	return `${formatNumber(low, locale)}–${formatNumber(high, locale)}`;
}

function basisLabel(basis: string, locale: Locale): string {
	switch (basis) {
		case 'reported':
			return m.export_basis_reported({}, opts(locale));
		case 'computed':
			return m.export_basis_computed({}, opts(locale));
		case 'derived':
			return m.export_basis_derived({}, opts(locale));
		default:
			return basis;
	}
}

/** One figure in words, with its CI, method, basis and source. */
export function figureNote(row: TidyRow, locale: Locale): string {
	const label = [row.study, row.arm, row.endpoint, row.timepoint].filter(Boolean).join(', ');
	let line = label;
	if (row.value !== null) line += `: ${formatRowValue(row.value, row.unit, locale)}`;
	if (row.events !== null && row.total !== null) line += ` (${row.events}/${row.total})`;
	if (row.ciLow !== null && row.ciHigh !== null) {
		const levelValue =
			row.ciLevel === null ? 95 : row.ciLevel <= 1 ? row.ciLevel * 100 : row.ciLevel;
		line += `; ${m.export_note_ci(
			{
				level: formatPercent(Math.round(levelValue * 10) / 10, locale),
				range: formatRange(row.ciLow, row.ciHigh, row.unit, locale),
				method: row.ciMethod || m.export_note_method_unknown({}, opts(locale))
			},
			opts(locale)
		)}`;
	}
	if (row.basis) line += `; ${basisLabel(row.basis, locale)}`;
	const where = [row.source, row.locator].filter(Boolean).join(', ');
	if (where) line += `. ${m.export_note_source({ source: where }, opts(locale))}`;
	if (row.dataCut) line += `; ${m.export_note_data_cut({ cut: row.dataCut }, opts(locale))}`;
	return line;
}

/** The notes of a slide: title, every figure, then sources and dataset version. */
export function slideNotes(
	spec: { title: string; subtitle: string; sources: string[]; datasetVersion: string },
	rows: TidyRow[],
	locale: Locale
): string {
	return [
		spec.title,
		spec.subtitle,
		'',
		...rows.map((row) => `• ${figureNote(row, locale)}`),
		'',
		m.export_footer_sources({ sources: spec.sources.join('; ') }, opts(locale)),
		m.export_footer_dataset({ version: spec.datasetVersion }, opts(locale))
	]
		.filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
		.join('\n');
}
