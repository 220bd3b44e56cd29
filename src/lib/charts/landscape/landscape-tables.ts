/**
 * The landscape's tables as figures (see table-figure-model.ts): the cross-medicine response
 * and survival overview, the transitivity table, the single-arm trials side by side and the
 * published indirect comparisons. Each gives its spec, its cells and its tidy rows, every row
 * with source, locator and quote. Plain TypeScript, from the dataset only.
 */
import { m } from '$lib/paraglide/messages';
import type { Dataset, IndirectComparison, Provenance, Result, Study } from '$lib/evidence/schema';
import { formatNumber, type Locale } from '$lib/format';
import { datasetStamp } from '../frame';
import type { ChartSpec, TidyRow } from '../spec';
import type { TableFigureContent } from './table-figure-model';

/** One result of the overview: the study, its endpoint and the medicine of its arm. */
export interface LandscapeRow {
	study: Study;
	endpoint: Study['endpoints'][number];
	result: Result;
	arm: string;
	medicine: string;
}

function medicineOf(dataset: Dataset, study: Study, result: Result) {
	const armId = result.armId ?? result.comparison?.experimentalArmId;
	const arm = study.arms.find((a) => a.id === armId);
	const treatment = dataset.treatments.find((t) => t.id === arm?.treatmentId);
	const names = (treatment?.medicineIds ?? [])
		.map((id) => dataset.medicines.find((med) => med.id === id)?.name)
		.filter(Boolean);
	return { arm: arm?.label ?? '', medicine: names.join(', ') || (treatment?.label ?? '') };
}

/** Every result of the given endpoint kinds (and labels), in study order. */
export function landscapeRows(
	dataset: Dataset,
	kinds: string[],
	match?: (label: string) => boolean
): LandscapeRow[] {
	return dataset.studies.flatMap((study) =>
		study.endpoints
			.filter((e) => kinds.includes(e.kind) && (!match || match(e.label)))
			.flatMap((endpoint) =>
				endpoint.results.map((result) => ({
					study,
					endpoint,
					result,
					...medicineOf(dataset, study, result)
				}))
			)
	);
}

/** Response results grouped by their definition: only the same definition sits together. */
export function responseGroups(dataset: Dataset): { definition: string; rows: LandscapeRow[] }[] {
	const groups: { definition: string; rows: LandscapeRow[] }[] = [];
	for (const row of landscapeRows(dataset, ['response'])) {
		const group = groups.find((g) => g.definition === row.endpoint.definition);
		if (group) group.rows.push(row);
		else groups.push({ definition: row.endpoint.definition, rows: [row] });
	}
	return groups;
}

/** Overall survival: medians and hazard ratios. */
export const survivalRows = (dataset: Dataset) =>
	landscapeRows(dataset, ['median-time', 'hazard-ratio'], (l) => /overall survival/i.test(l));

export const populationOf = (dataset: Dataset, study: Study) =>
	study.indicationIds
		.map((id) => dataset.indications.find((i) => i.id === id)?.label ?? id)
		.join('; ');

const citeIn = (dataset: Dataset) => (id: string) =>
	dataset.sources.find((s) => s.id === id)?.shortCitation ?? id;

/** A figure as printed: "80.7 % (88/109)", or the words of an open value. */
export function figureText(result: Result, locale: Locale): string {
	if (result.value === undefined) return result.valueOpen?.printed ?? result.text ?? '';
	const n = formatNumber(result.value, locale);
	const value = result.unit === 'percent' ? `${n} %` : n;
	const counts =
		result.events !== undefined && result.total !== undefined
			? ` (${result.events}/${result.total})`
			: '';
	return `${value}${counts}`;
}

/** "95 % CI 72.1 to 87.7", open limits in the source's words. */
export function ciText(result: Result, locale: Locale): string {
	const ci = result.ci;
	if (!ci) return '';
	const bound = (x: number | null, open?: { printed: string }) =>
		x === null ? (open?.printed ?? '') : formatNumber(x, locale);
	return m.ls_ci({
		level: `${formatNumber(ci.level * 100, locale)} %`,
		low: bound(ci.low, ci.lowOpen),
		high: bound(ci.high, ci.highOpen)
	});
}

/** A result as a tidy row, with its quote. */
function resultTidy(dataset: Dataset, row: LandscapeRow): TidyRow {
	const r = row.result;
	const p = r.provenance;
	return {
		study: row.study.name,
		indication: populationOf(dataset, row.study),
		arm: r.comparison ? row.endpoint.label : row.arm,
		endpoint: row.endpoint.label,
		timepoint: typeof r.timepoint === 'string' ? r.timepoint : (r.timepoint?.label ?? ''),
		value: r.value ?? null,
		unit: r.unit,
		events: r.events ?? null,
		total: r.total ?? null,
		ciLow: r.ci?.low ?? null,
		ciHigh: r.ci?.high ?? null,
		ciLevel: r.ci?.level ?? null,
		ciMethod: r.ci?.method ?? '',
		basis: r.basis,
		source: citeIn(dataset)(p.sourceId),
		locator: p.locator,
		dataCut: [p.dataCut, p.followUp].filter(Boolean).join('; '),
		text: [r.value === undefined ? figureText(r, 'en') : '', r.derivation ?? '']
			.filter(Boolean)
			.join('; '),
		quote: p.quote ?? ''
	};
}

function specOf(
	dataset: Dataset,
	id: string,
	title: string,
	subtitle: string,
	tidy: TidyRow[]
): ChartSpec {
	return {
		id,
		title,
		subtitle,
		description: m.ls_table_description({ rows: String(tidy.length), title }),
		sources: [...new Set(tidy.flatMap((r) => r.source.split('; ')).filter(Boolean))],
		...datasetStamp(dataset)
	};
}

const exploratory = () => [m.ls_exploratory_note()];

/** The overview's results (one definition of response, or overall survival) as a figure. */
export function overviewTable(
	dataset: Dataset,
	rows: LandscapeRow[],
	options: { id: string; title: string; subtitle: string; locale: Locale }
): TableFigureContent {
	const cite = citeIn(dataset);
	const tidy = rows.map((row) => resultTidy(dataset, row));
	return {
		spec: specOf(dataset, options.id, options.title, options.subtitle, tidy),
		tidy,
		notes: exploratory(),
		table: {
			columns: [
				{ key: 'medicine', header: m.ls_col_medicine() },
				{ key: 'study', header: m.ls_col_study() },
				{ key: 'arm', header: m.ls_col_arm() },
				{ key: 'figure', header: m.ls_col_value() },
				{ key: 'set', header: m.ls_col_analysis_set() },
				{ key: 'cut', header: m.ls_col_data_cut() },
				{ key: 'source', header: m.ls_col_source() }
			],
			rows: rows.map((row) => ({
				key: row.result.id,
				cells: {
					medicine: row.medicine,
					study: row.study.name,
					arm: row.result.comparison ? row.endpoint.label : row.arm,
					figure: [figureText(row.result, options.locale), ciText(row.result, options.locale)]
						.filter(Boolean)
						.join('; '),
					set: row.result.analysisSet ?? '',
					cut: [row.result.provenance.dataCut, row.result.provenance.followUp]
						.filter(Boolean)
						.join('; '),
					source: `${cite(row.result.provenance.sourceId)}, ${row.result.provenance.locator}`
				}
			}))
		}
	};
}

/** The transitivity table, one row per dimension and a column per trial; "≠" marks a difference. */
export function transitivityTable(dataset: Dataset, itc: IndirectComparison): TableFigureContent {
	const cite = citeIn(dataset);
	const studyIds = [...new Set(itc.transitivity.flatMap((d) => Object.keys(d.cells)))];
	const name = (id: string) => dataset.studies.find((s) => s.id === id)?.name ?? id;
	const tidy: TidyRow[] = itc.transitivity.flatMap((dim) =>
		studyIds.flatMap((sid) => {
			const cell = dim.cells[sid];
			if (!cell) return [];
			const p: Partial<Provenance> = cell.provenance ?? {};
			return [
				{
					study: name(sid),
					indication: '',
					arm: '',
					endpoint: `${dim.label} (${dim.differs ? m.ls_differs() : m.ls_similar()})`,
					timepoint: '',
					value: null,
					unit: '',
					events: null,
					total: null,
					ciLow: null,
					ciHigh: null,
					ciLevel: null,
					ciMethod: '',
					basis: 'reported',
					source: p.sourceId ? cite(p.sourceId) : '',
					locator: p.locator ?? '',
					dataCut: '',
					text: cell.text,
					quote: p.quote ?? ''
				}
			];
		})
	);
	return {
		spec: specOf(dataset, `transitivity-${itc.id}`, m.ls_transitivity_heading(), itc.title, tidy),
		tidy,
		notes: [
			m.ls_exploratory_note(),
			...itc.transitivity.filter((d) => d.note).map((d) => `${d.label}: ${d.note}`)
		],
		table: {
			columns: [
				{ key: 'dimension', header: m.ls_col_dimension() },
				...studyIds.map((sid) => ({ key: sid, header: name(sid) }))
			],
			rows: itc.transitivity.map((dim) => ({
				key: dim.id,
				cells: {
					dimension: `${dim.label} ${dim.differs ? `≠ ${m.ls_differs()}` : `= ${m.ls_similar()}`}`,
					...Object.fromEntries(
						studyIds.map((sid) => [sid, `${dim.differs ? '≠ ' : ''}${dim.cells[sid]?.text ?? ''}`])
					)
				}
			}))
		}
	};
}

/** The single-arm trials' headline results side by side (no comparison is computed). */
export function singleArmTable(
	dataset: Dataset,
	itc: IndirectComparison,
	locale: Locale
): TableFigureContent | undefined {
	if (!itc.unanchored) return undefined;
	const cite = citeIn(dataset);
	const headline = dataset.studies
		.filter((s) => itc.unanchored!.studyIds.includes(s.id))
		.flatMap((study) =>
			study.endpoints.flatMap((endpoint) =>
				endpoint.results
					.filter((r) => r.headline)
					.map((result) => ({ study, endpoint, result, ...medicineOf(dataset, study, result) }))
			)
		);
	const shown = headline;
	const tidy = shown.map((row) => resultTidy(dataset, row));
	return {
		spec: specOf(
			dataset,
			`single-arm-${itc.id}`,
			m.ls_unanchored_heading(),
			m.ls_single_arm_subtitle({ reason: itc.unanchored.reason }),
			tidy
		),
		tidy,
		notes: exploratory(),
		table: {
			columns: [
				{ key: 'study', header: m.ls_col_study() },
				{ key: 'medicine', header: m.ls_col_medicine() },
				{ key: 'endpoint', header: m.ls_col_effect() },
				{ key: 'figure', header: m.ls_col_value() },
				{ key: 'set', header: m.ls_col_analysis_set() },
				{ key: 'source', header: m.ls_col_source() }
			],
			rows: shown.map((row) => ({
				key: row.result.id,
				cells: {
					study: row.study.name,
					medicine: row.medicine,
					endpoint: row.endpoint.label,
					figure: [figureText(row.result, locale), ciText(row.result, locale)]
						.filter(Boolean)
						.join('; '),
					set: row.result.analysisSet ?? '',
					source: `${cite(row.result.provenance.sourceId)}, ${row.result.provenance.locator}`
				}
			}))
		}
	};
}

/** The published indirect comparisons: method, finding and funding, each with its quote. */
export function publishedTable(dataset: Dataset, itc: IndirectComparison): TableFigureContent {
	const cite = citeIn(dataset);
	const tidy: TidyRow[] = itc.published.map((p) => ({
		study: cite(p.sourceId),
		indication: '',
		arm: '',
		endpoint: itc.effect,
		timepoint: '',
		value: null,
		unit: '',
		events: null,
		total: null,
		ciLow: null,
		ciHigh: null,
		ciLevel: null,
		ciMethod: p.method,
		basis: 'reported',
		source: cite(p.provenance.sourceId),
		locator: p.provenance.locator,
		dataCut: '',
		text: `${p.finding} ${m.ls_col_funding()}: ${p.funding}`,
		quote: p.provenance.quote ?? ''
	}));
	return {
		spec: specOf(dataset, `published-${itc.id}`, m.ls_published_heading(), itc.title, tidy),
		tidy,
		notes: itc.disagreement ? [itc.disagreement] : [],
		table: {
			columns: [
				{ key: 'source', header: m.ls_col_source() },
				{ key: 'method', header: m.ls_col_method() },
				{ key: 'finding', header: m.ls_col_finding() },
				{ key: 'funding', header: m.ls_col_funding() }
			],
			rows: itc.published.map((p) => ({
				key: p.id,
				cells: {
					source: `${cite(p.provenance.sourceId)}, ${p.provenance.locator}`,
					method: p.method,
					finding: p.finding,
					funding: p.funding
				}
			}))
		}
	};
}
