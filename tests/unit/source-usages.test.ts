/** The one-pass source index gives, for every source, exactly what `sourceUsage` gives. */
import { describe, expect, it } from 'vitest';
import { loadEmbeddedDataset } from '$lib/evidence/load';
import { sourceUsage, sourceUsages } from '$lib/evidence/source-usage';
import { syntheticDataset } from '$lib/evidence/synthetic';
import type { Dataset } from '$lib/evidence/schema';

const datasets: [string, () => Dataset][] = [
	['embedded', loadEmbeddedDataset],
	[
		'synthetic, 300 results in small studies',
		() => syntheticDataset({ results: 300, resultsPerStudy: 3 })
	]
];

describe.each(datasets)('sourceUsages on the %s dataset', (_, make) => {
	const dataset = make();
	const usages = sourceUsages(dataset);

	it('has an entry for every source and no other', () => {
		expect([...usages.keys()].sort()).toEqual(dataset.sources.map((s) => s.id).sort());
	});

	it('equals sourceUsage for every source', () => {
		for (const source of dataset.sources)
			expect(usages.get(source.id), source.id).toEqual(sourceUsage(dataset, source.id));
	});

	it('counts some figures (the test can fail)', () => {
		expect([...usages.values()].some((u) => u.figureCount > 0)).toBe(true);
	});
});
