/**
 * The whole work on one figure, as one plain object: the image (as a data URL, so the project
 * file is self-contained and nothing is uploaded), the calibration, the traced points per arm
 * in image pixels (so a corrected calibration moves every point with it), the number-at-risk
 * table as printed, and where the figure comes from. The page keeps it in IndexedDB and
 * offers it as a downloadable project file; `parseProject` checks such a file on the way in.
 */
import * as v from 'valibot';
import {
	axisMapping,
	emptyCalibration,
	TIME_UNITS,
	type Calibration,
	type PixelPoint
} from './calibration';
import { cleanCurve, type CurvePoint } from './steps';

export const PROJECT_KIND = 'trial-evidence-digitiser-project';
export const PROJECT_VERSION = 1;
/** Version of the digitiser (calibration, tracing and the file formats), named in provenance. */
export const DIGITISER_VERSION = '1.0';
export const DIGITISER_TOOL = `trial-evidence dashboard digitiser ${DIGITISER_VERSION}`;
/** Largest image accepted (the data URL is kept in IndexedDB and in the project file). */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

const finite = v.pipe(v.number(), v.finite());
const PixelSchema = v.object({ x: finite, y: finite });
const ReferenceSchema = v.nullable(v.object({ x: finite, y: finite, value: finite }));
const ArmSchema = v.object({
	id: v.pipe(v.string(), v.nonEmpty()),
	name: v.string(),
	colour: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i)),
	points: v.array(PixelSchema),
	/** Counts at risk, one per entry of the project's `riskTimes`; null where not entered. */
	atRisk: v.array(v.nullable(v.pipe(finite, v.integer(), v.minValue(0)))),
	totalEvents: v.nullable(v.pipe(finite, v.integer(), v.minValue(0)))
});
export const ProjectSchema = v.object({
	kind: v.literal(PROJECT_KIND),
	version: v.literal(PROJECT_VERSION),
	image: v.nullable(
		v.object({
			name: v.string(),
			type: v.picklist(['image/png', 'image/jpeg', 'image/webp']),
			dataUrl: v.pipe(v.string(), v.startsWith('data:image/'), v.maxLength(MAX_IMAGE_BYTES * 1.4)),
			width: v.pipe(finite, v.integer(), v.minValue(1)),
			height: v.pipe(finite, v.integer(), v.minValue(1))
		})
	),
	calibration: v.object({
		x1: ReferenceSchema,
		x2: ReferenceSchema,
		y1: ReferenceSchema,
		y2: ReferenceSchema,
		yScale: v.picklist(['percent', 'proportion']),
		timeUnit: v.picklist(TIME_UNITS)
	}),
	arms: v.array(ArmSchema),
	riskTimes: v.array(finite),
	/** The arm the hazard ratio is relative to (group 0). */
	referenceArmId: v.nullable(v.string()),
	source: v.object({
		sourceId: v.string(),
		locator: v.string(),
		figure: v.string(),
		by: v.string()
	}),
	savedAt: v.optional(v.string())
});

export type DigitiseProject = v.InferOutput<typeof ProjectSchema>;
export type DigitisedArm = v.InferOutput<typeof ArmSchema>;

/** Distinct colours for new arms (Okabe–Ito, readable on light and dark). */
const ARM_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

export function newProject(): DigitiseProject {
	return {
		kind: PROJECT_KIND,
		version: PROJECT_VERSION,
		image: null,
		calibration: emptyCalibration() as Calibration,
		arms: [],
		riskTimes: [],
		referenceArmId: null,
		source: { sourceId: '', locator: '', figure: '', by: '' }
	};
}

/** A new arm with the next free id and colour, and an empty at-risk row. */
export function newArm(project: DigitiseProject, name: string): DigitisedArm {
	let n = project.arms.length + 1;
	while (project.arms.some((a) => a.id === `arm-${n}`)) n++;
	return {
		id: `arm-${n}`,
		name,
		colour: ARM_COLOURS[(n - 1) % ARM_COLOURS.length],
		points: [],
		atRisk: project.riskTimes.map(() => null),
		totalEvents: null
	};
}

export interface ProjectIssue {
	/** Dotted path into the file, e.g. `arms.0.colour`. */
	path: string;
	message: string;
}

/** Reads a project file's text: the project, or every problem with its path. */
export function parseProject(
	text: string
): { ok: true; project: DigitiseProject } | { ok: false; issues: ProjectIssue[] } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, issues: [{ path: '', message: `not JSON: ${(error as Error).message}` }] };
	}
	const parsed = v.safeParse(ProjectSchema, json);
	if (!parsed.success)
		return {
			ok: false,
			issues: parsed.issues.map((issue) => ({
				path: (issue.path ?? []).map((item) => String(item.key)).join('.'),
				message: issue.message
			}))
		};
	const project = parsed.output;
	const issues: ProjectIssue[] = [];
	project.arms.forEach((arm, i) => {
		if (arm.atRisk.length !== project.riskTimes.length)
			issues.push({
				path: `arms.${i}.atRisk`,
				message: `has ${arm.atRisk.length} counts for ${project.riskTimes.length} times`
			});
	});
	return issues.length ? { ok: false, issues } : { ok: true, project };
}

/** The arm's points in data units (time, survival as a proportion), cleaned; null if uncalibrated. */
export function armCurve(project: DigitiseProject, arm: DigitisedArm): CurvePoint[] | null {
	const map = axisMapping(project.calibration);
	if (!map) return null;
	return cleanCurve(
		arm.points.map((p: PixelPoint) => ({ time: map.time(p), survival: map.survival(p) }))
	).points;
}

/** The at-risk row of an arm as `{ time, n }`, leaving out cells not entered. */
export function armAtRisk(
	project: DigitiseProject,
	arm: DigitisedArm
): { time: number; n: number }[] {
	return project.riskTimes
		.map((time, i) => ({ time, n: arm.atRisk[i] }))
		.filter((row): row is { time: number; n: number } => row.n !== null && row.n !== undefined);
}

/** Adds a time column to the at-risk table (kept sorted), with empty cells for every arm. */
export function addRiskTime(project: DigitiseProject, time: number): DigitiseProject {
	if (!Number.isFinite(time) || project.riskTimes.includes(time)) return project;
	const riskTimes = [...project.riskTimes, time].sort((a, b) => a - b);
	const index = riskTimes.indexOf(time);
	return {
		...project,
		riskTimes,
		arms: project.arms.map((arm) => ({
			...arm,
			atRisk: [...arm.atRisk.slice(0, index), null, ...arm.atRisk.slice(index)]
		}))
	};
}

export function removeRiskTime(project: DigitiseProject, index: number): DigitiseProject {
	return {
		...project,
		riskTimes: project.riskTimes.filter((_, i) => i !== index),
		arms: project.arms.map((arm) => ({ ...arm, atRisk: arm.atRisk.filter((_, i) => i !== index) }))
	};
}
