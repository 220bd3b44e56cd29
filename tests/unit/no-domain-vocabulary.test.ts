/**
 * No disease or medicine vocabulary in src/: the dashboard serves any medicine's data, so the
 * words of one disease live in data/ and in tests only. The word list is built from the embedded
 * datasets' own vocabulary (their medicines' names and INNs, the value labels of their facets
 * other than age, in every language and short form) plus a fixed list of the haematology words
 * the first dataset brought. Scanned: src/**\/*.{ts,svelte,json}, except tests (*.test.ts),
 * fixtures (fixtures/ folders and fixtures.ts files) and generated code (src/lib/paraglide).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Words of the first dataset's disease and medicine, also where no dataset spells them yet. */
const FIXED = [
	'blinatumomab',
	'Blincyto',
	'B-ALL',
	'B-precursor',
	'leukaemia',
	'leukemia',
	'leukemie',
	'Ph-positive',
	'Ph-negative',
	'Ph-positief',
	'Ph-negatief',
	'Ph status',
	'Ph-status',
	'Philadelphia',
	'CAR-T',
	'inotuzumab',
	'MRD',
	'minimal residual disease',
	'minimale restziekte'
];
/** Case-sensitive: the disease's abbreviation, not the English word "all". */
const CASE_SENSITIVE = ['ALL ', 'ALL)', 'ALL,', 'ALL.'];

interface DatasetVocabulary {
	medicines: { name: string; inn: string }[];
	facets: {
		id: string;
		values: { label: Record<string, string>; short?: Record<string, string> }[];
	}[];
}

function datasetWords(): string[] {
	const dataDir = join(root, 'data');
	const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
		f.endsWith('dataset.json')
	);
	expect(files.length).toBeGreaterThan(0);
	return files.flatMap((file) => {
		const dataset = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as DatasetVocabulary;
		return [
			...dataset.medicines.flatMap((m) => [m.name, m.inn]),
			// Age groups (adults, children) are every disease's words, not one disease's.
			...dataset.facets
				.filter((facet) => facet.id !== 'age')
				.flatMap((facet) =>
					facet.values.flatMap((v) => [...Object.values(v.label), ...Object.values(v.short ?? {})])
				)
		];
	});
}

function sourceFiles(): string[] {
	const src = join(root, 'src');
	return readdirSync(src, { recursive: true, encoding: 'utf8' })
		.map((f) => f.replaceAll('\\', '/'))
		.filter(
			(f) =>
				/\.(ts|svelte|json)$/.test(f) &&
				!f.endsWith('.test.ts') &&
				!f.split('/').includes('fixtures') &&
				!f.endsWith('/fixtures.ts') &&
				!f.startsWith('lib/paraglide/')
		)
		.map((f) => join(src, f))
		.filter((f) => statSync(f).isFile());
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('no disease or medicine vocabulary in src/', () => {
	const words = [...new Set([...FIXED, ...datasetWords()])];
	const patterns = [
		// Whole words: "any line" is a value label, "many lines" is not.
		...words.map((w) => ({
			word: w,
			re: new RegExp(`(?<![\\p{L}\\d])${escape(w)}(?![\\p{L}\\d])`, 'iu')
		})),
		...CASE_SENSITIVE.map((w) => ({ word: w, re: new RegExp(`\\b${escape(w)}`) }))
	];

	it('builds its word list from the data (it can find something)', () => {
		expect(words).toContain('Blincyto');
		expect(words).toContain('Relapsed or refractory');
		expect(patterns.some((p) => p.re.test('a Ph-negative population'))).toBe(true);
		expect(patterns.some((p) => p.re.test('relapsed B-precursor ALL in adults'))).toBe(true);
		expect(patterns.some((p) => p.re.test('all patients, any age'))).toBe(false);
	});

	it('finds none of it in the code, components, routes and messages', () => {
		const files = sourceFiles();
		expect(files.length).toBeGreaterThan(50);
		const found: string[] = [];
		for (const file of files) {
			const lines = readFileSync(file, 'utf8').split('\n');
			lines.forEach((line, i) => {
				for (const { word, re } of patterns)
					if (re.test(line)) found.push(`${relative(root, file)}:${i + 1}: "${word}"`);
			});
		}
		expect(found).toEqual([]);
	});
});
