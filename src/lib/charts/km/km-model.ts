/**
 * The model of a Kaplan–Meier chart as KMunicate recommends it (Morris et al., BMJ Open 2019;
 * 9:e030215): a step curve per arm with its confidence band when there is patient data (or a
 * reconstruction), censor ticks, optional median drop lines, the extended risk table (at risk,
 * events and censored, cumulative) at every x-axis tick, a panel of effects each labelled with
 * how it was obtained, and an optional overlay of the published points with fit measures.
 *
 * Plain TypeScript in data units (time, survival as a proportion); the chart component turns it
 * into pixels. The input is generic: it knows nothing of a dataset's schema.
 */
import { scaleLinear } from 'd3-scale';
import {
	medianSurvival,
	reconstructionFit,
	riskTableAt,
	type CurvePoint,
	type KaplanMeierResult,
	type ReconstructionFit
} from '$lib/stats';
import type { ArmRole } from '../encoding';
import type { TidyRow } from '../spec';

/** A point of a curve: the survival from `time` on (right-continuous). */
export interface KmStep {
	time: number;
	survival: number;
}

/** Numbers printed under a curve at one time; events and censored are often not printed. */
export interface KmRiskInput {
	time: number;
	atRisk: number;
	events?: number | null;
	censored?: number | null;
}

/** One arm of the chart. Give `km` (patient data or a reconstruction) or `steps` (a curve only). */
export interface KmArmInput {
	id: string;
	label: string;
	/** Unit of every time of the arm, e.g. "months"; all arms of a chart share it. */
	timeUnit: string;
	role?: ArmRole;
	km?: KaplanMeierResult;
	/** `km` comes from patient data reconstructed from the published curve (Guyot), not real patient data. */
	reconstructed?: boolean;
	/** The curve as published: its survival after each drop (and its end), when no `km`. */
	steps?: KmStep[];
	/** Censoring times; by default those of `km`. */
	censorTimes?: number[];
	/** The risk table as printed; by default computed from `km`. */
	riskTable?: KmRiskInput[];
	/** Points read off the published curve, for the overlay that checks a reconstruction. */
	publishedPoints?: CurvePoint[];
}

/** How an effect was obtained; the chart says it in words next to the figure. */
export type EffectBasis = 'source' | 'reconstructed' | 'patient-data';

/** A hazard ratio or a difference in restricted mean survival time, for the effects panel. */
export interface KmEffectInput {
	measure: 'hr' | 'rmst-difference';
	/** What is compared, e.g. "B vs A". */
	comparison: string;
	estimate: number;
	lower?: number | null;
	upper?: number | null;
	/** Confidence level of the interval, e.g. 0.95. */
	level?: number | null;
	basis: EffectBasis;
	/** Method and horizon, e.g. "Cox, Efron ties" or "τ = 24 months". */
	detail?: string;
	/** Short citation when the source printed it. */
	source?: string;
}

export interface KmOptions {
	/** Pointwise confidence bands where `km` has limits; default true. */
	showCI?: boolean;
	/** Median drop lines where the curve reaches 0.5; default false. */
	showMedians?: boolean;
	/** Overlay the published points with their fit measures; default false. */
	showPublished?: boolean;
	/** Axis ticks (the risk-table columns); by default about six round values. */
	ticks?: number[];
}

export interface KmBandStep {
	time: number;
	lower: number;
	upper: number;
}

/** One risk-table column; null where the source printed no such number. */
export interface KmRiskCell {
	time: number;
	atRisk: number | null;
	events: number | null;
	censored: number | null;
}

export interface KmArmModel {
	id: string;
	label: string;
	role: ArmRole | undefined;
	/** Vertices of the step path, from (0, 1): horizontal, then vertical at each drop. */
	path: KmStep[];
	/** Vertices of the band's lower and upper step lines; null without limits or when hidden. */
	band: KmBandStep[] | null;
	censors: KmStep[];
	median: number | null;
	riskRow: KmRiskCell[];
	/** Where the risk table comes from: printed, computed from patient data or from a reconstruction, or none. */
	riskBasis: 'printed' | 'computed' | 'reconstructed' | null;
	published: { points: CurvePoint[]; fit: ReconstructionFit | null } | null;
}

export interface KmModel {
	timeUnit: string;
	/** x-axis domain [0, xMax], xMax the last tick. */
	xMax: number;
	ticks: number[];
	arms: KmArmModel[];
	effects: KmEffectInput[];
}

/** Survival after each time, from a Kaplan–Meier result: its event times and its end. */
function stepsOfKm(km: KaplanMeierResult): KmStep[] {
	const steps: KmStep[] = [];
	for (let k = 0; k < km.time.length; k++)
		if (km.nEvent[k] > 0) steps.push({ time: km.time[k], survival: km.surv[k] });
	const last = km.time.length - 1;
	if (last >= 0 && (steps.length === 0 || steps[steps.length - 1].time < km.time[last]))
		steps.push({ time: km.time[last], survival: km.surv[last] });
	return steps;
}

/** Step-path vertices through survival-after-time points, starting at (0, 1). */
export function stepPath(steps: readonly KmStep[]): KmStep[] {
	const path: KmStep[] = [{ time: 0, survival: 1 }];
	let current = 1;
	for (const s of steps) {
		if (s.survival !== current) path.push({ time: s.time, survival: current });
		path.push({ time: s.time, survival: s.survival });
		current = s.survival;
	}
	return path;
}

/** Survival of the step curve at t (after a drop at t). */
function survivalOn(steps: readonly KmStep[], t: number): number {
	let value = 1;
	for (const s of steps) if (s.time <= t) value = s.survival;
	return value;
}

/** The band as step vertices, up to the first time a limit is missing (R's NA). */
function bandOfKm(km: KaplanMeierResult): KmBandStep[] {
	const band: KmBandStep[] = [{ time: 0, lower: 1, upper: 1 }];
	let lower = 1;
	let upper = 1;
	for (let k = 0; k < km.time.length; k++) {
		const lo = km.lower[k];
		const hi = km.upper[k];
		if (lo === null || hi === null) break;
		if (lo !== lower || hi !== upper) band.push({ time: km.time[k], lower, upper });
		band.push({ time: km.time[k], lower: lo, upper: hi });
		lower = lo;
		upper = hi;
	}
	return band;
}

function riskRowOf(
	arm: KmArmInput,
	ticks: number[],
	where: string
): Omit<
	KmArmModel,
	'id' | 'label' | 'role' | 'path' | 'band' | 'censors' | 'median' | 'published'
> {
	if (arm.riskTable) {
		arm.riskTable.forEach((r, i) => {
			if (!Number.isFinite(r.time) || !Number.isInteger(r.atRisk) || r.atRisk < 0)
				throw new Error(`${where}.riskTable[${i}]: needs a finite time and a count ≥ 0 at risk`);
		});
		return {
			riskBasis: 'printed',
			riskRow: ticks.map((t) => {
				const printed = arm.riskTable!.find((r) => Math.abs(r.time - t) < 1e-9);
				return {
					time: t,
					atRisk: printed?.atRisk ?? null,
					events: printed?.events ?? null,
					censored: printed?.censored ?? null
				};
			})
		};
	}
	if (arm.km)
		return {
			riskBasis: arm.reconstructed ? 'reconstructed' : 'computed',
			riskRow: riskTableAt(arm.km, ticks)
		};
	return {
		riskBasis: null,
		riskRow: ticks.map((t) => ({ time: t, atRisk: null, events: null, censored: null }))
	};
}

/**
 * Builds the chart model of the given arms and effects.
 *
 * @throws {Error} naming the offending input (`arms[1].steps` …) for an arm with neither `km`
 * nor `steps`, arms in different time units, or non-finite numbers.
 */
export function kmModel(
	arms: readonly KmArmInput[],
	effects: readonly KmEffectInput[] = [],
	{ showCI = true, showMedians = false, showPublished = false, ticks }: KmOptions = {}
): KmModel {
	if (arms.length === 0) throw new Error('arms: at least one arm is needed');
	const timeUnit = arms[0].timeUnit;
	const steps = arms.map((arm, i) => {
		const where = `arms[${i}]`;
		if (arm.timeUnit !== timeUnit)
			throw new Error(`${where}.timeUnit: "${arm.timeUnit}" differs from "${timeUnit}" of arms[0]`);
		if (arm.km) return stepsOfKm(arm.km);
		if (!arm.steps || arm.steps.length === 0)
			throw new Error(`${where}: give km (patient data or a reconstruction) or steps (a curve)`);
		arm.steps.forEach((s, k) => {
			if (
				!Number.isFinite(s.time) ||
				!Number.isFinite(s.survival) ||
				s.survival < 0 ||
				s.survival > 1
			)
				throw new Error(`${where}.steps[${k}]: needs a finite time and a survival in [0, 1]`);
		});
		return [...arm.steps].sort((a, b) => a.time - b.time);
	});
	effects.forEach((e, i) => {
		if (!Number.isFinite(e.estimate))
			throw new Error(`effects[${i}].estimate: must be a finite number`);
	});
	const lastTime = Math.max(
		...steps.map((s) => s[s.length - 1].time),
		...arms.flatMap((a) => (a.publishedPoints ?? []).map((p) => p.time))
	);
	const axisTicks =
		ticks ??
		scaleLinear()
			.domain([0, Math.max(lastTime, 1e-9)])
			.nice(6)
			.ticks(6);
	const xMax = Math.max(axisTicks[axisTicks.length - 1] ?? lastTime, lastTime);

	const armModels = arms.map((arm, i): KmArmModel => {
		const curve = steps[i];
		const censorTimes =
			arm.censorTimes ?? (arm.km ? arm.km.time.filter((_, k) => arm.km!.nCensor[k] > 0) : []);
		const median = arm.km
			? medianSurvival(arm.km).median
			: (curve.find((s) => s.survival <= 0.5)?.time ?? null);
		return {
			id: arm.id,
			label: arm.label,
			role: arm.role,
			path: stepPath(curve),
			band: showCI && arm.km ? bandOfKm(arm.km) : null,
			censors: censorTimes.map((t) => ({ time: t, survival: survivalOn(curve, t) })),
			median: showMedians ? median : null,
			...riskRowOf(arm, axisTicks, `arms[${i}]`),
			published:
				showPublished && arm.publishedPoints
					? {
							points: arm.publishedPoints,
							fit: arm.km ? reconstructionFit(arm.publishedPoints, arm.km) : null
						}
					: null
		};
	});
	return { timeUnit, xMax, ticks: axisTicks, arms: armModels, effects: [...effects] };
}

/**
 * What the chart draws, tidy, for its table and exports: per arm and axis tick the survival
 * (percent), its band, and the risk-table counts (events cumulative; at risk as `total`).
 */
export function kmTidyRows(
	model: KmModel,
	source: string,
	context: Partial<Pick<TidyRow, 'study' | 'indication' | 'endpoint' | 'locator' | 'dataCut'>> = {}
): TidyRow[] {
	return model.arms.flatMap((arm) =>
		arm.riskRow.map((cell) => {
			const band = arm.band ? bandAt(arm.band, cell.time) : null;
			return {
				study: context.study ?? '',
				indication: context.indication ?? '',
				arm: arm.label,
				endpoint: context.endpoint ?? 'survival',
				timepoint: `${cell.time} ${model.timeUnit}`,
				value: Math.round(survivalOn(arm.path, cell.time) * 1e6) / 1e4,
				unit: 'percent',
				events: cell.events,
				total: cell.atRisk,
				ciLow: band ? Math.round(band.lower * 1e6) / 1e4 : null,
				ciHigh: band ? Math.round(band.upper * 1e6) / 1e4 : null,
				ciLevel: band ? 0.95 : null,
				ciMethod: band ? 'Greenwood' : '',
				basis:
					arm.riskBasis === 'printed'
						? 'reported'
						: arm.riskBasis === 'reconstructed'
							? 'derived'
							: 'computed',
				source,
				locator: context.locator ?? '',
				dataCut: context.dataCut ?? ''
			};
		})
	);
}

function bandAt(band: readonly KmBandStep[], t: number): KmBandStep | null {
	let value: KmBandStep | null = null;
	for (const b of band) if (b.time <= t) value = b;
	return band.length && t <= band[band.length - 1].time ? value : null;
}
