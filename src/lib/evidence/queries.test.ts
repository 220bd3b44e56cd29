import { describe, expect, it } from 'vitest';
import type { Dataset } from './schema';
import { loadEmbeddedDataset } from './load';
import { anchorSource } from './queries';
import { syntheticDataset } from './synthetic';

const embedded = loadEmbeddedDataset();
const publication = embedded.sources.find((s) => s.kind === 'publication')!;

/** The embedded dataset with the subject medicine described (and authorised) from another source. */
function describedFrom(sourceId: string): Dataset {
	const [medicine, ...others] = embedded.medicines;
	return {
		...embedded,
		medicines: [
			{
				...medicine,
				regulatorySourceId: sourceId,
				provenance: { ...medicine.provenance, sourceId }
			},
			...others
		]
	};
}
const syntheticMedicine = syntheticDataset({ results: 10 }).medicines[0];

describe('anchorSource', () => {
	it.each<[string, Dataset, string | undefined]>([
		['the embedded dataset: the EMA overview', embedded, 'ema-overview-nl-2025-01'],
		['a medicine described from a publication', describedFrom(publication.id), undefined],
		['a medicine described from an unknown source', describedFrom('nowhere'), undefined],
		[
			'a synthetic dataset: its agency report',
			syntheticDataset({ results: 10 }),
			syntheticMedicine.regulatorySourceId ?? syntheticMedicine.provenance.sourceId
		]
	])('%s', (_, dataset, expected) => {
		expect(anchorSource(dataset)?.id).toBe(expected);
	});
});
