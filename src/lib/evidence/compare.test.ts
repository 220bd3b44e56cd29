import { describe, expect, it } from 'vitest';
import { tinyDatasetInput } from '../../../tests/fixtures/tiny-dataset';
import { alignEndpoints, endpointKey } from './compare';
import { validateDataset } from './validate';

const outcome = validateDataset(tinyDatasetInput);
if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
const dataset = outcome.dataset;
const pick = (...ids: string[]) => ids.map((id) => dataset.studies.find((s) => s.id === id)!);

describe('endpointKey', () => {
	it.each([
		['CR/CRh within two cycles', 'cr/crh within two cycles'],
		['  Median  overall survival ', 'median overall survival'],
		['Overall survival – hazard ratio', 'overall survival - hazard ratio']
	])('%j', (label, expected) => {
		expect(endpointKey('response', label)).toBe(`response|${expected}`);
	});
});

describe('alignEndpoints', () => {
	it('puts the same endpoint of two studies on one row, each with its own results', () => {
		const groups = alignEndpoints(dataset, pick('alpha', 'beta'));
		expect(groups.map((g) => g.kind)).toEqual(['response', 'median-time', 'hazard-ratio']);
		const cr = groups[0].rows[0];
		expect(cr.label).toBe('Complete remission');
		expect(cr.cells.map((c) => c.map((r) => r.result.id))).toEqual([
			['alpha-cr-agency', 'alpha-cr-paper'],
			['beta-cr-x', 'beta-cr-c']
		]);
		expect(cr.primary).toEqual([true, true]);
	});

	it('leaves a cell empty where a study does not report the endpoint', () => {
		const groups = alignEndpoints(dataset, pick('alpha', 'beta'));
		const os = groups.find((g) => g.kind === 'median-time')!.rows[0];
		expect(os.cells.map((c) => c.length)).toEqual([1, 0]);
		const hr = groups.find((g) => g.kind === 'hazard-ratio')!.rows[0];
		expect(hr.cells.map((c) => c.length)).toEqual([0, 1]);
	});

	it('follows the order the studies are given in', () => {
		const groups = alignEndpoints(dataset, pick('gamma', 'delta', 'alpha'));
		expect(groups.map((g) => g.kind)).toEqual(['response', 'event-rate', 'median-time']);
		expect(groups[0].rows[0].cells.map((c) => c.length)).toEqual([1, 0, 2]);
		expect(groups[1].rows[0].primary).toEqual([false, true, false]);
	});

	it('returns nothing for no studies', () => {
		expect(alignEndpoints(dataset, [])).toEqual([]);
	});
});
