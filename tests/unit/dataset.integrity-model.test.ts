/**
 * The version-2 integrity rules (src/lib/evidence/integrity-model.ts), each on a copy of the real
 * embedded dataset broken in exactly one place: facets, treatments and medicines, open-ended
 * intervals, survival curves and patient data. Each case returns the issues the validator must
 * report, and no other.
 *
 * The real dataset carries no curve yet, so the curve cases first give a copy a well-formed curve
 * (test data, never shown) and then break it; the well-formed copy itself validates cleanly.
 */
import { describe, expect, it } from 'vitest';
import { readEmbeddedDatasetInput, readSourceTexts } from '$lib/evidence/load';
import { validateDataset, type SourceTexts, type ValidationIssue } from '$lib/evidence/validate';
import type { DatasetInput } from '$lib/evidence/schema';
import { ISSUE_KINDS } from '$lib/evidence/issues';

type StudyInput = DatasetInput['studies'][number];
type ResultInput = StudyInput['endpoints'][number]['results'][number];
type CurveInput = NonNullable<ResultInput['curves']>[number];

const input = readEmbeddedDatasetInput() as unknown as DatasetInput;
const texts: SourceTexts = readSourceTexts(input);
const fresh = (): DatasetInput => structuredClone(input);

/** What these cases compare: path and message. Every issue's kind is checked here, and which
 * kind each rule gives in issue-kinds.test.ts. */
type Reported = Pick<ValidationIssue, 'path' | 'message'>;

function issuesOf(d: DatasetInput): Reported[] {
	const outcome = validateDataset(d, texts);
	const issues = outcome.ok ? [] : outcome.issues;
	for (const issue of issues) expect(ISSUE_KINDS, issue.message).toContain(issue.kind);
	return issues.map(({ path, message }) => ({ path, message }));
}

function findResult(d: DatasetInput, id: string): { result: ResultInput; path: string } {
	for (const [s, study] of d.studies.entries())
		for (const [e, endpoint] of study.endpoints.entries())
			for (const [r, result] of endpoint.results.entries())
				if (result.id === id)
					return { result, path: `studies[${s}].endpoints[${e}].results[${r}]` };
	throw new Error(`no result "${id}"`);
}

function indexOf(items: { id: string }[], id: string): number {
	const i = items.findIndex((item) => item.id === id);
	if (i < 0) throw new Error(`no item "${id}"`);
	return i;
}

/** TOWER's median OS of the blinatumomab arm (n = 271), from a publication without stored text. */
const SURVIVAL_RESULT = 'tower-os-median-blinatumomab';
const SURVIVAL_ARM = 'tower-blinatumomab';
const ARM_N = 271;

/** A well-formed published curve for the TOWER arm: descending survival, at-risk from n. */
function withCurve(d: DatasetInput, edit: (curve: CurveInput) => void = () => {}) {
	const { result, path } = findResult(d, SURVIVAL_RESULT);
	const curve: CurveInput = {
		armId: SURVIVAL_ARM,
		timeUnit: 'months',
		yScale: 'proportion',
		points: [
			{ time: 0, survival: 1 },
			{ time: 3, survival: 0.8 },
			{ time: 6, survival: 0.6 },
			{ time: 12, survival: 0.4 }
		],
		atRisk: [
			{ time: 0, n: ARM_N },
			{ time: 6, n: 150 },
			{ time: 12, n: 60 }
		],
		totalEvents: 150,
		digitisation: { figure: 'Figure 1, panel A', by: 'test', tool: 'none', on: '2026-12-04' },
		provenance: { sourceId: result.provenance.sourceId, locator: 'Figure 1A' }
	};
	edit(curve);
	result.curves = [curve];
	return { result, path: `${path}.curves[0]` };
}

/** Safety profiles and dosing regimens said to be of this medicine (needed once there are several). */
function ownedBy(d: DatasetInput, medicineId: string) {
	for (const item of [...(d.safety ?? []), ...(d.dosing ?? [])]) item.medicineId = medicineId;
}

interface BrokenCase {
	rule: string;
	breakIt: (d: DatasetInput) => Reported[];
}

const facetCases: BrokenCase[] = [
	{
		rule: 'an indication names an unknown facet',
		breakIt: (d) => {
			d.indications[0].population.facets.stage = ['early'];
			return [{ path: 'indications[0].population.facets.stage', message: 'unknown facet "stage"' }];
		}
	},
	{
		rule: 'an indication gives an unknown value of a facet',
		breakIt: (d) => {
			d.indications[0].population.facets.ph = ['unknown-status'];
			return [
				{
					path: 'indications[0].population.facets.ph[0]',
					message: 'unknown value "unknown-status" of facet "ph"'
				}
			];
		}
	},
	{
		rule: 'an indication gives no value for a declared facet',
		breakIt: (d) => {
			delete d.indications[1].population.facets.line;
			return [{ path: 'indications[1].population.facets', message: 'no value for facet "line"' }];
		}
	},
	{
		rule: 'several values on a single-valued facet',
		breakIt: (d) => {
			d.indications[0].population.facets.ph = ['negative', 'positive'];
			return [
				{
					path: 'indications[0].population.facets.ph',
					message: 'facet "ph" takes one value, got 2'
				}
			];
		}
	},
	{
		rule: 'the evidence map lays out an unknown facet on its rows',
		breakIt: (d) => {
			d.evidenceMap = { rows: 'stage', columns: ['setting', 'ph'] };
			return [{ path: 'evidenceMap.rows', message: 'unknown facet "stage"' }];
		}
	},
	{
		rule: 'the evidence map lays out an unknown facet on its columns',
		breakIt: (d) => {
			d.evidenceMap = { rows: 'age', columns: ['setting', 'stage'] };
			return [{ path: 'evidenceMap.columns[1]', message: 'unknown facet "stage"' }];
		}
	},
	{
		rule: 'the evidence map puts its row facet on the columns too',
		breakIt: (d) => {
			d.evidenceMap = { rows: 'age', columns: ['age'] };
			return [{ path: 'evidenceMap.columns[0]', message: 'facet "age" is already on the rows' }];
		}
	},
	{
		rule: 'a facet value declared twice',
		breakIt: (d) => {
			const f = indexOf(d.facets, 'ph');
			d.facets[f].values.push({ ...d.facets[f].values[0] });
			const v = d.facets[f].values.length - 1;
			return [
				{
					path: `facets[${f}].values[${v}].id`,
					message: `duplicate id "${d.facets[f].values[0].id}"`
				}
			];
		}
	}
];

const treatmentCases: BrokenCase[] = [
	{
		rule: 'an arm references an unknown treatment',
		breakIt: (d) => {
			const s = indexOf(d.studies, 'tower');
			d.studies[s].arms[1].treatmentId = 'no-such-treatment';
			return [
				{
					path: `studies[${s}].arms[1].treatmentId`,
					message: 'unknown treatment "no-such-treatment"'
				}
			];
		}
	},
	{
		rule: 'a medicine treatment without its medicine',
		breakIt: (d) => {
			const t = indexOf(d.treatments, 'blinatumomab');
			d.treatments[t].medicineIds = [];
			return [
				{
					path: `treatments[${t}].medicineIds`,
					message: 'a medicine treatment must name its medicine(s)'
				}
			];
		}
	},
	{
		rule: 'a combination without its medicines',
		breakIt: (d) => {
			const t = indexOf(d.treatments, 'blinatumomab-plus-chemotherapy');
			delete d.treatments[t].medicineIds;
			return [
				{
					path: `treatments[${t}].medicineIds`,
					message: 'a combination treatment must name its medicine(s)'
				}
			];
		}
	},
	{
		rule: 'a treatment names an unknown medicine',
		breakIt: (d) => {
			const t = indexOf(d.treatments, 'blinatumomab');
			d.treatments[t].medicineIds = ['blinatumomab', 'other-medicine'];
			return [
				{
					path: `treatments[${t}].medicineIds[1]`,
					message: 'unknown medicine "other-medicine"'
				}
			];
		}
	},
	{
		rule: 'a safety profile names an unknown medicine',
		breakIt: (d) => {
			d.safety![0].medicineId = 'other-medicine';
			return [{ path: 'safety[0].medicineId', message: 'unknown medicine "other-medicine"' }];
		}
	},
	{
		rule: 'a medicine authorised by an unknown source',
		breakIt: (d) => {
			d.medicines[0].regulatorySourceId = 'no-such-source';
			return [
				{ path: 'medicines[0].regulatorySourceId', message: 'unknown source "no-such-source"' }
			];
		}
	},
	{
		rule: 'two medicines with one id',
		breakIt: (d) => {
			ownedBy(d, d.medicines[0].id);
			d.medicines.push({ ...d.medicines[0], role: 'comparator' });
			return [{ path: 'medicines[1].id', message: `duplicate id "${d.medicines[0].id}"` }];
		}
	},
	{
		rule: 'with several medicines, a dosing regimen that does not say whose it is',
		breakIt: (d) => {
			ownedBy(d, d.medicines[0].id);
			d.medicines.push({ ...d.medicines[0], id: 'comparator-medicine', role: 'comparator' });
			delete d.dosing![1].medicineId;
			return [
				{
					path: 'dosing[1].medicineId',
					message: 'the dataset holds several medicines: say which one this is about'
				}
			];
		}
	}
];

const intervalCases: BrokenCase[] = [
	{
		rule: 'an empty CI limit without its reason',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-os-hr-kantarjian');
			result.ci!.high = null;
			return [
				{
					path: `${path}.ci.highOpen`,
					message:
						'CI high limit is empty: say why (not estimable or not reached) and how it was printed'
				}
			];
		}
	},
	{
		rule: 'a CI limit with both a number and an open reason',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-os-hr-kantarjian');
			result.ci!.lowOpen = { reason: 'not-estimable', printed: 'NE' };
			return [
				{
					path: `${path}.ci.lowOpen`,
					message: 'CI low limit has a number and an open reason; keep one'
				}
			];
		}
	},
	{
		rule: 'an estimate outside the finite limit of a half-open CI',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-os-hr-kantarjian');
			result.ci!.high = null;
			result.ci!.highOpen = { reason: 'not-estimable', printed: 'NE' };
			result.value = 0.5; // below the low limit 0.55
			return [{ path: `${path}.ci`, message: 'CI 0.55–– does not contain the estimate 0.5' }];
		}
	},
	{
		rule: 'an estimate outside a finite CI',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-os-hr-kantarjian');
			result.value = 0.95;
			return [{ path: `${path}.ci`, message: 'CI 0.55–0.93 does not contain the estimate 0.95' }];
		}
	},
	{
		rule: 'a median both given and "not reached"',
		breakIt: (d) => {
			const { result, path } = findResult(d, 'tower-os-median-blinatumomab');
			result.valueOpen = { reason: 'not-reached', printed: 'not reached' };
			return [
				{
					path: `${path}.valueOpen`,
					message: 'the estimate has a number and an open reason; keep one'
				}
			];
		}
	}
];

const curveCases: BrokenCase[] = [
	{
		rule: 'curve times that do not ascend',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.points[2].time = 2));
			return [{ path: `${path}.points[2].time`, message: 'times must ascend: 2 comes after 3' }];
		}
	},
	{
		rule: 'survival that increases',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.points[2].survival = 0.85));
			return [
				{
					path: `${path}.points[2].survival`,
					message: 'survival must not increase: 0.85 after 0.8'
				}
			];
		}
	},
	{
		rule: 'survival outside [0, 1]',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.points[3].survival = -0.1));
			return [{ path: `${path}.points[3].survival`, message: 'survival -0.1 is outside [0, 1]' }];
		}
	},
	{
		rule: 'survival in percent outside [0, 100]',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => {
				c.yScale = 'percent';
				c.points = c.points.map((p) => ({ ...p, survival: p.survival * 100 }));
				c.points[0].survival = 101;
			});
			return [{ path: `${path}.points[0].survival`, message: 'survival 101 is outside [0, 100]' }];
		}
	},
	{
		rule: 'numbers at risk that increase',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.atRisk![2].n = 160));
			return [
				{
					path: `${path}.atRisk[2].n`,
					message: 'numbers at risk must not increase: 160 after 150'
				}
			];
		}
	},
	{
		rule: 'at-risk times that do not ascend',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.atRisk![2].time = 6));
			return [{ path: `${path}.atRisk[2].time`, message: 'times must ascend: 6 comes after 6' }];
		}
	},
	{
		rule: 'a first number at risk other than the arm’s n, without a discrepancy',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.atRisk![0].n = 267));
			return [
				{
					path: `${path}.atRisk[0].n`,
					message: `the first number at risk (267) differs from the arm's n (${ARM_N}); record a discrepancy that explains it`
				}
			];
		}
	},
	{
		rule: 'a curve of an unknown arm',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.armId = 'no-such-arm'));
			return [{ path: `${path}.armId`, message: 'unknown arm "no-such-arm"' }];
		}
	},
	{
		rule: 'two curves for one arm',
		breakIt: (d) => {
			const { result, path } = withCurve(d);
			result.curves!.push(structuredClone(result.curves![0]));
			return [
				{
					path: path.replace('curves[0]', 'curves[1]') + '.armId',
					message: `a second curve for arm "${SURVIVAL_ARM}"; keep one per arm`
				}
			];
		}
	},
	{
		rule: 'more events than patients',
		breakIt: (d) => {
			const { path } = withCurve(d, (c) => (c.totalEvents = ARM_N + 1));
			return [
				{
					path: `${path}.totalEvents`,
					message: `total events (${ARM_N + 1}) exceed the arm's n (${ARM_N})`
				}
			];
		}
	},
	{
		rule: 'patient data with fewer event flags than times',
		breakIt: (d) => {
			const { result, path } = findResult(d, SURVIVAL_RESULT);
			result.patientData = [
				{
					armId: SURVIVAL_ARM,
					timeUnit: 'months',
					time: [1, 2, 3],
					event: [1, 0],
					method: 'published',
					provenance: { sourceId: result.provenance.sourceId, locator: 'Supplement, Table S4' }
				}
			];
			return [
				{
					path: `${path}.patientData[0].event`,
					message: '2 event flags for 3 times; give one per patient'
				}
			];
		}
	},
	{
		// Found by the fuzz suite: the CSV attaches a second set for an arm to the first.
		rule: 'two patient-data sets for one arm',
		breakIt: (d) => {
			const { result, path } = findResult(d, SURVIVAL_RESULT);
			const data: NonNullable<ResultInput['patientData']>[number] = {
				armId: SURVIVAL_ARM,
				timeUnit: 'months',
				time: [1, 2],
				event: [1, 0],
				method: 'published',
				provenance: { sourceId: result.provenance.sourceId, locator: 'Supplement, Table S4' }
			};
			result.patientData = [data, structuredClone(data)];
			return [
				{
					path: `${path}.patientData[1].armId`,
					message: `a second patient-data set for arm "${SURVIVAL_ARM}"; keep one per arm`
				}
			];
		}
	}
];

describe.each([
	['facets', facetCases],
	['treatments and medicines', treatmentCases],
	['open-ended intervals', intervalCases],
	['curves and patient data', curveCases]
])('version-2 integrity: %s', (_, cases) => {
	it.each(cases)('$rule', ({ breakIt }) => {
		const broken = fresh();
		const expected = breakIt(broken);
		expect(issuesOf(broken)).toEqual(expected);
		expect(issuesOf(input)).toEqual([]);
	});
});

describe('what the curve rules accept', () => {
	it('a well-formed curve and patient data validate cleanly', () => {
		const d = fresh();
		const { result } = withCurve(d);
		result.patientData = [
			{
				armId: SURVIVAL_ARM,
				timeUnit: 'months',
				time: [1, 2, 3],
				event: [1, 0, 1],
				method: 'reconstructed (Guyot 2012)',
				provenance: { sourceId: result.provenance.sourceId, locator: 'Figure 1A' }
			}
		];
		expect(issuesOf(d)).toEqual([]);
	});

	it('open CI limits with their reasons validate cleanly', () => {
		const d = fresh();
		const { result } = findResult(d, 'tower-os-hr-kantarjian');
		result.ci = {
			...result.ci!,
			high: null,
			highOpen: { reason: 'not-estimable', printed: 'NE' }
		};
		const median = findResult(d, 'tower-os-median-chemotherapy').result;
		delete median.value;
		median.valueOpen = { reason: 'not-reached', printed: 'not reached' };
		expect(issuesOf(d)).toEqual([]);
	});

	it('a first number at risk other than n is accepted when a discrepancy explains it', () => {
		const d = fresh();
		withCurve(d, (c) => (c.atRisk![0].n = 267));
		d.discrepancies!.push({
			id: 'tower-os-curve-at-risk',
			itemIds: [SURVIVAL_RESULT, 'tower-os-median-chemotherapy'],
			explanation: 'The risk table starts with the patients treated, not those randomised.'
		});
		expect(issuesOf(d)).toEqual([]);
	});
});
