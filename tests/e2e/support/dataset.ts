import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded dataset as the build reads it, for e2e tests to compare the page with. */
export interface RawResult {
	id: string;
	headline?: boolean;
	value?: number;
	events?: number;
	total?: number;
	ci?: { low: number; high: number };
	provenance: { sourceId: string; quote?: string };
}
export interface RawStudy {
	id: string;
	name: string;
	design: string;
	indicationIds: string[];
	arms: { id: string; n?: number; role: string }[];
	endpoints: { id: string; kind: string; results: RawResult[] }[];
}
export interface RawDataset {
	version: string;
	title: string;
	shortTitle: string;
	medicines: { id: string; name: string; inn: string }[];
	indications: { id: string; label: string }[];
	sources: { id: string; file?: string }[];
	studies: RawStudy[];
	discrepancies: { id: string; studyId: string; itemIds: string[] }[];
}

const root = join(import.meta.dirname, '..', '..', '..', 'data', 'blincyto');

export function readDataset(): RawDataset {
	const base = JSON.parse(readFileSync(join(root, 'dataset.json'), 'utf8'));
	const studies = readdirSync(join(root, 'studies'))
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(root, 'studies', f), 'utf8')));
	return { discrepancies: [], ...base, studies };
}

export const allResultsOf = (study: RawStudy) => study.endpoints.flatMap((e) => e.results);
