/**
 * Integrity rules of the version-2 model that the schema cannot express: facets and the
 * indications' values for them, medicines and treatments, open-ended intervals, and survival
 * curves. Each check appends issues with their paths; `checkIntegrity` calls them in turn.
 */
import type { Ci, Dataset, PatientData, Result, Study, SurvivalCurve } from './schema';

export interface Issue {
	path: string;
	message: string;
}

function duplicates(ids: string[], path: string, issues: Issue[]) {
	const seen = new Set<string>();
	ids.forEach((id, i) => {
		if (seen.has(id)) issues.push({ path: `${path}[${i}].id`, message: `duplicate id "${id}"` });
		seen.add(id);
	});
}

/** Facet ids and value ids are unique; every indication gives a known value for every facet. */
export function checkFacets(dataset: Dataset, issues: Issue[]): void {
	duplicates(
		dataset.facets.map((f) => f.id),
		'facets',
		issues
	);
	dataset.facets.forEach((facet, f) =>
		duplicates(
			facet.values.map((v) => v.id),
			`facets[${f}].values`,
			issues
		)
	);
	const facets = new Map(dataset.facets.map((f) => [f.id, f]));
	dataset.indications.forEach((indication, i) => {
		const path = `indications[${i}].population.facets`;
		const given = indication.population.facets;
		for (const facet of dataset.facets)
			if (!(facet.id in given)) issues.push({ path, message: `no value for facet "${facet.id}"` });
		for (const [facetId, values] of Object.entries(given)) {
			const facet = facets.get(facetId);
			if (!facet) {
				issues.push({ path: `${path}.${facetId}`, message: `unknown facet "${facetId}"` });
				continue;
			}
			if (!facet.multiple && values.length > 1)
				issues.push({
					path: `${path}.${facetId}`,
					message: `facet "${facetId}" takes one value, got ${values.length}`
				});
			const known = new Set(facet.values.map((v) => v.id));
			values.forEach((value, k) => {
				if (!known.has(value))
					issues.push({
						path: `${path}.${facetId}[${k}]`,
						message: `unknown value "${value}" of facet "${facetId}"`
					});
			});
		}
	});
	const layout = dataset.evidenceMap;
	if (layout) {
		if (!facets.has(layout.rows))
			issues.push({ path: 'evidenceMap.rows', message: `unknown facet "${layout.rows}"` });
		layout.columns.forEach((id, c) => {
			if (!facets.has(id))
				issues.push({ path: `evidenceMap.columns[${c}]`, message: `unknown facet "${id}"` });
			else if (id === layout.rows)
				issues.push({
					path: `evidenceMap.columns[${c}]`,
					message: `facet "${id}" is already on the rows`
				});
		});
	}
}

/** Medicine and treatment ids are unique and every reference to them resolves. */
export function checkTreatments(dataset: Dataset, issues: Issue[]): void {
	duplicates(
		dataset.medicines.map((m) => m.id),
		'medicines',
		issues
	);
	duplicates(
		dataset.treatments.map((t) => t.id),
		'treatments',
		issues
	);
	const medicineIds = new Set(dataset.medicines.map((m) => m.id));
	const sourceIds = new Set(dataset.sources.map((s) => s.id));
	const unknownMedicine = (ref: string | undefined, path: string) => {
		if (ref !== undefined && !medicineIds.has(ref))
			issues.push({ path, message: `unknown medicine "${ref}"` });
	};
	dataset.medicines.forEach((medicine, m) => {
		if (medicine.regulatorySourceId && !sourceIds.has(medicine.regulatorySourceId))
			issues.push({
				path: `medicines[${m}].regulatorySourceId`,
				message: `unknown source "${medicine.regulatorySourceId}"`
			});
	});
	dataset.treatments.forEach((treatment, t) => {
		treatment.medicineIds.forEach((ref, k) =>
			unknownMedicine(ref, `treatments[${t}].medicineIds[${k}]`)
		);
		if (
			(treatment.kind === 'medicine' || treatment.kind === 'combination') &&
			treatment.medicineIds.length === 0
		)
			issues.push({
				path: `treatments[${t}].medicineIds`,
				message: `a ${treatment.kind} treatment must name its medicine(s)`
			});
	});
	const treatmentIds = new Set(dataset.treatments.map((t) => t.id));
	dataset.studies.forEach((study, s) =>
		study.arms.forEach((arm, a) => {
			if (!treatmentIds.has(arm.treatmentId))
				issues.push({
					path: `studies[${s}].arms[${a}].treatmentId`,
					message: `unknown treatment "${arm.treatmentId}"`
				});
		})
	);
	// With several medicines, what belongs to which must be said.
	const several = dataset.medicines.length > 1;
	const owned = [
		['safety', dataset.safety],
		['timeline', dataset.timeline],
		['dosing', dataset.dosing]
	] as const;
	for (const [key, items] of owned)
		items.forEach((item, i) => {
			unknownMedicine(item.medicineId, `${key}[${i}].medicineId`);
			if (several && key !== 'timeline' && item.medicineId === undefined)
				issues.push({
					path: `${key}[${i}].medicineId`,
					message: 'the dataset holds several medicines: say which one this is about'
				});
		});
}

/**
 * An interval with an open limit: a null limit needs the printed reason, a number must not
 * have one; a finite interval is ordered and contains the estimate.
 */
export function checkInterval(ci: Ci, value: number | undefined, path: string, issues: Issue[]) {
	for (const side of ['low', 'high'] as const) {
		const open = side === 'low' ? ci.lowOpen : ci.highOpen;
		if (ci[side] === null && !open)
			issues.push({
				path: `${path}.${side}Open`,
				message: `CI ${side} limit is empty: say why (not estimable or not reached) and how it was printed`
			});
		if (ci[side] !== null && open)
			issues.push({
				path: `${path}.${side}Open`,
				message: `CI ${side} limit has a number and an open reason; keep one`
			});
	}
	const { low, high } = ci;
	if (low !== null && high !== null && low > high)
		issues.push({ path, message: `CI low (${low}) is above high (${high})` });
	else if (
		value !== undefined &&
		((low !== null && value < low) || (high !== null && value > high))
	)
		issues.push({
			path,
			message: `CI ${low ?? '–'}–${high ?? '–'} does not contain the estimate ${value}`
		});
}

/** A median "not reached" has no number; a number is not also "not reached". */
export function checkOpenValue(result: Result, path: string, issues: Issue[]) {
	if (result.valueOpen && result.value !== undefined)
		issues.push({
			path: `${path}.valueOpen`,
			message: 'the estimate has a number and an open reason; keep one'
		});
}

const atMostOne = (values: number[]) => values.every((s) => s >= 0 && s <= 1);

/**
 * Published Kaplan–Meier points and their risk table: times ascend, survival never rises and
 * stays within [0, 1] (or [0, 100] in percent), numbers at risk never rise, and the first count
 * equals the arm's n unless a recorded discrepancy explains why not.
 */
export function checkCurve(
	curve: SurvivalCurve,
	path: string,
	study: Study,
	explained: Set<string>,
	resultId: string,
	issues: Issue[]
) {
	const arm = study.arms.find((a) => a.id === curve.armId);
	if (!arm) issues.push({ path: `${path}.armId`, message: `unknown arm "${curve.armId}"` });
	const scale = curve.yScale === 'percent' ? 100 : 1;
	const survival = curve.points.map((p) => p.survival / scale);
	curve.points.forEach((point, k) => {
		if (k > 0 && point.time < curve.points[k - 1].time)
			issues.push({
				path: `${path}.points[${k}].time`,
				message: `times must ascend: ${point.time} comes after ${curve.points[k - 1].time}`
			});
		if (!atMostOne([survival[k]]))
			issues.push({
				path: `${path}.points[${k}].survival`,
				message: `survival ${point.survival} is outside [0, ${scale}]`
			});
		if (k > 0 && survival[k] > survival[k - 1] + 1e-12)
			issues.push({
				path: `${path}.points[${k}].survival`,
				message: `survival must not increase: ${point.survival} after ${curve.points[k - 1].survival}`
			});
	});
	const atRisk = curve.atRisk ?? [];
	atRisk.forEach((row, k) => {
		if (k === 0) return;
		const before = atRisk[k - 1];
		if (row.time <= before.time)
			issues.push({
				path: `${path}.atRisk[${k}].time`,
				message: `times must ascend: ${row.time} comes after ${before.time}`
			});
		if (row.n > before.n)
			issues.push({
				path: `${path}.atRisk[${k}].n`,
				message: `numbers at risk must not increase: ${row.n} after ${before.n}`
			});
	});
	if (arm?.n !== undefined && atRisk.length && atRisk[0].n !== arm.n && !explained.has(resultId))
		issues.push({
			path: `${path}.atRisk[0].n`,
			message: `the first number at risk (${atRisk[0].n}) differs from the arm's n (${arm.n}); record a discrepancy that explains it`
		});
	if (curve.totalEvents !== undefined && arm?.n !== undefined && curve.totalEvents > arm.n)
		issues.push({
			path: `${path}.totalEvents`,
			message: `total events (${curve.totalEvents}) exceed the arm's n (${arm.n})`
		});
}

/** Patient data: one event flag per time, and the arm exists. */
export function checkPatientData(data: PatientData, path: string, study: Study, issues: Issue[]) {
	if (!study.arms.some((a) => a.id === data.armId))
		issues.push({ path: `${path}.armId`, message: `unknown arm "${data.armId}"` });
	if (data.time.length !== data.event.length)
		issues.push({
			path: `${path}.event`,
			message: `${data.event.length} event flags for ${data.time.length} times; give one per patient`
		});
	if (data.time.length === 0)
		issues.push({ path: `${path}.time`, message: 'patient data needs at least one patient' });
}

/** Every curve and patient-data set of a result, and that they sit on an arm-level figure. */
export function checkSurvivalData(
	result: Result,
	path: string,
	study: Study,
	explained: Set<string>,
	issues: Issue[]
) {
	const curveArms = new Set<string>();
	result.curves?.forEach((curve, c) => {
		if (curveArms.has(curve.armId))
			issues.push({
				path: `${path}.curves[${c}].armId`,
				message: `a second curve for arm "${curve.armId}"; keep one per arm`
			});
		curveArms.add(curve.armId);
		checkCurve(curve, `${path}.curves[${c}]`, study, explained, result.id, issues);
	});
	result.patientData?.forEach((data, k) =>
		checkPatientData(data, `${path}.patientData[${k}]`, study, issues)
	);
}
