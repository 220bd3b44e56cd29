/**
 * Dosing schedules as plain geometry in days: each regimen's cycles (weeks of continuous
 * infusion, then a treatment-free interval) and its dose steps where the data gives them.
 * Day numbers are inclusive, as a protocol writes them: "days 1–7". Nothing is filled in
 * that the source does not give: a cycle without recorded steps is drawn without a dose.
 */
import type { DosingRegimen } from '$lib/evidence/schema';
import type { TidyRow } from '../spec';

/** Cycles drawn by default: enough to show the rhythm of infusion and rest. */
export const DEFAULT_CYCLES = 2;

/** Days on treatment in one cycle; a regimen without cycles is one course as long as its steps. */
export const treatmentDays = (r: Pick<DosingRegimen, 'cycle' | 'steps'>) =>
	r.cycle?.treatmentDays ?? Math.max(1, ...r.steps.map((s) => s.toDay));
export const restDays = (r: Pick<DosingRegimen, 'cycle'>) => r.cycle?.restDays ?? 0;

export const cycleDays = (r: Pick<DosingRegimen, 'cycle' | 'steps'>) =>
	treatmentDays(r) + restDays(r);

/**
 * Cycles to draw for a regimen: one when it has no treatment-free interval (a single
 * course), otherwise `cap`, and always enough to show every recorded dose step.
 */
export function cyclesShown(r: DosingRegimen, cap = DEFAULT_CYCLES): number {
	const lastStep = Math.max(0, ...r.steps.map((s) => s.toDay));
	const forSteps = Math.ceil(lastStep / cycleDays(r));
	return Math.max(restDays(r) === 0 ? 1 : cap, forSteps, 1);
}

export interface CycleSegment {
	key: string;
	cycle: number;
	kind: 'infusion' | 'rest';
	/** Inclusive day numbers from the start of treatment (day 1). */
	fromDay: number;
	toDay: number;
}

/** Infusion and rest periods of the first `cycles` cycles. */
export function cycleSegments(r: DosingRegimen, cycles: number): CycleSegment[] {
	const length = cycleDays(r);
	const infusion = treatmentDays(r);
	return Array.from({ length: cycles }, (_, i) => {
		const start = i * length + 1;
		const segments: CycleSegment[] = [
			{
				key: `${r.id}-c${i + 1}-infusion`,
				cycle: i + 1,
				kind: 'infusion',
				fromDay: start,
				toDay: start + infusion - 1
			}
		];
		if (restDays(r) > 0)
			segments.push({
				key: `${r.id}-c${i + 1}-rest`,
				cycle: i + 1,
				kind: 'rest',
				fromDay: start + infusion,
				toDay: start + length - 1
			});
		return segments;
	}).flat();
}

export interface DoseSegment {
	key: string;
	cycle: number;
	fromDay: number;
	toDay: number;
	dose: number;
	unit: string;
	/** Dose relative to the regimen's highest dose in the same unit (0–1], for step height. */
	relative: number;
	/** The step lies (partly) outside an infusion period: the data disagrees with the schedule. */
	offSchedule: boolean;
}

/** The recorded dose steps of a regimen, placed in their cycles. */
export function doseSegments(r: DosingRegimen): DoseSegment[] {
	const length = cycleDays(r);
	const infusion = treatmentDays(r);
	const maxByUnit = new Map<string, number>();
	for (const s of r.steps) maxByUnit.set(s.unit, Math.max(maxByUnit.get(s.unit) ?? 0, s.dose));
	return r.steps.map((s, i) => {
		const cycle = Math.floor((s.fromDay - 1) / length) + 1;
		const cycleStart = (cycle - 1) * length + 1;
		return {
			key: `${r.id}-step-${i + 1}`,
			cycle,
			fromDay: s.fromDay,
			toDay: s.toDay,
			dose: s.dose,
			unit: s.unit,
			relative: s.dose / (maxByUnit.get(s.unit) ?? s.dose),
			offSchedule: s.toDay > cycleStart + infusion - 1
		};
	});
}

export interface ScheduleRow {
	regimen: DosingRegimen;
	cycles: number;
	segments: CycleSegment[];
	doses: DoseSegment[];
	/** Last day drawn. */
	lastDay: number;
}

/** Every regimen with its geometry, in dataset order. */
export function scheduleRows(regimens: DosingRegimen[], cap = DEFAULT_CYCLES): ScheduleRow[] {
	return regimens.map((regimen) => {
		const cycles = cyclesShown(regimen, cap);
		const segments = cycleSegments(regimen, cycles);
		const doses = doseSegments(regimen);
		return {
			regimen,
			cycles,
			segments,
			doses,
			lastDay: Math.max(...segments.map((s) => s.toDay), ...doses.map((d) => d.toDay))
		};
	});
}

/** Day ticks at the week boundaries that start each period: day 1, 29, 43, … */
export function dayTicks(rows: ScheduleRow[]): number[] {
	const ticks = new Set<number>([1]);
	for (const row of rows) for (const s of row.segments) ticks.add(s.fromDay);
	return [...ticks].sort((a, b) => a - b);
}

/** Tidy rows: the schedule of each regimen (weeks on and off), then each dose step. */
export function dosingTidyRows(
	rows: ScheduleRow[],
	lookups: {
		studyName: (id: string) => string;
		indicationLabel: (id: string) => string;
		sourceCitation: (id: string) => string;
		infusionWeeks: string;
		restWeeks: string;
		weeks: string;
		dose: string;
		days: (from: number, to: number) => string;
	}
): TidyRow[] {
	return rows.flatMap(({ regimen, doses }) => {
		const common = {
			study: regimen.studyId ? lookups.studyName(regimen.studyId) : '',
			indication: regimen.indicationIds.map(lookups.indicationLabel).join('; '),
			arm: regimen.label,
			events: null,
			total: null,
			ciLow: null,
			ciHigh: null,
			ciLevel: null,
			ciMethod: '',
			basis: 'reported',
			source: lookups.sourceCitation(regimen.provenance.sourceId),
			locator: regimen.provenance.locator,
			dataCut: regimen.provenance.dataCut ?? ''
		};
		return [
			{
				...common,
				endpoint: lookups.infusionWeeks,
				timepoint: '',
				value: treatmentDays(regimen) / 7,
				unit: lookups.weeks
			},
			{
				...common,
				endpoint: lookups.restWeeks,
				timepoint: '',
				value: restDays(regimen) / 7,
				unit: lookups.weeks
			},
			...doses.map((d) => ({
				...common,
				endpoint: lookups.dose,
				timepoint: lookups.days(d.fromDay, d.toDay),
				value: d.dose,
				unit: d.unit
			}))
		];
	});
}
