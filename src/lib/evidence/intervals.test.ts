import { describe, expect, it } from 'vitest';
import { StatsInputError, fisherExact, proportionCI, riskDifference } from '../stats';
import { displayInterval, studyTwoArmEffects, twoArmEffects } from './intervals';
import type { Arm, Endpoint, Provenance, Result, Study } from './schema';

const provenance = (sourceId: string): Provenance => ({ sourceId, locator: 'Table 2' });

function result(fields: Partial<Result> & Pick<Result, 'id'>): Result {
	return {
		unit: 'percent',
		approximate: false,
		basis: 'reported',
		headline: false,
		provenance: provenance('ema-epar'),
		...fields
	};
}

const arms: Arm[] = [
	{ id: 'blina', label: 'Blinatumomab', treatmentId: 'blinatumomab', role: 'experimental', n: 54 },
	{
		id: 'chemo',
		label: 'Chemotherapy',
		treatmentId: 'soc-chemotherapy',
		role: 'comparator',
		n: 54
	},
	{ id: 'hist', label: 'Historical', treatmentId: 'historical-data', role: 'historical-control' }
];

function endpoint(id: string, kind: Endpoint['kind'], results: Result[]): Endpoint {
	return { id, kind, label: id, definition: `${id} definition`, primary: false, results };
}

function study(endpoints: Endpoint[]): Study {
	return {
		id: 'tower-like',
		name: 'Two-arm fixture',
		design: 'randomised',
		indicationIds: ['rr-all'],
		population: 'adults',
		arms,
		sampleSizes: [],
		endpoints,
		sourceIds: ['ema-epar', 'topp-2017'],
		notes: [],
		provenance: provenance('ema-epar')
	};
}

describe('displayInterval', () => {
	it('passes a printed interval through unchanged, even when counts are present', () => {
		const r = result({
			id: 'cr',
			value: 43,
			events: 81,
			total: 189,
			ci: { low: 36, high: 50, level: 0.95, method: 'not stated' }
		});
		expect(displayInterval(r)).toEqual({
			low: 36,
			high: 50,
			level: 0.95,
			method: 'not stated',
			origin: 'printed'
		});
	});

	it('computes Clopper–Pearson 95 % in percent from events and total', () => {
		const shown = displayInterval(result({ id: 'cr', value: 35.6, events: 16, total: 45 }));
		const ci = proportionCI(16, 45);
		expect(shown).toEqual({
			low: 100 * ci.low,
			high: 100 * ci.high,
			level: 0.95,
			method: 'Clopper–Pearson',
			origin: 'computed'
		});
		expect(shown!.low!.toFixed(1)).toBe('21.9');
		expect(shown!.high!.toFixed(1)).toBe('51.2');
	});

	it('computes nothing for other units or without counts', () => {
		expect(displayInterval(result({ id: 'os', value: 7.7, unit: 'months' }))).toBeUndefined();
		expect(
			displayInterval(result({ id: 'x', unit: 'ratio', events: 3, total: 10 }))
		).toBeUndefined();
		expect(displayInterval(result({ id: 'y', value: 40 }))).toBeUndefined();
		expect(displayInterval(result({ id: 'z', events: 4 }))).toBeUndefined();
	});

	it('throws rather than show an interval for impossible counts', () => {
		expect(() => displayInterval(result({ id: 'bad', events: 5, total: 4 }))).toThrow(
			StatsInputError
		);
	});
});

describe('twoArmEffects', () => {
	it('labels every effect with its method and matches the stats module', () => {
		const e = twoArmEffects({ events: 18, total: 54 }, { events: 31, total: 54 });
		expect(e.riskDifference).toEqual({
			...riskDifference({ events: 18, total: 54 }, { events: 31, total: 54 }),
			label: 'Newcombe hybrid score 95 %'
		});
		expect(e.riskRatio.label).toBe('Wald (log scale) 95 %');
		expect(e.oddsRatio.label).toBe('Wald (log scale) 95 %');
		expect(e.riskRatio.estimate).toBeCloseTo(18 / 31, 12);
		expect(e.fisher).toEqual({
			p: fisherExact({ events: 18, total: 54 }, { events: 31, total: 54 }),
			method: 'fisher-exact',
			label: 'Fisher exact test, two-sided'
		});
		expect(e.nnt.kind).toBe('harm');
		expect(e.nnt.label).toBe('Altman, from Newcombe hybrid score 95 %');
		expect(e.nnt.nnt).toBeCloseTo(1 / (31 / 54 - 18 / 54), 12);
	});

	it('turns harm into benefit for an undesirable event', () => {
		const e = twoArmEffects(
			{ events: 18, total: 54 },
			{ events: 31, total: 54 },
			{ outcome: 'undesirable' }
		);
		expect(e.nnt.kind).toBe('benefit');
	});
});

describe('studyTwoArmEffects', () => {
	const s = study([
		endpoint('cr', 'response', [
			result({ id: 'cr-blina', armId: 'blina', events: 31, total: 54 }),
			result({ id: 'cr-chemo', armId: 'chemo', events: 18, total: 54 }),
			// Same arm, other source: paired only with its own source.
			result({
				id: 'cr-blina-pub',
				armId: 'blina',
				events: 30,
				total: 54,
				provenance: provenance('topp-2017')
			})
		]),
		endpoint('relapse', 'event-rate', [
			result({ id: 'rel-blina', armId: 'blina', events: 10, total: 50 }),
			result({ id: 'rel-chemo', armId: 'chemo', events: 20, total: 50 })
		]),
		endpoint('mixed-sources', 'response', [
			result({ id: 'm-blina', armId: 'blina', events: 12, total: 40 }),
			result({
				id: 'm-chemo',
				armId: 'chemo',
				events: 8,
				total: 40,
				provenance: provenance('topp-2017')
			})
		]),
		endpoint('vs-historical', 'response', [
			result({ id: 'h-blina', armId: 'blina', events: 12, total: 40 }),
			result({ id: 'h-hist', armId: 'hist', events: 8, total: 40 })
		]),
		endpoint('timepoints', 'landmark-survival', [
			result({
				id: 't-blina-6',
				armId: 'blina',
				events: 30,
				total: 50,
				timepoint: { value: 6, unit: 'months', label: '6 months' }
			}),
			result({
				id: 't-chemo-12',
				armId: 'chemo',
				events: 20,
				total: 50,
				timepoint: { value: 12, unit: 'months', label: '12 months' }
			}),
			result({
				id: 't-chemo-6',
				armId: 'chemo',
				events: 25,
				total: 50,
				timepoint: { value: 6, unit: 'months', label: '6 months' }
			})
		]),
		endpoint('effect-only', 'hazard-ratio', [
			result({
				id: 'hr',
				unit: 'ratio',
				value: 0.71,
				comparison: { experimentalArmId: 'blina', comparatorArmId: 'chemo' }
			})
		])
	]);
	const effects = studyTwoArmEffects(s);

	it('pairs experimental and comparator results only within one source and timepoint', () => {
		expect(
			effects.map((e) => [e.endpointId, e.sourceId, e.experimentalResultId, e.comparatorResultId])
		).toEqual([
			['cr', 'ema-epar', 'cr-blina', 'cr-chemo'],
			['relapse', 'ema-epar', 'rel-blina', 'rel-chemo'],
			['timepoints', 'ema-epar', 't-blina-6', 't-chemo-6']
		]);
		expect(effects[2].timepoint).toBe('6 months');
	});

	it('computes the effects experimental vs comparator with the endpoint’s event direction', () => {
		const [cr, relapse] = effects;
		expect(cr.experimental).toEqual({ events: 31, total: 54 });
		expect(cr.effects).toEqual(twoArmEffects({ events: 31, total: 54 }, { events: 18, total: 54 }));
		expect(cr.outcome).toBe('desirable');
		expect(cr.effects.nnt.kind).toBe('benefit');
		expect(relapse.outcome).toBe('undesirable');
		expect(relapse.effects.riskDifference.estimate).toBeCloseTo(-0.2, 12);
		expect(relapse.effects.nnt.kind).toBe('benefit');
	});

	it('returns nothing for a single-arm study', () => {
		const single = study([
			endpoint('cr', 'response', [result({ id: 'a', armId: 'blina', events: 81, total: 189 })])
		]);
		expect(studyTwoArmEffects({ ...single, arms: [arms[0]] })).toEqual([]);
	});
});
