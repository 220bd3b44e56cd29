import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLandscapeDataset } from '$lib/evidence/load-landscape';
import { computeAllIndirect } from '$lib/evidence/indirect';
import { loadEmbeddedDataset } from '$lib/evidence/load';

// A copy of the compiled evidence (landscape-evidence.md) the dataset was built from.
const evidence = readFileSync('tests/fixtures/landscape-evidence.md', 'utf8');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const evidenceText = normalise(evidence);

const dataset = loadLandscapeDataset();
const blincyto = loadEmbeddedDataset();
const sharedStudyIds = new Set(['tower']);

/** Every provenance of the landscape's own records, with where it sits. */
function ownProvenances() {
	const found: { where: string; quote?: string; sourceId: string }[] = [];
	for (const study of dataset.studies) {
		if (sharedStudyIds.has(study.id)) continue;
		found.push({ where: study.id, ...study.provenance });
		for (const arm of study.arms)
			if (arm.provenance) found.push({ where: arm.id, ...arm.provenance });
		for (const size of study.sampleSizes) found.push({ where: size.id, ...size.provenance });
		for (const endpoint of study.endpoints)
			for (const r of endpoint.results) found.push({ where: r.id, ...r.provenance });
	}
	for (const event of dataset.timeline) found.push({ where: event.id, ...event.provenance });
	for (const itc of dataset.indirectComparisons ?? []) {
		for (const dim of itc.transitivity)
			for (const [studyId, cell] of Object.entries(dim.cells))
				if (cell.provenance) found.push({ where: `${dim.id}/${studyId}`, ...cell.provenance });
		for (const p of itc.published) found.push({ where: p.id, ...p.provenance });
	}
	return found;
}

describe('landscape dataset', () => {
	it('validates and holds the four medicines', () => {
		expect(dataset.medicines.map((m) => m.name)).toEqual([
			'Blincyto',
			'Besponsa',
			'Kymriah',
			'Tecartus'
		]);
	});

	it('shares TOWER with the Blincyto dataset instead of a copy', () => {
		const tower = dataset.studies.find((s) => s.id === 'tower');
		expect(tower).toEqual(blincyto.studies.find((s) => s.id === 'tower'));
	});

	it("puts TOWER's and INO-VATE's comparator arms on one shared treatment", () => {
		const comparators = dataset.studies
			.filter((s) => s.design === 'randomised')
			.map((s) => s.arms.find((a) => a.role === 'comparator')?.treatmentId);
		expect(comparators).toEqual([
			'chemotherapy-investigators-choice',
			'chemotherapy-investigators-choice'
		]);
	});

	const provenances = ownProvenances();
	it.each(provenances.map((p) => [p.where, p] as const))(
		'%s quotes the compiled evidence verbatim',
		(_where, p) => {
			expect(p.quote, 'a quote is required').toBeTruthy();
			expect(evidenceText).toContain(normalise(p.quote!));
		}
	);

	it.each(
		dataset.sources
			.filter((s) => !blincyto.sources.some((b) => b.id === s.id))
			.map((s) => [s.id, s.url] as const)
	)('source %s has the address the evidence gives', (_id, url) => {
		expect(evidence).toContain(url!);
	});

	it.each(
		dataset.studies
			.filter((s) => !sharedStudyIds.has(s.id))
			.flatMap((s) => s.endpoints.flatMap((e) => e.results))
			.filter((r) => r.value !== undefined)
			.map((r) => [r.id, r] as const)
	)('%s: its value and CI limits are printed in its quote', (_id, r) => {
		const numbers = normalise(r.provenance.quote!).replace(/·/g, '.');
		const printed = (x: number) =>
			new RegExp(`(^|[^\\d.])${String(x).replace('.', '\\.')}(\\.0)?(?![\\d])`);
		expect(numbers).toMatch(printed(r.value!));
		for (const limit of [r.ci?.low, r.ci?.high])
			if (limit != null) expect(numbers).toMatch(printed(limit));
	});

	it.each(provenances.map((p) => [p.where, p] as const))(
		'%s names where in the source',
		(_w, p) => {
			expect((p as { locator?: string }).locator?.trim()).toBeTruthy();
			expect(dataset.sources.some((s) => s.id === p.sourceId)).toBe(true);
		}
	);

	// A number as the sources print it: "0·71", "405", with no digit glued on either side.
	const printedIn = (quote: string | undefined, x: number) =>
		new RegExp(`(^|[^\\d.])${String(x).replace('.', '\\.')}(\\.0)?(?![\\d])`).test(
			normalise(quote ?? '').replace(/·/g, '.')
		);
	const ownStudies = dataset.studies.filter((s) => !sharedStudyIds.has(s.id));

	it.each(
		ownStudies.flatMap((s) =>
			s.arms.filter((a) => a.n !== undefined).map((a) => [a.id, a] as const)
		)
	)('arm %s: its n is printed in its own quote', (_id, arm) => {
		expect(printedIn(arm.provenance?.quote, arm.n!)).toBe(true);
	});

	it.each(ownStudies.flatMap((s) => s.sampleSizes.map((z) => [z.id, z] as const)))(
		'sample size %s is printed in its quote, or says how it was derived',
		(_id, size) => {
			if (size.basis === 'reported')
				expect(printedIn(size.provenance.quote, size.value)).toBe(true);
			else expect(size.derivation?.trim()).toBeTruthy();
		}
	);

	// A count the result's own quote does not print must be a traced figure of the same study
	// (the arm's n, an analysis set's size) or carry its arithmetic (a derived count).
	it.each(
		ownStudies.flatMap((study) =>
			study.endpoints.flatMap((e) =>
				e.results.flatMap((r) =>
					(['events', 'total'] as const)
						.filter((k) => r[k] !== undefined)
						.map((k) => [`${r.id}.${k}`, { study, r, k }] as const)
				)
			)
		)
	)('%s traces to a printed figure or its arithmetic', (_id, { study, r, k }) => {
		const x = r[k]!;
		const inOwnQuote = printedIn(r.provenance.quote, x);
		if (inOwnQuote) return expect(inOwnQuote).toBe(true);
		if (r.basis !== 'reported') {
			expect(r.derivation, 'a derived count says how').toMatch(/\d/);
			return;
		}
		const elsewhere = [
			...study.arms.filter((a) => a.n === x).map((a) => a.provenance?.quote),
			...study.sampleSizes.map((z) => z.provenance.quote)
		];
		expect(elsewhere.some((q) => printedIn(q, x))).toBe(true);
	});

	it('the test above can fail: a count printed nowhere is caught', () => {
		const ino = ownStudies.find((s) => s.id === 'ino-vate')!;
		const quotes = [
			...ino.arms.map((a) => a.provenance?.quote),
			...ino.sampleSizes.map((z) => z.provenance.quote)
		];
		expect(quotes.some((q) => printedIn(q, 163))).toBe(false);
		expect(quotes.some((q) => printedIn(q, 162))).toBe(true);
	});

	it('reads the INO-VATE OS hazard ratios with their printed 97.5 % level', () => {
		const hr = dataset.studies
			.find((s) => s.id === 'ino-vate')!
			.endpoints.find((e) => e.id === 'ino-vate-os-hr')!.results;
		expect(hr.map((r) => r.ci?.level)).toEqual([0.975, 0.975]);
	});
});

describe('anchored indirect comparison', () => {
	const itc = dataset.indirectComparisons![0];
	const [main, primary] = computeAllIndirect(dataset, itc);

	it('combines TOWER and the INO-VATE final report (hand-computed)', () => {
		// ln(0.71) − ln(0.75); SEs from each CI at its own level (z 1.959964 and 2.241403)
		const seTower = (Math.log(0.93) - Math.log(0.55)) / (2 * 1.959963985);
		const seIno = (Math.log(0.99) - Math.log(0.57)) / (2 * 2.241402728);
		const se = Math.sqrt(seTower ** 2 + seIno ** 2);
		const log = Math.log(0.71) - Math.log(0.75);
		expect(main.result.estimate).toBeCloseTo(0.71 / 0.75, 9);
		expect(main.result.se).toBeCloseTo(se, 6);
		expect(main.result.lower).toBeCloseTo(Math.exp(log - 1.959963985 * se), 6);
		expect(main.result.upper).toBeCloseTo(Math.exp(log + 1.959963985 * se), 6);
	});

	it('gives a different result with the 2016 primary analysis', () => {
		expect(primary.inputs.cbResultId).toBe('ino-vate-os-hr-primary');
		expect(primary.result.estimate).toBeCloseTo(0.71 / 0.77, 9);
	});
});
