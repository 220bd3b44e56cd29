/**
 * Loads the embedded dataset from `data/` at build time and validates it.
 * A dataset that fails validation stops the build with the path of every problem.
 */
import embedded from '../../../data/embedded.json';
import type { Dataset } from './schema';
import { formatIssues, validateDataset, type SourceTexts, type ValidationIssue } from './validate';

/** The folder under data/ of the dataset the site embeds, named in data/embedded.json. */
const EMBEDDED_DIR = `/data/${embedded.dataset}`;

const baseFiles = import.meta.glob<Record<string, unknown>>('/data/*/dataset.json', {
	eager: true,
	import: 'default'
});
const studyFiles = import.meta.glob<Record<string, unknown>>('/data/*/studies/*.json', {
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
		readonly issues: ValidationIssue[]
	) {
		super(`${label} failed validation with ${issues.length} problem(s):\n${formatIssues(issues)}`);
		this.name = 'DatasetValidationError';
	}
}

/** The raw embedded dataset as written in its folder: the base file with its studies, in file-name order. */
export function readEmbeddedDatasetInput(): Record<string, unknown> {
	const base = baseFiles[`${EMBEDDED_DIR}/dataset.json`];
	if (!base) throw new Error(`${EMBEDDED_DIR.slice(1)}/dataset.json is missing`);
	const studies = Object.keys(studyFiles)
		.filter((file) => file.startsWith(`${EMBEDDED_DIR}/studies/`))
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
	if (!outcome.ok) throw new DatasetValidationError(EMBEDDED_DIR.slice(1), outcome.issues);
	cached = outcome.dataset;
	return cached;
}
