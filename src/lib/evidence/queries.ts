/**
 * Questions the pages ask of a dataset. Plain functions over plain data, so the same
 * code serves the embedded dataset and any imported one.
 */
import type {
	Arm,
	Dataset,
	Discrepancy,
	Endpoint,
	Indication,
	Medicine,
	Result,
	Source,
	Study,
	Treatment
} from './schema';

export interface LocatedResult {
	study: Study;
	endpoint: Endpoint;
	result: Result;
	arm?: Arm;
	source?: Source;
}

// Sources by id, per list of sources (datasets are never mutated once validated): a linear
// search per result made the pages of a 6,000-source dataset quadratic. Keyed by the list, not
// the dataset: filtered copies and study scopes share their dataset's list, and one index.
const sourceIndex = new WeakMap<readonly Source[], Map<string, Source>>();

export function sourceById(dataset: Dataset, id: string): Source | undefined {
	let index = sourceIndex.get(dataset.sources);
	if (!index) {
		index = new Map();
		// The first of a duplicated id wins, as `find` did (validation refuses duplicates anyway).
		for (const source of dataset.sources) if (!index.has(source.id)) index.set(source.id, source);
		sourceIndex.set(dataset.sources, index);
	}
	return index.get(id);
}

/**
 * The regulatory document the dataset is built around: the source of the medicine's own
 * description, when that is a regulatory source. Absent for datasets compiled otherwise.
 */
export function anchorSource(dataset: Dataset): Source | undefined {
	const medicine = subjectMedicines(dataset)[0];
	if (!medicine) return undefined;
	const source = sourceById(dataset, medicine.regulatorySourceId ?? medicine.provenance.sourceId);
	return source?.kind === 'regulatory' ? source : undefined;
}

/** The medicines the dataset is about (not those of its comparator arms), in dataset order. */
export function subjectMedicines(dataset: Dataset): Medicine[] {
	return dataset.medicines.filter((m) => m.role === 'subject');
}

export function treatmentById(dataset: Dataset, id: string): Treatment | undefined {
	return dataset.treatments.find((t) => t.id === id);
}

export function studyById(dataset: Dataset, id: string): Study | undefined {
	return dataset.studies.find((s) => s.id === id);
}

export function indicationById(dataset: Dataset, id: string): Indication | undefined {
	return dataset.indications.find((i) => i.id === id);
}

/** Each indication with the studies linked to it, in dataset order. A study may serve several. */
export function studiesByIndication(
	dataset: Dataset
): { indication: Indication; studies: Study[] }[] {
	return dataset.indications.map((indication) => ({
		indication,
		studies: dataset.studies.filter((s) => s.indicationIds.includes(indication.id))
	}));
}

export function armById(study: Study, id: string | undefined): Arm | undefined {
	return id === undefined ? undefined : study.arms.find((a) => a.id === id);
}

/** Every result of a study with its endpoint, arm and source attached. */
export function studyResults(dataset: Dataset, study: Study): LocatedResult[] {
	return study.endpoints.flatMap((endpoint) =>
		endpoint.results.map((result) => ({
			study,
			endpoint,
			result,
			arm: armById(study, result.armId),
			source: sourceById(dataset, result.provenance.sourceId)
		}))
	);
}

export function headlineResults(dataset: Dataset, study: Study): LocatedResult[] {
	return studyResults(dataset, study).filter((r) => r.result.headline);
}

export function primaryEndpoints(study: Study): Endpoint[] {
	return study.endpoints.filter((e) => e.primary);
}

/** Discrepancies that involve a result or sample size. */
export function discrepanciesFor(dataset: Dataset, itemId: string): Discrepancy[] {
	return dataset.discrepancies.filter((d) => d.itemIds.includes(itemId));
}

export function studyDiscrepancies(dataset: Dataset, study: Study): Discrepancy[] {
	return dataset.discrepancies.filter((d) => d.studyId === study.id);
}

/** The sources a study cites, resolved, in the study's order. */
export function studySources(dataset: Dataset, study: Study): Source[] {
	return study.sourceIds.flatMap((id) => sourceById(dataset, id) ?? []);
}
