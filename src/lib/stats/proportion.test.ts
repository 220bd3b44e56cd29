import { describe, expect, it } from 'vitest';
import { zCritical } from './distributions';
import { StatsInputError } from './errors';
import { methodLabel } from './labels';
import type { ProportionMethod } from './labels';
import { PROPORTION_METHODS, proportionCI } from './proportion';
import {
	REFERENCE,
	REL_CLOSED,
	REL_SPECIAL,
	checkEveryKey,
	expectClose,
	expectInputError,
	expectPair,
	num,
	obj,
	pair
} from './test-helpers';

const cases = Object.entries(obj(REFERENCE.single_proportions, 'single_proportions'));

/** Reference keys that are not methods of this module, with the reason. */
const NOT_COVERED = {
	wald_raw: 'the plain Wald interval for one proportion is not offered (poor coverage)',
	wald_clipped01: 'the plain Wald interval for one proportion is not offered (poor coverage)'
};

describe('proportionCI against the R reference, every case and key', () => {
	it.each(cases)('%s', (name, raw) => {
		const row = obj(raw, name);
		const x = num(row.x, `${name}.x`);
		const n = num(row.n, `${name}.n`);
		const ci = (method: ProportionMethod) => proportionCI(x, n, { method });
		const z = zCritical(0.95);
		const at = (key: string) => `${name} ${key}`;

		checkEveryKey(
			row,
			{
				x: (v) => expect(v).toBe(x),
				n: (v) => expect(v).toBe(n),
				estimate: (v, k) =>
					expectClose(ci('clopper-pearson').estimate, num(v, k), REL_CLOSED, at(k)),
				clopper_pearson: (v, k) => expectPair(ci('clopper-pearson'), v, REL_SPECIAL, at(k)),
				wilson: (v, k) => expectPair(ci('wilson'), v, REL_CLOSED, at(k)),
				wilson_closed_form_check: (v, k) => expectPair(ci('wilson'), v, REL_CLOSED, at(k)),
				jeffreys_bcd_boundary_modified: (v, k) => expectPair(ci('jeffreys'), v, REL_SPECIAL, at(k)),
				// The unmodified equal-tailed interval differs from ours only at the boundaries.
				jeffreys_equal_tailed: (v, k) => {
					const [low, high] = pair(v, k);
					const ours = ci('jeffreys');
					if (x === 0) expect(ours.low).toBe(0);
					else expectClose(ours.low, low, REL_SPECIAL, at(`${k} low`));
					if (x === n) expect(ours.high).toBe(1);
					else expectClose(ours.high, high, REL_SPECIAL, at(`${k} high`));
				},
				agresti_coull_clipped01: (v, k) => expectPair(ci('agresti-coull'), v, REL_CLOSED, at(k)),
				agresti_coull_raw: (v, k) => {
					const [low, high] = pair(v, k);
					const clipped = [Math.max(0, low), Math.min(1, high)];
					expectPair(ci('agresti-coull'), clipped, REL_CLOSED, at(k));
				},
				// Centre of the unclipped interval; only observable when neither limit was clipped.
				agresti_coull_center: (v, k) => {
					const { low, high } = ci('agresti-coull');
					if (low > 0 && high < 1) expectClose((low + high) / 2, num(v, k), REL_CLOSED, at(k));
					else expectClose((x + (z * z) / 2) / (n + z * z), num(v, k), REL_CLOSED, at(k));
				},
				agresti_coull_ntilde: (v, k) => expectClose(n + z * z, num(v, k), REL_CLOSED, at(k))
			},
			NOT_COVERED,
			name
		);
	});
});

describe('proportionCI at the edges', () => {
	const edges: [number, number][] = [
		[0, 1],
		[1, 1],
		[0, 20],
		[20, 20],
		[0, 1_000_000],
		[1_000_000, 1_000_000]
	];
	it.each(PROPORTION_METHODS.flatMap((m) => edges.map(([x, n]) => [m, x, n] as const)))(
		'%s %i/%i is finite, ordered, inside [0, 1] and closed at the observed boundary',
		(method, x, n) => {
			const r = proportionCI(x, n, { method });
			expect(Number.isFinite(r.low) && Number.isFinite(r.high)).toBe(true);
			expect(0 <= r.low && r.low <= r.estimate && r.estimate <= r.high && r.high <= 1).toBe(true);
			if (x === 0) expect(r.low).toBe(0);
			if (x === n) expect(r.high).toBe(1);
			expect(r.high - r.low).toBeGreaterThan(0);
		}
	);

	it('Clopper–Pearson at 1/1 is [α/2, 1] and at 0/1 is [0, 1 − α/2]', () => {
		expectClose(proportionCI(1, 1).low, 0.025, REL_SPECIAL, '1/1');
		expectClose(proportionCI(0, 1).high, 0.975, REL_SPECIAL, '0/1');
	});

	it.each(PROPORTION_METHODS)('%s at n = 1e6 is finite, ordered and close to Wilson', (method) => {
		const [x, n] = [428_571, 1_000_000];
		const r = proportionCI(x, n, { method });
		const w = proportionCI(x, n, { method: 'wilson' });
		expect(r.low < r.estimate && r.estimate < r.high).toBe(true);
		expect(Math.abs(r.low - w.low)).toBeLessThan(1e-5);
		expect(Math.abs(r.high - w.high)).toBeLessThan(1e-5);
		expect(r.high - r.low).toBeCloseTo(2 * 1.96 * Math.sqrt((0.428571 * 0.571429) / n), 4);
	});

	it('is wider at a higher level and symmetric under events ↔ non-events', () => {
		for (const method of PROPORTION_METHODS) {
			const r95 = proportionCI(16, 45, { method });
			const r99 = proportionCI(16, 45, { method, level: 0.99 });
			expect(r99.low).toBeLessThan(r95.low);
			expect(r99.high).toBeGreaterThan(r95.high);
			const mirror = proportionCI(29, 45, { method });
			expectClose(mirror.low, 1 - r95.high, 1e-9, `${method} mirror`);
		}
	});
});

describe('proportionCI against the printed intervals of the dataset', () => {
	const percent = (v: number, digits: number) => (100 * v).toFixed(digits);
	it('81/189 prints as 36–50 % (Clopper–Pearson)', () => {
		const r = proportionCI(81, 189);
		expect([percent(r.low, 0), percent(r.high, 0)]).toEqual(['36', '50']);
	});
	it('16/45 prints as 21.9–51.2 % (Clopper–Pearson)', () => {
		const r = proportionCI(16, 45);
		expect([percent(r.low, 1), percent(r.high, 1)]).toEqual(['21.9', '51.2']);
	});
});

describe('proportionCI input errors', () => {
	const bad: [string, () => unknown, string][] = [
		['events > total', () => proportionCI(5, 3), 'events'],
		['negative events', () => proportionCI(-1, 3), 'events'],
		['non-integer events', () => proportionCI(1.5, 3), 'events'],
		['non-integer total', () => proportionCI(1, 3.2), 'total'],
		['total 0', () => proportionCI(0, 0), 'total'],
		['NaN events', () => proportionCI(NaN, 3), 'events'],
		['NaN total', () => proportionCI(1, NaN), 'total'],
		['infinite total', () => proportionCI(1, Infinity), 'total'],
		['level 0', () => proportionCI(1, 3, { level: 0 }), 'level'],
		['level 1', () => proportionCI(1, 3, { level: 1 }), 'level'],
		['level 95', () => proportionCI(1, 3, { level: 95 }), 'level'],
		['level NaN', () => proportionCI(1, 3, { level: NaN }), 'level'],
		['unknown method', () => proportionCI(1, 3, { method: 'wald' as ProportionMethod }), 'method']
	];
	it.each(bad)('%s throws StatsInputError naming %s', (_, call, argument) =>
		expectInputError(call, argument)
	);
});

describe('methodLabel', () => {
	it.each([
		['clopper-pearson', 0.95, 'Clopper–Pearson 95 %'],
		['wilson', 0.9, 'Wilson 90 %'],
		['jeffreys', 0.99, 'Jeffreys 99 %'],
		['agresti-coull', 0.995, 'Agresti–Coull 99.5 %'],
		['newcombe', 0.95, 'Newcombe hybrid score 95 %'],
		['wald-log', 0.95, 'Wald (log scale) 95 %'],
		['DL', 0.95, 'DerSimonian–Laird 95 %'],
		['REML', 0.8, 'REML 80 %']
	] as const)('%s at %f is "%s"', (method, level, label) => {
		expect(methodLabel(method, level)).toBe(label);
	});
	it('rejects a level outside (0, 1)', () => {
		expect(() => methodLabel('wilson', 1.2)).toThrow(StatsInputError);
	});
});
