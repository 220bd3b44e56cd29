/**
 * The population facets that version 1 of the dataset format fixed in code (age group, Ph status,
 * setting, line). A version-1 file is migrated on read to version 2 with these facets; they are
 * data, not code, so the dashboard's code names no disease.
 *
 * A TypeScript module rather than JSON so that every runtime (Vite, Node, the test runners)
 * imports it the same way.
 */
export const v1Facets = {
	facets: [
		{
			id: 'age',
			label: {
				en: 'Age group',
				nl: 'Leeftijdsgroep'
			},
			multiple: true,
			values: [
				{
					id: 'adult',
					label: {
						en: 'Adults',
						nl: 'Volwassenen'
					}
				},
				{
					id: 'child',
					label: {
						en: 'Children',
						nl: 'Kinderen'
					}
				},
				{
					id: 'infant',
					label: {
						en: 'Infants (under 1 year)',
						nl: 'Zuigelingen (jonger dan 1 jaar)'
					},
					short: {
						en: 'Infants',
						nl: 'Zuigelingen'
					}
				}
			]
		},
		{
			id: 'ph',
			label: {
				en: 'Ph status',
				nl: 'Ph-status'
			},
			values: [
				{
					id: 'negative',
					label: {
						en: 'Ph-negative',
						nl: 'Ph-negatief'
					},
					short: {
						en: 'Ph−',
						nl: 'Ph−'
					}
				},
				{
					id: 'positive',
					label: {
						en: 'Ph-positive',
						nl: 'Ph-positief'
					},
					short: {
						en: 'Ph+',
						nl: 'Ph+'
					}
				},
				{
					id: 'any',
					label: {
						en: 'Ph-positive or negative',
						nl: 'Ph-positief of -negatief'
					},
					short: {
						en: 'any Ph',
						nl: 'elke Ph'
					},
					matchesAll: true
				}
			]
		},
		{
			id: 'setting',
			label: {
				en: 'Setting',
				nl: 'Setting'
			},
			values: [
				{
					id: 'relapsed-refractory',
					label: {
						en: 'Relapsed or refractory',
						nl: 'Recidief of refractair'
					},
					short: {
						en: 'R/R',
						nl: 'R/R'
					}
				},
				{
					id: 'minimal-residual-disease',
					label: {
						en: 'Minimal residual disease',
						nl: 'Minimale restziekte'
					},
					short: {
						en: 'MRD',
						nl: 'MRD'
					}
				},
				{
					id: 'consolidation',
					label: {
						en: 'Consolidation',
						nl: 'Consolidatie'
					},
					short: {
						en: 'Consol.',
						nl: 'Consol.'
					}
				}
			]
		},
		{
			id: 'line',
			label: {
				en: 'Line',
				nl: 'Lijn'
			},
			filter: false,
			values: [
				{
					id: 'newly-diagnosed',
					label: {
						en: 'Newly diagnosed',
						nl: 'Nieuw gediagnosticeerd'
					}
				},
				{
					id: 'first-relapse',
					label: {
						en: 'First relapse',
						nl: 'Eerste recidief'
					}
				},
				{
					id: 'relapsed-refractory',
					label: {
						en: 'Relapsed or refractory',
						nl: 'Recidief of refractair'
					}
				},
				{
					id: 'any',
					label: {
						en: 'Any line',
						nl: 'Elke lijn'
					},
					matchesAll: true
				}
			]
		}
	],
	evidenceMap: {
		rows: 'age',
		columns: ['setting', 'ph']
	}
};
