/**
 * The published JSON Schema of the dataset format, checked with a standard validator (ajv):
 * the files the dashboard accepts pass it, and broken copies fail it as they fail valibot.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { importDataset } from '$lib/evidence/dataset-import';
import { exportDatasetJson } from '$lib/evidence/dataset-json';
import { DATASET_SCHEMA_PATH, datasetJsonSchema } from '$lib/evidence/json-schema';
import { loadEmbeddedDataset, readEmbeddedDatasetInput } from '$lib/evidence/load';
import { migrateDataset } from '$lib/evidence/migrate';
import { loadLandscapeDataset, readLandscapeInput } from '$lib/evidence/load-landscape';
import { SCHEMA_VERSION } from '$lib/evidence/schema';
import { syntheticDataset } from '$lib/evidence/synthetic';
import { validateDataset, validateShape } from '$lib/evidence/validate';
import { GET } from '../../src/routes/schema/dataset-v2.json/+server';

// ajv-formats is CommonJS; its function is the default export under either interop.
const addFormats = ((addFormatsModule as { default?: unknown }).default ??
	addFormatsModule) as typeof addFormatsModule;

function compile(): ValidateFunction {
	// strict: an unknown keyword or format in the generated schema is an error, not ignored.
	const ajv = new Ajv({ strict: true, allErrors: true });
	addFormats(ajv);
	return ajv.compile(datasetJsonSchema());
}
const validate = compile();

function errorsOf(value: unknown): string {
	validate(value);
	return (validate.errors ?? [])
		.slice(0, 8)
		.map((e) => `${e.instancePath || '(root)'} ${e.message}`)
		.join('\n');
}

const clone = <T>(value: T): T => structuredClone(value);
const examplesDir = 'static/examples';
const exampleFiles = readdirSync(examplesDir)
	.filter((name) => name.endsWith('.json'))
	.map((name) => ({
		name,
		value: JSON.parse(readFileSync(`${examplesDir}/${name}`, 'utf8')) as Record<string, unknown>
	}));

describe('the generated JSON Schema', () => {
	it('is a draft-07 schema with its version in $id and title, served at its path', async () => {
		const schema = datasetJsonSchema();
		expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
		expect(schema.$id).toBe(`/schema/dataset-v${SCHEMA_VERSION}.json`);
		expect(schema.title).toContain(`version ${SCHEMA_VERSION}`);
		expect(existsSync(`src/routes${DATASET_SCHEMA_PATH}/+server.ts`)).toBe(true);
		const served = GET();
		expect(served.headers.get('content-type')).toContain('application/schema+json');
		expect(JSON.parse(await served.text())).toEqual(schema);
	});

	it('says in its description what only the dashboard checks', () => {
		const { description } = datasetJsonSchema();
		for (const words of ['References resolve', 'CI contains its estimate', 'Version-1 files'])
			expect(description).toContain(words);
	});
});

describe('files the dashboard accepts pass the JSON Schema (ajv)', () => {
	it('the embedded dataset as written in data/', () => {
		const input = readEmbeddedDatasetInput();
		expect(errorsOf(input)).toBe('');
		expect(validate(input)).toBe(true);
	});

	it('the landscape dataset with its indirect comparisons, as written and as exported', () => {
		const input = readLandscapeInput();
		expect((input.indirectComparisons as unknown[]).length).toBeGreaterThan(0);
		expect(errorsOf(input)).toBe('');
		expect(errorsOf(JSON.parse(exportDatasetJson(loadLandscapeDataset())))).toBe('');
		// It can fail: a published comparison without its funding is refused.
		const broken = clone(input) as { indirectComparisons: { published: { funding?: string }[] }[] };
		delete broken.indirectComparisons[0].published[0].funding;
		expect(validate(broken)).toBe(false);
	});

	it('the embedded dataset as exported (every default written out)', () => {
		const exported = JSON.parse(exportDatasetJson(loadEmbeddedDataset()));
		expect(exported.schemaVersion).toBe(SCHEMA_VERSION);
		expect(errorsOf(exported)).toBe('');
	});

	it('a generated synthetic dataset of 500 results', () => {
		expect(errorsOf(syntheticDataset({ results: 500, seed: 5 }))).toBe('');
	});

	it.each(exampleFiles.map((file) => [file.name, file.value] as const))(
		'static/examples/%s (version 2 as it is, version 1 once migrated)',
		(_name, value) => {
			expect(validateShape(value).ok).toBe(true);
			if (value.schemaVersion === SCHEMA_VERSION) {
				expect(errorsOf(value)).toBe('');
			} else {
				// A version-1 file is not of this format: the dashboard migrates it on read.
				expect(validate(value)).toBe(false);
				expect(errorsOf(migrateDataset(value).value)).toBe('');
			}
		}
	);
});

describe('a version-1 file', () => {
	const v1Text = readFileSync('tests/fixtures/synthetic-dataset.json', 'utf8');

	it('imports with a migration report, and exports as version 2 that passes the schema', () => {
		expect(JSON.parse(v1Text).schemaVersion).toBe(1);
		const outcome = importDataset(v1Text, { fileName: 'old.json' });
		if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues.slice(0, 5)));
		expect(outcome.migration).toMatchObject({ from: 1, to: SCHEMA_VERSION });
		expect(outcome.migration?.treatmentsDerived).toBe(outcome.dataset.treatments.length);
		const exported = exportDatasetJson(outcome.dataset);
		expect(JSON.parse(exported).schemaVersion).toBe(SCHEMA_VERSION);
		expect(errorsOf(JSON.parse(exported))).toBe('');
		const again = importDataset(exported, { fileName: 'new.json' });
		expect(again.ok && again.migration).toBe(undefined);
		expect(again.ok && again.dataset).toEqual(outcome.dataset);
	});

	it('that fails its checks still says it was migrated', () => {
		const broken = JSON.parse(v1Text);
		broken.studies[0].arms[0].n = -3;
		const outcome = importDataset(JSON.stringify(broken, null, '\t'), { fileName: 'old.json' });
		expect(outcome.ok).toBe(false);
		expect(outcome.migration).toMatchObject({ from: 1, to: SCHEMA_VERSION });
	});
});

type Dataset = ReturnType<typeof readEmbeddedDatasetInput> & {
	studies: {
		arms: Record<string, unknown>[];
		endpoints: { results: Record<string, unknown>[] }[];
	}[];
	sources: Record<string, unknown>[];
};

describe('broken copies of the embedded dataset fail both ajv and valibot', () => {
	const cases: [string, (d: Dataset) => void][] = [
		['a required field removed', (d) => delete d.studies[0].arms[0].label],
		['an unknown field', (d) => (d.studies[0].arms[0].colour = 'red')],
		['a blank text', (d) => (d.sources[0].citation = '   ')],
		['an id with capitals', (d) => (d.sources[0].id = 'EMA')],
		['a wrong type', (d) => (d.studies[0].arms[0].n = '12')],
		['a negative count', (d) => (d.studies[0].endpoints[0].results[0].events = -1)],
		['a CI level of 95', (d) => (d.studies[0].endpoints[0].results[0].ci = ciOf(95))],
		['an unknown open reason', (d) => (d.studies[0].endpoints[0].results[0].valueOpen = openOf())],
		['a newer format version', (d) => (d.schemaVersion = SCHEMA_VERSION + 1)]
	];
	it.each(cases)('%s', (_name, breakIt) => {
		const broken = clone(readEmbeddedDatasetInput()) as Dataset;
		breakIt(broken);
		expect(validate(broken)).toBe(false);
		expect(validateShape(broken).ok).toBe(false);
	});

	it('a broken reference passes the JSON Schema and fails the dashboard, as its description says', () => {
		const broken = clone(readEmbeddedDatasetInput()) as Dataset;
		broken.studies[0].arms[0].treatmentId = 'no-such-treatment';
		expect(validate(broken)).toBe(true);
		const outcome = validateDataset(broken);
		expect(outcome.ok).toBe(false);
		expect(outcome.issues.map((i) => i.message)).toContain('unknown treatment "no-such-treatment"');
	});
});

function ciOf(level: number) {
	return { low: 1, high: 2, level, method: 'not stated' };
}

function openOf() {
	return { reason: 'not-known', printed: 'NE' };
}
