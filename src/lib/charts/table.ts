/** The "data as table" view of a chart: the tidy rows with translated column headers. */
import { m } from '$lib/paraglide/messages';
import { formatNumber, type Locale } from '$lib/format';
import { tidyColumnsOf, type TidyRow } from './spec';

const headers: Record<keyof TidyRow, () => string> = {
	study: m.chart_col_study,
	indication: m.chart_col_indication,
	arm: m.chart_col_arm,
	endpoint: m.chart_col_endpoint,
	timepoint: m.chart_col_timepoint,
	value: m.chart_col_value,
	unit: m.chart_col_unit,
	events: m.chart_col_events,
	total: m.chart_col_total,
	ciLow: m.chart_col_ci_low,
	ciHigh: m.chart_col_ci_high,
	ciLevel: m.chart_col_ci_level,
	ciMethod: m.chart_col_ci_method,
	basis: m.chart_col_basis,
	source: m.chart_col_source,
	locator: m.chart_col_locator,
	dataCut: m.chart_col_data_cut,
	text: m.chart_col_text,
	quote: m.chart_col_quote
};

export interface TableColumn {
	key: keyof TidyRow;
	header: string;
	numeric: boolean;
}

const NUMERIC: (keyof TidyRow)[] = ['value', 'events', 'total', 'ciLow', 'ciHigh', 'ciLevel'];

/** The columns of the table, in the export order, with headers in the page's language
 * (the optional text and quote columns when a row of `rows` has them). */
export function tableColumns(rows: TidyRow[] = []): TableColumn[] {
	return tidyColumnsOf(rows).map(({ key }) => ({
		key,
		header: headers[key](),
		numeric: NUMERIC.includes(key)
	}));
}

/** A cell as text: numbers in the page's locale at their own precision; empty for none. */
export function tableCell(row: TidyRow, key: keyof TidyRow, locale: Locale): string {
	const value = row[key];
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return formatNumber(value, locale);
	return value;
}
