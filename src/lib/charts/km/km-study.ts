/**
 * From a study's survival results to the Kaplan–Meier chart's generic input. A result that
 * carries published curves with numbers at risk is reconstructed (Guyot) and drawn from the
 * reconstruction, with the published points for the overlay; a result with patient data only
 * is drawn from that data directly. The hazard ratio is the one the source printed when the
 * endpoint has one, else a Cox model on the (reconstructed) data; the RMST difference is
 * always computed here and labelled exploratory. Nothing is drawn that the dataset lacks.
 */
import {
	coxPH,
	kaplanMeier,
	reconstructIPD,
	rmstDifference,
	type CurvePoint,
	type ReconstructedData
} from '$lib/stats';
import type {
	Dataset,
	Endpoint,
	Result,
	Study,
	SurvivalCurve,
	PatientData
} from '$lib/evidence/schema';
import { m } from '$lib/paraglide/messages';
import type { IpdCsvArm } from './ipd-csv';
import type { KmArmInput, KmEffectInput } from './km-model';

import type { StudyKmEndpoint } from './km-endpoints';
export { studyKmEndpoints, type StudyKmEndpoint } from './km-endpoints';

export interface StudyKmInput {
	arms: KmArmInput[];
	effects: KmEffectInput[];
	/** Axis ticks: the times of the printed risk table, when there is one. */
	ticks: number[] | undefined;
	/** Reconstructed patient data per arm, for the CSV download; empty without a reconstruction. */
	ipd: IpdCsvArm[];
	sources: string[];
	/** Data cut of the result, as the dataset names it. */
	dataCut: string | null;
	/** The effects computed here rest on a reconstruction (or patient data): exploratory. */
	exploratory: boolean;
}

function curvePoints(curve: SurvivalCurve): CurvePoint[] {
	const scale = curve.yScale === 'percent' ? 100 : 1;
	return curve.points.map((p) => ({ time: p.time, survival: p.survival / scale }));
}

function shortCitation(dataset: Dataset, sourceId: string, locator?: string): string {
	const source = dataset.sources.find((s) => s.id === sourceId);
	const name = source?.shortCitation ?? sourceId;
	return locator ? `${name}, ${locator}` : name;
}

/** A hazard ratio printed by the source for this endpoint, experimental vs comparator. */
function printedHazardRatio(endpoint: Endpoint, result: Result): Result | undefined {
	const isPrinted = (r: Result) =>
		r.unit === 'ratio' && r.basis === 'reported' && r.value !== undefined && !!r.comparison;
	if (isPrinted(result)) return result;
	return endpoint.kind === 'hazard-ratio' ? endpoint.results.find(isPrinted) : undefined;
}

/**
 * The chart input of one result. Arms are in the study's order; the comparator first in the
 * comparison (group 0) and the experimental arm second (group 1), as the printed HR reads.
 *
 * @throws {Error} naming the result and arm when a reconstruction fails (bad points or at-risk table).
 */
export function studyKmInput(
	dataset: Dataset,
	study: Study,
	{ endpoint, result }: StudyKmEndpoint
): StudyKmInput {
	const where = `studies[${study.id}].results[${result.id}]`;
	const curves = (result.curves ?? []).filter((c) => c.atRisk && c.atRisk.length > 0);
	const patients = result.patientData ?? [];
	const reconstructed = curves.length > 0;
	const sources = new Set<string>();
	const ipd: IpdCsvArm[] = [];
	const data = new Map<string, ReconstructedData>();

	const arms: KmArmInput[] = study.arms.flatMap((arm): KmArmInput[] => {
		if (reconstructed) {
			const curve = curves.find((c) => c.armId === arm.id);
			if (!curve) return [];
			const points = curvePoints(curve);
			let reconstruction: ReconstructedData;
			try {
				reconstruction = reconstructIPD({
					points,
					atRisk: curve.atRisk!,
					totalEvents: curve.totalEvents
				});
			} catch (error) {
				throw new Error(`${where}.curves[${arm.id}]: ${(error as Error).message}`, {
					cause: error
				});
			}
			const source = shortCitation(dataset, curve.provenance.sourceId, curve.provenance.locator);
			sources.add(shortCitation(dataset, curve.provenance.sourceId));
			data.set(arm.id, reconstruction);
			ipd.push({ label: arm.label, timeUnit: curve.timeUnit, ipd: reconstruction, source });
			return [
				{
					id: arm.id,
					label: arm.label,
					timeUnit: curve.timeUnit,
					role: arm.role,
					km: kaplanMeier(reconstruction),
					reconstructed: true,
					riskTable: curve.atRisk!.map((r) => ({ time: r.time, atRisk: r.n })),
					publishedPoints: points
				}
			];
		}
		const own: PatientData | undefined = patients.find((p) => p.armId === arm.id);
		if (!own) return [];
		sources.add(shortCitation(dataset, own.provenance.sourceId));
		data.set(arm.id, { time: own.time, event: own.event });
		return [
			{
				id: arm.id,
				label: arm.label,
				timeUnit: own.timeUnit,
				role: arm.role,
				km: kaplanMeier({ time: own.time, event: own.event })
			}
		];
	});

	const effects: KmEffectInput[] = [];
	const printed = printedHazardRatio(endpoint, result);
	const comparison = printed?.comparison ?? result.comparison;
	const experimental = study.arms.find((a) => a.id === comparison?.experimentalArmId);
	const comparator = study.arms.find((a) => a.id === comparison?.comparatorArmId);
	const expData = experimental && data.get(experimental.id);
	const compData = comparator && data.get(comparator.id);
	const versus = experimental && comparator ? `${experimental.label} vs ${comparator.label}` : '';
	const detail = [reconstructed ? '' : m.km_study_tag_patient_data(), m.km_study_tag_exploratory()]
		.filter(Boolean)
		.join(', ');
	if (printed && printed.value !== undefined) {
		sources.add(shortCitation(dataset, printed.provenance.sourceId));
		effects.push({
			measure: 'hr',
			comparison: versus,
			estimate: printed.value,
			lower: printed.ci?.low ?? null,
			upper: printed.ci?.high ?? null,
			level: printed.ci?.level ?? null,
			basis: 'source',
			source: shortCitation(dataset, printed.provenance.sourceId, printed.provenance.locator)
		});
	}
	if (expData && compData) {
		if (!printed) {
			const cox = coxPH({
				time: [...compData.time, ...expData.time],
				event: [...compData.event, ...expData.event],
				group: [...compData.time.map(() => 0 as const), ...expData.time.map(() => 1 as const)]
			});
			effects.push({
				measure: 'hr',
				comparison: versus,
				estimate: cox.hr,
				lower: cox.lower,
				upper: cox.upper,
				level: 0.95,
				basis: reconstructed ? 'reconstructed' : 'patient-data',
				detail: `Cox, Efron ties, ${detail}`
			});
		}
		// τ: the shorter follow-up of the two arms, so both restricted means are defined.
		const tau = Math.min(Math.max(...expData.time), Math.max(...compData.time));
		const unit = arms[0]?.timeUnit ?? '';
		const difference = rmstDifference(kaplanMeier(expData), kaplanMeier(compData), tau);
		effects.push({
			measure: 'rmst-difference',
			comparison: experimental && comparator ? `${experimental.label} − ${comparator.label}` : '',
			estimate: difference.difference,
			lower: difference.lower,
			upper: difference.upper,
			level: 0.95,
			basis: reconstructed ? 'reconstructed' : 'patient-data',
			detail: `τ = ${Math.round(tau * 100) / 100} ${unit}, ${detail}`
		});
	}

	const ticks = reconstructed ? curves[0].atRisk!.map((r) => r.time) : undefined;
	return {
		arms,
		effects,
		ticks,
		ipd,
		sources: [...sources],
		dataCut: result.provenance.dataCut ?? null,
		exploratory: effects.some((e) => e.basis !== 'source')
	};
}
