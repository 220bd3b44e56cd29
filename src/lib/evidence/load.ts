/**
 * Loads the embedded dataset from `data/` at build time and validates it.
 * A dataset that fails validation stops the build with the path of every problem.
 */
import type { Dataset } from './schema';
import { formatIssues, validateDataset, type SourceTexts } from './validate';

const baseFiles = import.meta.glob<Record<string, unknown>>('/data/blincyto/dataset.json', {
	eager: true,
	import: 'default'
});
const studyFiles = import.meta.glob<Record<string, unknown>>('/data/blincyto/studies/*.json', {
	eager: true,
	import: 'default'
});
const storedTexts = import.meta.glob<string>('/data/sources/*.txt', {
	eager: true,
	query: '?raw',
	import: 'default'
});

export class DatasetValidationError extends Error {
	constructor(
		readonly label: string,
		readonly issues: { path: string; message: string }[]
	) {
		super(`${label} failed validation with ${issues.length} problem(s):\n${formatIssues(issues)}`);
		this.name = 'DatasetValidationError';
	}
}

/** The raw dataset as written in `data/blincyto/`: the base file with its studies, in file-name order. */
export function readEmbeddedDatasetInput(): Record<string, unknown> {
	const base = baseFiles['/data/blincyto/dataset.json'];
	if (!base) throw new Error('data/blincyto/dataset.json is missing');
	const studies = Object.keys(studyFiles)
		.sort()
		.map((file) => studyFiles[file]);
	return { ...base, studies };
}

/** Stored verbatim source texts keyed by the source ids that reference them. */
export function readSourceTexts(dataset: {
	sources: { id: string; file?: string }[];
}): SourceTexts {
	const texts: SourceTexts = {};
	for (const source of dataset.sources) {
		if (!source.file) continue;
		const text = storedTexts[`/data/sources/${source.file}`];
		if (text !== undefined) texts[source.id] = text;
	}
	return texts;
}

let cached: Dataset | undefined;

/** The embedded default dataset, validated once per process. */
export function loadEmbeddedDataset(): Dataset {
	if (cached) return cached;
	const input = readEmbeddedDatasetInput();
	const texts = readSourceTexts(input as { sources: { id: string; file?: string }[] });
	const outcome = validateDataset(input, texts);
	if (!outcome.ok) throw new DatasetValidationError('data/blincyto', outcome.issues);
	cached = outcome.dataset;
	return cached;
}
