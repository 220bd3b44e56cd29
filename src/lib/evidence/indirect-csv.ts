/**
 * The inputs and results of a dataset's indirect comparisons as tidy CSV: one row per input
 * effect and one per computed result, each with its provenance or method.
 */
import { serialiseCsv } from './csv';
import { computeAllIndirect } from './indirect';
import type { Dataset } from './schema';

const HEADER = [
	'comparison_id',
	'analysis_id',
	'analysis',
	'role',
	'row',
	'study',
	'result_id',
	'estimate',
	'lower',
	'upper',
	'ci_level',
	'se_log',
	'p_two_sided',
	'method',
	'source',
	'locator',
	'quote',
	'data_cut'
];

const num = (x: number | null | undefined, digits = 6) =>
	x === null || x === undefined ? '' : String(Number(x.toFixed(digits)));

export function indirectComparisonsCsv(dataset: Dataset): string {
	const rows: string[][] = [HEADER];
	const cite = (id: string) => dataset.sources.find((s) => s.id === id)?.shortCitation ?? id;
	for (const itc of dataset.indirectComparisons ?? []) {
		computeAllIndirect(dataset, itc).forEach((analysis, i) => {
			const role = i === 0 ? 'main' : 'sensitivity';
			const { label, id } = analysis.inputs;
			for (const [row, located, se] of [
				['input A vs common comparator', analysis.ab, analysis.result.seAB],
				['input C vs common comparator', analysis.cb, analysis.result.seCB]
			] as const) {
				const r = located.result;
				rows.push([
					itc.id,
					id,
					label,
					role,
					row,
					located.study.name,
					r.id,
					num(r.value),
					num(r.ci?.low),
					num(r.ci?.high),
					num(r.ci?.level),
					num(se),
					'',
					r.basis,
					cite(r.provenance.sourceId),
					r.provenance.locator,
					r.provenance.quote ?? '',
					r.provenance.dataCut ?? ''
				]);
			}
			const res = analysis.result;
			rows.push([
				itc.id,
				id,
				label,
				role,
				'result A vs C (computed)',
				'',
				'',
				num(res.estimate),
				num(res.lower),
				num(res.upper),
				num(res.level),
				num(res.se),
				num(res.p),
				'Bucher 1997, log scale, SE from each input interval at its own level',
				'',
				'',
				'',
				''
			]);
		});
	}
	return serialiseCsv(rows);
}
