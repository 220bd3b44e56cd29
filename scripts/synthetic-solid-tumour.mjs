#!/usr/bin/env node
/**
 * Builds static/examples/synthetic-solid-tumour.json: a second synthetic example, outside
 * haematology, with invented medicines (Fictumab, Imaginib), invented biomarker groups and two
 * randomised trials against the same chemotherapy.
 *
 * 1. Seeded exponential survival times per arm → tests/reference/solid-tumour-ipd.csv.
 * 2. R (survival) computes the Kaplan–Meier steps, numbers at risk, medians with 95 % CIs and Cox
 *    hazard ratios → tests/reference/solid-tumour-survival.json.
 * 3. This script puts them into the dataset, rounded as a publication would print them.
 *
 * Everything here is invented: not evidence. Run: node scripts/synthetic-solid-tumour.mjs
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reference = join(root, 'tests', 'reference');
const SEED = 20261204;

/** mulberry32: a small, well-known seeded generator, so the file is the same on every run. */
function generator(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The arms: true median survival in months, patients, accrual over `accrual` months, analysis
 * `analysis` months after the first patient, and a small loss to follow-up. Experimental arm first.
 */
const TRIALS = [
	{
		trial: 'fic-301',
		accrual: 18,
		analysis: 30,
		arms: [
			{ arm: 'fic-301-fictumab', n: 160, median: 21 },
			{ arm: 'fic-301-chemotherapy', n: 160, median: 11 }
		]
	},
	{
		trial: 'ima-302',
		accrual: 15,
		analysis: 27,
		arms: [
			{ arm: 'ima-302-imaginib', n: 120, median: 16 },
			{ arm: 'ima-302-chemotherapy', n: 120, median: 10.5 }
		]
	}
];
const LOSS_MEDIAN = 120;

function writeIpd() {
	const random = generator(SEED);
	const exponential = (median) => (-Math.log(1 - random()) * median) / Math.LN2;
	const rows = ['trial,arm,time,event'];
	for (const { trial, accrual, analysis, arms } of TRIALS)
		for (const { arm, n, median } of arms)
			for (let i = 0; i < n; i++) {
				const entry = random() * accrual;
				const death = exponential(median);
				const lost = exponential(LOSS_MEDIAN);
				const censor = Math.min(analysis - entry, lost);
				const time = Math.max(0.01, Math.round(Math.min(death, censor) * 100) / 100);
				rows.push(`${trial},${arm},${time.toFixed(2)},${death <= censor ? 1 : 0}`);
			}
	writeFileSync(join(reference, 'solid-tumour-ipd.csv'), rows.join('\n') + '\n');
	return rows.slice(1).map((row) => {
		const [trial, arm, time, event] = row.split(',');
		return { trial, arm, time: Number(time), event: Number(event) };
	});
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const fixed = (x, digits) => x.toFixed(digits);

const SYNTHETIC_DOE = 'synthetic-doe-2025';
const SYNTHETIC_ROE = 'synthetic-roe-2026';
const OVERVIEW = 'synthetic-regulator-overview';

/** One arm's median: a number with its CI, an open upper limit when R gives none. */
function medianResult(id, armId, survival, sourceId, locator) {
	const { median, medianLow, medianHigh } = survival;
	if (median === null) throw new Error(`${armId}: median not reached; pick other parameters`);
	const high = medianHigh === null ? null : round(medianHigh, 1);
	const printed = `${fixed(median, 1)} months (${fixed(medianLow, 1)}–${high === null ? 'NE' : fixed(high, 1)})`;
	return {
		id,
		armId,
		value: round(median, 1),
		unit: 'months',
		printed,
		total: survival.n,
		events: survival.events,
		ci: {
			low: round(medianLow, 1),
			high,
			...(high === null ? { highOpen: { reason: 'not-estimable', printed: 'NE' } } : {}),
			level: 0.95,
			method: 'Brookmeyer–Crowley (log transformation)'
		},
		basis: 'reported',
		headline: true,
		provenance: { sourceId, locator, dataCut: 'primary analysis' }
	};
}

function curve(armId, survival, sourceId, figure) {
	return {
		armId,
		timeUnit: 'months',
		yScale: 'proportion',
		points: survival.time.map((time, k) => ({ time, survival: round(survival.survival[k], 6) })),
		atRisk: survival.atRiskTime.map((time, k) => ({ time, n: survival.atRisk[k] })),
		totalEvents: survival.events,
		provenance: { sourceId, locator: `${figure}; numbers at risk below the figure` }
	};
}

function patientData(armId, ipd, sourceId) {
	const rows = ipd.filter((r) => r.arm === armId);
	return {
		armId,
		timeUnit: 'months',
		time: rows.map((r) => r.time),
		event: rows.map((r) => r.event),
		method: 'synthetic: seeded exponential times (scripts/synthetic-solid-tumour.mjs)',
		provenance: { sourceId, locator: 'Supplementary appendix, patient-level data' }
	};
}

/** Overall survival of one trial: the two medians, and the hazard ratio that carries the curves. */
function survivalEndpoints(trialId, result, ipd, sourceId) {
	const [experimental, comparator] = [result.experimentalArm, result.comparatorArm];
	const e = result.arms[experimental];
	const c = result.arms[comparator];
	return [
		{
			id: `${trialId}-os-median`,
			kind: 'median-time',
			label: 'Overall survival, median',
			definition: 'Median time from randomisation to death from any cause.',
			primary: true,
			results: [
				medianResult(`${trialId}-os-median-experimental`, experimental, e, sourceId, 'Table 2'),
				medianResult(`${trialId}-os-median-comparator`, comparator, c, sourceId, 'Table 2')
			]
		},
		{
			id: `${trialId}-os-hr`,
			kind: 'hazard-ratio',
			label: 'Overall survival, hazard ratio',
			definition:
				'Hazard ratio for death, experimental vs chemotherapy (Cox model, unstratified, Efron ties).',
			primary: true,
			results: [
				{
					id: `${trialId}-os-hr-cox`,
					comparison: { experimentalArmId: experimental, comparatorArmId: comparator },
					value: round(result.hr, 2),
					unit: 'ratio',
					printed: fixed(result.hr, 2),
					ci: {
						low: round(result.hrLow, 2),
						high: round(result.hrHigh, 2),
						level: 0.95,
						method: 'Wald (Cox model)'
					},
					pValue:
						result.logRankP < 0.001
							? { value: 0.001, relation: '<' }
							: { value: round(result.logRankP, 3), relation: '=' },
					basis: 'reported',
					headline: true,
					curves: [
						curve(experimental, e, sourceId, 'Figure 2A'),
						curve(comparator, c, sourceId, 'Figure 2A')
					],
					patientData: [
						patientData(experimental, ipd, sourceId),
						patientData(comparator, ipd, sourceId)
					],
					provenance: { sourceId, locator: 'Figure 2A and Table 2', dataCut: 'primary analysis' }
				}
			]
		}
	];
}

function response(id, armId, events, total, sourceId, headline = false) {
	return {
		id,
		armId,
		value: round((100 * events) / total, 1),
		unit: 'percent',
		printed: `${fixed((100 * events) / total, 1)} %`,
		events,
		total,
		basis: 'reported',
		headline,
		provenance: { sourceId, locator: 'Table 3' }
	};
}

function build(survival, ipd) {
	const fic = survival.trials['fic-301'];
	const ima = survival.trials['ima-302'];
	const n = (trial, arm) => trial.arms[arm].n;
	return {
		schemaVersion: 2,
		title: 'Fictumab and Imaginib (synthetic example)',
		shortTitle: 'Fictumab & Imaginib',
		version: 'synthetic-2026.12-1',
		released: '2026-12-04',
		synthetic: true,
		medicines: [
			{
				id: 'fictumab',
				name: 'Fictumab',
				inn: 'fictumab',
				atc: 'Z99XX01',
				mechanism:
					'An invented antibody that blocks the invented receptor ZR-1 on tumour cells, so immune cells can attack them.',
				procedure: 'SYN/H/C/000001',
				regulatorySourceId: OVERVIEW,
				role: 'subject',
				provenance: { sourceId: OVERVIEW, locator: 'Section 1, How does it work?' }
			},
			{
				id: 'imaginib',
				name: 'Imaginib',
				inn: 'imaginib',
				atc: 'Z99XX02',
				mechanism: 'An invented kinase inhibitor, taken by mouth once a day.',
				procedure: 'SYN/H/C/000002',
				regulatorySourceId: OVERVIEW,
				role: 'subject',
				provenance: { sourceId: OVERVIEW, locator: 'Section 2, How does it work?' }
			}
		],
		treatments: [
			{
				id: 'fictumab',
				label: 'Fictumab',
				kind: 'medicine',
				medicineIds: ['fictumab'],
				description: 'Fictumab 10 mg/kg intravenously every 3 weeks'
			},
			{
				id: 'imaginib',
				label: 'Imaginib',
				kind: 'medicine',
				medicineIds: ['imaginib'],
				description: 'Imaginib 200 mg by mouth once daily'
			},
			{
				id: 'doublet-chemotherapy',
				label: 'Doublet chemotherapy',
				kind: 'chemotherapy',
				medicineIds: [],
				description:
					'An invented two-drug chemotherapy, every 3 weeks for up to 6 cycles: the shared comparator of FIC-301 and IMA-302'
			}
		],
		facets: [
			{
				id: 'zeta',
				label: { en: 'Zeta-score group', nl: 'Zeta-scoregroep' },
				multiple: true,
				values: [
					{
						id: 'zeta-high',
						label: { en: 'Zeta-high (score ≥ 50 %)', nl: 'Zeta-hoog (score ≥ 50 %)' },
						short: { en: 'Zeta-high', nl: 'Zeta-hoog' }
					},
					{
						id: 'zeta-low',
						label: { en: 'Zeta-low (score 1–49 %)', nl: 'Zeta-laag (score 1–49 %)' },
						short: { en: 'Zeta-low', nl: 'Zeta-laag' }
					},
					{
						id: 'zeta-negative',
						label: { en: 'Zeta-negative (score < 1 %)', nl: 'Zeta-negatief (score < 1 %)' },
						short: { en: 'Zeta-neg.', nl: 'Zeta-neg.' }
					},
					{
						id: 'zeta-any',
						label: { en: 'Any Zeta-score', nl: 'Elke Zeta-score' },
						short: { en: 'any Zeta', nl: 'elke Zeta' },
						matchesAll: true
					}
				]
			},
			{
				id: 'therapy-line',
				label: { en: 'Line of therapy', nl: 'Behandellijn' },
				values: [
					{ id: 'first-line', label: { en: 'First line', nl: 'Eerste lijn' } },
					{
						id: 'second-line',
						label: { en: 'Second line or later', nl: 'Tweede lijn of later' },
						short: { en: 'Second line+', nl: 'Tweede lijn+' }
					}
				]
			},
			{
				id: 'stage',
				label: { en: 'Stage', nl: 'Stadium' },
				filter: false,
				values: [
					{
						id: 'advanced',
						label: { en: 'Advanced or metastatic', nl: 'Gevorderd of gemetastaseerd' }
					}
				]
			}
		],
		evidenceMap: { rows: 'zeta', columns: ['therapy-line'] },
		sources: [
			{
				id: OVERVIEW,
				kind: 'regulatory',
				shortCitation: 'Synthetic regulator overview 2026',
				citation:
					'Synthetic Medicines Agency. Fictumab and Imaginib: an overview (invented document for the synthetic example). SYN/0001/2026.',
				publisher: 'Synthetic Medicines Agency (invented)',
				language: 'en',
				date: '2026-06'
			},
			{
				id: SYNTHETIC_DOE,
				kind: 'publication',
				shortCitation: 'Doe 2025 (synthetic)',
				citation:
					'Doe J, et al. Fictumab versus doublet chemotherapy in Zeta-high advanced solid tumours (FIC-301). J Invented Oncol. 2025;1:1-10. Invented publication: its curves and figures were generated by scripts/synthetic-solid-tumour.mjs and tests/reference/solid-tumour-survival.R.',
				language: 'en',
				date: '2025-05'
			},
			{
				id: SYNTHETIC_ROE,
				kind: 'publication',
				shortCitation: 'Roe 2026 (synthetic)',
				citation:
					'Roe A, et al. Imaginib versus doublet chemotherapy in Zeta-positive advanced solid tumours (IMA-302). J Invented Oncol. 2026;2:11-20. Invented publication: its curves and figures were generated by scripts/synthetic-solid-tumour.mjs and tests/reference/solid-tumour-survival.R.',
				language: 'en',
				date: '2026-02'
			}
		],
		indications: [
			{
				id: 'fictumab-first-line-zeta-high',
				label: 'Fictumab, first line, Zeta-high',
				population: {
					facets: { zeta: ['zeta-high'], 'therapy-line': ['first-line'], stage: ['advanced'] },
					age: 'adults',
					description:
						'Adults with an advanced invented solid tumour whose cells have a Zeta-score of 50 % or more, not treated before.'
				},
				provenance: { sourceId: OVERVIEW, locator: 'Section 1, What is it used for?' }
			},
			{
				id: 'imaginib-first-line-zeta-positive',
				label: 'Imaginib, first line, Zeta-positive',
				population: {
					facets: {
						zeta: ['zeta-high', 'zeta-low'],
						'therapy-line': ['first-line'],
						stage: ['advanced']
					},
					age: 'adults',
					description:
						'Adults with an advanced invented solid tumour with a Zeta-score of 1 % or more, not treated before.'
				},
				provenance: { sourceId: OVERVIEW, locator: 'Section 2, What is it used for?' }
			},
			{
				id: 'fictumab-second-line',
				label: 'Fictumab, second line or later, any Zeta-score',
				population: {
					facets: { zeta: ['zeta-any'], 'therapy-line': ['second-line'], stage: ['advanced'] },
					age: 'adults',
					description:
						'Adults with an advanced invented solid tumour that has grown after at least one earlier treatment, whatever the Zeta-score.'
				},
				provenance: { sourceId: OVERVIEW, locator: 'Section 1, What is it used for?' }
			}
		],
		studies: [
			{
				id: 'fic-301',
				name: 'FIC-301',
				code: 'FIC-301',
				registryId: 'SYN-0301',
				phase: '3',
				design: 'randomised',
				designDetail: 'open-label, randomised 1:1, Fictumab vs doublet chemotherapy',
				indicationIds: ['fictumab-first-line-zeta-high'],
				population: 'Adults with an untreated advanced invented solid tumour, Zeta-score ≥ 50 %.',
				inclusion: ['18 years or older', 'Zeta-score ≥ 50 %', 'No earlier systemic treatment'],
				dosing: 'Fictumab 10 mg/kg intravenously every 3 weeks.',
				arms: [
					{
						id: 'fic-301-fictumab',
						label: 'Fictumab',
						treatmentId: 'fictumab',
						role: 'experimental',
						n: n(fic, 'fic-301-fictumab'),
						provenance: { sourceId: SYNTHETIC_DOE, locator: 'Figure 1 (trial profile)' }
					},
					{
						id: 'fic-301-chemotherapy',
						label: 'Doublet chemotherapy',
						treatmentId: 'doublet-chemotherapy',
						role: 'comparator',
						n: n(fic, 'fic-301-chemotherapy'),
						provenance: { sourceId: SYNTHETIC_DOE, locator: 'Figure 1 (trial profile)' }
					}
				],
				sampleSizes: [
					{
						id: 'fic-301-randomised',
						kind: 'randomised',
						label: 'Randomised',
						value: n(fic, 'fic-301-fictumab') + n(fic, 'fic-301-chemotherapy'),
						provenance: { sourceId: SYNTHETIC_DOE, locator: 'Figure 1 (trial profile)' }
					}
				],
				endpoints: [
					...survivalEndpoints('fic-301', fic, ipd, SYNTHETIC_DOE),
					{
						id: 'fic-301-orr',
						kind: 'response',
						label: 'Objective response',
						definition: 'Complete or partial response by invented imaging criteria.',
						results: [
							response('fic-301-orr-fictumab', 'fic-301-fictumab', 62, 160, SYNTHETIC_DOE),
							response('fic-301-orr-chemotherapy', 'fic-301-chemotherapy', 41, 160, SYNTHETIC_DOE)
						]
					}
				],
				sourceIds: [SYNTHETIC_DOE, OVERVIEW],
				notes: ['Invented trial of the synthetic example; its figures are not evidence.'],
				provenance: { sourceId: SYNTHETIC_DOE, locator: 'Methods' }
			},
			{
				id: 'ima-302',
				name: 'IMA-302',
				code: 'IMA-302',
				registryId: 'SYN-0302',
				phase: '3',
				design: 'randomised',
				designDetail: 'open-label, randomised 1:1, Imaginib vs doublet chemotherapy',
				indicationIds: ['imaginib-first-line-zeta-positive'],
				population: 'Adults with an untreated advanced invented solid tumour, Zeta-score ≥ 1 %.',
				inclusion: ['18 years or older', 'Zeta-score ≥ 1 %', 'No earlier systemic treatment'],
				dosing: 'Imaginib 200 mg by mouth once daily, continuously.',
				arms: [
					{
						id: 'ima-302-imaginib',
						label: 'Imaginib',
						treatmentId: 'imaginib',
						role: 'experimental',
						n: n(ima, 'ima-302-imaginib'),
						provenance: { sourceId: SYNTHETIC_ROE, locator: 'Figure 1 (trial profile)' }
					},
					{
						id: 'ima-302-chemotherapy',
						label: 'Doublet chemotherapy',
						treatmentId: 'doublet-chemotherapy',
						role: 'comparator',
						n: n(ima, 'ima-302-chemotherapy'),
						provenance: { sourceId: SYNTHETIC_ROE, locator: 'Figure 1 (trial profile)' }
					}
				],
				sampleSizes: [
					{
						id: 'ima-302-randomised',
						kind: 'randomised',
						label: 'Randomised',
						value: n(ima, 'ima-302-imaginib') + n(ima, 'ima-302-chemotherapy'),
						provenance: { sourceId: SYNTHETIC_ROE, locator: 'Figure 1 (trial profile)' }
					}
				],
				endpoints: [
					...survivalEndpoints('ima-302', ima, ipd, SYNTHETIC_ROE),
					{
						id: 'ima-302-orr',
						kind: 'response',
						label: 'Objective response',
						definition: 'Complete or partial response by invented imaging criteria.',
						results: [
							response('ima-302-orr-imaginib', 'ima-302-imaginib', 43, 120, SYNTHETIC_ROE),
							response('ima-302-orr-chemotherapy', 'ima-302-chemotherapy', 30, 120, SYNTHETIC_ROE)
						]
					}
				],
				sourceIds: [SYNTHETIC_ROE, OVERVIEW],
				notes: ['Invented trial of the synthetic example; its figures are not evidence.'],
				provenance: { sourceId: SYNTHETIC_ROE, locator: 'Methods' }
			},
			{
				id: 'fic-201',
				name: 'FIC-201',
				code: 'FIC-201',
				phase: '2',
				design: 'single-arm',
				designDetail: 'open-label, one arm',
				indicationIds: ['fictumab-second-line'],
				population:
					'Adults with an advanced invented solid tumour after at least one earlier treatment.',
				arms: [
					{
						id: 'fic-201-fictumab',
						label: 'Fictumab',
						treatmentId: 'fictumab',
						role: 'experimental',
						n: 84,
						provenance: { sourceId: OVERVIEW, locator: 'Section 1, What benefits were shown?' }
					}
				],
				sampleSizes: [
					{
						id: 'fic-201-treated',
						kind: 'treated',
						label: 'Treated',
						value: 84,
						provenance: { sourceId: OVERVIEW, locator: 'Section 1, What benefits were shown?' }
					}
				],
				endpoints: [
					{
						id: 'fic-201-orr',
						kind: 'response',
						label: 'Objective response',
						definition: 'Complete or partial response by invented imaging criteria.',
						primary: true,
						results: [response('fic-201-orr-fictumab', 'fic-201-fictumab', 21, 84, OVERVIEW, true)]
					}
				],
				sourceIds: [OVERVIEW],
				notes: ['Invented trial of the synthetic example; its figures are not evidence.'],
				provenance: { sourceId: OVERVIEW, locator: 'Section 1, What benefits were shown?' }
			}
		],
		discrepancies: [],
		safety: [
			{
				id: 'fictumab-safety',
				medicineId: 'fictumab',
				label: 'Fictumab, most common side effects',
				version: 'Synthetic product information, section 4.8 (2026)',
				population: 'Pooled invented safety set',
				n: 244,
				reactions: [
					{
						id: 'fictumab-fatigue',
						term: 'Fatigue',
						percent: 31.2,
						category: 'most-common',
						provenance: { sourceId: OVERVIEW, locator: 'Section 1, What are the risks?' }
					},
					{
						id: 'fictumab-rash',
						term: 'Rash',
						percent: 18.4,
						category: 'most-common',
						provenance: { sourceId: OVERVIEW, locator: 'Section 1, What are the risks?' }
					}
				]
			},
			{
				id: 'imaginib-safety',
				medicineId: 'imaginib',
				label: 'Imaginib, most common side effects',
				version: 'Synthetic product information, section 4.8 (2026)',
				population: 'Pooled invented safety set',
				n: 120,
				reactions: [
					{
						id: 'imaginib-diarrhoea',
						term: 'Diarrhoea',
						percent: 38.3,
						category: 'most-common',
						provenance: { sourceId: OVERVIEW, locator: 'Section 2, What are the risks?' }
					},
					{
						id: 'imaginib-nausea',
						term: 'Nausea',
						percent: 22.5,
						category: 'most-common',
						provenance: { sourceId: OVERVIEW, locator: 'Section 2, What are the risks?' }
					}
				]
			}
		],
		timeline: [
			{
				id: 'fic-301-publication',
				date: '2025-05',
				kind: 'publication',
				label: 'FIC-301 published (synthetic)',
				medicineId: 'fictumab',
				indicationIds: ['fictumab-first-line-zeta-high'],
				studyId: 'fic-301',
				provenance: { sourceId: SYNTHETIC_DOE, locator: 'Title page' }
			},
			{
				id: 'ima-302-publication',
				date: '2026-02',
				kind: 'publication',
				label: 'IMA-302 published (synthetic)',
				medicineId: 'imaginib',
				indicationIds: ['imaginib-first-line-zeta-positive'],
				studyId: 'ima-302',
				provenance: { sourceId: SYNTHETIC_ROE, locator: 'Title page' }
			},
			{
				id: 'authorisation-2026',
				date: '2026-06-15',
				kind: 'full-authorisation',
				label: 'Both medicines authorised (synthetic)',
				indicationIds: ['fictumab-first-line-zeta-high', 'imaginib-first-line-zeta-positive'],
				provenance: { sourceId: OVERVIEW, locator: 'Front page' }
			}
		],
		dosing: [
			{
				id: 'fictumab-every-3-weeks',
				medicineId: 'fictumab',
				label: 'Fictumab every 3 weeks',
				population: 'Adults',
				indicationIds: ['fictumab-first-line-zeta-high', 'fictumab-second-line'],
				route: 'intravenous',
				frequency: 'every 3 weeks',
				cycle: { treatmentDays: 1, restDays: 20 },
				cycles: 'until disease progression',
				steps: [{ fromDay: 1, toDay: 1, dose: 10, unit: 'mg/kg' }],
				provenance: { sourceId: OVERVIEW, locator: 'Section 1, How is it used?' }
			},
			{
				id: 'imaginib-once-daily',
				medicineId: 'imaginib',
				label: 'Imaginib once daily by mouth',
				population: 'Adults',
				indicationIds: ['imaginib-first-line-zeta-positive'],
				route: 'oral',
				frequency: 'once daily',
				cycle: { treatmentDays: 28, restDays: 0 },
				cycles: 'continuously, until disease progression',
				steps: [{ fromDay: 1, toDay: 28, dose: 200, unit: 'mg' }],
				provenance: { sourceId: OVERVIEW, locator: 'Section 2, How is it used?' }
			}
		]
	};
}

const ipd = writeIpd();
execFileSync('Rscript', [join(reference, 'solid-tumour-survival.R')], { stdio: 'inherit' });
// R writes one long line; the repository's formatter keeps the committed file readable.
execFileSync('npx', ['prettier', '--write', join(reference, 'solid-tumour-survival.json')], {
	cwd: root,
	stdio: 'inherit'
});
const survival = JSON.parse(readFileSync(join(reference, 'solid-tumour-survival.json'), 'utf8'));
const dataset = build(survival, ipd);
const out = join(root, 'static', 'examples', 'synthetic-solid-tumour.json');
writeFileSync(out, JSON.stringify(dataset, null, '\t') + '\n');
console.log(`wrote ${out}`);
for (const [trial, t] of Object.entries(survival.trials))
	console.log(
		trial,
		`HR ${t.hr.toFixed(3)} (${t.hrLow.toFixed(3)}–${t.hrHigh.toFixed(3)})`,
		Object.entries(t.arms)
			.map(([arm, a]) => `${arm}: ${a.median} (${a.medianLow}–${a.medianHigh}) events ${a.events}`)
			.join('; ')
	);
