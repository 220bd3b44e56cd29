/**
 * Version-1 files import unchanged: each version-1 fixture goes through the import the /data page
 * uses (`importDataset`, as its worker calls it), is migrated on read, the outcome says so, and
 * it shows the same figures as before: every result's value, CI, events and total, every arm's n
 * (and its treatment words, now the arm's regimen), the indications with their population, the
 * sample sizes, reactions and dosing.
 *
 * The fixtures are files exported by the version-1 code (commit fcc84f5, before the v2 model):
 * - tests/fixtures/synthetic-dataset.json (also served as static/examples/synthetic-dataset.json);
 * - tests/fixtures/v1/blincyto-2025.01-1.json and .csv: the embedded dataset as version 1 exported it;
 * - tests/fixtures/v1/synthetic-dataset.csv: the synthetic example as version 1 exported it.
 * The "before" figures are read from the raw version-1 JSON, never through the migration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDataset, type ImportOutcome } from '$lib/evidence/dataset-import';
import { exportDatasetJson } from '$lib/evidence/dataset-json';
import { exportDatasetCsv } from '$lib/evidence/dataset-csv';
import { SCHEMA_VERSION, type Dataset } from '$lib/evidence/schema';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- the raw version-1 files have no type here */
type V1 = any;

const SYNTHETIC_JSON = 'tests/fixtures/synthetic-dataset.json';
const BLINCYTO_JSON = 'tests/fixtures/v1/blincyto-2025.01-1.json';

/** [fixture, the raw version-1 JSON whose figures it holds] */
const FIXTURES: [string, string][] = [
	[SYNTHETIC_JSON, SYNTHETIC_JSON],
	['static/examples/synthetic-dataset.json', SYNTHETIC_JSON],
	[BLINCYTO_JSON, BLINCYTO_JSON],
	['tests/fixtures/v1/blincyto-2025.01-1.csv', BLINCYTO_JSON],
	['tests/fixtures/v1/synthetic-dataset.csv', SYNTHETIC_JSON]
];

function imported(path: string): Extract<ImportOutcome, { ok: true }> {
	const outcome = importDataset(read(path), { fileName: path.split('/').pop() });
	if (!outcome.ok)
		throw new Error(`${path}: ${JSON.stringify(outcome.issues.slice(0, 5), null, 1)}`);
	return outcome;
}

const results = (studies: V1[]) =>
	studies.flatMap((s: V1) =>
		s.endpoints.flatMap((e: V1) => e.results.map((r: V1) => ({ study: s.id, ...r })))
	);

/** The figures a reader sees of a result, as the version-1 file wrote them. */
const figures = (r: V1) => ({
	study: r.study,
	id: r.id,
	armId: r.armId,
	comparison: r.comparison,
	value: r.value,
	unit: r.unit,
	events: r.events,
	total: r.total,
	ci: r.ci && { low: r.ci.low, high: r.ci.high, level: r.ci.level, method: r.ci.method },
	pValue: r.pValue,
	timepoint: r.timepoint,
	printed: r.printed,
	sourceId: r.provenance.sourceId,
	locator: r.provenance.locator
});

describe.each(FIXTURES)('the version-1 fixture %s', (path, rawPath) => {
	const before: V1 = JSON.parse(read(rawPath));
	const outcome = imported(path);
	const after: Dataset = outcome.dataset;

	it('is a version-1 file, and the import says it was migrated', () => {
		const text = read(path);
		if (path.endsWith('.json')) expect(JSON.parse(text).schemaVersion).toBe(1);
		else expect(text).toContain('ph_status');
		expect(before.schemaVersion).toBe(1);
		expect(outcome.migration).toMatchObject({ from: 1, to: SCHEMA_VERSION });
		expect(outcome.migration!.treatmentsDerived).toBe(after.treatments.length);
		expect(after.schemaVersion).toBe(SCHEMA_VERSION);
	});

	it('shows every result with the same figures', () => {
		const old = results(before.studies).map(figures);
		expect(old.length).toBeGreaterThan(0);
		expect(results(after.studies).map(figures)).toEqual(old);
	});

	it('keeps every arm, its n, and its treatment words as the arm’s regimen', () => {
		const arms = (studies: V1[]) =>
			studies.flatMap((s: V1) => s.arms.map((a: V1) => [s.id, a.id, a.label, a.role, a.n]));
		expect(arms(after.studies)).toEqual(arms(before.studies));
		const treatments = new Map(after.treatments.map((t) => [t.id, t]));
		for (const [s, study] of after.studies.entries())
			for (const [a, arm] of study.arms.entries()) {
				const words = before.studies[s].arms[a].treatment;
				expect(arm.regimen).toBe(words);
				expect(treatments.get(arm.treatmentId)?.label).toBe(words);
			}
	});

	it('keeps the indications and their populations, as facets', () => {
		expect(
			after.indications.map((i) => ({
				id: i.id,
				label: i.label,
				age: i.population.age,
				description: i.population.description,
				facets: i.population.facets
			}))
		).toEqual(
			before.indications.map((i: V1) => ({
				id: i.id,
				label: i.label,
				age: i.population.age,
				description: i.population.description,
				facets: {
					age: i.population.ageGroups,
					ph: [i.population.phStatus],
					setting: [i.population.setting],
					line: [i.population.line]
				}
			}))
		);
		expect(after.facets.map((f) => f.id)).toEqual(['age', 'ph', 'setting', 'line']);
	});

	it('keeps the medicine, the sample sizes, the reactions, the discrepancies and the dosing', () => {
		expect(after.medicines).toHaveLength(1);
		expect(after.medicines[0]).toMatchObject({
			name: before.medicine.name,
			inn: before.medicine.inn,
			mechanism: before.medicine.mechanism,
			role: 'subject'
		});
		expect(after.title).toContain(before.medicine.name);
		const sizes = (studies: V1[]) =>
			studies.flatMap((s: V1) => (s.sampleSizes ?? []).map((z: V1) => [z.id, z.kind, z.value]));
		expect(sizes(after.studies)).toEqual(sizes(before.studies));
		const reactions = (safety: V1[]) =>
			safety.flatMap((p: V1) => p.reactions.map((r: V1) => [p.id, r.id, r.term, r.percent]));
		expect(reactions(after.safety)).toEqual(reactions(before.safety ?? []));
		expect(after.discrepancies.map((d) => [d.id, d.studyId, d.itemIds])).toEqual(
			(before.discrepancies ?? []).map((d: V1) => [d.id, d.studyId, d.itemIds])
		);
		expect(after.dosing.map((d) => [d.id, d.route, d.cycle, d.steps])).toEqual(
			(before.dosing ?? []).map((d: V1) => [
				d.id,
				'continuous-infusion',
				{ treatmentDays: d.infusionWeeks * 7, restDays: d.restWeeks * 7 },
				d.steps
			])
		);
	});

	it('exports as version 2, and that export reads back without a migration', () => {
		for (const [text, fileName] of [
			[exportDatasetJson(after), 'x.json'],
			[exportDatasetCsv(after), 'x.csv']
		]) {
			const back = importDataset(text, { fileName });
			expect(back.ok && back.migration).toBe(undefined);
			expect(back.ok && back.dataset).toStrictEqual(after);
		}
		expect(JSON.parse(exportDatasetJson(after)).schemaVersion).toBe(2);
	});
});

describe('a version-1 CSV and the same dataset’s version-1 JSON', () => {
	it('migrate to the same dataset', () => {
		expect(imported('tests/fixtures/v1/blincyto-2025.01-1.csv').dataset).toStrictEqual(
			imported(BLINCYTO_JSON).dataset
		);
		expect(imported('tests/fixtures/v1/synthetic-dataset.csv').dataset).toStrictEqual(
			imported(SYNTHETIC_JSON).dataset
		);
	});
});
