/**
 * The forest plot builds its figures once per dataset and only rearranges them when an
 * option changes: same rows as building from scratch, and the same row objects (so a
 * sort recomputes no interval and keyed marks only move).
 */
import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '$lib/charts/forest/fixtures';
import {
	FOREST_GROUPS,
	FOREST_SORTS,
	forestResults,
	forestRows,
	forestRowsOf
} from '$lib/charts/forest/forest-rows';
import { syntheticDataset } from '$lib/evidence/synthetic';

const datasets = [
	['fixture', fixtureDataset],
	['synthetic 300', syntheticDataset({ results: 300, seed: 5 })]
] as const;
const options = FOREST_SORTS.flatMap((sort) =>
	FOREST_GROUPS.flatMap((group) =>
		[[], ['alpha', 'beta'], ['syn-s0001', 'syn-s0002', 'syn-s0003']].map((pool) => ({
			sort,
			group,
			pool
		}))
	)
);

describe('forestRowsOf', () => {
	for (const [name, dataset] of datasets) {
		const results = forestResults(dataset);
		it.each(options)(`${name}: %o gives the rows forestRows gives`, (option) => {
			expect(forestRowsOf(results, option)).toEqual(forestRows(dataset, option));
		});
		it(`${name}: reuses the figures it is given`, () => {
			const rows = forestRowsOf(results, { sort: 'value', group: 'none', pool: [] });
			expect(rows).toHaveLength(results.length);
			for (const row of rows) expect(results).toContain(row);
		});
	}
});
