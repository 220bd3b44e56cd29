/**
 * Kaplan–Meier, median, RMST, log-rank and Cox against R's survival package on R's own data
 * sets (ovarian, aml, colon, pbc and a small hand-made set), to 1e-6. The reference is
 * `tests/reference/survival-reference.json`, written by `tests/reference/survival.R`; every key
 * of every case is checked or documented as not covered, so a value added to the R script
 * cannot go untested.
 */
import { describe, expect, it } from 'vitest';
import reference from '../../../../tests/reference/survival-reference.json';
import { checkEveryKey, expectClose, num, obj } from '../test-helpers';
import { coxPH, type CoxTies } from './cox';
import {
	kaplanMeier,
	medianSurvival,
	rmst,
	rmstDifference,
	type KaplanMeierResult,
	type KmConfType
} from './kaplan-meier';
import { logRank } from './log-rank';

const REL = 1e-6;
const REF = reference as unknown as Record<string, unknown>;

interface Dataset {
	time: number[];
	event: (0 | 1)[];
	group: (0 | 1)[];
}

const DATA = obj(REF.data, 'data') as unknown as Record<string, Dataset>;

function arm(name: string, which: string): { time: number[]; event: (0 | 1)[] } {
	const d = DATA[name];
	if (!d) throw new Error(`no data set ${name} in the reference`);
	if (which === 'all') return { time: d.time, event: d.event };
	const g = which === 'group1' ? 1 : 0;
	const keep = d.group.map((x, i) => (x === g ? i : -1)).filter((i) => i >= 0);
	return { time: keep.map((i) => d.time[i]), event: keep.map((i) => d.event[i]) };
}

function cases(key: string): Record<string, unknown>[] {
	const list = REF[key];
	if (!Array.isArray(list) || list.length === 0) throw new Error(`${key}: expected cases`);
	return list.map((c, i) => obj(c, `${key}[${i}]`));
}

/** Compares a number-or-null vector with R's (null = NA/NaN). */
function expectVector(actual: readonly (number | null)[], expected: unknown, where: string) {
	if (!Array.isArray(expected)) throw new Error(`${where}: expected an array`);
	expect(actual.length, `${where} length`).toBe(expected.length);
	expected.forEach((e, i) => {
		if (e === null) expect(actual[i], `${where}[${i}] (R: NA)`).toBeNull();
		else {
			const a = actual[i];
			expect(a, `${where}[${i}]`).not.toBeNull();
			expectClose(a as number, e as number, REL, `${where}[${i}]`);
		}
	});
}

function expectNullable(actual: number | null, expected: unknown, where: string) {
	if (expected === null) expect(actual, `${where} (R: NA)`).toBeNull();
	else {
		expect(actual, where).not.toBeNull();
		expectClose(actual as number, num(expected, where), REL, where);
	}
}

const label = (c: Record<string, unknown>) =>
	[c.dataset, c.arm, c.conf, c.ties, c.tau].filter((x) => x !== undefined).join(' ');

describe('the reference file', () => {
	it('has exactly the blocks the tests below read', () => {
		expect(Object.keys(REF).sort()).toEqual(
			['coxPH', 'data', 'generated', 'kaplanMeier', 'logRank', 'rmst', 'rmstDifference'].sort()
		);
	});
	it('was written by R with survival 3.5', () => {
		const generated = obj(REF.generated, 'generated');
		expect(String(generated.r)).toMatch(/^R version 4\.2/);
		expect(String(generated.survival)).toMatch(/^3\.5/);
	});
});

describe('kaplanMeier and medianSurvival against survfit / print(survfit)', () => {
	it.each(cases('kaplanMeier').map((c) => [label(c), c] as const))('%s', (_, c) => {
		const km = kaplanMeier(arm(String(c.dataset), String(c.arm)), {
			conf: c.conf as KmConfType,
			level: num(c.level, 'level')
		});
		const median = medianSurvival(km);
		const vector = (field: keyof KaplanMeierResult) => (v: unknown, where: string) =>
			expectVector(km[field] as (number | null)[], v, where);
		checkEveryKey(
			c,
			{
				dataset: (v) => expect(DATA[String(v)]).toBeDefined(),
				arm: (v) => expect(['all', 'group0', 'group1']).toContain(v),
				conf: (v) => expect(km.conf).toBe(v),
				level: (v) => expect(km.level).toBe(v),
				time: vector('time'),
				nRisk: vector('nRisk'),
				nEvent: vector('nEvent'),
				nCensor: vector('nCensor'),
				surv: vector('surv'),
				stdErr: vector('stdErr'),
				lower: vector('lower'),
				upper: vector('upper'),
				median: (v, where) => {
					const m = obj(v, where);
					checkEveryKey(
						m,
						{
							median: (x, w) => expectNullable(median.median, x, w),
							lower: (x, w) => expectNullable(median.lower, x, w),
							upper: (x, w) => expectNullable(median.upper, x, w)
						},
						{},
						where
					);
				}
			},
			{},
			label(c)
		);
	});

	it('covers the curve sitting exactly at 0.5 (R averages the two times)', () => {
		const km = kaplanMeier(arm('tiny', 'group0'));
		expect(km.surv).toEqual([0.75, 0.5, 0.25, 0]);
		expect(medianSurvival(km).median).toBe(2.5);
	});
});

describe('rmst against print(survfit, rmean = tau)', () => {
	it.each(cases('rmst').map((c) => [label(c), c] as const))('%s', (_, c) => {
		const r = rmst(kaplanMeier(arm(String(c.dataset), String(c.arm))), num(c.tau, 'tau'));
		checkEveryKey(
			c,
			{
				dataset: (v) => expect(DATA[String(v)]).toBeDefined(),
				arm: (v) => expect(['all', 'group0', 'group1']).toContain(v),
				tau: (v) => expect(typeof v).toBe('number'),
				rmst: (v, where) => expectClose(r.rmst, num(v, where), REL, where),
				se: (v, where) => expectClose(r.se, num(v, where), REL, where)
			},
			{},
			label(c)
		);
	});
});

describe('rmstDifference against the survRM2 formulas on R restricted means', () => {
	it.each(cases('rmstDifference').map((c) => [label(c), c] as const))('%s', (_, c) => {
		const name = String(c.dataset);
		const r = rmstDifference(
			kaplanMeier(arm(name, 'group1')),
			kaplanMeier(arm(name, 'group0')),
			num(c.tau, 'tau'),
			num(c.level, 'level')
		);
		const close = (field: keyof typeof r) => (v: unknown, where: string) =>
			expectClose(r[field], num(v, where), REL, where);
		checkEveryKey(
			c,
			{
				dataset: (v) => expect(DATA[String(v)]).toBeDefined(),
				tau: (v) => expect(typeof v).toBe('number'),
				level: (v) => expect(v).toBe(0.95),
				difference: close('difference'),
				lower: close('lower'),
				upper: close('upper'),
				ratio: close('ratio'),
				ratioLower: close('ratioLower'),
				ratioUpper: close('ratioUpper')
			},
			{},
			label(c)
		);
	});
});

describe('logRank against survdiff', () => {
	it.each(cases('logRank').map((c) => [label(c), c] as const))('%s', (_, c) => {
		const d = DATA[String(c.dataset)];
		const groupCount = Math.max(...d.group) + 1;
		const groups = Array.from({ length: groupCount }, (_, g) => {
			const keep = d.group.map((x, i) => (x === g ? i : -1)).filter((i) => i >= 0);
			return { time: keep.map((i) => d.time[i]), event: keep.map((i) => d.event[i]) };
		});
		const r = logRank(groups);
		checkEveryKey(
			c,
			{
				dataset: (v) => expect(DATA[String(v)]).toBeDefined(),
				chisq: (v, where) => expectClose(r.chisq, num(v, where), REL, where),
				df: (v) => expect(r.df).toBe(v),
				p: (v, where) => expectClose(r.p, num(v, where), REL, where),
				observed: (v, where) => expectVector(r.observed, v, where),
				expected: (v, where) => expectVector(r.expected, v, where)
			},
			{},
			label(c)
		);
	});
});

describe('coxPH against coxph (Wald interval and test)', () => {
	it.each(cases('coxPH').map((c) => [label(c), c] as const))('%s', (_, c) => {
		const r = coxPH(DATA[String(c.dataset)], { ties: c.ties as CoxTies });
		const close = (field: keyof typeof r) => (v: unknown, where: string) =>
			expectClose(r[field], num(v, where), REL, where);
		checkEveryKey(
			c,
			{
				dataset: (v) => expect(DATA[String(v)]).toBeDefined(),
				ties: (v) => expect(['efron', 'breslow']).toContain(v),
				beta: close('beta'),
				se: close('se'),
				hr: close('hr'),
				lower: close('lower'),
				upper: close('upper'),
				z: close('z'),
				p: close('p')
			},
			{},
			label(c)
		);
	});
});
