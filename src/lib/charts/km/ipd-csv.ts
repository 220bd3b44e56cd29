/**
 * Reconstructed patient data as CSV that R reads as it is:
 * `d <- read.csv("ipd.csv"); survival::survfit(Surv(time, status) ~ arm, data = d)`.
 * One row per patient with its arm, time, status (1 event, 0 censored) and, on every row, its
 * provenance (time unit, source, method), so a row copied elsewhere keeps where it came from.
 * No byte-order mark and no comment lines: both would break `read.csv`'s header.
 */
import type { ReconstructedData } from '$lib/stats';
import { serialiseCsv } from '$lib/evidence/csv';
import { neutraliseFormula } from '$lib/evidence/neutralise';

export interface IpdCsvArm {
	label: string;
	timeUnit: string;
	ipd: ReconstructedData;
	/** Short citation and locator of the published curve. */
	source: string;
}

export const IPD_CSV_HEADER = ['arm', 'time', 'status', 'time_unit', 'source', 'method'];
export const IPD_METHOD = 'reconstructed from the published curve (Guyot et al. 2012)';

export function reconstructedIpdCsv(arms: readonly IpdCsvArm[]): string {
	const rows = arms.flatMap((arm) =>
		arm.ipd.time.map((t, i) => [
			neutraliseFormula(arm.label),
			String(t),
			String(arm.ipd.event[i]),
			neutraliseFormula(arm.timeUnit),
			neutraliseFormula(arm.source),
			IPD_METHOD
		])
	);
	return serialiseCsv([IPD_CSV_HEADER, ...rows], { bom: false });
}
