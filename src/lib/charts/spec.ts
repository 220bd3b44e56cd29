/**
 * What every chart hands to the page and to the exporters: its captions (title,
 * subtitle, footer with sources and dataset version) and the tidy rows it draws.
 * Exports are built from this, never by scraping the DOM for numbers.
 */

export interface ChartSpec {
	/** Stable id, used in file names and SVG group ids: "response-forest". */
	id: string;
	title: string;
	/** Population, endpoint and data cut. */
	subtitle: string;
	/** One sentence for screen readers (aria-description / <desc>). */
	description: string;
	/** Short citations of every source drawn, for the footer. */
	sources: string[];
	/** "Brandname (inn)" — for file names and slide titles. */
	medicine: string;
	datasetVersion: string;
	/** ISO date the dataset was compiled. */
	datasetReleased: string;
}

/** One drawn figure, tidy: the columns HTA analysts asked for, in their order. */
export interface TidyRow {
	study: string;
	indication: string;
	arm: string;
	endpoint: string;
	timepoint: string;
	value: number | null;
	unit: string;
	events: number | null;
	total: number | null;
	ciLow: number | null;
	ciHigh: number | null;
	ciLevel: number | null;
	ciMethod: string;
	/** reported | computed | derived */
	basis: string;
	source: string;
	locator: string;
	dataCut: string;
	/**
	 * Optional (tables drawn as figures): what a cell says when it is words, not a number
	 * ("first salvage; adults"), or the arithmetic behind a derived figure.
	 */
	text?: string;
	/** Optional: the source's words, verbatim, for a row drawn from a stored text. */
	quote?: string;
}

export const TIDY_COLUMNS: { key: keyof TidyRow; header: string }[] = [
	{ key: 'study', header: 'study' },
	{ key: 'indication', header: 'indication' },
	{ key: 'arm', header: 'arm' },
	{ key: 'endpoint', header: 'endpoint' },
	{ key: 'timepoint', header: 'timepoint' },
	{ key: 'value', header: 'value' },
	{ key: 'unit', header: 'unit' },
	{ key: 'events', header: 'events' },
	{ key: 'total', header: 'total' },
	{ key: 'ciLow', header: 'ci_low' },
	{ key: 'ciHigh', header: 'ci_high' },
	{ key: 'ciLevel', header: 'ci_level' },
	{ key: 'ciMethod', header: 'ci_method' },
	{ key: 'basis', header: 'basis' },
	{ key: 'source', header: 'source' },
	{ key: 'locator', header: 'locator' },
	{ key: 'dataCut', header: 'data_cut' }
];

/**
 * Columns only some charts fill (tables drawn as figures): written after the tidy columns, and
 * only when a row has them, so every other chart's export keeps exactly `TIDY_COLUMNS`.
 */
export const OPTIONAL_TIDY_COLUMNS: { key: 'text' | 'quote'; header: string }[] = [
	{ key: 'text', header: 'text' },
	{ key: 'quote', header: 'quote' }
];

/** The columns of an export of `rows`: the tidy columns, then the optional ones any row fills. */
export function tidyColumnsOf(rows: TidyRow[]): { key: keyof TidyRow; header: string }[] {
	return [...TIDY_COLUMNS, ...OPTIONAL_TIDY_COLUMNS.filter(({ key }) => rows.some((r) => r[key]))];
}
