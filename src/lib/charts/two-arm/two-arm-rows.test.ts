import { describe, expect, it } from 'vitest';
import { armPairs, effectPanels, effectRows } from './two-arm-rows';
import { fixtureDataset, fixtureRandomised } from './fixtures';

describe('armPairs', () => {
	const pairs = armPairs(fixtureDataset, fixtureRandomised);

	it('pairs the arms per endpoint and source, keeping both sources of one endpoint', () => {
		expect(
			pairs.map((p) => [p.endpointId, p.sourceShort, p.experimental?.value, p.comparator?.value])
		).toEqual([
			['gamma-events', 'Agency overview', 34, 58],
			['gamma-events', 'Gamma 2023', 32, 58],
			['gamma-os-2y', 'Gamma 2023', 90, 71],
			['gamma-os-1y', 'Gamma 2023', 96, 84],
			['gamma-os-median', 'Gamma 2023', 30.5, 14.2]
		]);
	});

	it('separates percent from months', () => {
		expect(pairs.filter((p) => p.unit === 'months').map((p) => p.endpointId)).toEqual([
			'gamma-os-median'
		]);
	});

	it('computes a CI only from counts', () => {
		const events = pairs.filter((p) => p.endpointId === 'gamma-events');
		expect(events.map((p) => p.experimental?.ci?.origin)).toEqual([undefined, 'computed']);
	});

	it('flags the figure whose sources disagree', () => {
		expect(pairs[0].experimental?.discrepancies).toHaveLength(1);
	});
});

describe('effectRows and effectPanels', () => {
	const rows = effectRows(fixtureDataset, fixtureRandomised);

	it.each([
		// key, measure, origin, direction, estimate
		['gamma-efs-hr-pub', 'hazard-ratio', 'printed', 'lower', 0.4],
		['gamma-mrd-diff-pub', 'difference', 'printed', 'unknown', 30.2],
		['gamma-events/pub-c//rd', 'risk-difference', 'computed', 'lower', -26],
		['gamma-events/pub-c//rr', 'risk-ratio', 'computed', 'lower', 16 / 29]
	] as const)(
		'%s is a %s (%s), %s favours the experimental arm',
		(key, measure, origin, direction, estimate) => {
			const row = rows.find((r) => r.key === key)!;
			expect(row).toMatchObject({ measure, origin, direction });
			expect(row.estimate).toBeCloseTo(estimate, 6);
		}
	);

	it('computes no effect without counts in both arms', () => {
		expect(rows.some((r) => r.key.startsWith('gamma-events/reg'))).toBe(false);
	});

	it('keeps the printed CI of a hazard ratio and names the computed methods', () => {
		expect(rows.find((r) => r.key === 'gamma-efs-hr-pub')).toMatchObject({ low: 0.22, high: 0.73 });
		expect(rows.find((r) => r.measure === 'risk-difference')?.method).toMatch(/Newcombe/);
	});

	it('groups effects into panels of one scale and one direction', () => {
		expect(effectPanels(rows).map((p) => [p.id, p.scale, p.rows.map((r) => r.measure)])).toEqual([
			['ratio-lower', 'log', ['hazard-ratio', 'risk-ratio']],
			['difference-lower', 'linear', ['risk-difference']],
			['difference-unknown', 'linear', ['difference']]
		]);
	});
});
