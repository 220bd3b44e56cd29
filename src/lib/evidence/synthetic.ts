/**
 * Seeded synthetic datasets for benchmarks and load tests: any number of response
 * and event-rate results (percent), spread over studies, arms, sources and
 * indications, with the variety the real data has (printed CIs, counts whose CI the
 * dashboard computes, counts only, a bare percentage, approximate figures,
 * discrepancies between sources). Marked `synthetic: true`; NOT evidence.
 *
 * Same options, same dataset: the generator draws only from its own seeded PRNG.
 * Every result is a forest-plot row, so `results` is also the number of rows drawn.
 */
import type { Arm, Dataset, Endpoint, Facet, Indication, Result, Source, Study } from './schema';
import { seededUniform } from '../stats/survival/simulate';

export interface SyntheticOptions {
	/** Number of results (all percent, response or event rate). */
	results: number;
	/** PRNG seed; the same seed gives the same dataset. */
	seed?: number;
	/** Results per study, on average (the last study takes the remainder). */
	resultsPerStudy?: number;
}

/** A small, fast, seedable PRNG (mulberry32), the one the survival simulation draws from. */
export const seededRandom: (seed: number) => () => number = seededUniform;

/** The synthetic populations' facets: invented, like everything else here. */
export const SYNTHETIC_FACETS: Facet[] = [
	{
		id: 'age',
		label: { en: 'Age group', nl: 'Leeftijdsgroep' },
		multiple: true,
		filter: true,
		values: [
			{ id: 'adult', label: { en: 'Adults', nl: 'Volwassenen' }, matchesAll: false },
			{ id: 'child', label: { en: 'Children', nl: 'Kinderen' }, matchesAll: false }
		]
	},
	{
		id: 'marker',
		label: { en: 'Marker status', nl: 'Markerstatus' },
		multiple: false,
		filter: true,
		values: [
			{
				id: 'negative',
				label: { en: 'Marker-negative', nl: 'Marker-negatief' },
				matchesAll: false
			},
			{ id: 'positive', label: { en: 'Marker-positive', nl: 'Marker-positief' }, matchesAll: false }
		]
	},
	{
		id: 'setting',
		label: { en: 'Setting', nl: 'Setting' },
		multiple: false,
		filter: true,
		values: [
			{ id: 'advanced', label: { en: 'Advanced', nl: 'Gevorderd' }, matchesAll: false },
			{ id: 'residual', label: { en: 'Residual disease', nl: 'Restziekte' }, matchesAll: false },
			{ id: 'adjuvant', label: { en: 'Adjuvant', nl: 'Adjuvant' }, matchesAll: false }
		]
	}
];

const population = (
	age: string[],
	marker: string,
	setting: string,
	description: string
): Indication['population'] => ({
	facets: { age, marker: [marker], setting: [setting] },
	description
});

const INDICATIONS: { id: string; label: string; population: Indication['population'] }[] = [
	{
		id: 'syn-adult-adv',
		label: 'Adults, advanced (synthetic)',
		population: population(['adult'], 'negative', 'advanced', 'Synthetic adults, advanced disease.')
	},
	{
		id: 'syn-adult-marker-pos',
		label: 'Adults, marker-positive, advanced (synthetic)',
		population: population(['adult'], 'positive', 'advanced', 'Synthetic marker-positive adults.')
	},
	{
		id: 'syn-adult-residual',
		label: 'Adults, residual disease (synthetic)',
		population: population(
			['adult'],
			'negative',
			'residual',
			'Synthetic adults with residual disease.'
		)
	},
	{
		id: 'syn-adult-adjuvant',
		label: 'Adults, adjuvant (synthetic)',
		population: population(['adult'], 'negative', 'adjuvant', 'Synthetic adults, adjuvant setting.')
	},
	{
		id: 'syn-child-adv',
		label: 'Children, advanced (synthetic)',
		population: population(
			['child'],
			'negative',
			'advanced',
			'Synthetic children, advanced disease.'
		)
	},
	{
		id: 'syn-child-adjuvant',
		label: 'Children, adjuvant (synthetic)',
		population: population(
			['child'],
			'negative',
			'adjuvant',
			'Synthetic children, adjuvant setting.'
		)
	}
];

const ENDPOINTS: { kind: Endpoint['kind']; label: string; definition: string }[] = [
	{
		kind: 'response',
		label: 'Objective response within two cycles',
		definition: 'Complete or partial response within two cycles (synthetic definition)'
	},
	{
		kind: 'response',
		label: 'Deep response among responders',
		definition: 'Marker below the detection limit among responders'
	},
	{
		kind: 'event-rate',
		label: 'Event-free survival events',
		definition: 'Progression, death or second malignancy'
	},
	{
		kind: 'response',
		label: 'Overall response',
		definition: 'Any response (synthetic definition)'
	},
	{
		kind: 'event-rate',
		label: 'Progression after second-line therapy',
		definition: 'Progression after second-line therapy'
	},
	{
		kind: 'response',
		label: 'Deep response after one cycle',
		definition: 'Marker below the detection limit after one cycle'
	}
];

const AGENCY = 'syn-agency';

/** One decimal, as sources usually print percentages. */
const round1 = (x: number) => Math.round(x * 10) / 10;
const pad = (n: number, width = 4) => String(n).padStart(width, '0');

/**
 * A schema-valid synthetic dataset with exactly `results` forest-plot results.
 * Every study has a publication of its own besides the (synthetic) agency report.
 */
export function syntheticDataset(options: SyntheticOptions): Dataset {
	const { results: total, seed = 1, resultsPerStudy = 20 } = options;
	if (!Number.isInteger(total) || total < 1) throw new Error('results must be a positive integer');
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

	const studyCount = Math.max(1, Math.round(total / resultsPerStudy));
	// Studies vary by up to ±5 results around the typical size, never below one result.
	const typical = Math.round(resultsPerStudy);
	const spread = Math.min(5, typical - 1);
	const sources: Source[] = [
		{
			id: AGENCY,
			kind: 'regulatory',
			shortCitation: 'Agency report (synthetic)',
			citation: 'Synthetic agency. Assessment report of Synthetimab. Not a real document.',
			language: 'en',
			date: '2025-01'
		}
	];
	const prov = (sourceId: string, locator: string) => ({ sourceId, locator });

	const studies: Study[] = [];
	const discrepancies: Dataset['discrepancies'] = [];
	let made = 0;
	for (let s = 0; s < studyCount; s++) {
		const count =
			s === studyCount - 1
				? total - made
				: Math.min(total - made, int(typical - spread, typical + spread));
		if (count <= 0) break;
		made += count;

		const id = `syn-s${pad(s + 1)}`;
		const name = `SYN-${pad(s + 1)}`;
		const year = 2008 + (s % 17);
		const pub: Source = {
			id: `${id}-pub`,
			kind: 'publication',
			shortCitation: `Author${pad(s + 1)} ${year}`,
			citation: `Author${pad(s + 1)} A, et al. A synthetic study ${name}. J Synth. ${year}.`,
			language: 'en',
			date: String(year)
		};
		sources.push(pub);

		const roll = random();
		const design: Study['design'] =
			roll < 0.65 ? 'single-arm' : roll < 0.9 ? 'randomised' : 'historical-control';
		const arms: Arm[] = [
			{
				id: `${id}-exp`,
				label: 'Synthetimab',
				treatmentId: 'synthetimab',
				role: 'experimental',
				n: int(20, 400)
			}
		];
		if (design === 'randomised')
			arms.push({
				id: `${id}-ctl`,
				label: 'Standard chemotherapy',
				treatmentId: 'investigators-choice',
				role: 'comparator',
				n: int(20, 400)
			});
		if (design === 'historical-control')
			arms.push({
				id: `${id}-hist`,
				label: 'Historical control',
				treatmentId: 'historical-control',
				role: 'historical-control',
				n: int(50, 1000)
			});

		// Results fill (arm × source) pairs endpoint by endpoint.
		const pairs = arms.flatMap((arm) => [AGENCY, pub.id].map((sourceId) => ({ arm, sourceId })));
		const endpoints: Endpoint[] = [];
		const rates = new Map<string, number>();
		for (let r = 0; r < count; r++) {
			const e = Math.floor(r / pairs.length);
			const { arm, sourceId } = pairs[r % pairs.length];
			if (!endpoints[e]) {
				const spec = ENDPOINTS[(s + e) % ENDPOINTS.length];
				endpoints[e] = {
					id: `${id}-e${e + 1}`,
					kind: spec.kind,
					label: spec.label,
					definition: spec.definition,
					primary: e === 0,
					results: []
				};
			}
			const n = arm.n!;
			// Both sources of an arm report about the same rate; the agency sometimes a later cut.
			const rateKey = `${e}/${arm.id}`;
			const rate = rates.get(rateKey) ?? 0.05 + random() * 0.9;
			rates.set(rateKey, rate);
			const totalN = sourceId === AGENCY ? n : Math.max(1, n - int(0, Math.floor(n / 10)));
			const events = Math.min(totalN, Math.max(0, Math.round(rate * totalN)));
			const exact = (100 * events) / totalN;
			const form = random();
			const result: Result = {
				id: `${id}-e${e + 1}-r${r + 1}`,
				armId: arm.id,
				unit: 'percent',
				approximate: false,
				basis: 'reported',
				headline: e === 0 && r === 0,
				provenance: prov(sourceId, `Table ${e + 2}`)
			};
			if (form < 0.45) {
				// Value, counts and a printed interval (normal approximation, widened to contain it).
				const value = round1(exact);
				const half = 196 * Math.sqrt(Math.max(rate * (1 - rate), 0.01) / totalN);
				Object.assign(result, {
					value,
					events,
					total: totalN,
					ci: {
						low: Math.max(0, Math.floor((value - half) * 10) / 10),
						high: Math.min(100, Math.ceil((value + half) * 10) / 10),
						level: 0.95,
						method: 'not stated'
					}
				});
			} else if (form < 0.8) {
				// Value and counts: the dashboard computes the interval.
				Object.assign(result, { value: round1(exact), events, total: totalN });
			} else if (form < 0.9) {
				// Counts only, in words: the dashboard computes value and interval.
				Object.assign(result, {
					events,
					total: totalN,
					text: `${events} of ${totalN} patients`
				});
			} else {
				// A bare percentage, sometimes approximate.
				const approximate = random() < 0.5;
				Object.assign(result, {
					value: approximate ? Math.round(exact) : round1(exact),
					approximate
				});
			}
			if (random() < 0.3) result.provenance.dataCut = `${year + 1}-0${int(1, 9)}-15`;
			endpoints[e].results.push(result);
		}

		// One study in twenty: the agency and the publication disagree on the first figure.
		const first = endpoints[0].results;
		if (s % 20 === 3 && first.length >= 2)
			discrepancies.push({
				id: `${id}-disc`,
				studyId: id,
				itemIds: [first[0].id, first[1].id],
				explanation: 'Synthetic: the agency and the publication report different data cuts.'
			});

		const indication = INDICATIONS[s % INDICATIONS.length];
		studies.push({
			id,
			name,
			code: `SYN${pad(s + 1, 5)}`,
			phase: pick(['2', '3']),
			design,
			indicationIds: [indication.id],
			population: indication.population.description,
			arms,
			sampleSizes: [],
			endpoints,
			sourceIds: [AGENCY, pub.id],
			notes: [],
			provenance: prov(pub.id, 'Methods')
		});
	}

	return {
		schemaVersion: 2,
		version: `synthetic-${total}-seed-${seed}`,
		released: '2026-01-01',
		synthetic: true,
		title: 'Synthetimab (synthetimab)',
		shortTitle: 'Synthetimab',
		medicines: [
			{
				id: 'synthetimab',
				name: 'Synthetimab',
				inn: 'synthetimab',
				mechanism: 'A synthetic medicine for benchmarks; not a real product.',
				role: 'subject',
				provenance: prov(AGENCY, 'Section 1')
			}
		],
		treatments: [
			{ id: 'synthetimab', label: 'Synthetimab', kind: 'medicine', medicineIds: ['synthetimab'] },
			{
				id: 'investigators-choice',
				label: 'Investigator-chosen therapy',
				kind: 'investigators-choice',
				medicineIds: []
			},
			{
				id: 'historical-control',
				label: 'Standard of care (historical cohort)',
				kind: 'historical-control',
				medicineIds: []
			}
		],
		facets: SYNTHETIC_FACETS,
		sources,
		indications: INDICATIONS.map((i) => ({ ...i, provenance: prov(AGENCY, 'Indications') })),
		studies,
		discrepancies,
		safety: [],
		timeline: [],
		dosing: []
	};
}
