import { describe, expect, it } from 'vitest';
import type { DosingRegimen } from '$lib/evidence/schema';
import { examplimab } from '../fixtures/examplimab';
import {
	cycleSegments,
	cyclesShown,
	dayTicks,
	doseSegments,
	dosingTidyRows,
	scheduleRows
} from './dosing-rows';

const regimen = (id: string) => examplimab.dosing.find((r) => r.id === id)!;
const custom = (over: Partial<DosingRegimen>): DosingRegimen => ({ ...regimen('adult'), ...over });

describe('cycle geometry: 4 weeks of infusion, 2 weeks off, in inclusive days', () => {
	it.each([
		[
			'4 + 2 weeks, two cycles',
			custom({}),
			2,
			[
				['infusion', 1, 1, 28],
				['rest', 1, 29, 42],
				['infusion', 2, 43, 70],
				['rest', 2, 71, 84]
			]
		],
		['a single course without rest', regimen('consolidation'), 1, [['infusion', 1, 1, 28]]],
		[
			'2 + 1 weeks',
			custom({ cycle: { treatmentDays: 14, restDays: 7 } }),
			2,
			[
				['infusion', 1, 1, 14],
				['rest', 1, 15, 21],
				['infusion', 2, 22, 35],
				['rest', 2, 36, 42]
			]
		]
	] as const)('%s', (_, r, cycles, expected) => {
		const segments = cycleSegments(r, cycles);
		expect(segments.map((s) => [s.kind, s.cycle, s.fromDay, s.toDay])).toEqual(expected);
	});

	it.each([
		['repeating schedule', custom({}), 2],
		['no rest: one course', regimen('consolidation'), 1],
		[
			'steps recorded into cycle 3 are all shown',
			custom({ steps: [{ fromDay: 85, toDay: 112, dose: 28, unit: 'µg/day' }] }),
			3
		]
	])('cyclesShown: %s', (_, r, n) => {
		expect(cyclesShown(r)).toBe(n);
	});
});

describe('dose steps', () => {
	it.each([
		[
			'adult step-up 9 → 28 µg/day',
			regimen('adult'),
			[
				[1, 1, 7, 9, 'µg/day', 9 / 28, false],
				[1, 8, 28, 28, 'µg/day', 1, false]
			]
		],
		[
			'children 5 → 15 µg/m²/day',
			regimen('children'),
			[
				[1, 1, 7, 5, 'µg/m²/day', 1 / 3, false],
				[1, 8, 28, 15, 'µg/m²/day', 1, false]
			]
		],
		['no steps recorded: nothing drawn', regimen('general'), []],
		[
			'a step running into the rest period is flagged',
			custom({ steps: [{ fromDay: 20, toDay: 35, dose: 28, unit: 'µg/day' }] }),
			[[1, 20, 35, 28, 'µg/day', 1, true]]
		],
		[
			'a step in cycle 2',
			custom({ steps: [{ fromDay: 43, toDay: 70, dose: 28, unit: 'µg/day' }] }),
			[[2, 43, 70, 28, 'µg/day', 1, false]]
		]
	] as const)('%s', (_, r, expected) => {
		expect(
			doseSegments(r).map((d) => [
				d.cycle,
				d.fromDay,
				d.toDay,
				d.dose,
				d.unit,
				d.relative,
				d.offSchedule
			])
		).toEqual(expected);
	});
});

describe('schedule rows on the fixture', () => {
	const rows = scheduleRows(examplimab.dosing);

	it('keeps dataset order and the last day drawn', () => {
		expect(rows.map((r) => [r.regimen.id, r.cycles, r.lastDay])).toEqual([
			['general', 2, 84],
			['adult', 2, 84],
			['children', 2, 84],
			['consolidation', 1, 28]
		]);
	});

	it('ticks the first day of every period', () => {
		expect(dayTicks(rows)).toEqual([1, 29, 43, 71]);
	});

	it('gives schedule rows and one row per step', () => {
		const tidy = dosingTidyRows(rows, {
			studyName: (id) => id.toUpperCase(),
			indicationLabel: (id) => id,
			sourceCitation: (id) => `cite:${id}`,
			infusionWeeks: 'infusion',
			restWeeks: 'rest',
			weeks: 'weeks',
			dose: 'dose',
			days: (a, b) => `days ${a}-${b}`
		});
		// 4 regimens × 2 schedule rows + 5 steps.
		expect(tidy).toHaveLength(13);
		expect(
			tidy
				.filter((r) => r.arm === 'Adults (ALPHA)')
				.map((r) => [r.endpoint, r.timepoint, r.value, r.unit])
		).toEqual([
			['infusion', '', 4, 'weeks'],
			['rest', '', 2, 'weeks'],
			['dose', 'days 1-7', 9, 'µg/day'],
			['dose', 'days 8-28', 28, 'µg/day']
		]);
	});
});
