/**
 * XLSX of a chart (exceljs, loaded on demand): sheet "Data" with exactly the rows the
 * chart draws (typed numbers, frozen header, autofilter), "Sources" with full citations
 * and identifiers, "About" with the chart's captions, dataset version and export date.
 */
import type { ChartSpec, TidyRow } from '$lib/charts/spec';
import { neutraliseFormula } from '$lib/evidence/neutralise';
import { decimalsOf } from '$lib/format';
import { tidyColumnsOf } from '$lib/charts/spec';
import { rowCells, tableHeaders } from './table';
import type { ExportSource } from './sources';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxOptions {
	sources: ExportSource[];
	/** Shown on the About sheet; the site's disclaimer in the user's language. */
	disclaimer: string;
	/** The page the chart came from. */
	url?: string;
	exportedAt?: Date;
}

/** "0", "0.0", "0.00": the decimals the figure has, so 43 stays 43 and 35.6 stays 35.6. */
export function numberFormatFor(value: number): string {
	const digits = decimalsOf(value);
	return digits ? `0.${'0'.repeat(digits)}` : '0';
}

const text = (value: string | null | undefined): string => neutraliseFormula(value ?? '');

type ExcelModule = typeof import('exceljs');

async function loadExcel(): Promise<ExcelModule> {
	const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
	return mod.default ?? mod;
}

export async function buildWorkbook(spec: ChartSpec, rows: TidyRow[], options: XlsxOptions) {
	const ExcelJS = await loadExcel();
	const book = new ExcelJS.Workbook();
	const exportedAt = options.exportedAt ?? new Date();
	book.creator = 'Trial evidence dashboard';
	book.created = exportedAt;
	book.title = spec.title;
	book.subject = spec.subtitle;
	book.description = `${spec.medicine}; dataset ${spec.datasetVersion}`;

	const data = book.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
	// The tidy columns, then text/quote when the chart fills them (tables drawn as figures).
	const columns = tidyColumnsOf(rows);
	const headers = tableHeaders(rows);
	data.addRow(headers);
	data.getRow(1).font = { bold: true };
	const columnIndex = new Map(headers.map((h, i) => [h, i + 1]));
	for (const row of rows) {
		const cells = rowCells(row, columns).map((cell) =>
			typeof cell === 'string' ? text(cell) : cell
		);
		const added = data.addRow(cells);
		added.eachCell((cell) => {
			if (typeof cell.value === 'number') cell.numFmt = numberFormatFor(cell.value);
		});
		const level = added.getCell(columnIndex.get('ci_level')!);
		if (typeof level.value === 'number' && level.value <= 1) level.numFmt = '0%';
	}
	data.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: Math.max(1, rows.length + 1), column: headers.length }
	};
	headers.forEach((header, i) => {
		const longest = Math.max(
			header.length,
			...rows.map((r) => String(rowCells(r, columns)[i] ?? '').length)
		);
		data.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
	});

	const sources = book.addWorksheet('Sources', { views: [{ state: 'frozen', ySplit: 1 }] });
	sources.addRow(['id', 'short_citation', 'citation', 'date', 'doi', 'pmid', 'url']);
	sources.getRow(1).font = { bold: true };
	for (const s of options.sources) {
		sources.addRow(
			[s.id, s.shortCitation, s.citation, s.date ?? '', s.doi ?? '', s.pmid ?? '', s.url ?? ''].map(
				text
			)
		);
	}
	sources.columns = [
		{ width: 24 },
		{ width: 30 },
		{ width: 80 },
		{ width: 12 },
		{ width: 26 },
		{ width: 12 },
		{ width: 50 }
	];

	const about = book.addWorksheet('About');
	const aboutRows: [string, string][] = [
		['chart', spec.title],
		['subtitle', spec.subtitle],
		['description', spec.description],
		['medicine', spec.medicine],
		['dataset_version', spec.datasetVersion],
		['dataset_released', spec.datasetReleased],
		['exported', exportedAt.toISOString()],
		['rows', String(rows.length)],
		['url', options.url ?? ''],
		['disclaimer', options.disclaimer]
	];
	for (const [key, value] of aboutRows) about.addRow([key, text(value)]);
	about.getColumn(1).font = { bold: true };
	about.getColumn(1).width = 18;
	about.getColumn(2).width = 100;
	about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
	return book;
}

export async function xlsxBytes(
	spec: ChartSpec,
	rows: TidyRow[],
	options: XlsxOptions
): Promise<Uint8Array> {
	const book = await buildWorkbook(spec, rows, options);
	return new Uint8Array(await book.xlsx.writeBuffer());
}
