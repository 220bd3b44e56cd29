/**
 * Integrity rules of the version-2 model that the schema cannot express: facets and the
 * indications' values for them, medicines and treatments, open-ended intervals, and survival
 * curves. Each check appends issues with their paths; `checkIntegrity` calls them in turn.
 */
import type { ValidationIssue as Issue } from './issues';
import type { Ci, Dataset, PatientData, Result, Study, SurvivalCurve } from './schema';

/**
 * Every indication gives a known value for every facet, and the evidence map puts a facet on
 * one axis only. (Unique facet ids and the map's references are in integrity-references.ts.)
 */
export function checkFacets(dataset: Dataset, issues: Issue[]): void {
	const facets = new Map(dataset.facets.map((f) => [f.id, f]));
	dataset.indications.forEach((indication, i) => {
		const path = `indications[${i}].population.facets`;
		const given = indication.population.facets;
		for (const facet of dataset.facets)
			if (!(facet.id in given))
				issues.push({ path, message: `no value for facet "${facet.id}"`, kind: 'missing' });
		for (const [facetId, values] of Object.entries(given)) {
			const facet = facets.get(facetId);
			if (!facet) {
				issues.push({
					path: `${path}.${facetId}`,
					message: `unknown facet "${facetId}"`,
					kind: 'reference'
				});
				continue;
			}
			if (!facet.multiple && values.length > 1)
				issues.push({
					path: `${path}.${facetId}`,
					message: `facet "${facetId}" takes one value, got ${values.length}`,
					kind: 'value'
				});
			const known = new Set(facet.values.map((v) => v.id));
			values.forEach((value, k) => {
				if (!known.has(value))
					issues.push({
						path: `${path}.${facetId}[${k}]`,
						message: `unknown value "${value}" of facet "${facetId}"`,
						kind: 'reference'
					});
			});
		}
	});
	const layout = dataset.evidenceMap;
	layout?.columns.forEach((id, c) => {
		if (id === layout.rows && facets.has(id))
			issues.push({
				path: `evidenceMap.columns[${c}]`,
				message: `facet "${id}" is already on the rows`,
				kind: 'value'
			});
	});
}

/**
 * A medicine or combination treatment names its medicines, and with several medicines each
 * safety profile and regimen says which one it is about. (Unique ids and the references to
 * medicines and treatments are in integrity-references.ts.)
 */
export function checkTreatments(dataset: Dataset, issues: Issue[]): void {
	dataset.treatments.forEach((treatment, t) => {
		if (
			(treatment.kind === 'medicine' || treatment.kind === 'combination') &&
			treatment.medicineIds.length === 0
		)
			issues.push({
				path: `treatments[${t}].medicineIds`,
				message: `a ${treatment.kind} treatment must name its medicine(s)`,
				kind: 'missing'
			});
	});
	if (dataset.medicines.length < 2) return;
	const owned = [
		['safety', dataset.safety],
		['dosing', dataset.dosing]
	] as const;
	for (const [key, items] of owned)
		items.forEach((item, i) => {
			if (item.medicineId === undefined)
				issues.push({
					path: `${key}[${i}].medicineId`,
					message: 'the dataset holds several medicines: say which one this is about',
					kind: 'missing'
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
				message: `CI ${side} limit is empty: say why (not estimable or not reached) and how it was printed`,
				kind: 'interval'
			});
		if (ci[side] !== null && open)
			issues.push({
				path: `${path}.${side}Open`,
				message: `CI ${side} limit has a number and an open reason; keep one`,
				kind: 'interval'
			});
	}
	const { low, high } = ci;
	if (low !== null && high !== null && low > high)
		issues.push({ path, message: `CI low (${low}) is above high (${high})`, kind: 'interval' });
	else if (
		value !== undefined &&
		((low !== null && value < low) || (high !== null && value > high))
	)
		issues.push({
			path,
			message: `CI ${low ?? '–'}–${high ?? '–'} does not contain the estimate ${value}`,
			kind: 'interval'
		});
}

/** A median "not reached" has no number; a number is not also "not reached". */
export function checkOpenValue(result: Result, path: string, issues: Issue[]) {
	if (result.valueOpen && result.value !== undefined)
		issues.push({
			path: `${path}.valueOpen`,
			message: 'the estimate has a number and an open reason; keep one',
			kind: 'value'
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
	if (!arm)
		issues.push({
			path: `${path}.armId`,
			message: `unknown arm "${curve.armId}"`,
			kind: 'reference'
		});
	const scale = curve.yScale === 'percent' ? 100 : 1;
	const survival = curve.points.map((p) => p.survival / scale);
	curve.points.forEach((point, k) => {
		if (k > 0 && point.time < curve.points[k - 1].time)
			issues.push({
				path: `${path}.points[${k}].time`,
				message: `times must ascend: ${point.time} comes after ${curve.points[k - 1].time}`,
				kind: 'value'
			});
		if (!atMostOne([survival[k]]))
			issues.push({
				path: `${path}.points[${k}].survival`,
				message: `survival ${point.survival} is outside [0, ${scale}]`,
				kind: 'value'
			});
		if (k > 0 && survival[k] > survival[k - 1] + 1e-12)
			issues.push({
				path: `${path}.points[${k}].survival`,
				message: `survival must not increase: ${point.survival} after ${curve.points[k - 1].survival}`,
				kind: 'value'
			});
	});
	const atRisk = curve.atRisk ?? [];
	atRisk.forEach((row, k) => {
		if (k === 0) return;
		const before = atRisk[k - 1];
		if (row.time <= before.time)
			issues.push({
				path: `${path}.atRisk[${k}].time`,
				message: `times must ascend: ${row.time} comes after ${before.time}`,
				kind: 'value'
			});
		if (row.n > before.n)
			issues.push({
				path: `${path}.atRisk[${k}].n`,
				message: `numbers at risk must not increase: ${row.n} after ${before.n}`,
				kind: 'value'
			});
	});
	if (arm?.n !== undefined && atRisk.length && atRisk[0].n !== arm.n && !explained.has(resultId))
		issues.push({
			path: `${path}.atRisk[0].n`,
			message: `the first number at risk (${atRisk[0].n}) differs from the arm's n (${arm.n}); record a discrepancy that explains it`,
			kind: 'value'
		});
	if (curve.totalEvents !== undefined && arm?.n !== undefined && curve.totalEvents > arm.n)
		issues.push({
			path: `${path}.totalEvents`,
			message: `total events (${curve.totalEvents}) exceed the arm's n (${arm.n})`,
			kind: 'arithmetic'
		});
}

/** Patient data: one event flag per time, and the arm exists. */
export function checkPatientData(data: PatientData, path: string, study: Study, issues: Issue[]) {
	if (!study.arms.some((a) => a.id === data.armId))
		issues.push({
			path: `${path}.armId`,
			message: `unknown arm "${data.armId}"`,
			kind: 'reference'
		});
	if (data.time.length !== data.event.length)
		issues.push({
			path: `${path}.event`,
			message: `${data.event.length} event flags for ${data.time.length} times; give one per patient`,
			kind: 'value'
		});
	if (data.time.length === 0)
		issues.push({
			path: `${path}.time`,
			message: 'patient data needs at least one patient',
			kind: 'missing'
		});
}

/** Every curve and patient-data set of a result, and that they sit on an arm-level figure. */
export function checkSurvivalData(
	result: Result,
	path: string,
	study: Study,
	explained: Set<string>,
	issues: Issue[]
) {
	// One curve and one patient-data set per arm: the CSV attaches a second one to the first.
	const secondPerArm = (list: 'curves' | 'patientData', noun: string) => {
		const arms = new Set<string>();
		result[list]?.forEach(({ armId }, k) => {
			if (arms.has(armId))
				issues.push({
					path: `${path}.${list}[${k}].armId`,
					message: `a second ${noun} for arm "${armId}"; keep one per arm`,
					kind: 'value'
				});
			arms.add(armId);
		});
	};
	secondPerArm('curves', 'curve');
	secondPerArm('patientData', 'patient-data set');
	result.curves?.forEach((curve, c) =>
		checkCurve(curve, `${path}.curves[${c}]`, study, explained, result.id, issues)
	);
	result.patientData?.forEach((data, k) =>
		checkPatientData(data, `${path}.patientData[${k}]`, study, issues)
	);
}
