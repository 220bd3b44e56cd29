/**
 * A small, fixed, synthetic dataset for chart tests and snapshots: two indications,
 * two single-arm studies and one randomised study, with a printed CI, counts only
 * (CI computed), a figure with neither, a discrepancy, landmark and median survival,
 * hazard ratios and a printed difference. Not real evidence.
 */
import type { Dataset, Result } from '$lib/evidence/schema';
import { FIXTURE_TREATMENTS, V1_FACETS } from '../fixtures/v2-parts';

const prov = (
	sourceId: string,
	locator = 'Table 2',
	extra: Partial<Result['provenance']> = {}
) => ({
	sourceId,
	locator,
	...extra
});

const base = { approximate: false, headline: false } as const;

export const fixtureDataset: Dataset = {
	schemaVersion: 2,
	title: 'Examplimab (examplimab)',
	shortTitle: 'Examplimab',
	version: 'fixture-1',
	released: '2026-01-15',
	synthetic: true,
	medicines: [
		{
			id: 'examplimab',
			name: 'Examplimab',
			inn: 'examplimab',
			mechanism: 'A synthetic medicine for tests.',
			role: 'subject',
			provenance: prov('pub-a', 'Introduction')
		}
	],
	treatments: FIXTURE_TREATMENTS,
	facets: V1_FACETS.facets,
	evidenceMap: V1_FACETS.evidenceMap,
	sources: [
		{
			id: 'reg',
			kind: 'regulatory',
			shortCitation: 'Agency overview',
			citation: 'Agency. Overview of Examplimab. 2025.',
			language: 'en',
			date: '2025-01'
		},
		{
			id: 'pub-a',
			kind: 'publication',
			shortCitation: 'Alpha 2019',
			citation: 'Alpha A, et al. J Test. 2019.',
			language: 'en',
			date: '2019'
		},
		{
			id: 'pub-b',
			kind: 'publication',
			shortCitation: 'Beta 2021',
			citation: 'Beta B, et al. J Test. 2021.',
			language: 'en',
			date: '2021'
		},
		{
			id: 'pub-c',
			kind: 'publication',
			shortCitation: 'Gamma 2023',
			citation: 'Gamma C, et al. J Test. 2023.',
			language: 'en',
			date: '2023-06'
		}
	],
	indications: [
		{
			id: 'adult-rr',
			label: 'Adults, relapsed or refractory',
			population: {
				facets: {
					age: ['adult'],
					ph: ['negative'],
					setting: ['relapsed-refractory'],
					line: ['relapsed-refractory']
				},
				age: '18 years and older',

				description: 'Adults with relapsed or refractory disease.'
			},
			provenance: prov('reg', 'Indication')
		},
		{
			id: 'child-consolidation',
			label: 'Children, consolidation',
			population: {
				facets: {
					age: ['child'],
					ph: ['negative'],
					setting: ['consolidation'],
					line: ['first-relapse']
				},
				age: '1 month and older',

				description: 'Children in first relapse, consolidation.'
			},
			provenance: prov('reg', 'Indication')
		}
	],
	studies: [
		{
			id: 'alpha',
			name: 'ALPHA',
			design: 'single-arm',
			indicationIds: ['adult-rr'],
			population: 'Adults with relapsed or refractory disease',
			arms: [
				{
					id: 'alpha-exp',
					label: 'Examplimab',
					treatmentId: 'examplimab',
					role: 'experimental',
					n: 120
				}
			],
			sampleSizes: [],
			endpoints: [
				{
					id: 'alpha-cr',
					kind: 'response',
					label: 'Complete remission within two cycles',
					definition: 'CR or CRh within two cycles',
					primary: true,
					results: [
						{
							...base,
							id: 'alpha-cr-reg',
							armId: 'alpha-exp',
							value: 43,
							unit: 'percent',
							events: 52,
							total: 120,
							basis: 'reported',
							provenance: prov('reg', 'Benefits')
						},
						{
							...base,
							id: 'alpha-cr-pub',
							armId: 'alpha-exp',
							value: 43.3,
							unit: 'percent',
							events: 52,
							total: 120,
							ci: { low: 34.3, high: 52.7, level: 0.95, method: 'exact' },
							basis: 'reported',
							provenance: prov('pub-a', 'Table 2', { dataCut: '2018-03-01' })
						}
					]
				},
				{
					id: 'alpha-mrd',
					kind: 'response',
					label: 'MRD response among responders',
					definition: 'MRD below 10^-4 among CR/CRh',
					primary: false,
					results: [
						{
							...base,
							id: 'alpha-mrd-pub',
							armId: 'alpha-exp',
							value: 80,
							unit: 'percent',
							basis: 'reported',
							provenance: prov('pub-a', 'Table 3')
						}
					]
				},
				{
					id: 'alpha-os-median',
					kind: 'median-time',
					label: 'Overall survival, median',
					definition: 'Median OS',
					primary: false,
					results: [
						{
							...base,
							id: 'alpha-os-median-pub',
							armId: 'alpha-exp',
							value: 6.1,
							unit: 'months',
							ci: { low: 4.2, high: 7.5, level: 0.95, method: 'not stated' },
							basis: 'reported',
							provenance: prov('pub-a', 'Figure 2')
						}
					]
				}
			],
			sourceIds: ['reg', 'pub-a'],
			notes: [],
			provenance: prov('reg', 'Studies')
		},
		{
			id: 'beta',
			name: 'BETA',
			design: 'single-arm',
			indicationIds: ['adult-rr'],
			population: 'Adults after two prior therapies',
			arms: [
				{
					id: 'beta-exp',
					label: 'Examplimab',
					treatmentId: 'examplimab',
					role: 'experimental',
					n: 40
				}
			],
			sampleSizes: [],
			endpoints: [
				{
					id: 'beta-cr',
					kind: 'response',
					label: 'Complete remission within two cycles',
					definition: 'CR or CRh within two cycles',
					primary: true,
					results: [
						{
							...base,
							id: 'beta-cr-pub',
							armId: 'beta-exp',
							unit: 'percent',
							events: 14,
							total: 40,
							basis: 'reported',
							provenance: prov('pub-b')
						}
					]
				}
			],
			sourceIds: ['pub-b'],
			notes: [],
			provenance: prov('pub-b', 'Methods')
		},
		{
			id: 'gamma',
			name: 'GAMMA',
			design: 'randomised',
			indicationIds: ['child-consolidation'],
			population: 'Children in high-risk first relapse',
			arms: [
				{
					id: 'gamma-exp',
					label: 'Examplimab',
					treatmentId: 'examplimab',
					regimen: 'One cycle of examplimab',
					role: 'experimental',
					n: 50
				},
				{
					id: 'gamma-ctl',
					label: 'Chemotherapy',
					treatmentId: 'chemotherapy',
					role: 'comparator',
					n: 50
				}
			],
			sampleSizes: [],
			endpoints: [
				{
					id: 'gamma-events',
					kind: 'event-rate',
					label: 'Event-free survival events',
					definition: 'Relapse, death or second malignancy',
					primary: true,
					results: [
						{
							...base,
							id: 'gamma-events-reg-exp',
							armId: 'gamma-exp',
							value: 34,
							unit: 'percent',
							basis: 'reported',
							provenance: prov('reg', 'Benefits')
						},
						{
							...base,
							id: 'gamma-events-reg-ctl',
							armId: 'gamma-ctl',
							value: 58,
							unit: 'percent',
							basis: 'reported',
							provenance: prov('reg', 'Benefits')
						},
						{
							...base,
							id: 'gamma-events-exp',
							armId: 'gamma-exp',
							value: 32,
							unit: 'percent',
							events: 16,
							total: 50,
							basis: 'reported',
							provenance: prov('pub-c', 'Table 2', {
								dataCut: '2022-07-17',
								followUp: 'median 22 months'
							})
						},
						{
							...base,
							id: 'gamma-events-ctl',
							armId: 'gamma-ctl',
							value: 58,
							unit: 'percent',
							events: 29,
							total: 50,
							basis: 'reported',
							provenance: prov('pub-c', 'Table 2', {
								dataCut: '2022-07-17',
								followUp: 'median 22 months'
							})
						}
					]
				},
				{
					id: 'gamma-efs-hr',
					kind: 'hazard-ratio',
					label: 'Event-free survival, hazard ratio',
					definition: 'Cox model',
					primary: true,
					results: [
						{
							...base,
							id: 'gamma-efs-hr-pub',
							comparison: { experimentalArmId: 'gamma-exp', comparatorArmId: 'gamma-ctl' },
							value: 0.4,
							unit: 'ratio',
							ci: { low: 0.22, high: 0.73, level: 0.95, method: 'not stated' },
							basis: 'reported',
							provenance: prov('pub-c', 'Table 2')
						}
					]
				},
				{
					id: 'gamma-os-2y',
					kind: 'landmark-survival',
					label: 'Overall survival at 2 years',
					definition: 'Kaplan–Meier estimate',
					primary: false,
					results: [
						{
							...base,
							id: 'gamma-os-2y-exp',
							armId: 'gamma-exp',
							value: 90,
							unit: 'percent',
							timepoint: { value: 2, unit: 'years', label: '2 years' },
							basis: 'reported',
							provenance: prov('pub-c', 'Figure 3', { followUp: 'median 22 months' })
						},
						{
							...base,
							id: 'gamma-os-2y-ctl',
							armId: 'gamma-ctl',
							value: 71,
							unit: 'percent',
							timepoint: { value: 2, unit: 'years', label: '2 years' },
							basis: 'reported',
							provenance: prov('pub-c', 'Figure 3', { followUp: 'median 22 months' })
						}
					]
				},
				{
					id: 'gamma-os-1y',
					kind: 'landmark-survival',
					label: 'Overall survival at 1 year',
					definition: 'Kaplan–Meier estimate',
					primary: false,
					results: [
						{
							...base,
							id: 'gamma-os-1y-exp',
							armId: 'gamma-exp',
							value: 96,
							unit: 'percent',
							ci: { low: 85, high: 99, level: 0.95, method: 'Greenwood' },
							timepoint: { value: 12, unit: 'months', label: '12 months' },
							basis: 'reported',
							provenance: prov('pub-c', 'Figure 3')
						},
						{
							...base,
							id: 'gamma-os-1y-ctl',
							armId: 'gamma-ctl',
							value: 84,
							unit: 'percent',
							ci: { low: 70, high: 92, level: 0.95, method: 'Greenwood' },
							timepoint: { value: 12, unit: 'months', label: '12 months' },
							basis: 'reported',
							provenance: prov('pub-c', 'Figure 3')
						}
					]
				},
				{
					id: 'gamma-os-median',
					kind: 'median-time',
					label: 'Overall survival, median',
					definition: 'Median OS',
					primary: false,
					results: [
						{
							...base,
							id: 'gamma-os-median-exp',
							armId: 'gamma-exp',
							value: 30.5,
							unit: 'months',
							ci: { low: 22.1, high: 38.0, level: 0.95, method: 'not stated' },
							basis: 'reported',
							provenance: prov('pub-c', 'Figure 3')
						},
						{
							...base,
							id: 'gamma-os-median-ctl',
							armId: 'gamma-ctl',
							value: 14.2,
							unit: 'months',
							basis: 'reported',
							provenance: prov('pub-c', 'Figure 3')
						}
					]
				},
				{
					id: 'gamma-mrd-diff',
					kind: 'difference',
					label: 'MRD remission, difference',
					definition: 'Difference in proportions',
					primary: false,
					results: [
						{
							...base,
							id: 'gamma-mrd-diff-pub',
							comparison: { experimentalArmId: 'gamma-exp', comparatorArmId: 'gamma-ctl' },
							value: 30.2,
							unit: 'percentage-points',
							ci: { low: 12.1, high: 47.5, level: 0.95, method: 'not stated' },
							basis: 'reported',
							provenance: prov('pub-c', 'Table 3')
						}
					]
				}
			],
			sourceIds: ['reg', 'pub-c'],
			notes: [],
			provenance: prov('reg', 'Studies')
		}
	],
	discrepancies: [
		{
			id: 'gamma-events',
			studyId: 'gamma',
			itemIds: ['gamma-events-reg-exp', 'gamma-events-exp'],
			explanation: 'The overview gives 34 %; the publication 16/50 (32 %).'
		}
	],
	safety: [],
	timeline: [],
	dosing: []
};
