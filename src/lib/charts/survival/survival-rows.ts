/**
 * The survival chart of a study, as plain data: landmark survival and event-free
 * rates per arm at their timepoints (grouped into one facet per outcome, e.g. overall
 * survival at 3 and 5 years), and median times with their CIs.
 */
import type { Arm, Dataset, Result, Study } from '$lib/evidence/schema';
import { discrepanciesFor, studyResults } from '$lib/evidence/queries';
import { printedDecimals } from '$lib/format';
import { displayInterval, type DisplayInterval } from '$lib/evidence/intervals';

export interface SurvivalPoint {
	key: string;
	resultId: string;
	facet: string;
	endpointLabel: string;
	armId: string;
	armLabel: string;
	armRole: Arm['role'];
	/** Time since the start of treatment (or randomisation), months. */
	months: number;
	timepointLabel: string;
	value: number;
	digits: number;
	approximate: boolean;
	ci: DisplayInterval | undefined;
	sourceShort: string;
	locator: string;
	dataCut: string | undefined;
	/** Drawn on the arm's line; false for a second source's figure at the same time. */
	onLine: boolean;
	discrepancies: string[];
}

export interface SurvivalLine {
	key: string;
	facet: string;
	armId: string;
	armLabel: string;
	armRole: Arm['role'];
	points: SurvivalPoint[];
}

export interface MedianRow {
	key: string;
	resultId: string;
	endpointLabel: string;
	armId: string;
	armLabel: string;
	armRole: Arm['role'];
	value: number;
	digits: number;
	approximate: boolean;
	ci: DisplayInterval | undefined;
	sourceShort: string;
	locator: string;
	dataCut: string | undefined;
	discrepancies: string[];
}

export interface SurvivalData {
	facets: string[];
	points: SurvivalPoint[];
	lines: SurvivalLine[];
	medians: MedianRow[];
	/** Follow-up as the sources state it, e.g. "median 43 months (Litzow 2024)". */
	followUp: string[];
}

/** A timepoint in months; undefined for cycles, which have no fixed length here. */
export function toMonths(timepoint: NonNullable<Result['timepoint']>): number | undefined {
	switch (timepoint.unit) {
		case 'months':
			return timepoint.value;
		case 'years':
			return timepoint.value * 12;
		case 'weeks':
			return (timepoint.value * 12) / 52.1775;
		default:
			return undefined;
	}
}

/** "Overall survival at 5 years" → "Overall survival": one facet per outcome. */
export function facetOf(label: string): string {
	return label.replace(/\s+(at|after|by)\s+\d.*$/i, '').trim() || label;
}

const precision = (r: SurvivalPoint) =>
	r.approximate ? -1 : (String(r.value).split('.')[1]?.length ?? 0);

export function survivalData(dataset: Dataset, study: Study): SurvivalData {
	const points: SurvivalPoint[] = [];
	const medians: MedianRow[] = [];
	const followUp = new Set<string>();
	for (const { endpoint, result, arm, source } of studyResults(dataset, study)) {
		if (!arm || result.value === undefined) continue;
		const sourceShort = source?.shortCitation ?? result.provenance.sourceId;
		const common = {
			resultId: result.id,
			endpointLabel: endpoint.label,
			armId: arm.id,
			armLabel: arm.label,
			armRole: arm.role,
			value: result.value,
			digits: printedDecimals(result),
			approximate: result.approximate,
			ci: displayInterval(result),
			sourceShort,
			locator: result.provenance.locator,
			dataCut: result.provenance.dataCut,
			discrepancies: discrepanciesFor(dataset, result.id).map((d) => d.explanation)
		};
		if (endpoint.kind === 'landmark-survival' && result.unit === 'percent' && result.timepoint) {
			const months = toMonths(result.timepoint);
			if (months === undefined) continue;
			points.push({
				...common,
				key: result.id,
				facet: facetOf(endpoint.label),
				months,
				timepointLabel: result.timepoint.label,
				onLine: false
			});
		} else if (endpoint.kind === 'median-time' && result.unit === 'months') {
			medians.push({ ...common, key: result.id });
		} else continue;
		if (result.provenance.followUp) followUp.add(`${result.provenance.followUp} (${sourceShort})`);
	}

	const facets = [...new Set(points.map((p) => p.facet))];
	const lines: SurvivalLine[] = [];
	for (const facet of facets) {
		for (const arm of study.arms) {
			const own = points.filter((p) => p.facet === facet && p.armId === arm.id);
			if (!own.length) continue;
			// One figure per timepoint on the line: the most precisely printed one.
			const byTime = new Map<number, SurvivalPoint>();
			for (const p of own) {
				const best = byTime.get(p.months);
				if (!best || precision(p) > precision(best)) byTime.set(p.months, p);
			}
			const linePoints = [...byTime.values()].sort((a, b) => a.months - b.months);
			for (const p of linePoints) p.onLine = true;
			lines.push({
				key: `${facet}/${arm.id}`,
				facet,
				armId: arm.id,
				armLabel: arm.label,
				armRole: arm.role,
				points: linePoints
			});
		}
	}
	return { facets, points, lines, medians, followUp: [...followUp] };
}
