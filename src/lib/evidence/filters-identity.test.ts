import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyDatasetInput } from '../../../tests/fixtures/tiny-dataset';
import {
	applyFilters,
	emptyFilters,
	filterSpace,
	parseFilters,
	studyScope,
	toggleValue,
	type Filters
} from './filters';
import type { Dataset } from './schema';
import { syntheticDataset } from './synthetic';
import { validateDataset } from './validate';

/**
 * applyFilters keeps the identity of what a filter leaves as it is, and caches whole filtered
 * datasets: these tests check that identity is kept where it should be, dropped where the
 * content changes, and that caching never changes what comes out.
 */
const fresh = (): Dataset => {
	const outcome = validateDataset(tinyDatasetInput);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
	return outcome.dataset;
};
const space = filterSpace(tinyDatasetInput as Pick<Dataset, 'facets'>);
const f = (partial: Partial<Filters>): Filters =>
	({ ...emptyFilters(space), ...partial }) as Filters;
const byId = <T extends { id: string }>(items: T[], id: string) => items.find((i) => i.id === id)!;

/** A deep copy: the same content, none of the same objects (nothing cached for it). */
const clone = (d: Dataset): Dataset => structuredClone(d);

describe('applyFilters keeps identity', () => {
	it('gives the same dataset object for the same filters, however they are written', () => {
		const d = fresh();
		// Filters are built by parsing or toggling, which keep the space's order whatever the order of input.
		const a = applyFilters(
			d,
			parseFilters(new URLSearchParams('age=adult&design=randomised,single-arm'), space)
		);
		const toggled = [
			['design', 'single-arm'],
			['age', 'adult'],
			['design', 'randomised']
		].reduce((filters, [dim, value]) => toggleValue(filters, space, dim, value), f({}));
		const b = applyFilters(d, toggled);
		expect(b).toBe(a);
		expect(applyFilters(d, emptyFilters(space))).toBe(d);
	});

	it('keeps a study object that the filters do not narrow, and builds a new one that they do', () => {
		const d = fresh();
		const alpha = byId(d.studies, 'alpha'); // one indication (adult Ph-negative R/R)
		const delta = byId(d.studies, 'delta'); // two indications: child consolidation, adult R/R
		const adults = applyFilters(d, f({ age: ['adult'] }));
		expect(byId(adults.studies, 'alpha')).toBe(alpha);
		const narrowed = byId(adults.studies, 'delta');
		expect(narrowed).not.toBe(delta);
		expect(narrowed.indicationIds).toEqual(['adult-neg-rr']);
		expect(narrowed.endpoints).toBe(delta.endpoints);
	});

	it('narrows a study the same way to the same object, under other filters too', () => {
		const d = fresh();
		const a = byId(applyFilters(d, f({ age: ['adult'] })).studies, 'delta');
		const b = byId(applyFilters(d, f({ age: ['adult'], ph: ['negative'] })).studies, 'delta');
		expect(b).toBe(a);
	});

	it('with a source filter keeps endpoints whose results all stay, and copies the others', () => {
		const d = fresh();
		const out = applyFilters(d, f({ source: ['regulatory'] }));
		for (const study of out.studies) {
			const original = byId(d.studies, study.id);
			for (const endpoint of study.endpoints) {
				const before = byId(original.endpoints, endpoint.id);
				if (endpoint.results.length === before.results.length) expect(endpoint).toBe(before);
				else expect(endpoint).not.toBe(before);
			}
		}
		// A discrepancy between the agency and a paper has only one figure left: dropped.
		expect(out.discrepancies.map((x) => x.id)).not.toContain('alpha-cr');
	});

	it('keeps discrepancies, timeline events and dosing that the filters leave whole', () => {
		const d = fresh();
		const out = applyFilters(d, f({ design: ['single-arm', 'randomised'] }));
		for (const x of out.discrepancies) expect(x).toBe(byId(d.discrepancies, x.id));
		for (const t of out.timeline)
			if (t.indicationIds.length === byId(d.timeline, t.id).indicationIds.length)
				expect(t).toBe(byId(d.timeline, t.id));
	});

	it('gives the same content as an uncached run, for any filters (property)', () => {
		const d = syntheticDataset({ results: 200, seed: 7 });
		const filters = fc.record(
			Object.fromEntries(filterSpace(d).map((k) => [k.id, fc.subarray([...k.values])]))
		) as fc.Arbitrary<Filters>;
		fc.assert(
			fc.property(fc.array(filters, { minLength: 1, maxLength: 12 }), (sequence) => {
				// The same dataset filtered in sequence (cache warm, evictions) and a copy filtered once.
				for (const filter of sequence) {
					const cached = applyFilters(d, filter);
					expect(applyFilters(clone(d), filter)).toEqual(cached);
				}
			}),
			{ numRuns: 25 }
		);
	});
});

describe('studyScope', () => {
	it('is the same object across filtered copies that leave the study and its parts as they are', () => {
		const d = fresh();
		const alpha = byId(d.studies, 'alpha');
		const whole = studyScope(d, alpha);
		expect(whole.studies).toEqual([alpha]);
		expect(whole.discrepancies.map((x) => x.id).sort()).toEqual(['alpha-cr', 'alpha-n']);
		const filtered = applyFilters(d, f({ design: ['single-arm', 'randomised'] }));
		expect(filtered).not.toBe(d);
		expect(studyScope(filtered, byId(filtered.studies, 'alpha'))).toBe(whole);
	});

	it('is a new object when the study’s discrepancies change', () => {
		const d = fresh();
		const alpha = byId(d.studies, 'alpha');
		const whole = studyScope(d, alpha);
		const publications = applyFilters(d, f({ source: ['publication'] }));
		const narrowed = byId(publications.studies, 'alpha');
		const scope = studyScope(publications, narrowed);
		expect(scope).not.toBe(whole);
		expect(scope.studies).toEqual([narrowed]);
		expect(scope.discrepancies).toEqual(
			publications.discrepancies.filter((x) => x.studyId === 'alpha')
		);
	});

	it('holds what a study view reads: sources, medicine, the study’s indications', () => {
		const d = fresh();
		for (const study of d.studies) {
			const scope = studyScope(d, study);
			expect(scope.sources).toBe(d.sources);
			expect(scope.medicines).toBe(d.medicines);
			expect(scope.indications.map((i) => i.id).sort()).toEqual([...study.indicationIds].sort());
		}
	});
});
