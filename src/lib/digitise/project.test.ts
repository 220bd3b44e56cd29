import { describe, expect, it } from 'vitest';
import {
	addRiskTime,
	armAtRisk,
	armCurve,
	newArm,
	newProject,
	parseProject,
	removeRiskTime,
	type DigitiseProject
} from './project';
import { curveFragment, patientDataCsv, pointsCsv, readPatientDataCsv } from './exports';
import { MONTHS_PERCENT } from './test-calibrations';

function calibrated(): DigitiseProject {
	let project = newProject();
	project.calibration = MONTHS_PERCENT;
	project.source = {
		sourceId: 'example-paper',
		locator: 'page 4',
		figure: 'Figure 2, panel A',
		by: 'A. Analyst'
	};
	project = addRiskTime(addRiskTime(project, 12), 0);
	const arm = newArm(project, 'Control, "standard"');
	arm.points = [
		{ x: 100, y: 50 },
		{ x: 250, y: 50 },
		{ x: 250, y: 120 },
		{ x: 400, y: 120 }
	];
	arm.atRisk = [100, 61];
	arm.totalEvents = 40;
	project.arms.push(arm);
	return project;
}

describe('project', () => {
	it('reads back what it writes', () => {
		const project = calibrated();
		const parsed = parseProject(JSON.stringify(project));
		expect(parsed).toEqual({ ok: true, project });
	});

	it.each([
		['not json', '{', ''],
		[
			'a wrong colour',
			JSON.stringify({ ...calibrated(), arms: [{ ...calibrated().arms[0], colour: 'blue' }] }),
			'arms.0.colour'
		],
		[
			'a short at-risk row',
			JSON.stringify({ ...calibrated(), riskTimes: [0, 12, 24] }),
			'arms.0.atRisk'
		],
		['another kind of file', JSON.stringify({ kind: 'dataset' }), 'kind']
	])('rejects %s, naming the path', (_, text, path) => {
		const parsed = parseProject(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toContain(path);
	});

	it('maps points through the calibration and keeps the at-risk table aligned', () => {
		const project = calibrated();
		expect(project.riskTimes).toEqual([0, 12]);
		expect(armCurve(project, project.arms[0])).toEqual([
			{ time: 0, survival: 1 },
			{ time: 9, survival: 1 },
			{ time: 9, survival: 0.8 },
			{ time: 18, survival: 0.8 }
		]);
		const withSix = addRiskTime(project, 6);
		expect(withSix.arms[0].atRisk).toEqual([100, null, 61]);
		expect(armAtRisk(withSix, withSix.arms[0])).toEqual([
			{ time: 0, n: 100 },
			{ time: 12, n: 61 }
		]);
		expect(removeRiskTime(withSix, 1).arms[0].atRisk).toEqual([100, 61]);
	});
});

describe('exports', () => {
	it('writes the points as CSV with the time unit in the header', () => {
		const text = pointsCsv(calibrated());
		expect(text.split('\n')[0]).toBe('arm,arm_name,time_months,survival');
		expect(text.split('\n')[2]).toBe('arm-1,"Control, ""standard""",9,1');
	});

	it('writes patient data that reads back exactly, with no byte-order mark', () => {
		const project = calibrated();
		const text = patientDataCsv(project, [
			{ armId: 'arm-1', time: [1.5, 2, 30.25], event: [1, 0, 1] }
		]);
		expect(text.charCodeAt(0)).toBe('a'.charCodeAt(0));
		expect(readPatientDataCsv(text)).toEqual([
			{ arm: 'Control, "standard"', time: 1.5, status: 1 },
			{ arm: 'Control, "standard"', time: 2, status: 0 },
			{ arm: 'Control, "standard"', time: 30.25, status: 1 }
		]);
	});

	it('gives a curve fragment in the dataset format with provenance', () => {
		const fragment = curveFragment(calibrated(), {
			on: '2026-12-04',
			patientData: [{ armId: 'arm-1', time: [1], event: [1] }]
		});
		expect(fragment.curves[0]).toMatchObject({
			armId: 'arm-1',
			timeUnit: 'months',
			yScale: 'percent',
			points: [
				{ time: 0, survival: 100 },
				{ time: 9, survival: 100 },
				{ time: 9, survival: 80 },
				{ time: 18, survival: 80 }
			],
			atRisk: [
				{ time: 0, n: 100 },
				{ time: 12, n: 61 }
			],
			totalEvents: 40,
			digitisation: { figure: 'Figure 2, panel A', by: 'A. Analyst', on: '2026-12-04' },
			provenance: { sourceId: 'example-paper', locator: 'page 4, Figure 2, panel A' }
		});
		expect(fragment.curves[0].digitisation.tool).toMatch(/^trial-evidence dashboard digitiser \d/);
		expect(fragment.ipd?.[0]).toMatchObject({
			armId: 'arm-1',
			method: 'reconstructed (Guyot 2012)'
		});
	});
});
