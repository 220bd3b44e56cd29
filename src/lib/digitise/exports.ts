/**
 * What the digitiser hands on: the digitised points as CSV, the reconstructed patient data
 * as CSV that R reads as it is (`read.csv()` then `Surv(time, status)`: plain ASCII, a header
 * line, LF line ends, no byte-order mark, status 1 = event and 0 = censored), and a curve
 * fragment in the dataset format with its provenance.
 */
import { armAtRisk, armCurve, DIGITISER_TOOL, type DigitiseProject } from './project';

export interface ArmPatientData {
	armId: string;
	time: number[];
	event: (0 | 1)[];
}

/** Quotes a CSV cell when it needs it (RFC 4180). */
const cell = (value: string | number) => {
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const line = (cells: (string | number)[]) => cells.map(cell).join(',');

/** Points per arm as used for reconstruction (cleaned), in the calibrated units. */
export function pointsCsv(project: DigitiseProject): string {
	const lines = [line(['arm', 'arm_name', `time_${project.calibration.timeUnit}`, 'survival'])];
	for (const arm of project.arms)
		for (const p of armCurve(project, arm) ?? [])
			lines.push(line([arm.id, arm.name, p.time, p.survival]));
	return lines.join('\n') + '\n';
}

/** Reconstructed patient data, one row per patient: `arm,time,status`. */
export function patientDataCsv(project: DigitiseProject, data: ArmPatientData[]): string {
	const lines = ['arm,time,status'];
	for (const d of data) {
		const name = project.arms.find((a) => a.id === d.armId)?.name || d.armId;
		d.time.forEach((t, i) => lines.push(line([name, t, d.event[i]])));
	}
	return lines.join('\n') + '\n';
}

/** Reads a patient-data CSV written by {@link patientDataCsv} (for checks and re-import). */
export function readPatientDataCsv(text: string): { arm: string; time: number; status: number }[] {
	const [header, ...rows] = text.trim().split(/\r?\n/);
	if (header !== 'arm,time,status') throw new Error(`unexpected header: ${header}`);
	return rows.map((row, i) => {
		const match = /^("(?:[^"]|"")*"|[^,]*),([^,]+),([01])$/.exec(row);
		if (!match) throw new Error(`line ${i + 2}: not arm,time,status`);
		const arm = match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1];
		return { arm, time: Number(match[2]), status: Number(match[3]) };
	});
}

export interface FragmentOptions {
	/** Day of the digitisation, YYYY-MM-DD. */
	on: string;
	patientData?: ArmPatientData[];
}

/** Curves (and reconstructed patient data, when given) of every arm, in the dataset format. */
export function curveFragment(project: DigitiseProject, options: FragmentOptions) {
	const provenance = {
		sourceId: project.source.sourceId,
		locator: [project.source.locator, project.source.figure].filter(Boolean).join(', ')
	};
	const digitisation = {
		figure: project.source.figure,
		by: project.source.by,
		tool: DIGITISER_TOOL,
		on: options.on
	};
	const { timeUnit, yScale } = project.calibration;
	return {
		curves: project.arms.map((arm) => {
			const atRisk = armAtRisk(project, arm);
			return {
				armId: arm.id,
				timeUnit,
				yScale,
				points: (armCurve(project, arm) ?? []).map((p) => ({
					time: round(p.time),
					// The dataset keeps the curve on the scale it was printed on.
					survival: round(yScale === 'percent' ? p.survival * 100 : p.survival)
				})),
				...(atRisk.length ? { atRisk } : {}),
				...(arm.totalEvents !== null ? { totalEvents: arm.totalEvents } : {}),
				digitisation,
				provenance
			};
		}),
		...(options.patientData
			? {
					ipd: options.patientData.map((d) => ({
						armId: d.armId,
						timeUnit,
						time: d.time.map(round),
						event: d.event,
						method: 'reconstructed (Guyot 2012)',
						provenance
					}))
				}
			: {})
	};
}

/** Six significant decimals are far below a pixel's worth; they keep files small and stable. */
const round = (x: number) => Number(x.toFixed(6));
