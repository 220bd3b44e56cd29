/**
 * The "Second edition" of the evidence file, applied to data/blincyto: the sources once marked
 * "not identified" are named, the infants study has its own population, open-ended intervals are
 * results instead of notes, and the further disagreements and figures are recorded.
 */
import { describe, expect, it } from 'vitest';
import { readEmbeddedDatasetInput, readSourceTexts } from '$lib/evidence/load';
import type { DatasetInput } from '$lib/evidence/schema';
import { validateDataset } from '$lib/evidence/validate';

const input = readEmbeddedDatasetInput() as unknown as DatasetInput;

type StudyInput = DatasetInput['studies'][number];
type ResultInput = StudyInput['endpoints'][number]['results'][number];

const results = new Map<string, { result: ResultInput; study: StudyInput }>();
for (const study of input.studies)
	for (const endpoint of study.endpoints)
		for (const result of endpoint.results) results.set(result.id, { result, study });

function result(id: string): ResultInput {
	const found = results.get(id);
	if (!found) throw new Error(`no result "${id}"`);
	return found.result;
}
const study = (id: string) => input.studies.find((s) => s.id === id)!;
const source = (id: string) => input.sources.find((s) => s.id === id)!;

describe('the second edition of the Blincyto dataset', () => {
	it('validates, with its version bumped', () => {
		const outcome = validateDataset(input, readSourceTexts(input));
		expect(outcome.issues).toEqual([]);
		expect(input.version).toBe('2025.01-2');
	});

	it('no source, study or result any longer says its source is not identified', () => {
		// What a study page prints: its sources' citations, its notes, locators and texts.
		const printed = JSON.stringify([input.sources, input.studies, input.safety, input.timeline]);
		expect(printed).not.toMatch(/not identified/i);
	});

	it.each([
		['amgen-ec-approval-2025', '2025-01-29', undefined, 'https://br.advfn.com/'],
		['przepiorka-2015', '2015-09-15', '10.1158/1078-0432.CCR-15-0612', 'https://aacrjournals.org/'],
		['fda-approval-summary-2025', '2025-08-19', '10.1158/1078-0432.CCR-25-1034', 'https://pmc.'],
		['kantarjian-2023', '2023-10-09', '10.1177/20406207231201454', 'https://pmc.'],
		['amgen-chmp-opinion-2015', '2015-09', undefined, 'https://www.medthority.com/']
	])('source %s is dated %s with its identifiers', (id, date, doi, url) => {
		expect(source(id).date).toBe(date);
		expect(source(id).doi).toBe(doi);
		expect(source(id).url?.startsWith(url)).toBe(true);
	});

	it('the FDA figures for E1910 and 20120215 come from one approval summary, Table 5', () => {
		for (const id of ['e1910-os-hr-fda', 'study-20120215-os-hr-fda']) {
			expect(result(id).provenance.sourceId).toBe('fda-approval-summary-2025');
			expect(result(id).provenance.locator).toMatch(/^Table 5/);
		}
		expect(result('e1910-os-hr-fda').analysisSet).toMatch(/MRD-negative/);
	});

	it('the infants study is out of the relapsed/refractory indication and has its own population', () => {
		const infants = study('interfant-21');
		expect(infants.indicationIds).toEqual(['infants-newly-diagnosed-kmt2a']);
		const population = input.indications.find((i) => i.id === 'infants-newly-diagnosed-kmt2a')!;
		expect(population.population.facets).toMatchObject({
			age: ['infant'],
			line: ['newly-diagnosed']
		});
		expect(population.label).toMatch(/not an authorised use/);
		// The overview's exposure statement stays with the authorised paediatric indications.
		expect(study('infants-overview').indicationIds).toEqual([
			'paediatric-rr-ph-neg',
			'paediatric-first-relapse-consolidation'
		]);
	});

	it.each([
		['alcantara-rfs-median-final', 6.8, 4.4, 'not-estimable', 'NE'],
		['alcantara-rfs-median-primary', 6.7, 4.4, 'not-estimable', 'NE'],
		['alcantara-os-median-primary', 7.1, 5.6, 'not-estimable', 'NE'],
		['blast-os-median-gokbuget', 36.5, 22.0, 'not-reached', 'not reached']
	] as const)('%s is a result %s (%s–%s)', (id, value, low, reason, printed) => {
		const r = result(id);
		expect(r.value).toBe(value);
		expect(r.ci).toMatchObject({ low, high: null, highOpen: { reason, printed } });
	});

	it('no note holds an interval any more', () => {
		for (const id of ['alcantara', 'blast'])
			for (const note of study(id).notes ?? []) expect(note).not.toMatch(/cannot be stored/);
	});

	it('BLAST overall survival is cited as the final analysis, not Blood 2018', () => {
		const { provenance } = result('blast-os-median-gokbuget');
		expect(provenance.sourceId).toBe('blast-final-analysis');
		expect(provenance.followUp).toBe('median 59.8 months');
	});

	it('ALCANTARA final analysis: 25.1 months is the OS follow-up, 16.1 months the RFS one', () => {
		expect(result('alcantara-os-median-final').provenance.followUp).toMatch(
			/^median 25\.1 .*overall/
		);
		expect(result('alcantara-rfs-median-final').provenance.followUp).toMatch(/^median 16\.1 /);
	});

	it('TOWER: responses within 12 weeks; EFS hazard ratio with p < 0.001', () => {
		const endpoint = study('tower').endpoints.find((e) => e.id === 'tower-cr-crh-cri')!;
		expect(endpoint.label).toMatch(/within 12 weeks/);
		expect(result('tower-efs-hr-kantarjian').pValue).toEqual({ value: 0.001, relation: '<' });
	});

	it('MT103-205: CR within two cycles is primary; MRD-negative 14/27 printed as 52 %', () => {
		const endpoint = study('mt103-205').endpoints.find((e) => e.id === 'mt103-205-cr-published')!;
		expect(endpoint.primary).toBe(true);
		expect(result('mt103-205-mrd-negative-von-stackelberg')).toMatchObject({
			value: 52,
			events: 14,
			total: 27
		});
	});

	it.each([
		['tower-allo-hsct-blinatumomab', 24],
		['tower-allo-hsct-chemotherapy', 24],
		['mt103-211-mrd-response-fda-przepiorka', 31],
		['e1910-os-3y-us-label-blinatumomab', 84.8],
		['e1910-os-3y-us-label-chemotherapy', 69]
	])('added figure %s = %s, with a source and a locator', (id, value) => {
		const r = result(id);
		expect(r.value).toBe(value);
		expect(source(r.provenance.sourceId)).toBeDefined();
		expect(r.provenance.locator.length).toBeGreaterThan(5);
	});

	it('TOWER allo-HSCT keeps the printed counts 65/271 and 32/134', () => {
		expect(result('tower-allo-hsct-blinatumomab')).toMatchObject({ events: 65, total: 271 });
		expect(result('tower-allo-hsct-chemotherapy')).toMatchObject({ events: 32, total: 134 });
	});

	it('the 2015 and current safety figures disagree as label versions, with no study', () => {
		const d = input.discrepancies!.find((x) => x.id === 'safety-2015-vs-current')!;
		expect(d.studyId).toBeUndefined();
		const profileOf = (item: string) =>
			input.safety!.find((p) => p.reactions.some((r) => r.id === item))?.id;
		expect(new Set(d.itemIds.map(profileOf))).toEqual(new Set(['label-2015', 'eu-smpc-pooled']));
	});

	// The second edition lists these without naming where they are printed; a figure needs a
	// named source and locator, so they stay out until one is found.
	it.each([
		'tower-serious-adverse-events-blinatumomab',
		'tower-duration-cr-blinatumomab',
		'mt103-211-allo-hsct-topp',
		'blast-rfs-median-mrd-responders',
		'blast-os-median-mrd-responders',
		'study-20120215-n-enrolled-us-label'
	])('leaves out %s, which no named source prints', (id) => {
		const ids = input.studies.flatMap((s) => [
			...(s.sampleSizes ?? []).map((z) => z.id),
			...s.endpoints.flatMap((e) => e.results.map((r) => r.id))
		]);
		expect(ids).not.toContain(id);
	});
});
