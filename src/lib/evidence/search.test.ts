import { describe, expect, it } from 'vitest';
import { tinyDatasetInput } from '../../../tests/fixtures/tiny-dataset';
import { normalise, search, searchIndex, suggest } from './search';
import { validateDataset } from './validate';

const outcome = validateDataset(tinyDatasetInput);
if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
const index = searchIndex(outcome.dataset);
const find = (query: string) => search(index, query).map((h) => `${h.kind}:${h.id}`);

describe('normalise', () => {
	it.each([
		['Gökbuget', 'gokbuget'],
		['MT103-211', 'mt103 211'],
		['  CR/CRh ', 'cr crh']
	])('%j → %j', (text, expected) => {
		expect(normalise(text)).toBe(expected);
	});
});

describe('search', () => {
	it.each<[string, string[]]>([
		['', []],
		['   ', []],
		['alpha', ['study:alpha']],
		['ALPHA', ['study:alpha']],
		['AB-101', ['study:alpha']],
		['ab101', ['study:alpha']],
		['NCT00000002', ['study:beta']],
		['nct0000000', ['study:alpha', 'study:beta']],
		['20120215', ['study:delta']],
		['children', ['indication:child-consol', 'study:delta']],
		// Facet value labels are searched too: "Ph-positive or negative" (any Ph status) comes last.
		['ph-positive', ['indication:adult-pos-rr', 'study:gamma', 'indication:child-consol']],
		[
			'adults relapsed',
			[
				'indication:adult-neg-rr',
				'indication:adult-pos-rr',
				'study:alpha',
				'study:beta',
				'study:gamma',
				'study:delta'
			]
		],
		['zeta', []]
	])('%j finds %j', (query, expected) => {
		expect(find(query)).toEqual(expected);
	});

	it('links each hit to its page', () => {
		const [hit] = search(index, 'beta');
		expect(hit.path).toBe('/studies/beta');
		expect(hit.detail).toBe('BE-302 · NCT00000002');
		expect(search(index, 'consolidation')[0].path).toBe('/indications/child-consol');
	});

	it.each<[string, string, string]>([
		['', 'beta', '/studies/beta'],
		['', 'consolidation', '/indications/child-consol'],
		['/landscape', 'beta', '/landscape/studies/beta'],
		['/landscape', 'consolidation', '/landscape/indications/child-consol']
	])('under the dataset root %j, %j links to %s', (root, query, path) => {
		const [hit] = search(searchIndex(outcome.dataset, root), query);
		expect(hit.path).toBe(path);
	});

	it('limits the number of hits', () => {
		expect(search(index, 'a', 2)).toHaveLength(2);
	});
});

describe('suggest', () => {
	it.each<[string, string[]]>([
		['alphax', ['study:alpha']],
		['beta-2', ['study:beta']],
		['nct00000002-old', ['study:beta']],
		['zz', []],
		['qqqqq', []]
	])('%j suggests %j', (text, expected) => {
		expect(suggest(index, text).map((h) => `${h.kind}:${h.id}`)).toEqual(expected);
	});
});
