import { describe, expect, it } from 'vitest';
import { tinyDatasetInput } from '../../../tests/fixtures/tiny-dataset';
import { sourceUsage } from './source-usage';
import { validateDataset } from './validate';

const outcome = validateDataset(tinyDatasetInput);
if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
const dataset = outcome.dataset;

describe('sourceUsage', () => {
	it.each<[string, Record<string, string[]>, number]>([
		[
			'agency',
			{ alpha: ['alpha-cr-agency', 'alpha-n-agency'], delta: ['delta-ev-x', 'delta-ev-c'] },
			4
		],
		[
			'paper-a',
			{
				alpha: ['alpha-cr-paper', 'alpha-os-paper', 'alpha-n-paper'],
				beta: ['beta-cr-x', 'beta-cr-c']
			},
			5
		],
		['registry', { beta: ['beta-hr'] }, 1],
		['nobody', {}, 0]
	])('groups the figures of %s by study', (sourceId, expected, count) => {
		const usage = sourceUsage(dataset, sourceId);
		const grouped = Object.fromEntries(
			usage.studies.map((s) => [
				s.study.id,
				[...s.results.map((r) => r.result.id), ...s.sampleSizes.map((z) => z.id)]
			])
		);
		expect(grouped).toEqual(expected);
		expect(usage.figureCount).toBe(count);
	});

	it('lists the other statements that cite a source', () => {
		const agency = sourceUsage(dataset, 'agency');
		expect(agency.medicine).toBe(true);
		expect(agency.indications.map((i) => i.id)).toEqual([
			'adult-neg-rr',
			'adult-pos-rr',
			'child-consol'
		]);
		expect(agency.timeline.map((t) => t.id)).toEqual(['t-orphan', 't-first', 't-child']);
		const label = sourceUsage(dataset, 'label');
		expect(label.medicine).toBe(false);
		expect(label.timeline.map((t) => t.id)).toEqual(['t-gamma']);
	});
});
