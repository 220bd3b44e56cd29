import { describe, expect, it } from 'vitest';
import { forestResults } from '$lib/charts/forest/forest-rows';
import { seededRandom, syntheticDataset } from '$lib/evidence/synthetic';
import { formatIssues, validateDataset } from '$lib/evidence/validate';

describe('seededRandom', () => {
	it('repeats its sequence for a seed and differs between seeds', () => {
		const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
		expect(draw(7)).toEqual(draw(7));
		expect(draw(7)).not.toEqual(draw(8));
		for (const x of draw(42)) expect(x >= 0 && x < 1).toBe(true);
	});
});

describe('syntheticDataset', () => {
	it.each([1, 10, 1000, 10_000])(
		'%i results: schema-valid, marked synthetic, one forest row each',
		(results) => {
			const dataset = syntheticDataset({ results, seed: 3 });
			const outcome = validateDataset(dataset);
			if (!outcome.ok) throw new Error(formatIssues(outcome.issues.slice(0, 10)));
			expect(outcome.ok).toBe(true);
			expect(dataset.synthetic).toBe(true);
			const count = dataset.studies.reduce(
				(sum, s) => sum + s.endpoints.reduce((n, e) => n + e.results.length, 0),
				0
			);
			expect(count).toBe(results);
			expect(forestResults(dataset)).toHaveLength(results);
		}
	);

	it('is deterministic: the same seed gives the same dataset, another seed another', () => {
		expect(syntheticDataset({ results: 500, seed: 11 })).toEqual(
			syntheticDataset({ results: 500, seed: 11 })
		);
		expect(JSON.stringify(syntheticDataset({ results: 500, seed: 11 }))).not.toBe(
			JSON.stringify(syntheticDataset({ results: 500, seed: 12 }))
		);
	});

	it('has the variety the forest draws: printed and computed CIs, counts only, flags, comparators', () => {
		const rows = forestResults(syntheticDataset({ results: 1000, seed: 1 }));
		const share = (test: (r: (typeof rows)[number]) => boolean) =>
			rows.filter(test).length / rows.length;
		expect(share((r) => r.ci?.origin === 'printed')).toBeGreaterThan(0.3);
		expect(share((r) => r.ci?.origin === 'computed')).toBeGreaterThan(0.3);
		expect(share((r) => r.valueComputed)).toBeGreaterThan(0.03);
		expect(share((r) => r.ci === undefined)).toBeGreaterThan(0.03);
		expect(share((r) => r.discrepancies.length > 0)).toBeGreaterThan(0);
		expect(share((r) => r.armRole === 'comparator')).toBeGreaterThan(0.05);
	});

	it('rejects a non-positive or fractional size', () => {
		expect(() => syntheticDataset({ results: 0 })).toThrow();
		expect(() => syntheticDataset({ results: 2.5 })).toThrow();
	});
});
