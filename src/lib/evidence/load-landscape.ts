/**
 * Loads the second embedded dataset (`data/landscape/`) at build time. Records it shares with
 * the default dataset (medicines, treatments, sources, indications, studies named in
 * `shared.json`) are taken from that dataset by id, not copied, so the two cannot drift apart.
 * Any problem stops the build with its path.
 */
import type { Dataset } from './schema';
import { DatasetValidationError, readEmbeddedDatasetInput, readSourceTexts } from './load';
import { validateDataset } from './validate';

const baseFiles = import.meta.glob<Record<string, unknown>>(
	[
		'/data/landscape/dataset.json',
		'/data/landscape/shared.json',
		'/data/landscape/indirect-comparisons.json'
	],
	{ eager: true, import: 'default' }
);
const studyFiles = import.meta.glob<Record<string, unknown>>('/data/landscape/studies/*.json', {
	eager: true,
	import: 'default'
});

const SHARED_KINDS = ['medicines', 'treatments', 'sources', 'indications', 'studies'] as const;
type SharedKind = (typeof SHARED_KINDS)[number];

function file(name: string): unknown {
	const content = baseFiles[`/data/landscape/${name}`];
	if (content === undefined) throw new Error(`data/landscape/${name} is missing`);
	return content;
}

/** The records of `from` named in `shared`, in the order named; a missing id is an error. */
export function pickShared(
	from: Record<string, unknown>,
	shared: Partial<Record<SharedKind, string[]>>
): Record<SharedKind, unknown[]> {
	const picked = {} as Record<SharedKind, unknown[]>;
	for (const kind of SHARED_KINDS) {
		const pool = (from[kind] ?? []) as { id: string }[];
		picked[kind] = (shared[kind] ?? []).map((id) => {
			const record = pool.find((r) => r.id === id);
			if (!record)
				throw new DatasetValidationError('data/landscape', [
					{ path: `shared.${kind}`, message: `"${id}" is not in the default dataset` }
				]);
			return record;
		});
	}
	return picked;
}

/** Every source id cited anywhere in `records` (provenance.sourceId, sourceIds, regulatorySourceId). */
export function citedSourceIds(records: unknown): Set<string> {
	const ids = new Set<string>();
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		for (const [key, value] of Object.entries(node)) {
			if ((key === 'sourceId' || key === 'regulatorySourceId') && typeof value === 'string')
				ids.add(value);
			else if (key === 'sourceIds' && Array.isArray(value))
				value.forEach((id) => typeof id === 'string' && ids.add(id));
			else walk(value);
		}
	};
	walk(records);
	return ids;
}

/** The raw landscape dataset: its own records with the shared ones put first. */
export function readLandscapeInput(): Record<string, unknown> {
	const base = file('dataset.json') as Record<string, unknown[]>;
	const shared = pickShared(
		readEmbeddedDatasetInput(),
		file('shared.json') as Partial<Record<SharedKind, string[]>>
	);
	const own = Object.keys(studyFiles)
		.sort()
		.map((name) => studyFiles[name]);
	// The sources the shared records cite come with them, whatever shared.json lists.
	const cited = citedSourceIds([shared.medicines, shared.indications, shared.studies]);
	const pool = (readEmbeddedDatasetInput().sources ?? []) as { id: string }[];
	for (const source of pool)
		if (cited.has(source.id) && !shared.sources.includes(source)) shared.sources.push(source);
	return {
		...base,
		medicines: [...shared.medicines, ...base.medicines],
		treatments: [...shared.treatments, ...base.treatments],
		sources: [...shared.sources, ...base.sources],
		indications: [...shared.indications, ...base.indications],
		studies: [...shared.studies, ...own],
		indirectComparisons: file('indirect-comparisons.json')
	};
}

let cached: Dataset | undefined;

/** The landscape dataset, validated (schema, integrity, indirect comparisons) once per process. */
export function loadLandscapeDataset(): Dataset {
	if (cached) return cached;
	const input = readLandscapeInput();
	const texts = readSourceTexts(input as { sources: { id: string; file?: string }[] });
	// One validation for everything, indirect comparisons included (schema, references, quotes).
	const outcome = validateDataset(input, texts);
	if (!outcome.ok) throw new DatasetValidationError('data/landscape', outcome.issues);
	const dataset = outcome.dataset;
	cached = dataset;
	return cached;
}
