import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyDatasetInput } from '../../../tests/fixtures/tiny-dataset';
import {
	activeCount,
	applyFilters,
	availableValues,
	emptyFilters,
	filterCounts,
	filterQuery,
	filterSpace,
	isEmpty,
	parseFilters,
	restrictDimensions,
	restrictToIndication,
	restrictToStudies,
	sourceGroup,
	toggleValue,
	writeFilters,
	type Filters
} from './filters';
import { validateDataset } from './validate';

const outcome = validateDataset(tinyDatasetInput);
if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
const dataset = outcome.dataset;
const space = filterSpace(dataset);
const valuesOf = (dimension: string) => [...space.find((d) => d.id === dimension)!.values];

const f = (partial: Partial<Filters>): Filters =>
	({ ...emptyFilters(space), ...partial }) as Filters;
const ids = (items: { id: string }[]) => items.map((i) => i.id);
const resultIds = (d: typeof dataset) =>
	d.studies.flatMap((s) => s.endpoints.flatMap((e) => e.results.map((r) => r.id)));

describe('parseFilters', () => {
	it.each([
		['', f({})],
		['?age=adult', f({ age: ['adult'] })],
		['?age=child,adult', f({ age: ['adult', 'child'] })],
		['?age=adult&age=infant', f({ age: ['adult', 'infant'] })],
		['?ph=negative&setting=consolidation', f({ ph: ['negative'], setting: ['consolidation'] })],
		['?design=randomised&source=regulatory', f({ design: ['randomised'], source: ['regulatory'] })],
		['?age=ADULT,,adult', f({ age: ['adult'] })],
		['?age=elderly&ph=any&design=cohort', f({})],
		['?source=publication,registry', f({ source: ['publication', 'registry'] })],
		['?studies=a,b&q=x', f({})]
	])('reads %j', (query, expected) => {
		expect(parseFilters(new URLSearchParams(query), space)).toEqual(expected);
	});
});

describe('writeFilters / filterQuery', () => {
	it.each([
		[f({}), ''],
		[f({ age: ['adult'] }), '?age=adult'],
		[
			f({
				source: ['regulatory'],
				design: ['randomised'],
				setting: ['consolidation'],
				ph: ['negative'],
				age: ['adult']
			}),
			'?age=adult&ph=negative&setting=consolidation&design=randomised&source=regulatory'
		],
		// Filters are built in canonical order (parsed or toggled), so they are written in it.
		[parseFilters(new URLSearchParams('age=child,adult'), space), '?age=adult,child']
	])('writes %j as %s, in a fixed order with readable commas', (filters, expected) => {
		expect(filterQuery(filters)).toBe(expected);
	});

	it('keeps parameters that are not filters and replaces old filter values', () => {
		const params = new URLSearchParams('chart=forest&age=child&studies=a,b');
		const out = writeFilters(f({ age: ['adult'] }), params);
		expect(out.get('chart')).toBe('forest');
		expect(out.get('studies')).toBe('a,b');
		expect(out.getAll('age')).toEqual(['adult']);
		expect(params.get('age')).toBe('child');
	});

	it('round-trips any filters through the URL', () => {
		const dimension = (k: string) => fc.subarray(valuesOf(k));
		fc.assert(
			fc.property(
				fc.record({
					age: dimension('age'),
					ph: dimension('ph'),
					setting: dimension('setting'),
					design: dimension('design'),
					source: dimension('source')
				}),
				(filters) => {
					const query = filterQuery(filters);
					expect(parseFilters(new URLSearchParams(query), space)).toEqual(filters);
					expect(filterQuery(parseFilters(new URLSearchParams(query), space))).toBe(query);
				}
			)
		);
	});
});

describe('filter helpers', () => {
	it.each([
		[f({}), 'age', 'adult', f({ age: ['adult'] })],
		[f({ age: ['adult'] }), 'age', 'adult', f({})],
		[f({ age: ['infant'] }), 'age', 'adult', f({ age: ['adult', 'infant'] })],
		[
			f({ design: ['randomised'] }),
			'source',
			'publication',
			f({ design: ['randomised'], source: ['publication'] })
		]
	] as const)('toggles %j %s=%s', (filters, dimension, value, expected) => {
		expect(toggleValue(filters, space, dimension, value)).toEqual(expected);
	});

	it('counts and detects active filters', () => {
		expect(isEmpty(f({}))).toBe(true);
		expect(isEmpty(f({ ph: ['positive'] }))).toBe(false);
		expect(activeCount(f({ age: ['adult', 'child'], design: ['randomised'] }))).toBe(3);
	});

	it('keeps only the dimensions a page offers', () => {
		expect(
			restrictDimensions(f({ age: ['adult'], design: ['randomised'] }), ['design', 'source'])
		).toEqual({ design: ['randomised'], source: [] });
	});

	it.each([
		['regulatory', 'regulatory'],
		['label', 'regulatory'],
		['publication', 'publication'],
		['registry', 'registry']
	] as const)('groups a %s source as %s', (kind, group) => {
		expect(sourceGroup(kind)).toBe(group);
	});

	it('offers only the values that occur in the dataset', () => {
		expect(availableValues(dataset)).toEqual({
			age: ['adult', 'child', 'infant'],
			ph: ['negative', 'positive'],
			setting: ['relapsed-refractory', 'consolidation'],
			design: ['randomised', 'single-arm'],
			source: ['regulatory', 'publication', 'registry']
		});
	});
});

describe('applyFilters', () => {
	it('returns the dataset itself when no filter is set', () => {
		expect(applyFilters(dataset, f({}))).toBe(dataset);
	});

	it.each<[string, Partial<Filters>, string[], string[]]>([
		// name, filters, studies kept, indications kept
		[
			'adults',
			{ age: ['adult'] },
			['alpha', 'beta', 'gamma', 'delta'],
			['adult-neg-rr', 'adult-pos-rr']
		],
		['infants', { age: ['infant'] }, ['delta'], ['child-consol']],
		['Ph-positive', { ph: ['positive'] }, ['gamma', 'delta'], ['adult-pos-rr', 'child-consol']],
		[
			'Ph-negative',
			{ ph: ['negative'] },
			['alpha', 'beta', 'delta'],
			['adult-neg-rr', 'child-consol']
		],
		['consolidation', { setting: ['consolidation'] }, ['delta'], ['child-consol']],
		['randomised', { design: ['randomised'] }, ['beta', 'delta'], ['adult-neg-rr', 'child-consol']],
		['single-arm, Ph+', { design: ['single-arm'], ph: ['positive'] }, ['gamma'], ['adult-pos-rr']],
		[
			'regulatory',
			{ source: ['regulatory'] },
			['alpha', 'gamma', 'delta'],
			['adult-neg-rr', 'adult-pos-rr', 'child-consol']
		],
		['publication', { source: ['publication'] }, ['alpha', 'beta'], ['adult-neg-rr']],
		['registry', { source: ['registry'] }, ['beta'], ['adult-neg-rr']],
		[
			'child + randomised + publication',
			{ age: ['child'], design: ['randomised'], source: ['publication'] },
			[],
			[]
		],
		[
			'adult or child, consolidation',
			{ age: ['adult', 'child'], setting: ['consolidation'] },
			['delta'],
			['child-consol']
		]
	])('%s', (_name, filters, studies, indications) => {
		const out = applyFilters(dataset, f(filters));
		expect(ids(out.studies)).toEqual(studies);
		expect(ids(out.indications)).toEqual(indications);
	});

	it('narrows a study to the indications that match', () => {
		const out = applyFilters(dataset, f({ setting: ['consolidation'] }));
		expect(out.studies.find((s) => s.id === 'delta')?.indicationIds).toEqual(['child-consol']);
	});

	it.each<[string, SourceFilter, string[]]>([
		['regulatory', ['regulatory'], ['alpha-cr-agency', 'gamma-cr', 'delta-ev-x', 'delta-ev-c']],
		[
			'publication',
			['publication'],
			['alpha-cr-paper', 'alpha-os-paper', 'beta-cr-x', 'beta-cr-c']
		],
		['registry', ['registry'], ['beta-hr']]
	])('keeps only results from %s sources', (_name, source, expected) => {
		const out = applyFilters(dataset, f({ source }));
		expect(resultIds(out)).toEqual(expected);
		// Endpoints left without results are dropped, not shown empty.
		for (const study of out.studies)
			for (const endpoint of study.endpoints) expect(endpoint.results.length).toBeGreaterThan(0);
	});

	it('filters sample sizes and discrepancies with the results', () => {
		const both = applyFilters(dataset, f({ source: ['regulatory', 'publication'] }));
		expect(both.discrepancies.map((d) => d.id)).toEqual(['alpha-cr', 'alpha-n']);
		const regulatory = applyFilters(dataset, f({ source: ['regulatory'] }));
		const alpha = regulatory.studies.find((s) => s.id === 'alpha');
		expect(alpha?.sampleSizes.map((z) => z.id)).toEqual(['alpha-n-agency']);
		// One side of each disagreement is gone: nothing is left to compare.
		expect(regulatory.discrepancies).toEqual([]);
	});

	it('keeps timeline events of kept indications and studies, and those of the medicine', () => {
		const out = applyFilters(dataset, f({ setting: ['consolidation'] }));
		expect(ids(out.timeline)).toEqual(['t-orphan', 't-child']);
		const gamma = applyFilters(dataset, f({ ph: ['positive'], design: ['single-arm'] }));
		expect(ids(gamma.timeline)).toEqual(['t-orphan', 't-gamma']);
	});

	it('counts what is shown against the whole', () => {
		const out = applyFilters(dataset, f({ design: ['randomised'] }));
		expect(filterCounts(dataset, out)).toEqual({
			studies: { shown: 2, total: 4 },
			indications: { shown: 2, total: 3 },
			results: { shown: 5, total: 9 }
		});
	});

	it('always returns a valid dataset, never more than the filters allow, and is idempotent', () => {
		const arbitraryFilters = fc.record(
			Object.fromEntries(space.map((d) => [d.id, fc.subarray([...d.values])]))
		) as fc.Arbitrary<Filters>;
		fc.assert(
			fc.property(arbitraryFilters, (filters) => {
				const out = applyFilters(dataset, filters);
				if (out.studies.length) expect(validateDataset(out).ok).toBe(true);
				expect(applyFilters(out, filters).studies).toEqual(out.studies);
				for (const study of out.studies) {
					if (filters.design.length) expect(filters.design).toContain(study.design);
					expect(study.indicationIds.length).toBeGreaterThan(0);
				}
				expect(resultIds(out).length).toBeLessThanOrEqual(resultIds(dataset).length);
			})
		);
	});
});

type SourceFilter = Filters['source'];

describe('restrictToIndication', () => {
	it.each<[string, string[], string[]]>([
		['adult-neg-rr', ['alpha', 'beta', 'delta'], ['t-first']],
		['child-consol', ['delta'], ['t-child']],
		['adult-pos-rr', ['gamma'], []],
		['unknown', [], []]
	])('%s keeps its studies and events', (id, studies, events) => {
		const out = restrictToIndication(dataset, id);
		expect(ids(out.studies)).toEqual(studies);
		expect(ids(out.timeline)).toEqual(events);
		for (const study of out.studies) expect(study.indicationIds).toEqual([id]);
		if (studies.length) expect(validateDataset(out).ok).toBe(true);
	});

	it('keeps the discrepancies of its studies', () => {
		expect(restrictToIndication(dataset, 'adult-neg-rr').discrepancies).toHaveLength(2);
		expect(restrictToIndication(dataset, 'adult-pos-rr').discrepancies).toHaveLength(0);
	});
});

describe('restrictToStudies', () => {
	it.each<[string[], string[], string[]]>([
		[['beta', 'alpha'], ['beta', 'alpha'], ['adult-neg-rr']],
		[
			['gamma', 'delta'],
			['gamma', 'delta'],
			['adult-neg-rr', 'adult-pos-rr', 'child-consol']
		],
		[['gamma', 'nope'], ['gamma'], ['adult-pos-rr']]
	])('%j keeps %j in that order', (wanted, studies, indications) => {
		const out = restrictToStudies(dataset, wanted);
		expect(ids(out.studies)).toEqual(studies);
		expect(ids(out.indications)).toEqual(indications);
		expect(validateDataset(out).ok).toBe(true);
	});
});
