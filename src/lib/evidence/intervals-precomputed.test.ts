import { describe, expect, it } from 'vitest';
import * as engine from './interval-engine';
import { displayInterval, primeFigures, studyTwoArmEffects } from './intervals';
import { effectsKey, intervalCounts, proportionKey, studyTwoArmPairs } from './intervals-common';
import { loadEmbeddedDataset } from './load';
import { syntheticDataset } from './synthetic';

const embedded = loadEmbeddedDataset();
const results = embedded.studies.flatMap((s) => s.endpoints.flatMap((e) => e.results));

describe('figures precomputed at build time for the browser', () => {
	// What the server puts in the page and the browser reads back: plain data, numbers
	// printed shortest-round-trip (as SvelteKit's serialiser does), so they come back exact.
	const figures: engine.PrecomputedFigures = JSON.parse(
		JSON.stringify(engine.precomputeFigures(embedded))
	);

	it('hold every computed interval of the embedded dataset, exactly as the engine computes it', () => {
		const counted = results.filter((r) => intervalCounts(r));
		expect(counted.length).toBeGreaterThan(0);
		for (const result of counted) {
			const key = proportionKey(intervalCounts(result)!);
			expect(figures.intervals[key], key).toStrictEqual(engine.displayInterval(result));
		}
		expect(Object.keys(figures.intervals)).toHaveLength(
			new Set(counted.map((r) => proportionKey(intervalCounts(r)!))).size
		);
	});

	it('hold every two-arm effect of the embedded dataset, exactly as the engine computes it', () => {
		const pairs = embedded.studies.flatMap(studyTwoArmPairs);
		expect(pairs.length).toBeGreaterThan(0);
		for (const pair of pairs) {
			const key = effectsKey(pair.experimental, pair.comparator, pair.outcome);
			expect(figures.effects[key], key).toStrictEqual(
				engine.twoArmEffects(pair.experimental, pair.comparator, { outcome: pair.outcome })
			);
		}
	});

	it('are what the light module shows once primed, for every result and study', () => {
		primeFigures(figures);
		for (const result of results)
			expect(displayInterval(result), result.id).toStrictEqual(engine.displayInterval(result));
		for (const study of embedded.studies)
			expect(studyTwoArmEffects(study), study.id).toStrictEqual(engine.studyTwoArmEffects(study));
	});

	it('key by the counts only: another dataset with other counts is computed, not looked up', () => {
		primeFigures(figures);
		const other = syntheticDataset({ results: 40, seed: 7 });
		for (const result of other.studies.flatMap((s) => s.endpoints.flatMap((e) => e.results)))
			expect(displayInterval(result), result.id).toStrictEqual(engine.displayInterval(result));
	});
});
