/**
 * Integrity of the embedded Blincyto dataset: it validates cleanly, every validator rule catches a
 * dataset broken in exactly one place, and every seed figure of the EMA overview is present with its quote.
 */
import { describe, expect, it } from 'vitest';
import { readEmbeddedDatasetInput, readSourceTexts } from '$lib/evidence/load';
import {
	normaliseWhitespace,
	validateDataset,
	type SourceTexts,
	type ValidationIssue
} from '$lib/evidence/validate';
import type { DatasetInput } from '$lib/evidence/schema';
import { ISSUE_KINDS } from '$lib/evidence/issues';

type StudyInput = DatasetInput['studies'][number];
type ResultInput = StudyInput['endpoints'][number]['results'][number];
type SampleSizeInput = NonNullable<StudyInput['sampleSizes']>[number];

const EMA = 'ema-overview-nl-2025-01';
const input = readEmbeddedDatasetInput() as unknown as DatasetInput;
const texts: SourceTexts = readSourceTexts(input);
const emaText = normaliseWhitespace(texts[EMA] ?? '');

/** A deep copy of the real dataset, to break in one place. */
const fresh = (): DatasetInput => structuredClone(input);

function studyIndex(d: DatasetInput, id: string): number {
	const s = d.studies.findIndex((study) => study.id === id);
	if (s < 0) throw new Error(`no study "${id}"`);
	return s;
}

/** The result with this id, and its path in the dataset. */
function findResult(d: DatasetInput, id: string): { result: ResultInput; path: string } {
	for (const [s, study] of d.studies.entries())
		for (const [e, endpoint] of study.endpoints.entries())
			for (const [r, result] of endpoint.results.entries())
				if (result.id === id)
					return { result, path: `studies[${s}].endpoints[${e}].results[${r}]` };
	throw new Error(`no result "${id}"`);
}

function findSampleSize(d: DatasetInput, id: string): { size: SampleSizeInput; path: string } {
	for (const [s, study] of d.studies.entries())
		for (const [z, size] of (study.sampleSizes ?? []).entries())
			if (size.id === id) return { size, path: `studies[${s}].sampleSizes[${z}]` };
	throw new Error(`no sample size "${id}"`);
}

function indexOfId(items: { id: string }[] | undefined, id: string): number {
	const i = (items ?? []).findIndex((item) => item.id === id);
	if (i < 0) throw new Error(`no item "${id}"`);
	return i;
}

/** What these cases compare: path and message. Every issue's kind is checked here, and which
 * kind each rule gives in issue-kinds.test.ts. */
type Reported = Pick<ValidationIssue, 'path' | 'message'>;

function issuesOf(d: DatasetInput): Reported[] {
	const outcome = validateDataset(d, texts);
	const issues = outcome.ok ? [] : outcome.issues;
	for (const issue of issues) expect(ISSUE_KINDS, issue.message).toContain(issue.kind);
	return issues.map(({ path, message }) => ({ path, message }));
}

describe('the embedded dataset', () => {
	it('has the stored text of the EMA overview', () => {
		expect(emaText).toContain('EMA/597147/2024');
	});

	it('validates with zero issues', () => {
		const outcome = validateDataset(input, texts);
		expect(outcome.ok ? [] : outcome.issues).toEqual([]);
		expect(outcome.ok).toBe(true);
	});
});

interface BrokenCase {
	rule: string;
	/** Breaks a fresh copy in one place and returns the issues the validator must report. */
	breakIt: (d: DatasetInput) => Reported[];
}

const cases: BrokenCase[] = [
	{
		rule: 'a quote that is not in the stored source text',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'mt103-211-cr-crh-ema');
			result.provenance.quote = result.provenance.quote!.replace('verbetering', 'verslechtering');
			return [
				{
					path: `${path}.provenance.quote`,
					message: `quote does not occur verbatim in the stored text of "${EMA}"`
				}
			];
		}
	},
	{
		rule: 'a quote that does not contain the printed figure',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'mt103-211-cr-crh-ema');
			// Still verbatim, but cut before "43 %".
			result.provenance.quote = 'die Blincyto kregen, een verbetering van de ziekte optrad.';
			return [
				{
					path: `${path}.provenance.quote`,
					message: 'quote does not contain the figure as printed ("43 %")'
				}
			];
		}
	},
	{
		rule: 'a figure from the stored overview that does not say how it is printed',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'mt103-211-cr-crh-ema');
			delete result.printed;
			return [
				{
					path: `${path}.printed`,
					message: 'a figure from a stored source must give the figure as printed in its quote'
				}
			];
		}
	},
	{
		rule: 'a sample size whose quote does not contain its printed number',
		breakIt: (d) => {
			const { size, path } = findSampleSize(d, 'e1910-n-overview');
			size.printed = '287 patiënten';
			return [
				{
					path: `${path}.provenance.quote`,
					message: 'quote does not contain the figure as printed ("287 patiënten")'
				}
			];
		}
	},
	{
		rule: 'events greater than the total',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'study-20120215-deaths-blinatumomab');
			result.events = 60;
			return [{ path: `${path}.events`, message: 'events (60) exceed the total (54)' }];
		}
	},
	{
		rule: 'events without a total',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'alcantara-mrd-complete-martinelli');
			delete result.total;
			return [{ path: `${path}.total`, message: 'events are given, so the total is required' }];
		}
	},
	{
		rule: 'a printed percentage that does not match events/total',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'alcantara-cr-crh-martinelli');
			result.value = 45;
			return [
				{ path: `${path}.value`, message: '45 % does not match 16/45 = 35.6 % within rounding' }
			];
		}
	},
	{
		rule: 'a CI that does not contain its estimate',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-os-hr-kantarjian');
			result.value = 0.5;
			return [{ path: `${path}.ci`, message: 'CI 0.55–0.93 does not contain the estimate 0.5' }];
		}
	},
	{
		rule: 'a CI whose lower limit is above its upper limit',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'e1910-os-hr-litzow');
			result.ci = { ...result.ci!, low: 0.8, high: 0.3 };
			return [{ path: `${path}.ci`, message: 'CI low (0.8) is above high (0.3)' }];
		}
	},
	{
		rule: 'a result that refers to an unknown arm',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-cr-12w-blinatumomab');
			result.armId = 'no-such-arm';
			return [{ path: `${path}.armId`, message: 'unknown arm "no-such-arm"' }];
		}
	},
	{
		rule: 'a comparison that refers to an unknown arm',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'e1910-os-hr-fda');
			result.comparison = { ...result.comparison!, comparatorArmId: 'tower-chemotherapy' };
			return [
				{ path: `${path}.comparison.comparatorArmId`, message: 'unknown arm "tower-chemotherapy"' }
			];
		}
	},
	{
		rule: 'a study that refers to an unknown indication',
		breakIt: (d) => {
			const s = studyIndex(d, 'blast');
			d.studies[s].indicationIds = ['no-such-indication'];
			return [
				{
					path: `studies[${s}].indicationIds[0]`,
					message: 'unknown indication "no-such-indication"'
				}
			];
		}
	},
	{
		rule: 'a timeline event that refers to an unknown indication',
		breakIt: (d) => {
			const t = indexOfId(d.timeline, 'conditional-authorisation-2015');
			d.timeline![t].indicationIds = ['adult-rr-ph-negative'];
			return [
				{
					path: `timeline[${t}].indicationIds[0]`,
					message: 'unknown indication "adult-rr-ph-negative"'
				}
			];
		}
	},
	{
		rule: 'a dosing regimen that refers to an unknown indication',
		breakIt: (d) => {
			const i = indexOfId(d.dosing, 'adult-mrd');
			d.dosing![i].indicationIds = ['mrd'];
			return [{ path: `dosing[${i}].indicationIds[0]`, message: 'unknown indication "mrd"' }];
		}
	},
	{
		rule: 'a provenance that refers to an unknown source',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-efs-hr-kantarjian');
			result.provenance.sourceId = 'kantarjian-2016';
			return [{ path: `${path}.provenance.sourceId`, message: 'unknown source "kantarjian-2016"' }];
		}
	},
	{
		rule: 'a study that cites an unknown source',
		breakIt: (d) => {
			const s = studyIndex(d, 'tower');
			d.studies[s].sourceIds.push('no-such-source');
			const i = d.studies[s].sourceIds.length - 1;
			return [
				{ path: `studies[${s}].sourceIds[${i}]`, message: 'unknown source "no-such-source"' }
			];
		}
	},
	{
		rule: 'a safety reaction that cites an unknown source',
		breakIt: (d) => {
			const p = indexOfId(d.safety, 'eu-smpc-pooled');
			d.safety![p].reactions[0].provenance.sourceId = 'smpc';
			return [
				{ path: `safety[${p}].reactions[0].provenance.sourceId`, message: 'unknown source "smpc"' }
			];
		}
	},
	{
		rule: 'a discrepancy that refers to an unknown study',
		breakIt: (d) => {
			const i = indexOfId(d.discrepancies, 'blast-denominator');
			d.discrepancies![i].studyId = 'mt103-203';
			return [{ path: `discrepancies[${i}].studyId`, message: 'unknown study "mt103-203"' }];
		}
	},
	{
		rule: 'a discrepancy that refers to an unknown result',
		breakIt: (d) => {
			const i = indexOfId(d.discrepancies, 'e1910-os-hr');
			d.discrepancies![i].itemIds[1] = 'e1910-os-hr-ema';
			return [
				{ path: `discrepancies[${i}].itemIds[1]`, message: 'unknown result "e1910-os-hr-ema"' }
			];
		}
	},
	{
		rule: 'a timeline event that refers to an unknown study',
		breakIt: (d) => {
			const t = indexOfId(d.timeline, 'full-authorisation-2018');
			d.timeline![t].studyId = 'tower-2';
			return [{ path: `timeline[${t}].studyId`, message: 'unknown study "tower-2"' }];
		}
	},
	{
		rule: 'a dosing regimen that refers to an unknown study',
		breakIt: (d) => {
			const i = indexOfId(d.dosing, 'paediatric-consolidation');
			d.dosing![i].studyId = '20120215';
			return [{ path: `dosing[${i}].studyId`, message: 'unknown study "20120215"' }];
		}
	},
	{
		rule: 'a derived result without its derivation',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'mt103-205-cr-crh-count');
			delete result.derivation;
			return [
				{ path: `${path}.derivation`, message: 'a derived figure must say how it was obtained' }
			];
		}
	},
	{
		rule: 'a derived sample size without its derivation',
		breakIt: (d) => {
			const { size, path } = findSampleSize(d, 'e1910-n-both-cohorts');
			delete size.derivation;
			return [
				{ path: `${path}.derivation`, message: 'a derived figure must say how it was obtained' }
			];
		}
	},
	{
		rule: 'a computed result without its derivation',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-cr-12w-chemotherapy');
			result.basis = 'computed';
			return [
				{ path: `${path}.derivation`, message: 'a computed figure must say how it was obtained' }
			];
		}
	},
	{
		rule: 'an EMA-sourced result without a quote',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'blast-mrd-complete-ema');
			delete result.provenance.quote;
			return [
				{
					path: `${path}.provenance.quote`,
					message: `source "${EMA}" is stored verbatim, so a quote from it is required`
				}
			];
		}
	},
	{
		rule: 'an EMA-sourced indication without a quote',
		breakIt: (d) => {
			const i = indexOfId(d.indications, 'adult-rr-ph-pos');
			delete d.indications[i].provenance.quote;
			return [
				{
					path: `indications[${i}].provenance.quote`,
					message: `source "${EMA}" is stored verbatim, so a quote from it is required`
				}
			];
		}
	},
	{
		rule: 'a duplicate result id',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-cr-12w-chemotherapy');
			result.id = 'tower-cr-12w-blinatumomab';
			return [{ path: `${path}.id`, message: 'duplicate id "tower-cr-12w-blinatumomab"' }];
		}
	},
	{
		rule: 'a result id that duplicates a sample-size id',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'blast-os-median-gokbuget');
			result.id = 'blast-n-treated';
			return [{ path: `${path}.id`, message: 'duplicate id "blast-n-treated"' }];
		}
	},
	{
		rule: 'a duplicate source id',
		breakIt: (d) => {
			d.sources.push(structuredClone(d.sources[0]));
			return [
				{
					path: `sources[${d.sources.length - 1}].id`,
					message: `duplicate id "${d.sources[0].id}"`
				}
			];
		}
	},
	{
		rule: 'a duplicate indication id',
		breakIt: (d) => {
			const i = indexOfId(d.indications, 'adult-mrd-ph-neg');
			d.indications.push(structuredClone(d.indications[i]));
			return [
				{
					path: `indications[${d.indications.length - 1}].id`,
					message: 'duplicate id "adult-mrd-ph-neg"'
				}
			];
		}
	},
	{
		rule: 'a duplicate arm id within a study',
		breakIt: (d) => {
			const s = studyIndex(d, 'blast');
			const arms = d.studies[s].arms;
			arms.push({ ...structuredClone(arms[0]), label: 'A second arm with the same id' });
			return [{ path: `studies[${s}].arms[1].id`, message: `duplicate id "${arms[0].id}"` }];
		}
	},
	{
		rule: 'a duplicate endpoint id within a study',
		breakIt: (d) => {
			const s = studyIndex(d, 'tower');
			const endpoints = d.studies[s].endpoints;
			endpoints[1].id = endpoints[0].id;
			return [
				{ path: `studies[${s}].endpoints[1].id`, message: `duplicate id "${endpoints[0].id}"` }
			];
		}
	},
	{
		rule: 'a duplicate timeline id',
		breakIt: (d) => {
			const timeline = d.timeline!;
			timeline[1].id = timeline[0].id;
			return [{ path: 'timeline[1].id', message: `duplicate id "${timeline[0].id}"` }];
		}
	},
	{
		rule: 'a duplicate discrepancy id',
		breakIt: (d) => {
			const discrepancies = d.discrepancies!;
			discrepancies[1].id = discrepancies[0].id;
			return [{ path: 'discrepancies[1].id', message: `duplicate id "${discrepancies[0].id}"` }];
		}
	},
	{
		rule: 'a duplicate dosing id',
		breakIt: (d) => {
			const dosing = d.dosing!;
			dosing[2].id = dosing[1].id;
			return [{ path: 'dosing[2].id', message: `duplicate id "${dosing[1].id}"` }];
		}
	},
	{
		rule: 'a duplicate safety-profile id',
		breakIt: (d) => {
			const safety = d.safety!;
			safety[1].id = safety[0].id;
			return [{ path: 'safety[1].id', message: `duplicate id "${safety[0].id}"` }];
		}
	},
	{
		rule: 'a duplicate reaction id within a safety profile',
		breakIt: (d) => {
			// The last two: the first ones are items of the label-version discrepancy.
			const reactions = d.safety![0].reactions;
			const k = reactions.length - 1;
			reactions[k].id = reactions[k - 1].id;
			return [
				{ path: `safety[0].reactions[${k}].id`, message: `duplicate id "${reactions[k - 1].id}"` }
			];
		}
	},
	{
		rule: 'a discrepancy whose items belong to another study',
		breakIt: (d) => {
			const i = indexOfId(d.discrepancies, 'e1910-os-hr');
			d.discrepancies![i].itemIds[1] = 'tower-os-hr-kantarjian';
			return [
				{
					path: `discrepancies[${i}].itemIds[1]`,
					message: '"tower-os-hr-kantarjian" belongs to study "tower", not "e1910"'
				}
			];
		}
	}
];

describe('each integrity check catches a dataset broken in one place', () => {
	it.each(cases)('$rule', ({ breakIt }) => {
		const broken = fresh();
		const expected = breakIt(broken);
		expect(issuesOf(broken)).toEqual(expected);
		// The real dataset is untouched by the broken copy.
		expect(issuesOf(input)).toEqual([]);
	});

	it('a duplicate study is reported at the copy’s id', () => {
		const broken = fresh();
		const s = studyIndex(broken, 'blast');
		broken.studies.push(structuredClone(broken.studies[s]));
		expect(issuesOf(broken)).toContainEqual({
			path: `studies[${broken.studies.length - 1}].id`,
			message: 'duplicate id "blast"'
		});
	});

	it('a quote that only differs in line breaks and spacing still matches', () => {
		const d = fresh();
		const { result } = findResult(d, 'mt103-211-cr-crh-ema');
		result.provenance.quote = result.provenance.quote!.replace(/ /g, '\n  ');
		expect(issuesOf(d)).toEqual([]);
	});
});

/** Every EMA provenance in the dataset, with where it sits. */
function emaProvenances(d: DatasetInput) {
	const out: { path: string; quote?: string; gloss?: string }[] = [];
	const add = (path: string, p: { sourceId: string; quote?: string; gloss?: string }) => {
		if (p.sourceId === EMA) out.push({ path, quote: p.quote, gloss: p.gloss });
	};
	d.medicines.forEach((m, i) => add(`medicines[${i}]`, m.provenance));
	d.indications.forEach((x, i) => add(`indications[${i}]`, x.provenance));
	d.studies.forEach((study, s) => {
		add(`studies[${s}]`, study.provenance);
		study.arms.forEach(
			(arm, a) => arm.provenance && add(`studies[${s}].arms[${a}]`, arm.provenance)
		);
		(study.sampleSizes ?? []).forEach((z, i) =>
			add(`studies[${s}].sampleSizes[${i}]`, z.provenance)
		);
		study.endpoints.forEach((e, ei) =>
			e.results.forEach((r, ri) =>
				add(`studies[${s}].endpoints[${ei}].results[${ri}]`, r.provenance)
			)
		);
	});
	(d.safety ?? []).forEach((p, pi) =>
		p.reactions.forEach((r, ri) => add(`safety[${pi}].reactions[${ri}]`, r.provenance))
	);
	(d.timeline ?? []).forEach((t, i) => add(`timeline[${i}]`, t.provenance));
	(d.dosing ?? []).forEach((x, i) => add(`dosing[${i}]`, x.provenance));
	return out;
}

describe('the EMA overview’s seed figures, each with its quote', () => {
	const quoteOf = (id: string) =>
		normaliseWhitespace(findResult(input, id).result.provenance.quote ?? '');

	it('every EMA quote occurs verbatim in the stored text and has an English gloss', () => {
		const provenances = emaProvenances(input);
		expect(provenances.length).toBeGreaterThan(50);
		for (const p of provenances) {
			expect(p.quote, p.path).toBeTruthy();
			expect(emaText.includes(normaliseWhitespace(p.quote!)), p.path).toBe(true);
			expect(p.gloss, p.path).toBeTruthy();
		}
	});

	it('every numeric EMA result names the figure as printed in its quote', () => {
		for (const study of input.studies)
			for (const endpoint of study.endpoints)
				for (const result of endpoint.results) {
					if (result.provenance.sourceId !== EMA || result.value === undefined) continue;
					expect(result.printed, result.id).toBeTruthy();
					expect(quoteOf(result.id)).toContain(result.printed);
				}
	});

	it.each([
		// id, value, printed, events, total, approximate, words the quote must hold
		['mt103-211-cr-crh-ema', 43, '43 %', 81, 189, false, '81 van de 189'],
		[
			'mt103-211-rfs-median-ema',
			6,
			'zes maanden',
			undefined,
			undefined,
			false,
			'voordat de kanker terugkwam'
		],
		['alcantara-cr-crh-ema', 36, '36 %', 16, 45, false, '16 van de 45'],
		['e1910-os-5y-ema-blinatumomab', 82, '82 %', undefined, undefined, true, 'Ongeveer 82 %'],
		['e1910-os-5y-ema-chemotherapy', 63, '63 %', undefined, undefined, true, 'ongeveer 63 %'],
		['mt103-205-cr-crh-ema', 33, '33 %', undefined, undefined, false, '70 kinderen'],
		[
			'study-20120215-efs-events-ema-blinatumomab',
			33,
			'33 %',
			undefined,
			undefined,
			false,
			'108 kinderen'
		],
		[
			'study-20120215-efs-events-ema-chemotherapy',
			57,
			'57 %',
			undefined,
			undefined,
			false,
			'tegenover 57 %'
		],
		['blast-mrd-complete-ema', 78, '78 %', undefined, undefined, true, 'ongeveer 78 %']
	] as const)('%s = %s (%s)', (id, value, printed, events, total, approximate, words) => {
		const { result } = findResult(input, id);
		expect(result.provenance.sourceId).toBe(EMA);
		expect(result.value).toBe(value);
		expect(result.printed).toBe(printed);
		expect(result.events).toBe(events);
		expect(result.total).toBe(total);
		expect(result.approximate ?? false).toBe(approximate);
		expect(result.basis).toBe('reported');
		expect(quoteOf(id)).toContain(printed);
		expect(quoteOf(id)).toContain(words);
	});

	it.each([
		['mt103-211-n-overview', 189, '189 patiënten'],
		['e1910-n-overview', 286, '286 patiënten'],
		['mt103-205-n-overview', 70, '70 kinderen'],
		['study-20120215-n-overview', 108, '108 kinderen'],
		['blast-n-overview', 116, '116 patiënten']
	] as const)('sample size %s = %s (%s)', (id, value, printed) => {
		const { size } = findSampleSize(input, id);
		expect(size.value).toBe(value);
		expect(size.printed).toBe(printed);
		expect(size.provenance.sourceId).toBe(EMA);
		expect(normaliseWhitespace(size.provenance.quote ?? '')).toContain(printed);
	});

	it('the infants statement: comparable blood concentrations and literature data', () => {
		const study = input.studies[studyIndex(input, 'infants-overview')];
		const endpoint = study.endpoints[0];
		expect(endpoint.kind).toBe('qualitative');
		const pk = findResult(input, 'infants-overview-pk').result;
		const literature = findResult(input, 'infants-overview-literature').result;
		expect(pk.text).toMatch(/comparable/);
		expect(quoteOf(pk.id)).toContain('kinderen van 1 maand tot 1 jaar oud');
		expect(quoteOf(pk.id)).toContain('vergelijkbaar');
		expect(literature.text).toMatch(/literature/);
		expect(quoteOf(literature.id)).toContain('gegevens uit de literatuur');
	});

	it.each([
		['orphan-designation-2009', '2009-07-24', 'orphan-designation', '24 juli 2009'],
		[
			'conditional-authorisation-2015',
			'2015-11-23',
			'conditional-authorisation',
			'23 november 2015'
		],
		['full-authorisation-2018', '2018-06-18', 'full-authorisation', '18 juni 2018']
	] as const)('regulatory date %s (%s)', (id, date, kind, words) => {
		const event = input.timeline!.find((t) => t.id === id)!;
		expect(event.date).toBe(date);
		expect(event.kind).toBe(kind);
		expect(event.provenance.sourceId).toBe(EMA);
		expect(event.provenance.quote).toContain(words);
	});

	it('dosing: 4-week cycles, 2 weeks off, dose by body weight', () => {
		const general = input.dosing!.find((x) => x.id === 'general-overview')!;
		expect(general.route).toBe('continuous-infusion');
		expect(general.cycle).toEqual({ treatmentDays: 4 * 7, restDays: 2 * 7 });
		expect(general.provenance.sourceId).toBe(EMA);
		for (const words of ['lichaamsgewicht', 'vier weken', 'twee weken'])
			expect(general.provenance.quote).toContain(words);
	});

	it('the mechanism quotes the “brug” sentence', () => {
		const [subject] = input.medicines;
		expect(subject.provenance.sourceId).toBe(EMA);
		expect(subject.provenance.quote).toContain('‘brug’');
	});

	it('each overview side effect quotes its Dutch term from the matching list sentence', () => {
		const profile = input.safety!.find((p) => p.id === 'ema-overview')!;
		const veryCommon = emaText.slice(
			emaText.indexOf('De meest voorkomende bijwerkingen'),
			emaText.indexOf('De ernstigste bijwerkingen')
		);
		const serious = emaText.slice(
			emaText.indexOf('De ernstigste bijwerkingen'),
			emaText.indexOf('Blincyto mag niet worden toegediend')
		);
		const byCategory = { 'very-common': veryCommon, 'most-serious': serious } as const;
		expect(profile.reactions.filter((r) => r.category === 'very-common')).toHaveLength(27);
		expect(profile.reactions.filter((r) => r.category === 'most-serious')).toHaveLength(5);
		for (const reaction of profile.reactions) {
			expect(reaction.percent, reaction.id).toBeUndefined();
			const sentence = byCategory[reaction.category as keyof typeof byCategory];
			expect(sentence, reaction.id).toContain(normaliseWhitespace(reaction.provenance.quote!));
		}
	});
});
