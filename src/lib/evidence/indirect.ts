/**
 * Anchored indirect comparisons declared by a dataset: their references checked, their inputs
 * read from the dataset's own results and combined with the Bucher method.
 */
import { bucher, type BucherResult, type PrintedEffect } from '../stats/bucher';
import type { Dataset, IndirectComparison, IndirectInputs, Result, Study } from './schema';

/** A problem with its path; the shape of validate.ts's issues (not imported: validate uses this module). */
export interface IndirectIssue {
	path: string;
	message: string;
}

export interface LocatedResult {
	result: Result;
	study: Study;
}

/** Every result of the dataset by id, with the study it belongs to. */
export function resultIndex(dataset: Dataset): Map<string, LocatedResult> {
	const index = new Map<string, LocatedResult>();
	for (const study of dataset.studies)
		for (const endpoint of study.endpoints)
			for (const result of endpoint.results) index.set(result.id, { result, study });
	return index;
}

/** The effect as printed, typed for `bucher`, or the reason it cannot be used. */
export function printedEffect(result: Result): PrintedEffect | string {
	const { value, ci } = result;
	if (value === undefined) return 'it has no estimate';
	if (!ci || ci.low === null || ci.high === null) return 'it has no two-sided interval';
	const scale = result.unit === 'ratio' ? 'log' : 'linear';
	return { estimate: value, lower: ci.low, upper: ci.high, level: ci.level, scale };
}

function comparatorTreatment(located: LocatedResult): string | undefined {
	const armId = located.result.comparison?.comparatorArmId;
	return located.study.arms.find((arm) => arm.id === armId)?.treatmentId;
}

/** Problems with the references of the dataset's indirect comparisons, with their paths
 * (their provenances are checked with every other one, in validate.ts). */
export function checkIndirectComparisons(dataset: Dataset): IndirectIssue[] {
	const issues: IndirectIssue[] = [];
	const results = resultIndex(dataset);
	const studyIds = new Set(dataset.studies.map((s) => s.id));
	const sourceIds = new Set(dataset.sources.map((s) => s.id));
	(dataset.indirectComparisons ?? []).forEach((itc, i) => {
		const base = `indirectComparisons[${i}]`;
		if (!dataset.treatments.some((t) => t.id === itc.anchorTreatmentId))
			issues.push({
				path: `${base}.anchorTreatmentId`,
				message: `unknown treatment "${itc.anchorTreatmentId}"`
			});
		const inputs: [string, IndirectInputs][] = [
			[`${base}.main`, itc.main],
			...itc.sensitivity.map((s, j) => [`${base}.sensitivity[${j}]`, s] as [string, IndirectInputs])
		];
		for (const [path, input] of inputs)
			for (const key of ['abResultId', 'cbResultId'] as const) {
				const located = results.get(input[key]);
				if (!located) {
					issues.push({ path: `${path}.${key}`, message: `unknown result "${input[key]}"` });
					continue;
				}
				if (comparatorTreatment(located) !== itc.anchorTreatmentId)
					issues.push({
						path: `${path}.${key}`,
						message: `"${input[key]}" is not an effect against the common comparator "${itc.anchorTreatmentId}"`
					});
				const effect = printedEffect(located.result);
				if (typeof effect === 'string')
					issues.push({
						path: `${path}.${key}`,
						message: `"${input[key]}" cannot be used: ${effect}`
					});
			}
		itc.transitivity.forEach((dim, d) => {
			for (const studyId of Object.keys(dim.cells))
				if (!studyIds.has(studyId))
					issues.push({
						path: `${base}.transitivity[${d}].cells.${studyId}`,
						message: `unknown study "${studyId}"`
					});
		});
		itc.unanchored?.studyIds.forEach((studyId, j) => {
			if (!studyIds.has(studyId))
				issues.push({
					path: `${base}.unanchored.studyIds[${j}]`,
					message: `unknown study "${studyId}"`
				});
		});
		itc.published.forEach((p, j) => {
			// Its provenance (source, quote) is checked with every other provenance (validate.ts).
			if (!sourceIds.has(p.sourceId))
				issues.push({
					path: `${base}.published[${j}].sourceId`,
					message: `unknown source "${p.sourceId}"`
				});
		});
	});
	return issues;
}

export interface IndirectAnalysis {
	inputs: IndirectInputs;
	ab: LocatedResult;
	cb: LocatedResult;
	result: BucherResult;
}

/** One analysis (main or sensitivity) computed; assumes `checkIndirectComparisons` passed. */
export function computeIndirect(dataset: Dataset, inputs: IndirectInputs): IndirectAnalysis {
	const results = resultIndex(dataset);
	const ab = results.get(inputs.abResultId);
	const cb = results.get(inputs.cbResultId);
	if (!ab || !cb) throw new Error(`unknown result in indirect comparison "${inputs.id}"`);
	const abEffect = printedEffect(ab.result);
	const cbEffect = printedEffect(cb.result);
	if (typeof abEffect === 'string' || typeof cbEffect === 'string')
		throw new Error(`indirect comparison "${inputs.id}" has an input without an interval`);
	return { inputs, ab, cb, result: bucher(abEffect, cbEffect, 0.95) };
}

/** The main analysis first, then the sensitivity analyses. */
export function computeAllIndirect(dataset: Dataset, itc: IndirectComparison): IndirectAnalysis[] {
	return [itc.main, ...itc.sensitivity].map((inputs) => computeIndirect(dataset, inputs));
}
