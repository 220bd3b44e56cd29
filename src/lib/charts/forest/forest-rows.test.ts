import { describe, expect, it } from 'vitest';
import { fixtureDataset } from './fixtures';
import {
	arrangeForest,
	forestResults,
	forestRows,
	forestTidyRows,
	poolableStudies,
	pooledRow,
	type ForestOptions,
	type ForestRow
} from './forest-rows';

const results = forestResults(fixtureDataset);
const byId = (id: string) => results.find((r) => r.resultId === id)!;
const labelOf = (row: ForestRow) =>
	row.kind === 'group' ? `# ${row.label}` : row.kind === 'pooled' ? 'pooled' : row.resultId;

describe('forestResults', () => {
	it('takes every response and event-rate figure in percent, and nothing else', () => {
		expect(results.map((r) => r.resultId)).toEqual([
			'alpha-cr-reg',
			'alpha-cr-pub',
			'alpha-mrd-pub',
			'beta-cr-pub',
			'gamma-events-reg-exp',
			'gamma-events-reg-ctl',
			'gamma-events-exp',
			'gamma-events-ctl'
		]);
	});

	it.each([
		// result, origin of the interval, low, high (scipy beta.ppf), value, value computed?
		['alpha-cr-pub', 'printed', 34.3, 52.7, 43.3, false],
		['alpha-cr-reg', 'computed', 34.3, 52.7, 43, false],
		['beta-cr-pub', 'computed', 20.6, 51.7, 35, true],
		['gamma-events-exp', 'computed', 19.5, 46.7, 32, false],
		['alpha-mrd-pub', undefined, undefined, undefined, 80, false],
		['gamma-events-reg-exp', undefined, undefined, undefined, 34, false]
	] as const)('%s: interval %s', (id, origin, low, high, value, computedValue) => {
		const row = byId(id);
		expect(row.ci?.origin).toBe(origin);
		if (low !== undefined) expect(row.ci!.low).toBeCloseTo(low, 1);
		if (high !== undefined) expect(row.ci!.high).toBeCloseTo(high, 1);
		expect(row.value).toBeCloseTo(value, 6);
		expect(row.valueComputed).toBe(computedValue);
	});

	it('keeps the printed interval exactly, with its method', () => {
		expect(byId('alpha-cr-pub').ci).toEqual({
			low: 34.3,
			high: 52.7,
			level: 0.95,
			method: 'exact',
			origin: 'printed'
		});
	});

	it('names Clopper–Pearson for a computed interval', () => {
		expect(byId('beta-cr-pub').ci?.method).toMatch(/Clopper/);
	});

	it('flags figures whose sources disagree', () => {
		expect(byId('gamma-events-reg-exp').discrepancies).toHaveLength(1);
		expect(byId('gamma-events-reg-ctl').discrepancies).toHaveLength(0);
	});

	it('attaches arm role, study and indication', () => {
		expect(byId('gamma-events-ctl')).toMatchObject({
			armRole: 'comparator',
			studyName: 'GAMMA',
			indicationLabel: 'Children, consolidation',
			sourceShort: 'Gamma 2023'
		});
	});
});

describe('arrangeForest', () => {
	it.each<[string, Pick<ForestOptions, 'sort' | 'group'>, string[]]>([
		[
			'by indication, grouped by indication',
			{ sort: 'indication', group: 'indication' },
			[
				'# Adults, relapsed or refractory',
				'alpha-mrd-pub',
				'alpha-cr-pub',
				'alpha-cr-reg',
				'beta-cr-pub',
				'# Children, consolidation',
				'gamma-events-reg-ctl',
				'gamma-events-ctl',
				'gamma-events-reg-exp',
				'gamma-events-exp'
			]
		],
		[
			'by value, no groups',
			{ sort: 'value', group: 'none' },
			[
				'alpha-mrd-pub',
				'gamma-events-reg-ctl',
				'gamma-events-ctl',
				'alpha-cr-pub',
				'alpha-cr-reg',
				'beta-cr-pub',
				'gamma-events-reg-exp',
				'gamma-events-exp'
			]
		],
		[
			'by value, grouped by study: groups ordered by their highest figure',
			{ sort: 'value', group: 'study' },
			[
				'# ALPHA',
				'alpha-mrd-pub',
				'alpha-cr-pub',
				'alpha-cr-reg',
				'# GAMMA',
				'gamma-events-reg-ctl',
				'gamma-events-ctl',
				'gamma-events-reg-exp',
				'gamma-events-exp',
				'# BETA',
				'beta-cr-pub'
			]
		],
		[
			'by indication, no groups',
			{ sort: 'indication', group: 'none' },
			[
				'alpha-mrd-pub',
				'alpha-cr-pub',
				'alpha-cr-reg',
				'beta-cr-pub',
				'gamma-events-reg-ctl',
				'gamma-events-ctl',
				'gamma-events-reg-exp',
				'gamma-events-exp'
			]
		]
	])('%s', (_, options, expected) => {
		expect(arrangeForest(results, options).map(labelOf)).toEqual(expected);
	});

	it('keeps every figure exactly once, whatever the options', () => {
		for (const sort of ['indication', 'value'] as const) {
			for (const group of ['indication', 'study', 'none'] as const) {
				const keys = arrangeForest(results, { sort, group }).flatMap((r) =>
					r.kind === 'result' ? [r.key] : []
				);
				expect(keys.sort()).toEqual(results.map((r) => r.key).sort());
			}
		}
	});
});

describe('pooling', () => {
	it('offers the studies with a response and counts', () => {
		expect(poolableStudies(results)).toEqual([
			{ id: 'alpha', name: 'ALPHA' },
			{ id: 'beta', name: 'BETA' }
		]);
	});

	it.each<[string, string[], string[] | undefined]>([
		['two poolable studies', ['alpha', 'beta'], ['alpha-cr-reg', 'beta-cr-pub']],
		['one study is not a pool', ['alpha'], undefined],
		['a study without a poolable figure is left out', ['alpha', 'gamma'], undefined],
		['nothing ticked', [], undefined]
	])('%s', (_, ticked, members) => {
		expect(pooledRow(results, ticked)?.members.map((m) => m.resultId)).toEqual(members);
	});

	it('pools on the logit scale with random effects, between the studies', () => {
		const pooled = pooledRow(results, ['alpha', 'beta'])!;
		expect(pooled.value).toBeGreaterThan(35);
		expect(pooled.value).toBeLessThan(43.4);
		expect(pooled.ci.low).toBeLessThan(pooled.value);
		expect(pooled.ci.high).toBeGreaterThan(pooled.value);
		expect(pooled.ci.method).toMatch(/DerSimonian–Laird/);
	});

	it('appends the pooled row after the figures', () => {
		const rows = forestRows(fixtureDataset, {
			sort: 'indication',
			group: 'none',
			pool: ['beta', 'alpha']
		});
		expect(rows.at(-1)?.kind).toBe('pooled');
	});
});

describe('forestTidyRows', () => {
	const rows = forestRows(fixtureDataset, {
		sort: 'indication',
		group: 'indication',
		pool: ['alpha', 'beta']
	});
	const tidy = forestTidyRows(rows, { pooled: 'Pooled', computed: 'computed' });

	it('has one row per figure plus the pooled row, and no group headers', () => {
		expect(tidy).toHaveLength(results.length + 1);
	});

	it.each([
		// study, value, ci method
		['BETA', 35, /Clopper.*\(computed\)/],
		['ALPHA', 43.3, /^exact$/]
	])('labels how the interval of %s was obtained', (study, value, method) => {
		const row = tidy.find((r) => r.study === study && r.value === value)!;
		expect(row.ciMethod).toMatch(method);
	});

	it('leaves the interval empty where there is none', () => {
		const row = tidy.find((r) => r.study === 'ALPHA' && r.value === 80)!;
		expect([row.ciLow, row.ciHigh, row.ciMethod]).toEqual([null, null, '']);
	});
});
