/**
 * From digitised curves to numbers: per arm, patient data reconstructed from the points and
 * the at-risk table (Guyot et al. 2012), its Kaplan–Meier curve, how far that curve is from
 * the published points (residuals, RMSE, largest error), events and censorings per interval
 * of the at-risk table, the median, and the hazard ratio of each arm against the reference
 * arm. The reconstruction is passed in, so this module does not decide which one is used.
 */
import { coxPH, kaplanMeier, medianSurvival } from '$lib/stats';
import type { CoxResult, KaplanMeierResult, MedianSurvival } from '$lib/stats';
import { armAtRisk, armCurve, type DigitiseProject } from './project';
import type { CurvePoint } from './steps';

export interface ReconstructionInput {
	points: CurvePoint[];
	atRisk: { time: number; n: number }[];
	totalEvents?: number;
}
export type Reconstruct = (input: ReconstructionInput) => { time: number[]; event: (0 | 1)[] };

export interface IntervalCounts {
	from: number;
	/** `null` for the open interval after the last time of the table. */
	to: number | null;
	/** Number at risk as printed at `from`, and as reconstructed. */
	printedAtRisk: number | null;
	atRisk: number;
	events: number;
	censored: number;
}

export interface Residual extends CurvePoint {
	reconstructed: number;
	/** Published minus reconstructed survival. */
	residual: number;
}

export interface ArmAnalysis {
	armId: string;
	name: string;
	ipd: { time: number[]; event: (0 | 1)[] };
	km: KaplanMeierResult;
	/** Corners of the reconstructed curve, for drawing over the figure. */
	steps: CurvePoint[];
	residuals: Residual[];
	fit: { rmse: number; meanAbsolute: number; maxAbsolute: number };
	intervals: IntervalCounts[];
	median: MedianSurvival;
	/** Reconstructed survival at each time of the at-risk table. */
	survivalAt: { time: number; survival: number }[];
	totalEvents: number;
}

export type ArmProblem = {
	armId: string;
	name: string;
	reason: 'no-points' | 'no-at-risk' | 'failed';
	detail?: string;
};

export interface Analysis {
	arms: ArmAnalysis[];
	problems: ArmProblem[];
	/** Each arm against the reference arm (Cox, Efron ties, Wald CI). */
	hazardRatios: { armId: string; referenceId: string; cox: CoxResult }[];
	hazardRatioProblem?: string;
}

/** Survival of a Kaplan–Meier curve at time t (1 before the first time). */
export function kmAt(km: KaplanMeierResult, t: number): number {
	let s = 1;
	for (let i = 0; i < km.time.length && km.time[i] <= t; i++) s = km.surv[i];
	return s;
}

export function kmSteps(km: KaplanMeierResult): CurvePoint[] {
	const steps: CurvePoint[] = [{ time: 0, survival: 1 }];
	let s = 1;
	km.time.forEach((t, i) => {
		if (km.surv[i] !== s) {
			steps.push({ time: t, survival: s }, { time: t, survival: km.surv[i] });
			s = km.surv[i];
		}
	});
	const last = km.time[km.time.length - 1];
	if (last > steps[steps.length - 1].time) steps.push({ time: last, survival: s });
	return steps;
}

/** Time spanned by `pixels` image pixels along the x-axis of the calibration (0 if uncalibrated). */
export function timePerPixels(project: DigitiseProject, pixels = 1): number {
	const { x1, x2 } = project.calibration;
	if (!x1 || !x2) return 0;
	const distance = Math.hypot(x2.x - x1.x, x2.y - x1.y);
	return distance > 0 ? (pixels * Math.abs(x2.value - x1.value)) / distance : 0;
}

export function analyse(project: DigitiseProject, reconstruct: Reconstruct): Analysis {
	const window = timePerPixels(project, 1.5);
	const arms: ArmAnalysis[] = [];
	const problems: ArmProblem[] = [];
	for (const arm of project.arms) {
		const points = armCurve(project, arm) ?? [];
		const atRisk = armAtRisk(project, arm);
		if (points.length < 2) {
			problems.push({ armId: arm.id, name: arm.name, reason: 'no-points' });
			continue;
		}
		if (!atRisk.length) {
			problems.push({ armId: arm.id, name: arm.name, reason: 'no-at-risk' });
			continue;
		}
		try {
			const ipd = reconstruct({
				points,
				atRisk,
				...(arm.totalEvents !== null ? { totalEvents: arm.totalEvents } : {})
			});
			const km = kaplanMeier(ipd);
			// A digitised corner is only as exact as a pixel: compare it with the span of the
			// reconstructed curve within `window` of its time, so a drop read a pixel early or
			// late does not count as an error the size of the drop.
			const residuals = points.map((p) => {
				const high = kmAt(km, p.time - window);
				const low = kmAt(km, p.time + window);
				const reconstructed = Math.min(high, Math.max(low, p.survival));
				return { ...p, reconstructed, residual: p.survival - reconstructed };
			});
			const abs = residuals.map((r) => Math.abs(r.residual));
			const times = project.riskTimes;
			const intervals = times.map((from, i) => {
				const to = i + 1 < times.length ? times[i + 1] : null;
				const inside = (t: number) => t >= from && (to === null || t < to);
				let events = 0;
				let censored = 0;
				ipd.time.forEach((t, j) => {
					if (!inside(t)) return;
					if (ipd.event[j]) events++;
					else censored++;
				});
				return {
					from,
					to,
					printedAtRisk: arm.atRisk[i] ?? null,
					atRisk: ipd.time.filter((t) => t >= from).length,
					events,
					censored
				};
			});
			arms.push({
				armId: arm.id,
				name: arm.name,
				ipd,
				km,
				steps: kmSteps(km),
				residuals,
				fit: {
					rmse: Math.sqrt(abs.reduce((a, b) => a + b * b, 0) / abs.length),
					meanAbsolute: abs.reduce((a, b) => a + b, 0) / abs.length,
					maxAbsolute: Math.max(...abs)
				},
				intervals,
				median: medianSurvival(km),
				survivalAt: times.map((time) => ({ time, survival: kmAt(km, time) })),
				totalEvents: ipd.event.reduce<number>((a, b) => a + b, 0)
			});
		} catch (error) {
			problems.push({
				armId: arm.id,
				name: arm.name,
				reason: 'failed',
				detail: (error as Error).message
			});
		}
	}
	const hazardRatios: Analysis['hazardRatios'] = [];
	let hazardRatioProblem: string | undefined;
	const reference = arms.find((a) => a.armId === project.referenceArmId) ?? arms[0];
	if (reference)
		for (const other of arms) {
			if (other === reference) continue;
			try {
				const cox = coxPH({
					time: [...reference.ipd.time, ...other.ipd.time],
					event: [...reference.ipd.event, ...other.ipd.event],
					group: [
						...reference.ipd.time.map(() => 0 as const),
						...other.ipd.time.map(() => 1 as const)
					]
				});
				hazardRatios.push({ armId: other.armId, referenceId: reference.armId, cox });
			} catch (error) {
				hazardRatioProblem = (error as Error).message;
			}
		}
	return { arms, problems, hazardRatios, hazardRatioProblem };
}
