/**
 * Coverage of the evidence file (/work/shared/evidence/blincyto-evidence.md): every study is present
 * with its registry id, every known difference between sources is recorded as a discrepancy, and the
 * data keep to the rules (nothing computed, derived only where the evidence file says so).
 */
import { describe, expect, it } from 'vitest';
import { readEmbeddedDatasetInput } from '$lib/evidence/load';
import type { DatasetInput } from '$lib/evidence/schema';

const input = readEmbeddedDatasetInput() as unknown as DatasetInput;
const EMA = 'ema-overview-nl-2025-01';

type StudyInput = DatasetInput['studies'][number];
type ResultInput = StudyInput['endpoints'][number]['results'][number];

const results = new Map<string, { result: ResultInput; studyId: string }>();
const sampleSizes = new Map<string, { value: number; sourceId: string; studyId: string }>();
for (const study of input.studies) {
	for (const endpoint of study.endpoints)
		for (const result of endpoint.results) results.set(result.id, { result, studyId: study.id });
	for (const size of study.sampleSizes ?? [])
		sampleSizes.set(size.id, {
			value: size.value,
			sourceId: size.provenance.sourceId,
			studyId: study.id
		});
}

function study(id: string): StudyInput {
	const found = input.studies.find((s) => s.id === id);
	if (!found) throw new Error(`no study "${id}"`);
	return found;
}

describe('every study in the evidence file', () => {
	it('is present, in the order of the study files', () => {
		expect(input.studies.map((s) => s.id)).toEqual([
			'mt103-211',
			'tower',
			'alcantara',
			'blast',
			'e1910',
			'mt103-205',
			'study-20120215',
			'infants-overview',
			'interfant-21'
		]);
	});

	it.each([
		['mt103-211', 'NCT01466179'],
		['tower', 'NCT02013167'],
		['alcantara', 'NCT02000427'],
		['blast', 'NCT01207388'],
		['e1910', 'NCT02003222'],
		['mt103-205', 'NCT01471782'],
		['study-20120215', 'NCT02393859']
	])('%s has registry id %s', (id, registryId) => {
		expect(study(id).registryId).toBe(registryId);
	});

	it('the two infant entries have no registry id, because the evidence file gives none', () => {
		expect(study('infants-overview').registryId).toBeUndefined();
		expect(study('interfant-21').registryId).toBeUndefined();
	});

	it.each([
		['tower', [271, 134]],
		['e1910', [112, 112]],
		['study-20120215', [54, 54]],
		['interfant-21', [30, 214]]
	] as const)('%s has arms of the sizes the sources give', (id, sizes) => {
		expect(study(id).arms.map((a) => a.n)).toEqual(sizes);
	});

	it('randomised studies have an experimental and a comparator arm; Interfant-06 is a historical control', () => {
		for (const id of ['tower', 'e1910', 'study-20120215'])
			expect(study(id).arms.map((a) => a.role)).toEqual(['experimental', 'comparator']);
		expect(study('interfant-21').arms.map((a) => a.role)).toEqual([
			'experimental',
			'historical-control'
		]);
	});

	it('every study has one to three headline results', () => {
		for (const s of input.studies) {
			const headlines = s.endpoints.flatMap((e) => e.results).filter((r) => r.headline);
			expect(headlines.length, s.id).toBeGreaterThanOrEqual(1);
			expect(headlines.length, s.id).toBeLessThanOrEqual(3);
		}
	});

	it('every source of a study’s figures is cited by the study', () => {
		for (const s of input.studies) {
			const used = new Set<string>([s.provenance.sourceId]);
			for (const arm of s.arms) if (arm.provenance) used.add(arm.provenance.sourceId);
			for (const size of s.sampleSizes ?? []) used.add(size.provenance.sourceId);
			for (const e of s.endpoints) for (const r of e.results) used.add(r.provenance.sourceId);
			for (const sourceId of used) expect(s.sourceIds, s.id).toContain(sourceId);
		}
	});
});

describe('every known difference between sources is recorded', () => {
	const pairs: [string, string, string][] = [
		// discrepancy id, item from one source, item from the other
		[
			'study-20120215-efs-events',
			'study-20120215-efs-events-ema-blinatumomab',
			'study-20120215-efs-events-blinatumomab'
		],
		['mt103-205-response', 'mt103-205-cr-crh-ema', 'mt103-205-cr-published-von-stackelberg'],
		['e1910-denominator', 'e1910-n-overview', 'e1910-n-mrd-negative-randomised'],
		['blast-denominator', 'blast-n-overview', 'blast-n-evaluable'],
		['alcantara-response', 'alcantara-cr-crh-ema', 'alcantara-cr-crh-martinelli'],
		['mt103-211-response', 'mt103-211-cr-crh-ema', 'mt103-211-cr-fda'],
		['e1910-os-hr', 'e1910-os-hr-litzow', 'e1910-os-hr-fda'],
		['alcantara-os-primary-vs-final', 'alcantara-os-median-primary', 'alcantara-os-median-final'],
		[
			'alcantara-rfs-primary-vs-final',
			'alcantara-rfs-median-primary',
			'alcantara-rfs-median-final'
		],
		['e1910-os-3y', 'e1910-os-3y-blinatumomab', 'e1910-os-3y-us-label-blinatumomab']
	];
	/** Disagreements between label versions: no study, adverse reactions as items. */
	const labelVersions = ['safety-2015-vs-current'];

	it.each(pairs)('%s joins %s and %s', (id, a, b) => {
		const d = input.discrepancies?.find((x) => x.id === id);
		expect(d).toBeDefined();
		expect(d!.itemIds).toContain(a);
		expect(d!.itemIds).toContain(b);
		expect(d!.explanation.length).toBeGreaterThan(40);
		const sourceOf = (item: string) =>
			results.get(item)?.result.provenance.sourceId ?? sampleSizes.get(item)?.sourceId;
		expect(sourceOf(a)).toBeDefined();
		expect(sourceOf(b)).toBeDefined();
		expect(sourceOf(a)).not.toBe(sourceOf(b));
	});

	it('has no discrepancies beyond the known ones', () => {
		expect(input.discrepancies?.map((d) => d.id).sort()).toEqual(
			[...pairs.map((p) => p[0]), ...labelVersions].sort()
		);
	});

	it.each([
		['study-20120215-efs-events-ema-blinatumomab', 33, undefined, undefined],
		['study-20120215-efs-events-blinatumomab', 31, 17, 54],
		['mt103-205-cr-crh-ema', 33, undefined, undefined],
		['mt103-205-cr-published-von-stackelberg', 39, 27, 70],
		['alcantara-cr-crh-ema', 36, 16, 45],
		['alcantara-cr-crh-martinelli', 35.6, 16, 45],
		['mt103-211-cr-crh-ema', 43, 81, 189],
		['mt103-211-cr-fda', 32, undefined, undefined],
		['e1910-os-hr-litzow', 0.41, undefined, undefined],
		['e1910-os-hr-fda', 0.42, undefined, undefined],
		['alcantara-os-median-primary', 7.1, undefined, undefined],
		['alcantara-os-median-final', 9.0, undefined, undefined],
		['alcantara-rfs-median-primary', 6.7, undefined, undefined],
		['alcantara-rfs-median-final', 6.8, undefined, undefined]
	] as const)('%s holds %s (%s/%s)', (id, value, events, total) => {
		const { result } = results.get(id)!;
		expect(result.value).toBe(value);
		expect(result.events).toBe(events);
		expect(result.total).toBe(total);
	});

	it.each([
		['e1910-n-overview', 286],
		['e1910-n-mrd-negative-randomised', 224],
		['blast-n-overview', 116],
		['blast-n-evaluable', 113]
	] as const)('sample size %s = %s', (id, value) => {
		expect(sampleSizes.get(id)?.value).toBe(value);
	});
});

describe('the data keep to the rules', () => {
	it('nothing is marked computed; only the figures the evidence file derives are derived', () => {
		const all = [...results.values()].map((r) => r.result);
		expect(all.filter((r) => r.basis === 'computed')).toEqual([]);
		expect(all.filter((r) => r.basis === 'derived').map((r) => r.id)).toEqual([
			'mt103-205-cr-crh-count'
		]);
		const derivedSizes = input.studies
			.flatMap((s) => s.sampleSizes ?? [])
			.filter((z) => z.basis === 'derived');
		expect(derivedSizes.map((z) => [z.id, z.value])).toEqual([
			['e1910-n-mrd-positive', 62],
			['e1910-n-both-cohorts', 286]
		]);
	});

	it('every CI is 95 % and names no method the evidence file does not give', () => {
		for (const { result } of results.values())
			if (result.ci) {
				expect(result.ci.level, result.id).toBe(0.95);
				expect(result.ci.method, result.id).toBe('not stated');
			}
	});

	it('hazard ratios and differences compare two arms; landmark figures have a timepoint', () => {
		for (const s of input.studies)
			for (const e of s.endpoints)
				for (const r of e.results) {
					if (e.kind === 'hazard-ratio') {
						expect(r.unit, r.id).toBe('ratio');
						expect(r.comparison, r.id).toBeDefined();
					}
					if (e.kind === 'difference') {
						expect(r.unit, r.id).toBe('percentage-points');
						expect(r.comparison, r.id).toBeDefined();
					}
					if (e.kind === 'landmark-survival') expect(r.timepoint, r.id).toBeDefined();
					if (e.kind === 'median-time') expect(r.unit, r.id).toBe('months');
					if (r.unit === 'percent' && r.value !== undefined) expect(r.value).toBeGreaterThan(1);
				}
	});

	it('every indication quotes the overview and is linked from a study', () => {
		const linked = new Set(input.studies.flatMap((s) => s.indicationIds));
		for (const indication of input.indications) {
			expect(indication.provenance.sourceId, indication.id).toBe(EMA);
			expect(linked.has(indication.id), indication.id).toBe(true);
		}
		expect(input.indications).toHaveLength(7);
	});

	it('the safety profiles: SmPC pooled (N = 843), the 2015 label and the overview', () => {
		const [smpc, label2015, overview] = input.safety!;
		expect(smpc.n).toBe(843);
		expect(smpc.version).toMatch(/version date not known/);
		expect(smpc.reactions.filter((r) => r.category === 'most-serious')).toHaveLength(5);
		expect(smpc.reactions.filter((r) => r.category === 'most-common')).toHaveLength(25);
		expect(label2015.reactions.map((r) => r.percent)).toEqual([31.7, 16.4, 15.3, 0.5, 0.5]);
		expect(overview.id).toBe('ema-overview');
	});

	it('the timeline holds every date of the regulatory history', () => {
		const dates = input.timeline!.map((t) => `${t.date} ${t.kind}`);
		for (const expected of [
			'2009-07-24 orphan-designation',
			'2015-09-24 chmp-opinion',
			'2015-11-23 conditional-authorisation',
			'2018-06-18 full-authorisation',
			'2018-07-26 chmp-opinion',
			'2018-07-26 negative-opinion',
			'2018-11-15 chmp-opinion',
			'2020-10 chmp-opinion',
			'2021-05-20 chmp-opinion',
			'2025-01-29 indication-extension'
		])
			expect(dates).toContain(expected);
	});
});
