import { describe, expect, it } from 'vitest';
import { validateDataset } from '$lib/evidence/validate';
import type { Arm, Study } from '$lib/evidence/schema';
import { examplimab } from '../fixtures/examplimab';
import {
	assignLanes,
	designColor,
	designShape,
	sizeKeyValues,
	contiguousRuns,
	evidenceGrid,
	evidenceMapTidyRows,
	packCell,
	packedRows,
	sizeBasis,
	studySize
} from './evidence-map-rows';

describe('the synthetic fixture', () => {
	it('passes the schema and the integrity checks', () => {
		const outcome = validateDataset(examplimab);
		expect(outcome.ok ? [] : outcome.issues).toEqual([]);
	});
});

const arm = (n: number | undefined, role: Arm['role'] = 'experimental'): Arm => ({
	id: `arm-${role}-${n}`,
	label: role,
	treatmentId: 't',
	role,
	...(n === undefined ? {} : { n })
});
const withArms = (arms: Arm[], sampleSizes: Study['sampleSizes'] = []): Study => ({
	...examplimab.studies[0],
	arms,
	sampleSizes
});
const sample = (value: number, kind: Study['sampleSizes'][number]['kind'] = 'reported') => ({
	id: `n-${value}`,
	kind,
	label: 'n',
	value,
	basis: 'reported' as const,
	provenance: { sourceId: 'pub-a', locator: 'Table 1' }
});

describe('studySize: concurrent arms first, then the largest sample size, never invented', () => {
	it.each([
		['one arm', [arm(120)], [], { value: 120, basis: 'arms', arms: 1 }, 'reported'],
		[
			'two arms',
			[arm(200), arm(100, 'comparator')],
			[],
			{ value: 300, basis: 'arms', arms: 2 },
			'derived'
		],
		[
			'historical controls are not counted',
			[arm(25), arm(180, 'historical-control')],
			[],
			{ value: 25, basis: 'arms', historicalControls: 180 },
			'reported'
		],
		[
			'an arm without n falls back to the largest sample size',
			[arm(undefined)],
			[sample(40, 'treated'), sample(93, 'enrolled')],
			{ value: 93, basis: 'enrolled' },
			'reported'
		]
	] as const)('%s', (_, arms, sizes, expected, basis) => {
		const size = studySize(withArms([...arms], [...sizes]));
		expect(size).toMatchObject(expected);
		expect(sizeBasis(size!)).toBe(basis);
	});

	it('gives no size when neither arms nor sample sizes have one', () => {
		expect(studySize(withArms([arm(undefined)]))).toBeUndefined();
	});
});

describe('grid helpers', () => {
	it.each([
		[[0, 1, 2], [[0, 1, 2]]],
		[[2, 1], [[1, 2]]],
		[
			[0, 2],
			[[0], [2]]
		],
		[
			[1, 1, 3, 4],
			[[1], [3, 4]]
		]
	])('contiguousRuns(%j) = %j', (rows, runs) => {
		expect(contiguousRuns(rows)).toEqual(runs);
	});

	it.each([
		[
			'disjoint spans share a lane',
			[
				[0, 1],
				[1, 3]
			],
			[0, 0],
			1
		],
		[
			'overlapping spans get their own lanes',
			[
				[0, 2],
				[1, 3]
			],
			[0, 1],
			2
		],
		[
			'a lane is reused once free',
			[
				[0, 2],
				[1, 2],
				[2, 3]
			],
			[0, 1, 0],
			2
		]
	])('%s', (_, spans, lanes, count) => {
		expect(assignLanes(spans.map(([start, end]) => ({ start, end })))).toEqual({ lanes, count });
	});

	it.each([
		// count, cell width, slot width → rows, offsets
		[1, 200, 80, 1, [{ dx: 0, dy: 0 }]],
		[
			2,
			200,
			80,
			1,
			[
				{ dx: -40, dy: 0 },
				{ dx: 40, dy: 0 }
			]
		],
		[
			3,
			100,
			80,
			3,
			[
				{ dx: 0, dy: -50 },
				{ dx: 0, dy: 0 },
				{ dx: 0, dy: 50 }
			]
		],
		[
			3,
			170,
			80,
			2,
			[
				{ dx: -40, dy: -25 },
				{ dx: 40, dy: -25 },
				{ dx: 0, dy: 25 }
			]
		]
	])('packs %i marks in %ipx with %ipx slots', (count, width, slot, rows, offsets) => {
		expect(packedRows(count, width, slot)).toBe(rows);
		expect(packCell(count, width, { width: slot, height: 50 })).toEqual(offsets);
	});
});

describe('evidenceGrid on the fixture', () => {
	const grid = evidenceGrid(examplimab);

	it('orders age rows and (setting × Ph) columns', () => {
		expect([grid.rowFacet, ...grid.columnFacets]).toEqual(['age', 'setting', 'ph']);
		expect(grid.rowValues).toEqual(['adult', 'child', 'infant']);
		expect(grid.columns.map((c) => c.key)).toEqual([
			'relapsed-refractory|negative',
			'relapsed-refractory|positive',
			'consolidation|negative'
		]);
	});

	it.each([
		['relapsed-refractory|negative|adult', ['adult'], 0, 1, ['BETA', 'ALPHA']],
		['relapsed-refractory|positive|adult', ['adult'], 0, 1, ['GAMMA']],
		['consolidation|negative|adult', ['adult'], 0, 1, ['ETA']],
		[
			// "1 month and older" spans the child and infant rows; unsized study last.
			'relapsed-refractory|negative|child+infant',
			['child', 'infant'],
			1,
			3,
			['DELTA', 'EPSILON (infants, historical control)', 'ZETA (infant pharmacokinetics)']
		]
	])('cell %s', (key, ages, rowStart, rowEnd, studies) => {
		const cell = grid.cells.find((c) => c.key === key);
		expect(cell).toBeDefined();
		expect(cell!.rowValues).toEqual(ages);
		expect([cell!.rowStart, cell!.rowEnd]).toEqual([rowStart, rowEnd]);
		expect(cell!.studies.map((s) => s.study.name)).toEqual(studies);
	});

	it('lists the gaps no indication covers', () => {
		expect(grid.gaps.map((g) => `${g.column.key}|${g.value}`)).toEqual([
			'relapsed-refractory|positive|child',
			'relapsed-refractory|positive|infant',
			'consolidation|negative|child',
			'consolidation|negative|infant'
		]);
	});

	it('places every study linked to an indication, and no other', () => {
		const placed = new Set(grid.cells.flatMap((c) => c.studies.map((s) => s.study.id)));
		expect([...placed].sort()).toEqual(examplimab.studies.map((s) => s.id).sort());
	});

	it('knows the largest size and the designs in legend order', () => {
		expect(grid.maxSize).toBe(300);
		expect(grid.designs).toEqual([
			'single-arm',
			'randomised',
			'historical-control',
			'pharmacokinetic'
		]);
	});

	it('gives one tidy row per placed study with size, basis and source', () => {
		const rows = evidenceMapTidyRows(grid, (id) => `cite:${id}`, {
			endpoint: 'Patients',
			unit: 'patients',
			cell: (c) => c.key
		});
		expect(rows).toHaveLength(7);
		expect(rows.find((r) => r.study === 'BETA')).toMatchObject({
			value: 300,
			total: 300,
			basis: 'derived',
			source: 'cite:pub-a'
		});
		expect(rows.find((r) => r.study === 'GAMMA')).toMatchObject({
			value: 40,
			basis: 'reported',
			source: 'cite:agency'
		});
		expect(rows.find((r) => r.study.startsWith('ZETA'))).toMatchObject({ value: null, basis: '' });
	});
});

describe('encodings and size key', () => {
	it.each([
		['single-arm', 'circle'],
		['randomised', 'square'],
		['historical-control', 'diamond'],
		['pharmacokinetic', 'triangle']
	] as const)('%s is drawn as a %s with its own colour', (design, shape) => {
		expect(designShape(design)).toBe(shape);
		expect(designColor(design)).toMatch(/^var\(--tol-/);
	});

	it('gives every design a different colour', () => {
		const designs = ['single-arm', 'randomised', 'historical-control', 'pharmacokinetic'] as const;
		expect(new Set(designs.map(designColor)).size).toBe(4);
	});

	it.each([
		[405, [100, 250]],
		[300, [100, 250]],
		[45, [10, 25]],
		[12, [10]],
		[0, []]
	])('size key for a largest study of %i: %j', (max, values) => {
		expect(sizeKeyValues(max)).toEqual(values);
	});
});
